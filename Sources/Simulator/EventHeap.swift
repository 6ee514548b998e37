/// The simulator's pending events, ordered by time and, at equal times, by the order they were scheduled.
///
/// Two lanes, merged on `pop`:
/// - a 4-ary min-heap over a plain array of trivially copyable ``SimulationEvent``s, hand-written so that the
///   comparison is two inlined field compares and nothing is boxed or allocated per push or pop (the array grows
///   to the largest number of pending events once); four children per node halve the depth of a binary heap and
///   keep siblings in one or two cache lines;
/// - a first-in, first-out lane for events due at the time of the last pop ("now"): with zero network delay most
///   events are deliveries due at once, and they skip the heap. Everything pushed there is due at the current time
///   with a growing sequence number, so the lane is itself in (time, sequence) order and the merge of the two lanes
///   pops exactly what one heap would.
///
/// Ties break on a sequence number, so a run is deterministic and events scheduled for the same instant run
/// first-in, first-out.
struct EventHeap {
    private var storage: [SimulationEvent] = []
    private var due: [SimulationEvent] = []
    private var dueHead = 0
    private var nextSequence: UInt64 = 0
    /// The time of the last event popped: nothing may be pushed earlier.
    private(set) var now = -Double.infinity

    init() {
        storage.reserveCapacity(1 << 12)
        due.reserveCapacity(1 << 8)
    }

    var isEmpty: Bool { storage.isEmpty && dueHead == due.count }
    var count: Int { storage.count + due.count - dueHead }

    /// Schedules `payload` for `target` at `time` (not before the last popped event's time).
    @inline(__always)
    mutating func push(_ time: Double, target: Int32 = 0, generation: UInt32 = 0, _ payload: SimulationEvent.Payload) {
        nextSequence &+= 1
        let event = SimulationEvent(time: time, sequence: nextSequence, target: target, generation: generation, payload: payload)
        if time <= now {
            assert(time == now, "an event scheduled before the current time")
            due.append(event)
        } else {
            storage.append(event)
            siftUp(storage.count - 1)
        }
    }

    /// Takes the earliest event.
    @inline(__always)
    mutating func pop() -> SimulationEvent? {
        if dueHead < due.count, storage.isEmpty || Self.before(due[dueHead], storage[0]) {
            let event = due[dueHead]
            dueHead += 1
            if dueHead == due.count {
                due.removeAll(keepingCapacity: true)
                dueHead = 0
            }
            return event
        }
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else {
            now = last.time
            return last
        }
        let first = storage[0]
        storage[0] = last
        siftDown(0)
        now = first.time
        return first
    }

    @inline(__always)
    private static func before(_ a: SimulationEvent, _ b: SimulationEvent) -> Bool {
        a.time < b.time || (a.time == b.time && a.sequence < b.sequence)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        let item = storage[child]
        while child > 0 {
            let parent = (child - 1) >> 2
            guard Self.before(item, storage[parent]) else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = item
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let item = storage[parent]
        let count = storage.count
        while true {
            let first = 4 * parent + 1
            guard first < count else { break }
            var child = first
            if first + 3 < count {
                let a = Self.before(storage[first + 1], storage[first]) ? first + 1 : first
                let b = Self.before(storage[first + 3], storage[first + 2]) ? first + 3 : first + 2
                child = Self.before(storage[b], storage[a]) ? b : a
            } else {
                var candidate = first + 1
                while candidate < count {
                    if Self.before(storage[candidate], storage[child]) { child = candidate }
                    candidate += 1
                }
            }
            guard Self.before(storage[child], item) else { break }
            storage[parent] = storage[child]
            parent = child
        }
        storage[parent] = item
    }
}

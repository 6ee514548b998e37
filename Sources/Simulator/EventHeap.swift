/// The simulator's pending events, ordered by time and, at equal times, by the order they were scheduled.
///
/// Two lanes, merged on `pop`:
/// - a 4-ary min-heap of 16-byte keys (time, and the sequence number packed with the slot of the event's body in
///   a side table), hand-written so that the comparison is two inlined field compares and nothing is boxed or
///   allocated per push or pop (the arrays grow to the largest number of pending events once); four children per
///   node halve the depth of a binary heap, and four 16-byte keys fill one cache line, where whole events (56
///   bytes) needed four;
/// - a first-in, first-out lane for events due at the time of the last pop ("now"): with zero network delay most
///   events are deliveries due at once, and they skip the heap. Everything pushed there is due at the current time
///   with a growing sequence number, so the lane is itself in (time, sequence) order and the merge of the two lanes
///   pops exactly what one heap would.
///
/// Ties break on a sequence number, so a run is deterministic and events scheduled for the same instant run
/// first-in, first-out.
struct EventHeap {
    /// A heap entry: the event's time, and its sequence number (high 40 bits) with its body's slot (low 24 bits).
    private struct Key {
        var time: Double
        var order: UInt64

        @inline(__always) var slot: Int { Int(truncatingIfNeeded: order & Key.slotMask) }
        static let slotBits: UInt64 = 24
        static let slotMask: UInt64 = (1 << slotBits) - 1
    }

    /// What an event is, apart from its time and order.
    private struct Body {
        var target: Int32
        var generation: UInt32
        var payload: SimulationEvent.Payload
    }

    private var storage: [Key] = []
    private var bodies: [Body] = []
    private var freeBodies: [Int32] = []
    private var due: [SimulationEvent] = []
    private var dueHead = 0
    private var nextSequence: UInt64 = 0
    /// The time of the last event popped: nothing may be pushed earlier.
    private(set) var now = -Double.infinity

    init() {
        storage.reserveCapacity(1 << 12)
        bodies.reserveCapacity(1 << 12)
        due.reserveCapacity(1 << 8)
    }

    var isEmpty: Bool { storage.isEmpty && dueHead == due.count }
    var count: Int { storage.count + due.count - dueHead }

    /// Schedules `payload` for `target` at `time` (not before the last popped event's time).
    @inline(__always)
    mutating func push(_ time: Double, target: Int32 = 0, generation: UInt32 = 0, _ payload: SimulationEvent.Payload) {
        nextSequence += 1
        if time <= now {
            assert(time == now, "an event scheduled before the current time")
            due.append(SimulationEvent(time: time, sequence: nextSequence, target: target, generation: generation, payload: payload))
            return
        }
        let body = Body(target: target, generation: generation, payload: payload)
        let slot: Int
        if let free = freeBodies.popLast() {
            slot = Int(free)
            bodies[slot] = body
        } else {
            slot = bodies.count
            precondition(UInt64(slot) <= Key.slotMask, "more than 16.7 million events pending in a simulation")
            bodies.append(body)
        }
        precondition(nextSequence >> (64 - Key.slotBits) == 0, "more than 2⁴⁰ events scheduled in one simulation")
        storage.append(Key(time: time, order: nextSequence << Key.slotBits | UInt64(slot)))
        siftUp(storage.count - 1)
    }

    /// Takes the earliest event.
    @inline(__always)
    mutating func pop() -> SimulationEvent? {
        if dueHead < due.count,
            storage.isEmpty || due[dueHead].time < storage[0].time
                || (due[dueHead].time == storage[0].time && due[dueHead].sequence < storage[0].order >> Key.slotBits)
        {
            let event = due[dueHead]
            dueHead += 1
            if dueHead == due.count {
                due.removeAll(keepingCapacity: true)
                dueHead = 0
            }
            return event
        }
        guard let last = storage.popLast() else { return nil }
        let first: Key
        if storage.isEmpty {
            first = last
        } else {
            first = storage[0]
            storage[0] = last
            siftDown(0)
        }
        now = first.time
        let slot = first.slot
        freeBodies.append(Int32(slot))
        let body = bodies[slot]
        return SimulationEvent(
            time: first.time,
            sequence: first.order >> Key.slotBits,
            target: body.target,
            generation: body.generation,
            payload: body.payload
        )
    }

    @inline(__always)
    private static func before(_ a: Key, _ b: Key) -> Bool {
        a.time < b.time || (a.time == b.time && a.order < b.order)
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

    /// Removes the root: the hole it leaves moves down along the smaller children to a leaf, and the last key
    /// (stored at the root by the caller) fills it from there upwards (Floyd's bottom-up deletion: the last key
    /// nearly always belongs near the bottom, so this saves the comparison with it on every level going down).
    private mutating func siftDown(_ start: Int) {
        let item = storage[start]
        let count = storage.count
        var hole = start
        while true {
            let first = 4 * hole + 1
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
            storage[hole] = storage[child]
            hole = child
        }
        storage[hole] = item
        siftUp(hole)
    }
}

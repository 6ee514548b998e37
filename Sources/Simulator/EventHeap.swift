/// The simulator's pending events, ordered by time and, at equal times, by the order they were scheduled.
///
/// A 4-ary min-heap over a plain array of trivially copyable ``SimulationEvent``s, hand-written so that the
/// comparison is two inlined field compares and nothing is boxed or allocated per push or pop (the array grows
/// to the largest number of pending events once); four children per node halve the depth of a binary heap and
/// keep siblings in one or two cache lines. Ties break on a sequence number, so a run is deterministic and events
/// scheduled for the same instant run first-in, first-out.
struct EventHeap {
    private var storage: [SimulationEvent] = []
    private var nextSequence: UInt64 = 0

    init() {
        storage.reserveCapacity(1 << 12)
    }

    var isEmpty: Bool { storage.isEmpty }
    var count: Int { storage.count }

    /// Schedules `payload` for `target` at `time`.
    @inline(__always)
    mutating func push(_ time: Double, target: Int32 = 0, generation: UInt32 = 0, _ payload: SimulationEvent.Payload) {
        nextSequence &+= 1
        storage.append(SimulationEvent(time: time, sequence: nextSequence, target: target, generation: generation, payload: payload))
        siftUp(storage.count - 1)
    }

    /// Takes the earliest event.
    @inline(__always)
    mutating func pop() -> SimulationEvent? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let first = storage[0]
        storage[0] = last
        siftDown(0)
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

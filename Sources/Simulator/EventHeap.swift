/// The simulator's pending events, ordered by time and, at equal times, by the order they were scheduled.
///
/// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan's monotone priority queue) with a first-in, first-out lane:
///
/// - A simulation never schedules an event before the current time, so the queue only has to serve keys at or
///   after the last one popped (`now`). Bucket `b` holds the events whose time differs from `now` first in bit
///   `b - 1` (of the time's IEEE 754 bits, which order like the times for times ≥ 0); a push appends to its
///   bucket in O(1). When the events at `now` are used up, the first non-empty bucket is emptied into lower ones
///   around its earliest time, which becomes `now`; each event moves down a few times at most. Compared with the
///   4-ary binary heap this replaced, pushes no longer sift, and an event is read from memory it was just moved
///   through instead of at a random place, which perf showed as the simulator's largest cost on a big day.
/// - Events due at `now` itself (with zero network delay most deliveries are) go to the lane and skip the buckets.
///
/// Ties need no sequence number: every bucket holds its events in push order (a push appends the newest event,
/// and a refill moves the events of the lowest non-empty bucket, in order, into buckets that are all empty), so
/// bucket 0 after a refill holds the events at `now` in push order, all pushed before `now` came; the lane holds
/// those pushed since, in order. Popping bucket 0 first, then the lane, is the (time, push order) order, and a
/// run is deterministic. Nothing is allocated per event once the buckets have grown.
///
/// The buckets are raw growable buffers that the heap owns (it is not copyable): appends to an array of arrays
/// checked both arrays' uniqueness and bounds on every push and move, a few percent of a simulated day in perf.
struct EventHeap: ~Copyable {
    /// A growable run of events in raw memory, owned by the heap.
    private struct Bucket {
        var base: UnsafeMutablePointer<SimulationEvent>?
        var count = 0
        var capacity = 0

        @inline(__always)
        mutating func append(_ event: SimulationEvent) {
            if count == capacity { grow() }
            (base! + count).initialize(to: event)
            count += 1
        }

        private mutating func grow() {
            let larger = Swift.max(64, capacity * 2)
            let new = UnsafeMutablePointer<SimulationEvent>.allocate(capacity: larger)
            if let base {
                new.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = new
            capacity = larger
        }
    }

    /// Bucket 0 holds events at `now` in push order (read from `zeroHead`); buckets 1…64 by highest differing
    /// bit of the time.
    private let buckets: UnsafeMutablePointer<Bucket>
    private var zeroHead = 0
    /// Bit `b - 1` set while bucket `b` (1…64) is not empty.
    private var occupied: UInt64 = 0
    /// Events in buckets 1…64.
    private var stored = 0
    /// Events scheduled at `now` since it came, in push order (read from `dueHead`).
    private var due = Bucket()
    private var dueHead = 0
    /// The time of the last event popped (0 before the first): nothing may be pushed earlier.
    private(set) var now = 0.0
    /// `now`'s bits.
    private var nowBits: UInt64 = 0

    init() {
        buckets = .allocate(capacity: 65)
        buckets.initialize(repeating: Bucket(), count: 65)
    }

    deinit {
        // Events are trivial: only the memory goes.
        for index in 0..<65 { buckets[index].base?.deallocate() }
        buckets.deinitialize(count: 65)
        buckets.deallocate()
        due.base?.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var count: Int { stored + buckets[0].count - zeroHead + due.count - dueHead }

    /// Schedules `payload` for `target` at `time` (not before the last popped event's time, never negative).
    @inline(__always)
    mutating func push(_ time: Double, target: Int32 = 0, generation: UInt32 = 0, _ payload: SimulationEvent.Payload) {
        // `+ 0` turns -0.0 into +0.0, whose bits order correctly.
        let event = SimulationEvent(time: time + 0, target: target, generation: generation, payload: payload)
        if time <= now {
            assert(time == now, "an event scheduled before the current time")
            due.append(event)
            return
        }
        precondition(time >= 0, "an event scheduled at a negative time")
        let bucket = Self.bucket(event.time.bitPattern, around: nowBits)
        buckets[bucket].append(event)
        stored += 1
        occupied |= 1 << UInt64(bucket - 1)
    }

    /// The bucket of a time's bits relative to `base`: 0 when equal, else 1 + the highest differing bit.
    @inline(__always)
    private static func bucket(_ bits: UInt64, around base: UInt64) -> Int {
        let difference = bits ^ base
        return difference == 0 ? 0 : 64 - difference.leadingZeroBitCount
    }

    /// Takes the earliest event.
    @inline(__always)
    mutating func pop() -> SimulationEvent? {
        // Bucket 0 holds the events at `now` scheduled before it came; the lane those scheduled since.
        if zeroHead < buckets[0].count {
            let event = buckets[0].base![zeroHead]
            zeroHead += 1
            return event
        }
        if dueHead < due.count {
            let event = due.base![dueHead]
            dueHead += 1
            if dueHead == due.count {
                due.count = 0
                dueHead = 0
            }
            return event
        }
        guard occupied != 0 else { return nil }
        refill()
        zeroHead = 1
        return buckets[0].base![0]
    }

    /// Empties the first non-empty bucket around its earliest time, which becomes `now`: the events at that time
    /// go to bucket 0, the others to lower buckets, each in the order it had.
    private mutating func refill() {
        buckets[0].count = 0
        let source = occupied.trailingZeroBitCount + 1
        occupied &= ~(1 << UInt64(source - 1))
        let events = buckets[source].base!
        let count = buckets[source].count
        buckets[source].count = 0
        stored -= count
        var earliest = events[0].time.bitPattern
        for index in 1..<count { earliest = Swift.min(earliest, events[index].time.bitPattern) }
        nowBits = earliest
        now = Double(bitPattern: earliest)
        // The target buckets are all below `source`, so appending to them never moves `events`.
        for index in 0..<count {
            let event = events[index]
            let bucket = Self.bucket(event.time.bitPattern, around: earliest)
            buckets[bucket].append(event)
            if bucket > 0 {
                occupied |= 1 << UInt64(bucket - 1)
                stored += 1
            }
        }
    }
}

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
///   The lane is in (time, sequence) order by construction, and bucket 0 (the events at `now` that were scheduled
///   earlier) is sorted by sequence when it is filled, so merging the two pops exactly the (time, sequence) order.
///
/// Ties break on a sequence number, so a run is deterministic and events scheduled for the same instant run
/// first-in, first-out. Nothing is allocated per event once the arrays have grown.
struct EventHeap {
    /// Bucket 0 holds events at `now`, sorted by sequence with the smallest last; buckets 1…64 by highest differing
    /// bit of the time.
    private var buckets = [[SimulationEvent]](repeating: [], count: 65)
    /// Bit `b - 1` set while bucket `b` (1…64) is not empty.
    private var occupied: UInt64 = 0
    private var stored = 0
    private var due: [SimulationEvent] = []
    private var dueHead = 0
    private var nextSequence: UInt64 = 0
    /// The time of the last event popped (0 before the first): nothing may be pushed earlier.
    private(set) var now = 0.0
    /// `now`'s bits.
    private var nowBits: UInt64 = 0

    init() {
        due.reserveCapacity(1 << 8)
    }

    var isEmpty: Bool { stored == 0 && dueHead == due.count }
    var count: Int { stored + due.count - dueHead }

    /// Schedules `payload` for `target` at `time` (not before the last popped event's time, never negative).
    @inline(__always)
    mutating func push(_ time: Double, target: Int32 = 0, generation: UInt32 = 0, _ payload: SimulationEvent.Payload) {
        nextSequence += 1
        // `+ 0` turns -0.0 into +0.0, whose bits order correctly.
        let event = SimulationEvent(time: time + 0, sequence: nextSequence, target: target, generation: generation, payload: payload)
        if time <= now {
            assert(time == now, "an event scheduled before the current time")
            due.append(event)
            return
        }
        precondition(time >= 0, "an event scheduled at a negative time")
        let bucket = Self.bucket(event.time.bitPattern, around: nowBits)
        buckets[bucket].append(event)
        stored += 1
        if bucket > 0 { occupied |= 1 << UInt64(bucket - 1) }
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
        if dueHead < due.count {
            // Bucket 0 holds the events at `now` scheduled before it came; the lane those scheduled since.
            if let earlier = buckets[0].last, earlier.sequence < due[dueHead].sequence {
                stored -= 1
                return buckets[0].removeLast()
            }
            let event = due[dueHead]
            dueHead += 1
            if dueHead == due.count {
                due.removeAll(keepingCapacity: true)
                dueHead = 0
            }
            return event
        }
        if buckets[0].isEmpty {
            guard occupied != 0 else { return nil }
            refill()
        }
        stored -= 1
        let event = buckets[0].removeLast()
        now = event.time
        return event
    }

    /// Empties the first non-empty bucket around its earliest time, which becomes `now`: the events at that time
    /// go to bucket 0 (sorted by sequence), the others to lower buckets.
    private mutating func refill() {
        let source = occupied.trailingZeroBitCount + 1
        occupied &= ~(1 << UInt64(source - 1))
        var events: [SimulationEvent] = []
        swap(&events, &buckets[source])
        var earliest = events[0].time.bitPattern
        for event in events.dropFirst() { earliest = Swift.min(earliest, event.time.bitPattern) }
        nowBits = earliest
        now = Double(bitPattern: earliest)
        for event in events {
            let bucket = Self.bucket(event.time.bitPattern, around: earliest)
            buckets[bucket].append(event)
            if bucket > 0 { occupied |= 1 << UInt64(bucket - 1) }
        }
        if buckets[0].count > 1 { buckets[0].sort { $0.sequence > $1.sequence } }
        // Hand the emptied array back, keeping its capacity.
        events.removeAll(keepingCapacity: true)
        swap(&events, &buckets[source])
    }
}

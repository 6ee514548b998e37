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
/// run is deterministic. Nothing is allocated per event once the arrays have grown.
struct EventHeap {
    /// Bucket 0 holds events at `now` in push order (read from `zeroHead`); buckets 1…64 by highest differing
    /// bit of the time.
    private var buckets = [[SimulationEvent]](repeating: [], count: 65)
    private var zeroHead = 0
    /// Bit `b - 1` set while bucket `b` (1…64) is not empty.
    private var occupied: UInt64 = 0
    /// Events in buckets 1…64.
    private var stored = 0
    private var due: [SimulationEvent] = []
    private var dueHead = 0
    /// The time of the last event popped (0 before the first): nothing may be pushed earlier.
    private(set) var now = 0.0
    /// `now`'s bits.
    private var nowBits: UInt64 = 0

    init() {
        due.reserveCapacity(1 << 8)
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
            let event = buckets[0][zeroHead]
            zeroHead += 1
            return event
        }
        if dueHead < due.count {
            let event = due[dueHead]
            dueHead += 1
            if dueHead == due.count {
                due.removeAll(keepingCapacity: true)
                dueHead = 0
            }
            return event
        }
        guard occupied != 0 else { return nil }
        refill()
        zeroHead = 1
        return buckets[0][0]
    }

    /// Empties the first non-empty bucket around its earliest time, which becomes `now`: the events at that time
    /// go to bucket 0, the others to lower buckets, each in the order it had.
    private mutating func refill() {
        buckets[0].removeAll(keepingCapacity: true)
        let source = occupied.trailingZeroBitCount + 1
        occupied &= ~(1 << UInt64(source - 1))
        var events: [SimulationEvent] = []
        swap(&events, &buckets[source])
        stored -= events.count
        var earliest = events[0].time.bitPattern
        for event in events.dropFirst() { earliest = Swift.min(earliest, event.time.bitPattern) }
        nowBits = earliest
        now = Double(bitPattern: earliest)
        for event in events {
            let bucket = Self.bucket(event.time.bitPattern, around: earliest)
            buckets[bucket].append(event)
            if bucket > 0 {
                occupied |= 1 << UInt64(bucket - 1)
                stored += 1
            }
        }
        // Hand the emptied array back, keeping its capacity.
        events.removeAll(keepingCapacity: true)
        swap(&events, &buckets[source])
    }
}

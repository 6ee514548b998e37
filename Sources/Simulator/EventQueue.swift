/// The simulator's pending events, ordered by time and, at equal times, by the order they were scheduled.
///
/// A calendar queue (Brown 1988) in epochs, with a first-in, first-out lane for events due now:
///
/// - An epoch covers `bucketCount` buckets of `width` seconds from `base`; an event within it is put on its
///   bucket's list (O(1), no comparison), one beyond it on the overflow list. The buckets are taken in order: the
///   next non-empty one (a bitmap says which) is copied into `run` and sorted there, and the events are popped
///   from `run`. An event scheduled into the bucket being popped is inserted into `run` in its place. When the
///   epoch's buckets are used up, the next epoch starts at the earliest overflow event and the overflow is
///   distributed into it.
/// - The width follows the events: each epoch's is set from the rate events were taken at in the last one (about
///   `eventsPerBucket` per bucket), widened when the epoch would hold less than a quarter of what is pending (a
///   quiet spell after a busy one); a bucket found much fuller than that (a first epoch's guess, a burst) makes
///   the queue spread everything pending anew at a width to suit. Events at infinity come last, in push order.
/// - Events due at `now` itself (with zero network delay most deliveries are) go to the lane.
///
/// Ties need no sequence number: events of equal time always share a list (a bucket's, or the overflow), each
/// list holds its events newest first, taking a bucket reverses it and sorts it stably, and distributing walks
/// the events oldest first; `run`'s events at `now` were all pushed before `now` came, the lane's since. Popping
/// those of `run` first, then the lane, is the (time, push order) order, and a run is deterministic.
///
/// The events live in one pool of list nodes (a freed node is reused by the next push, so the nodes in use stay
/// few and warm); a push writes the new node and its bucket's head, nothing else. The radix heap this replaced
/// moved each event through 6.7 of its buckets on average in a simulated day; here an event is written once and
/// copied once into `run`. The next bucket's list is followed one node per pop (`ahead`), so that its nodes are
/// loaded while the current bucket's events are handled. `chatstorm bench events`: 24–26 ns per event with 1,000
/// in flight (radix heap 35–38), 26.5–32 with 16,384 (40–43), 41.5–53 with 100,000 (45.5–49: following lists
/// through a pool of 4.8 MB waits on memory); a `sim-1m` day 0.96 side by side for the queue, 0.955 again for
/// following ahead. Tried and slower (README): the first events of each bucket in place in one array of slots,
/// chunks of events instead of nodes, lists kept oldest first, a processor prefetch instead of the loads ahead.
struct EventQueue: ~Copyable {
    private struct Node {
        var event: SimulationEvent
        /// The next older node of the list (-1: none).
        var next: Int32
    }

    private static let bucketCount = 1 << 16
    /// About this many events per bucket is the aim.
    private static let eventsPerBucket = 4.0
    /// A bucket holding more than this spreads the queue anew.
    private static let crowded = 64

    /// The pool of nodes (its `count`: the nodes ever used).
    private var pool = RawRun<Node>(capacity: 1024)
    private var nodes: UnsafeMutablePointer<Node> { pool.base.unsafelyUnwrapped }
    /// The free nodes' list.
    private var free: Int32 = -1

    /// Each bucket's newest node (-1: empty).
    private let buckets: UnsafeMutablePointer<Int32>
    /// Bit `i % 64` of word `i / 64` set while bucket `i` is not empty.
    private let occupied: UnsafeMutablePointer<UInt64>
    /// The overflow's newest node.
    private var overflow: Int32 = -1
    private var overflowEarliest = Double.infinity
    /// Events in buckets and overflow.
    private var stored = 0
    /// Events moved by new epochs and spreads so far (each was pushed once before).
    private(set) var redistributed = 0

    private var base = 0.0
    private(set) var width = 1.0 / 16
    private var inverseWidth = 16.0
    /// The bucket whose events are in `run` (-1: none yet this epoch); the buckets before it are empty.
    private var cursor = -1
    /// Events taken out of buckets this epoch, and the time of the last (for the next epoch's width).
    private var takenThisEpoch = 0
    private var lastTaken = 0.0

    /// A node of the next bucket's list, followed one step per pop so that its nodes are in cache when it is taken.
    private var ahead: Int32 = -1
    /// The events of bucket `cursor`, sorted; popped from `runHead`.
    private var run = RawRun<SimulationEvent>()
    private var runHead = 0
    /// More events than this in `run` spread the queue anew.
    private var crowdedRun = crowded
    /// Events scheduled at `now` since it came, in push order (read from `dueHead`).
    private var due = RawRun<SimulationEvent>()
    private var dueHead = 0
    /// The time of the last event popped (0 before the first): nothing may be pushed earlier.
    private(set) var now = 0.0

    init() {
        buckets = .allocate(capacity: Self.bucketCount)
        buckets.initialize(repeating: -1, count: Self.bucketCount)
        occupied = .allocate(capacity: Self.bucketCount / 64)
        occupied.initialize(repeating: 0, count: Self.bucketCount / 64)
    }

    deinit {
        // Events are trivial: only the memory goes.
        pool.deallocate()
        buckets.deallocate()
        occupied.deallocate()
        run.deallocate()
        due.deallocate()
    }

    var isEmpty: Bool { count == 0 }
    var count: Int { stored + run.count - runHead + due.count - dueHead }

    /// Schedules `payload` for `target` at `time` (not before the last popped event's time, never negative).
    @inline(__always)
    mutating func push(_ time: Double, target: Int32 = 0, generation: UInt32 = 0, _ payload: SimulationEvent.Payload) {
        let event = SimulationEvent(time: time, target: target, generation: generation, payload: payload)
        if time <= now {
            assert(time == now, "an event scheduled before the current time")
            due.append(event)
            return
        }
        precondition(time >= 0, "an event scheduled at a negative time")
        let offset = (time - base) * inverseWidth
        guard offset < Double(Self.bucketCount) else {
            overflow = node(event, before: overflow)
            overflowEarliest = Swift.min(overflowEarliest, time)
            stored += 1
            return
        }
        let bucket = Int(offset)
        if bucket <= cursor {
            insertIntoRun(event)
            if run.count - runHead > crowdedRun, !respread(from: cursor) {
                // Not to be tried at every insertion: only once the run has doubled again.
                crowdedRun = 2 * (run.count - runHead)
            }
            return
        }
        buckets[bucket] = node(event, before: buckets[bucket])
        occupied[bucket >> 6] |= 1 << UInt64(bucket & 63)
        stored += 1
    }

    /// Takes the earliest event.
    @inline(__always)
    mutating func pop() -> SimulationEvent? {
        if ahead >= 0 { ahead = nodes[Int(ahead)].next }
        // `run`'s events at `now` came before the lane's (pushed before `now` came).
        if runHead < run.count, run.base![runHead].time == now {
            runHead += 1
            return run.base![runHead - 1]
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
        if runHead == run.count {
            guard nextBucket() else { return nil }
        }
        let event = run.base![runHead]
        runHead += 1
        now = event.time
        return event
    }

    /// A node holding `event` ahead of `next` (a free node when there is one).
    @inline(__always)
    private mutating func node(_ event: SimulationEvent, before next: Int32) -> Int32 {
        guard free >= 0 else {
            pool.append(Node(event: event, next: next))
            return Int32(pool.count - 1)
        }
        let node = free
        free = nodes[Int(node)].next
        nodes[Int(node)] = Node(event: event, next: next)
        return node
    }

    /// Inserts an event due within the bucket being popped into `run`, after every event due no later.
    private mutating func insertIntoRun(_ event: SimulationEvent) {
        if run.count == run.capacity { run.grow() }
        let events = run.base!
        var position = run.count
        while position > runHead, events[position - 1].time > event.time {
            (events + position).initialize(to: events[position - 1])
            position -= 1
        }
        (events + position).initialize(to: event)
        run.count += 1
    }

    /// Fills `run` with the next non-empty bucket, sorted; false when nothing is pending.
    private mutating func nextBucket() -> Bool {
        run.count = 0
        runHead = 0
        crowdedRun = Self.crowded
        while true {
            if let bucket = nextOccupied(after: cursor) {
                cursor = bucket
                let taken = take(bucket)
                if taken > Self.crowded, respread(from: bucket) { continue }
                sortRun()
                ahead = nextOccupied(after: bucket).map { buckets[$0] } ?? -1
                takenThisEpoch += taken
                lastTaken = run.base![run.count - 1].time
                return true
            }
            guard stored > 0 else { return false }
            guard overflowEarliest < .infinity else {
                // Only events at infinity are left (an epoch cannot start there): they come in push order.
                stored -= moveToRun(overflow)
                overflow = -1
                return true
            }
            startEpoch()
        }
    }

    /// The first occupied bucket after `bucket`, if any.
    @inline(__always)
    private func nextOccupied(after bucket: Int) -> Int? {
        var word = (bucket + 1) >> 6
        guard word < Self.bucketCount / 64 else { return nil }
        var bits = occupied[word] & (~0 << UInt64((bucket + 1) & 63))
        while bits == 0 {
            word += 1
            guard word < Self.bucketCount / 64 else { return nil }
            bits = occupied[word]
        }
        return word << 6 | bits.trailingZeroBitCount
    }

    /// Moves a bucket's events into `run`, oldest first, and frees their nodes; returns how many.
    private mutating func take(_ bucket: Int) -> Int {
        occupied[bucket >> 6] &= ~(1 << UInt64(bucket & 63))
        let taken = moveToRun(buckets[bucket])
        buckets[bucket] = -1
        stored -= taken
        return taken
    }

    /// Appends a list's events to `run`, oldest first, and frees its nodes; returns how many.
    private mutating func moveToRun(_ newest: Int32) -> Int {
        var node = newest
        let start = run.count
        while node >= 0 {
            run.append(nodes[Int(node)].event)
            let next = nodes[Int(node)].next
            nodes[Int(node)].next = free
            free = node
            node = next
        }
        var oldestFirst = UnsafeMutableBufferPointer(start: run.base! + start, count: run.count - start)
        oldestFirst.reverse()
        return oldestFirst.count
    }

    /// Sorts `run` by time, stably (insertion: a bucket holds a few events).
    private mutating func sortRun() {
        let events = run.base!
        for index in 1..<Swift.max(1, run.count) {
            let event = events[index]
            var position = index
            while position > 0, events[position - 1].time > event.time {
                events[position] = events[position - 1]
                position -= 1
            }
            events[position] = event
        }
    }

    /// The next epoch: it starts at the earliest overflow event, its width from the rate of the last one (but wide
    /// enough for a quarter of what is pending), and the overflow is distributed into it.
    private mutating func startEpoch() {
        let span = lastTaken - base
        if takenThisEpoch > 0, span > 0 { setWidth(Self.eventsPerBucket * span / Double(takenThisEpoch)) }
        var pending: [Int32] = []
        collect(overflow, into: &pending)
        overflow = -1
        base = overflowEarliest
        overflowEarliest = .infinity
        cursor = -1
        takenThisEpoch = 0
        let placed = distribute(pending)
        // Each epoch moves everything pending once: after a busy spell the last rate can make the epoch far too
        // short for a quiet one (an event or two an epoch, thousands moved for each). An epoch that holds less than
        // a quarter of the pending events is made wide enough for a quarter (rare: the sort is not paid otherwise),
        // so that it moves at most four times as many as it will hold.
        guard pending.count > 4 * Self.crowded, placed < pending.count / 4 else { return }
        var times: [Double] = []
        times.reserveCapacity(pending.count)
        for node in pending {
            let time = nodes[Int(node)].event.time
            times.append(time)
            let offset = (time - base) * inverseWidth
            if offset < Double(Self.bucketCount) {
                let bucket = Int(offset)
                buckets[bucket] = -1
                occupied[bucket >> 6] &= ~(1 << UInt64(bucket & 63))
            }
        }
        overflow = -1
        overflowEarliest = .infinity
        times.sort()
        setWidth(2 * (times[times.count / 4] - base) / Double(Self.bucketCount))
        distribute(pending)
    }

    /// A crowded bucket, its events in `run` (just taken, or sorted with many inserted since): everything pending
    /// (those, the later buckets, the overflow) is spread anew from its earliest time at a width for about
    /// `eventsPerBucket` a bucket. False when that would not narrow the buckets (the events are then popped as
    /// they are).
    private mutating func respread(from bucket: Int) -> Bool {
        let events = run.base!
        // Events at `now` stay: they come before the lane's (a sorted run holds them first).
        var first = runHead
        while first < run.count, events[first].time == now { first += 1 }
        guard first < run.count else { return false }
        var earliest = events[first].time
        var latest = earliest
        for index in first..<run.count {
            earliest = Swift.min(earliest, events[index].time)
            latest = Swift.max(latest, events[index].time)
        }
        let narrower = Self.clamped(width: Self.eventsPerBucket * (latest - earliest) / Double(run.count - first))
        // Not when the width is already as narrow as it gets (or all are at one time): spreading again would find
        // the same bucket crowded.
        guard latest > earliest, narrower < width / 2 else { return false }
        // Everything else pending, oldest first within each list (`run` holds equal times in push order): the
        // crowded bucket, the later buckets, the overflow.
        var pending: [Int32] = []
        for index in first..<run.count { pending.append(node(events[index], before: -1)) }
        stored += run.count - first
        run.count = first
        var next = bucket
        while let later = nextOccupied(after: next) {
            next = later
            occupied[next >> 6] &= ~(1 << UInt64(next & 63))
            collect(buckets[next], into: &pending)
            buckets[next] = -1
        }
        collect(overflow, into: &pending)
        overflow = -1
        overflowEarliest = .infinity
        setWidth(narrower)
        base = earliest
        cursor = -1
        takenThisEpoch = 0
        distribute(pending)
        return true
    }

    private mutating func setWidth(_ newWidth: Double) {
        width = Self.clamped(width: newWidth)
        inverseWidth = 1 / width
    }

    /// A bucket width between a nanosecond and 30 years.
    private static func clamped(width: Double) -> Double {
        Swift.min(Swift.max(width, 1e-9), 1e9)
    }

    /// Appends a list's nodes to `pending`, oldest first.
    private func collect(_ newest: Int32, into pending: inout [Int32]) {
        let start = pending.count
        var node = newest
        while node >= 0 {
            pending.append(node)
            node = nodes[Int(node)].next
        }
        pending[start...].reverse()
    }

    /// Puts each node, in order, on its bucket of the epoch or on the overflow; returns how many went on buckets.
    @discardableResult
    private mutating func distribute(_ pending: [Int32]) -> Int {
        redistributed += pending.count
        var placed = 0
        for node in pending {
            let time = nodes[Int(node)].event.time
            let offset = (time - base) * inverseWidth
            if offset < Double(Self.bucketCount) {
                let bucket = Int(offset)
                nodes[Int(node)].next = buckets[bucket]
                buckets[bucket] = node
                occupied[bucket >> 6] |= 1 << UInt64(bucket & 63)
                placed += 1
            } else {
                nodes[Int(node)].next = overflow
                overflow = node
                overflowEarliest = Swift.min(overflowEarliest, time)
            }
        }
        return placed
    }
}

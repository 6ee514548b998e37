import Testing
import Workload

@testable import Simulator

@Suite struct EventQueueTests {
    /// Driven like the simulator (every push at or after the last popped time, many due at once, so that both lanes
    /// are used), the queue pops exactly what a sorted list ordered by (time, push order) holds. At three time
    /// scales: seconds (one epoch of buckets), hours (events beyond the epoch go to the overflow and come back
    /// through later epochs) and microseconds (crowded buckets make the queue spread everything anew, narrower).
    @Test(arguments: [1.0, 3_600, 1e-6])
    func popsInTimeOrderAndTiesInPushOrder(scale: Double) {
        var queue = EventQueue()
        var rng = SeededGenerator(seed: 3)
        var reference: [(time: Double, order: Int32)] = []
        var pushes: Int32 = 0
        func push(_ time: Double) {
            queue.push(time, target: pushes, .sample)
            reference.append((time, pushes))
            pushes += 1
        }
        // Several events at time 0 and at equal later times before the first pop.
        for _ in 0..<5 { push(0) }
        for _ in 0..<500 { push(Double(Int.random(in: 0..<200, using: &rng)) * scale) }
        var popped = 0
        while let event = queue.pop() {
            let earliest = reference.indices.min { (reference[$0].time, reference[$0].order) < (reference[$1].time, reference[$1].order) }!
            #expect(event.time == reference[earliest].time && event.target == reference[earliest].order)
            reference.remove(at: earliest)
            popped += 1
            guard pushes < 8_000 else { continue }
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                // Half of the pushes are due now; the rest at a few distinct later times (ties are common), some
                // at times of their own (a draw), some far ahead.
                let later: Double
                switch Int.random(in: 0..<8, using: &rng) {
                case 0..<4: later = 0
                case 4, 5: later = Double(Int.random(in: 1..<4, using: &rng)) / 8 * Double(Int.random(in: 1..<9, using: &rng))
                case 6: later = Double.random(in: 0..<4, using: &rng)
                default: later = Double.random(in: 0..<400, using: &rng)
                }
                push(event.time + later * scale)
            }
        }
        #expect(reference.isEmpty && queue.isEmpty && popped == Int(pushes))
        // The buckets followed the events' scale (they start 1/16 s wide: too narrow for hours, too wide for
        // microseconds).
        #expect(queue.width > scale / 1_000 && queue.width < scale * 1_000)
    }
}

extension EventQueueTests {
    /// Events scheduled at infinity (no epoch can start there) come after all others, in push order (and do not
    /// send the queue looking for an epoch forever).
    @Test(.timeLimit(.minutes(1))) func eventsAtInfinityComeLastInPushOrder() {
        var queue = EventQueue()
        queue.push(.infinity, target: 0, .sample)
        queue.push(5, target: 1, .sample)
        queue.push(.infinity, target: 2, .sample)
        queue.push(1e300, target: 3, .sample)
        var order: [Int32] = []
        while let event = queue.pop() { order.append(event.target) }
        #expect(order == [1, 3, 0, 2])
    }
}

extension EventQueueTests {
    /// A quiet spell after a busy one: the busy rate makes the buckets narrow, then one event comes every 1,000 s
    /// with 10,000 pending far beyond. The epochs widen to hold a quarter of what is pending, so the far events are
    /// not moved again for every quiet one (a million moves and more if they were), and the order holds.
    @Test func aQuietSpellAfterABusyOneMovesEventsAFewTimes() {
        var queue = EventQueue()
        var rng = SeededGenerator(seed: 5)
        // Busy: 10,000 in flight, 100,000 taken, about 10,000 a second.
        for _ in 0..<10_000 { queue.push(Double.random(in: 0..<1, using: &rng), .sample) }
        for _ in 0..<100_000 {
            let event = queue.pop()!
            queue.push(event.time + Double.random(in: 0..<1, using: &rng), .sample)
        }
        while queue.pop() != nil {}
        // Quiet: one chain of events 1,000 s apart, and 10,000 events between 10^6 and 2·10^6 s.
        let start = queue.now
        for index in 0..<10_000 { queue.push(start + 1e6 + Double(index) * 100, target: 1, .sample) }
        queue.push(start + 1_000, target: 0, .sample)
        let before = queue.redistributed
        var last = start
        var chain = 0
        while let event = queue.pop() {
            #expect(event.time >= last)
            last = event.time
            if event.target == 0, chain < 900 {
                chain += 1
                queue.push(event.time + 1_000, target: 0, .sample)
            }
        }
        #expect(chain == 900)
        #expect(queue.redistributed - before < 100_000)
    }
}

extension EventQueueTests {
    /// Many events closer together than the narrowest bucket: the crowded bucket is popped as it is (sorted),
    /// instead of being spread again and again.
    @Test(.timeLimit(.minutes(1))) func eventsCloserThanTheNarrowestBucketComeInOrder() {
        var queue = EventQueue()
        let times = (0..<300).map { 1 + Double(($0 * 7) % 300) * 1e-14 }
        for (index, time) in times.enumerated() { queue.push(time, target: Int32(index), .sample) }
        var taken: [Double] = []
        while let event = queue.pop() { taken.append(event.time) }
        #expect(taken == times.sorted())
    }

    /// An event at `now` pushed before `now` came stays ahead of one pushed since, even when inserts into the bucket
    /// being popped crowd it and the queue spreads its events anew.
    @Test func aRespreadKeepsTheEventsAtNowAheadOfTheLane() {
        var queue = EventQueue()
        queue.push(1, target: 0, .sample)
        queue.push(1, target: 1, .sample)
        #expect(queue.pop()?.target == 0)
        queue.push(1, target: 2, .sample)
        for index in 0..<64 { queue.push(1 + Double(index + 1) * 1e-4, target: Int32(100 + index), .sample) }
        var order: [Int32] = []
        while let event = queue.pop() { order.append(event.target) }
        #expect(order == [1, 2] + (100..<164).map { Int32($0) })
    }

    /// Many events scheduled into the bucket being popped, all at one time: they come in push order, after those
    /// due earlier.
    @Test(.timeLimit(.minutes(1))) func manyEventsAtOneTimeInTheBucketBeingPopped() {
        var queue = EventQueue()
        queue.push(1, target: -1, .sample)
        queue.push(1.001, target: -2, .sample)
        #expect(queue.pop()?.target == -1)
        for index in 0..<20_000 { queue.push(1.002, target: Int32(index), .sample) }
        #expect(queue.pop()?.target == -2)
        var order: [Int32] = []
        while let event = queue.pop() { order.append(event.target) }
        #expect(order == Array(0..<20_000))
    }
}

extension EventQueueTests {
    /// A mixed workload, randomized: pushes due now, at times already pending (ties), 1e-14 s apart, at every
    /// scale from nanoseconds to years ahead, bursts into the bucket being popped, now and then at infinity; pops
    /// in between. Every pop is what a list sorted by (time, push order) holds first, and the count agrees.
    @Test(.timeLimit(.minutes(1)), arguments: [UInt64(1), 2, 3, 4])
    func aMixedWorkloadPopsInOrder(seed: UInt64) {
        var queue = EventQueue()
        var rng = SeededGenerator(seed: seed)
        // Pending (time, push number), sorted; binary search finds where a push goes (after equal times).
        var reference: [(time: Double, order: Int32)] = []
        var pushes: Int32 = 0
        func push(_ time: Double) {
            queue.push(time, target: pushes, .sample)
            var low = 0
            var high = reference.count
            while low < high {
                let middle = (low + high) / 2
                if reference[middle].time <= time { low = middle + 1 } else { high = middle }
            }
            reference.insert((time, pushes), at: low)
            pushes += 1
        }
        let scales = [1e-9, 1e-3, 1, 1e4, 1e8]
        for _ in 0..<20_000 {
            let now = queue.now
            if Int.random(in: 0..<5, using: &rng) < 2, !reference.isEmpty {
                let event = queue.pop()
                #expect(event?.time == reference.first?.time && event?.target == reference.first?.order)
                reference.removeFirst()
            } else {
                // A burst into the bucket being popped (or the next), enough to crowd it.
                func burst() {
                    let width = queue.width
                    for _ in 0..<Int.random(in: 1...100, using: &rng) { push(now + Double.random(in: 0..<width, using: &rng)) }
                }
                switch Int.random(in: 0..<10, using: &rng) {
                case 0:
                    // Due now (the lane), often followed by a burst: the lane must stay behind the events at now
                    // pushed earlier, wherever a spread puts them.
                    push(now)
                    if Bool.random(using: &rng) { burst() }
                case 1:
                    // A tie, and a time already pending.
                    let time = now + Double.random(in: 0..<1, using: &rng) * scales.randomElement(using: &rng)!
                    push(time)
                    push(time)
                    if let pending = reference.randomElement(using: &rng)?.time, pending.isFinite { push(pending) }
                case 2: push(now + Double(Int.random(in: 1...50, using: &rng)) * 1e-14 * Swift.max(1, now))
                case 3: burst()
                case 4 where Int.random(in: 0..<50, using: &rng) == 0: push(.infinity)
                default: push(now + Double.random(in: 0..<1, using: &rng) * scales.randomElement(using: &rng)!)
                }
            }
            #expect(queue.count == reference.count)
        }
        while let event = queue.pop() {
            #expect(event.time == reference.first?.time && event.target == reference.first?.order)
            reference.removeFirst()
        }
        #expect(reference.isEmpty)
    }
}

@Suite struct HoldModelTests {
    /// The benchmark's loop takes its events in the order a plain sorted list does (so `chatstorm bench events`
    /// times a working event set, not one that drops or reorders).
    @Test func takesEventsInTimeOrder() {
        var times: [Double] = []
        HoldModel.hold(inFlight: 300, holds: 20_000, seed: 11) { times.append($0) }
        let reference = Self.reference(inFlight: 300, holds: 20_000, seed: 11)
        #expect(times == reference)
        #expect(HoldModel.run(inFlight: 300, holds: 20_000, seed: 11) == reference.last)
        // The clock moves on: 20,000 holds of mean 1 with 300 in flight reach about 20,000 / 300.
        #expect(abs(reference.last! - 20_000.0 / 300) < 5)
    }

    /// The times the model takes its events at, in order, with the pending events kept in a plain sorted list
    /// (quadratic).
    static func reference(inFlight: Int, holds: Int, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        var pending: [Double] = []
        func push(_ time: Double) {
            // After every event due no later: ties in push order.
            pending.insert(time, at: pending.firstIndex { $0 > time } ?? pending.endIndex)
        }
        for _ in 0..<inFlight { push(HoldModel.exponential(&rng)) }
        var taken: [Double] = []
        for _ in 0..<holds {
            let time = pending.removeFirst()
            taken.append(time)
            push(time + HoldModel.exponential(&rng))
        }
        return taken
    }
}

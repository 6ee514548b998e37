import LoadMetrics
import Testing

@Suite struct AgentLoadTests {
    @Test func timeWeightedConcurrencyByHand() {
        // 0–10 s: 0 chats, 10–40 s: 2, 40–50 s: 3, 50–100 s: 1.
        var load = AgentLoad(capacity: 4)
        load.change(at: 0, active: 0)
        load.change(at: 10, active: 2)
        load.change(at: 40, active: 3)
        load.change(at: 50, active: 1)
        load.finish(at: 100)
        #expect(load.secondsAtLevel == [10, 50, 30, 10])
        #expect(load.observedSeconds == 100)
        // (2·30 + 3·10 + 1·50) / 100 = 1.4
        #expect(abs(load.mean - 1.4) < 1e-12)
        #expect(abs(load.occupancy - 0.35) < 1e-12)
        #expect(load.max == 3)
        #expect(abs(load.busyShare - 0.9) < 1e-12)
    }

    @Test func earlierTimesDoNotSubtract() {
        var load = AgentLoad(capacity: 1)
        load.change(at: 5, active: 1)
        load.change(at: 4, active: 0)
        load.finish(at: 6)
        #expect(load.observedSeconds == 1)
        #expect(load.max == 1)
    }

    @Test func totalsWeightAgentsByTime() {
        var a = AgentLoad(capacity: 2)
        a.change(at: 0, active: 2)
        a.finish(at: 10)
        var b = AgentLoad(capacity: 4)
        b.change(at: 0, active: 0)
        b.finish(at: 30)
        var totals = ConcurrencyTotals()
        totals.add(a)
        totals.add(b)
        // 20 chat-seconds over 40 agent-seconds; capacity-seconds 20 + 120.
        #expect(abs(totals.mean - 0.5) < 1e-12)
        #expect(abs(totals.occupancy - 20.0 / 140.0) < 1e-12)
        #expect(totals.max == 2)
    }
}

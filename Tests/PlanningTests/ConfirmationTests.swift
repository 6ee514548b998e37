import Analytic
import Foundation
import Planning
import Testing
import Workload

/// `chatstorm plan --confirm`'s parts: the verdicts on simulated figures, the search over added agents, and the
/// staffing it sets.
@Suite("Plan confirmation")
struct ConfirmationTests {
    /// Runs the search against an oracle (interval i is enough when `enough(added, i)`) until it settles; returns
    /// the agents it added and the verdicts it took.
    private func settle(
        _ base: [Int],
        rounds: Int = 100,
        enough: ([Int], Int) -> Bool
    ) -> (added: [Int], verdicts: Int) {
        var search = ConfirmationSearch(baseAgents: base)
        for verdict in 1...rounds {
            let short = Set(base.indices.filter { !enough(search.added, $0) })
            if search.update(shortIntervals: short).isEmpty { return (search.added, verdict) }
        }
        return (search.added, rounds)
    }

    @Test("independent intervals: exactly the fewest agents each needs, in a few verdicts", arguments: [0, 1, 5, 17, 80])
    func independentIntervals(need: Int) {
        let needs = [0, need, 3, need / 2]
        let (added, verdicts) = settle([12, 12, 40, 3]) { added, i in added[i] >= needs[i] }
        #expect(added == needs)
        #expect(verdicts <= 30)
    }

    @Test("an interval short only because of the queue an earlier one left is searched again and given nothing")
    func carriedQueue() {
        // Interval 1 needs 4 agents while interval 0 is short of its 30, none once it has them.
        let (added, _) = settle([12, 12]) { added, i in
            i == 0 ? added[0] >= 30 : added[1] >= (added[0] >= 30 ? 0 : 4)
        }
        #expect(added == [30, 0])
    }

    @Test("an interval whose sites are full is not searched further")
    func fullInterval() {
        var search = ConfirmationSearch(baseAgents: [10])
        #expect(search.update(shortIntervals: [0]).map(\.added) == [2])
        search.limit(0, to: 1)
        #expect(search.update(shortIntervals: [0]).isEmpty)
        #expect(search.added == [1])
    }

    @Test("short means below the service-level target or above the abandonment ceiling, pooled figures")
    func shortIntervals() throws {
        var plan = try Planner(profile: Fixtures.stationary(perHour: 60, capacity: 2, hours: 4)).plan()
        plan.goals = Goals(serviceLevel: .init(target: 0.8, within: 30), maxAbandonment: 0.05)
        plan.intervals[0].simulated = .init(requests: 100, serviceLevel: 0.79, abandonment: 0.01)
        plan.intervals[1].simulated = .init(requests: 100, serviceLevel: 0.95, abandonment: 0.051)
        plan.intervals[2].simulated = .init(requests: 100, serviceLevel: 0.8, abandonment: 0.05)
        #expect(plan.shortIntervals() == [0, 1])
    }

    @Test("replications are pooled, with standard errors from their spread")
    func pooledReplications() throws {
        var plan = try Planner(profile: Fixtures.stationary(perHour: 60, capacity: 2, hours: 2)).plan()
        typealias Tally = StaffingPlan.SimulatedTally
        plan.applySimulated(tallies: [
            [Tally(requested: 100, answered: 90, abandoned: 2), nil],
            [Tally(requested: 50, answered: 35, abandoned: 5), nil],
        ])
        let figures = try #require(plan.intervals[0].simulated)
        #expect(figures.requests == 150 && figures.replications == 2)
        #expect(abs(figures.serviceLevel - 125.0 / 150) < 1e-12)
        #expect(abs(figures.abandonment - 7.0 / 150) < 1e-12)
        // Levels 0.9 and 0.7: standard deviation 0.1414, over √2.
        #expect(abs((figures.serviceLevelError ?? 0) - 0.1) < 1e-12)
        #expect(abs((figures.abandonmentError ?? 0) - 0.04) < 1e-12)
        #expect(plan.intervals[1].simulated == nil)
    }

    @Test("added agents go to the busiest site, with its model figures; none added gives back the model's plan")
    func setAdded() throws {
        var profile = Fixtures.stationary(perHour: 120, capacity: 2, hours: 1)
        profile.agents.sites.append(Fixtures.site("annex", headcount: 2))
        profile.agents.sites[1].maxChats = 2
        let planner = try Planner(profile: profile)
        let original = try planner.plan()
        var plan = original
        let sites = plan.intervals[0].sites
        let busiest = sites.indices.max { a, b in
            sites[a].demand * sites[a].handling.mean / Double(sites[a].agents!) < sites[b].demand * sites[b].handling.mean
                / Double(sites[b].agents!)
        }!
        #expect(try planner.setAdded(1, in: &plan, interval: 0) == 1)
        let raised = plan.intervals[0].sites[busiest]
        #expect(raised.agents == sites[busiest].agents! + 1 && raised.addedBySimulation == 1)
        #expect(raised.figures!.serviceLevel > sites[busiest].figures!.serviceLevel)
        try planner.setAdded(7, in: &plan, interval: 0)
        #expect(plan.intervals[0].sites.reduce(0) { $0 + $1.addedBySimulation } == 7)
        #expect(plan.intervals[0].agents == original.intervals[0].agents! + 7)
        try planner.setAdded(0, in: &plan, interval: 0)
        #expect(plan.intervals == original.intervals)
    }
}

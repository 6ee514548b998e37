import Planning
import Simulator
import Workload

extension Plan {
    /// Simulates the planned staffing (``StaffingPlan/verificationProfile(of:)``) in `replications` replications and
    /// fills in the achieved figures per interval; returns a note for standard error when the plan cannot be
    /// verified.
    static func verifyPlan(_ plan: inout StaffingPlan, profile: Profile, replications: Int = 1) throws -> String? {
        guard let verified = plan.verificationProfile(of: profile) else {
            return "--verify, --confirm: skipped, the calendar is longer than a week (the planned shifts repeat weekly)"
        }
        let configuration = SimulationConfiguration(
            profile: verified,
            serviceLevelSeconds: plan.goals.serviceLevel?.within ?? Goals.standardServiceLevelSeconds
        )
        let regions = profile.regions.map(\.name)
        var tallies: [[StaffingPlan.SimulatedTally?]] = []
        _ = try Replications.run(configuration, count: max(1, replications), keepingResults: false) { _, output in
            tallies.append(plan.tallies(of: output.result, regions: regions))
        }
        plan.applySimulated(tallies: tallies)
        return nil
    }

    /// `--confirm`: simulates the plan, finds the intervals short of a goal (``StaffingPlan/shortIntervals()``,
    /// figures pooled over the replications), adds or takes back agents above the model's minimum as
    /// ``ConfirmationSearch`` says, and simulates again, until the search settles or `rounds` simulations have run.
    /// The figures shown are the last simulation's, of the plan as shown.
    static func confirmPlan(
        _ plan: inout StaffingPlan,
        planner: Planner,
        profile: Profile,
        replications: Int,
        rounds: Int
    ) throws -> String? {
        var search = ConfirmationSearch(baseAgents: plan.intervals.map { $0.agents ?? 0 })
        for round in 1...max(1, rounds) {
            if let note = try verifyPlan(&plan, profile: profile, replications: replications) { return note }
            let short = plan.shortIntervals()
            plan.confirmation = .init(replications: replications, rounds: round, shortIntervals: short)
            let changes = search.update(shortIntervals: Set(short))
            guard !changes.isEmpty, round < rounds else { break }
            for (interval, added) in changes {
                let placed = try planner.setAdded(added, in: &plan, interval: interval)
                if placed < added { search.limit(interval, to: placed) }
            }
        }
        return nil
    }
}

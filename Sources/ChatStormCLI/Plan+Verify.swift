import Planning
import Simulator
import Workload

extension Plan {
    /// Simulates the planned staffing (``StaffingPlan/verificationProfile(of:)``) and fills in the achieved figures
    /// per interval; returns a note for standard error when the plan cannot be verified.
    static func verifyPlan(_ plan: inout StaffingPlan, profile: Profile) throws -> String? {
        guard let verified = plan.verificationProfile(of: profile) else {
            return "--verify: skipped, the calendar is longer than a week (the planned shifts repeat weekly)"
        }
        let configuration = SimulationConfiguration(profile: verified, serviceLevelSeconds: plan.goals.serviceLevel?.within ?? 30)
        var simulation = try Simulation(configuration: configuration)
        let output = simulation.run()
        plan.applySimulated(output.result, regions: profile.regions.map(\.name))
        return nil
    }
}

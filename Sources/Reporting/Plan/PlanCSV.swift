import Analytic
public import Foundation
public import Planning
import Workload

/// `plan.csv`: one row per interval and site, then one `all` row per interval with the totals.
///
/// Rates are per hour, shares 0…1, times in seconds; an empty cell means "not applicable" (no demand, goals not
/// reachable, no simulation). Columns: `interval_start_utc`, `site`, `local_start` (the site's wall clock, ISO 8601
/// with offset), `demand_per_hour` (chat requests given to the site), `handling_s` (mean handling time),
/// `agents` (planned), `roster_agents` (mean on shift in the profile), `service_level`, `abandonment`,
/// `occupancy`, `mean_answered_wait_s` (the model's), `sim_service_level`, `sim_abandonment` (`--verify`, on the
/// `all` rows), `sim_service_level_se`, `sim_abandonment_se` (their standard errors over the replications, with two
/// or more), `added_by_simulation` (agents `--confirm` added to the model's minimum, counted in `agents`).
public struct PlanCSV: Sendable {
    public static let fileName = "plan.csv"
    public static let header =
        "interval_start_utc,site,local_start,demand_per_hour,handling_s,agents,roster_agents,service_level,abandonment,"
        + "occupancy,mean_answered_wait_s,sim_service_level,sim_abandonment,sim_service_level_se,sim_abandonment_se,"
        + "added_by_simulation"

    public let plan: StaffingPlan

    public init(plan: StaffingPlan) { self.plan = plan }

    /// The whole file.
    public func render() -> String {
        var lines = [Self.header]
        let capacities = plan.sites.map(\.capacity)
        for interval in plan.intervals {
            let utc = PlanFormat.utc(plan.date(of: interval))
            for (s, site) in interval.sites.enumerated() {
                var fields: [String] = [utc, PlanFormat.csvField(plan.sites[s].name), site.localStart.description]
                fields.append(PlanFormat.number(site.demand * 3600, 3))
                fields.append(site.demand > 0 ? PlanFormat.number(site.handling.mean, 1) : "")
                fields.append(site.agents.map(String.init) ?? "")
                fields.append(PlanFormat.number(site.roster, 2))
                fields += figureFields(site.figures)
                fields += ["", "", "", "", String(site.addedBySimulation)]
                lines.append(fields.joined(separator: ","))
            }
            var total: [String] = [utc, "all", utc, PlanFormat.number(interval.demand * 3600, 3), ""]
            total.append(interval.agents.map(String.init) ?? "")
            total.append(PlanFormat.number(interval.roster, 2))
            total.append(optional(interval.serviceLevel))
            total.append(optional(interval.abandonment))
            total.append(optional(interval.occupancy(capacities: capacities)))
            total.append("")
            total.append(optional(interval.simulated?.serviceLevel))
            total.append(optional(interval.simulated?.abandonment))
            total.append(optional(interval.simulated?.serviceLevelError))
            total.append(optional(interval.simulated?.abandonmentError))
            total.append(String(interval.sites.reduce(0) { $0 + $1.addedBySimulation }))
            lines.append(total.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func figureFields(_ figures: QueueFigures?) -> [String] {
        guard let figures else { return ["", "", "", ""] }
        return [
            PlanFormat.number(figures.serviceLevel, 4), PlanFormat.number(figures.abandonment, 4),
            PlanFormat.number(figures.occupancy, 4), PlanFormat.number(figures.meanAnsweredWait, 2),
        ]
    }

    private func optional(_ share: Double?) -> String {
        share.map { PlanFormat.number($0, 4) } ?? ""
    }

    /// Writes `plan.csv` into `folder`.
    public func write(toFolder folder: URL) throws {
        try Data(render().utf8).write(to: folder.appendingPathComponent(Self.fileName))
    }
}

public import Planning
import Workload

/// The plan as a text table for the terminal: one line per interval with the totals and, per site, its local
/// time and the agents it needs (its roster's mean on shift in brackets), then the agent-hours.
public struct PlanTable: Sendable {
    public let plan: StaffingPlan

    public init(plan: StaffingPlan) { self.plan = plan }

    /// The table, with a trailing line break.
    public func render() -> String {
        var text = heading()
        let capacities = plan.sites.map(\.capacity)
        let verified = plan.intervals.contains { $0.simulated != nil }
        var columns = [
            pad("UTC", 16, left: true), pad("demand/h", 9), pad("agents", 6), pad("roster", 7), pad("SL", 7), pad("aband.", 7),
            pad("occ.", 7),
        ]
        if verified { columns += [pad("sim SL", 7), pad("sim ab.", 7)] }
        let siteWidths = plan.sites.map { max($0.name.count, 22) }
        for (s, site) in plan.sites.enumerated() { columns.append("| " + pad(site.name, siteWidths[s], left: true)) }
        text += columns.joined(separator: " ") + "\n"
        for interval in plan.intervals {
            var cells = [
                pad(PlanFormat.utcShort(plan.date(of: interval)), 16, left: true),
                pad(PlanFormat.number(interval.demand * 3600, 1), 9),
                pad(interval.agents.map(String.init) ?? "n/a", 6),
                pad(PlanFormat.number(interval.roster, 1), 7),
                pad(PlanFormat.percent(interval.serviceLevel), 7),
                pad(PlanFormat.percent(interval.abandonment), 7),
                pad(PlanFormat.percent(interval.occupancy(capacities: capacities)), 7),
            ]
            if verified {
                cells += [
                    pad(PlanFormat.percent(interval.simulated?.serviceLevel), 7),
                    pad(PlanFormat.percent(interval.simulated?.abandonment), 7),
                ]
            }
            for (s, site) in interval.sites.enumerated() {
                var agents = site.agents.map(String.init) ?? ">\(plan.maxAgentsPerSite)"
                if site.addedBySimulation > 0, let planned = site.agents {
                    agents = "\(planned - site.addedBySimulation)+\(site.addedBySimulation)"
                }
                let cell = PlanFormat.local(site.localStart) + " " + pad(agents, 4) + " (" + PlanFormat.number(site.roster, 1) + ")"
                cells.append("| " + pad(cell, siteWidths[s], left: true))
            }
            text += cells.joined(separator: " ") + "\n"
        }
        text += "\n" + agentHours()
        if let confirmation = plan.confirmation { text += confirmed(confirmation) }
        if plan.intervals.contains(where: { $0.unserved > 0 }) {
            let unserved = plan.intervals.reduce(0) { $0 + $1.unserved * $1.duration }
            text +=
                "Unserved: \(PlanFormat.number(unserved, 1)) chat requests that no site speaks the language or serves the department of.\n"
        }
        return text
    }

    func heading() -> String {
        let source = plan.goalsFromProfile ? "the profile's goals" : "standard goals: the profile has no goals:"
        var text = "Plan for \(plan.profileName): \(PlanFormat.goals(plan.goals)) (\(source)).\n"
        text += "Routing \(plan.routing.rawValue), mean patience \(PlanFormat.number(1 / plan.patienceRate, 0)) s"
        text += ", \(PlanFormat.percent(plan.requestShare)) of visitors ask for a chat. Mean handling per chat:"
        for (s, site) in plan.sites.enumerated() {
            let means = plan.intervals.compactMap { $0.sites[s].demand > 0 ? $0.sites[s].handling.mean : nil }
            let mean = means.isEmpty ? nil : means.reduce(0, +) / Double(means.count)
            text += " \(site.name) \(mean.map { PlanFormat.number($0, 0) + " s" } ?? "-") (K=\(site.capacity))"
        }
        text += ".\nPer site: local time, agents needed (roster on shift). SL, abandonment and occupancy are the model's.\n\n"
        return text
    }

    func agentHours() -> String {
        var text =
            "Agent-hours: planned \(PlanFormat.number(plan.plannedAgentHours, 1)), roster \(PlanFormat.number(plan.rosterAgentHours, 1))"
        let perSite = plan.sites.indices.map { s in
            "\(plan.sites[s].name) \(PlanFormat.number(plan.plannedAgentHours(site: s), 1)) of \(PlanFormat.number(plan.rosterAgentHours(site: s), 1))"
        }
        text += " (" + perSite.joined(separator: ", ") + ").\n"
        if plan.intervals.contains(where: { $0.agents == nil }) {
            text +=
                "Some intervals cannot meet the goals with \(plan.maxAgentsPerSite) agents at a site (shown as >\(plan.maxAgentsPerSite)).\n"
        }
        return text
    }

    /// What `--confirm` did: the agents it added, and whether the last simulation still found intervals short.
    func confirmed(_ confirmation: StaffingPlan.Confirmation) -> String {
        let raised = plan.intervals.filter { $0.sites.contains { $0.addedBySimulation > 0 } }.count
        let added = plan.intervals.reduce(0) { total, interval in interval.sites.reduce(total) { $0 + $1.addedBySimulation } }
        let simulations = confirmation.rounds == 1 ? "1 simulation" : "\(confirmation.rounds) simulations"
        var text = "Confirmed in \(simulations) of \(confirmation.replications) replications: "
        text +=
            added == 0
            ? "no interval short of the goals" : "+\(added) agents in \(raised) interval\(raised == 1 ? "" : "s") (shown as planned+added)"
        if confirmation.shortIntervals.isEmpty {
            text += "; the last simulation meets every goal.\n"
        } else {
            let times = confirmation.shortIntervals.map { PlanFormat.utcShort(plan.date(of: plan.intervals[$0])) }
            text += "; still short after the last: " + times.joined(separator: ", ") + " (raise --rounds).\n"
        }
        return text
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + fill : fill + text
    }
}

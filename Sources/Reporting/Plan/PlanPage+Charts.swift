import Foundation
import Planning
import Workload

// The charts and the table of plan.html. Values are drawn as steps: each interval contributes its start and end.
extension PlanPage {
    /// Run seconds of each step point: every interval's start and end.
    var stepX: [Double] { plan.intervals.flatMap { [$0.start, $0.start + $0.duration] } }

    /// One value per interval, doubled for the step's two points.
    func steps(_ value: (StaffingPlan.Interval) -> Double?) -> [Double?] {
        plan.intervals.flatMap { interval -> [Double?] in
            let v = value(interval)
            return [v, v]
        }
    }

    var timeAxis: LineChart.XAxis {
        var seen: Set<String> = ["UTC"]
        var zones: [(label: String, zone: TimeZone)] = []
        for site in plan.sites where seen.insert(site.timeZone).inserted {
            if let zone = TimeZone(identifier: site.timeZone) { zones.append((site.name, zone)) }
        }
        return .time(origin: plan.start, zones: zones)
    }

    func demandChart() -> LineChart {
        var lines = [LineChart.Line(name: "all sites", values: steps { $0.demand * 3600 })]
        if plan.sites.count > 1 {
            for (s, site) in plan.sites.enumerated() {
                lines.append(LineChart.Line(name: site.name, values: steps { $0.sites[s].demand * 3600 }))
            }
        }
        return LineChart(
            id: "plan-demand",
            title: "Demand",
            summary: "Chat requests per hour reaching the agents, per interval.",
            yUnit: "chats/h",
            x: stepX,
            xAxis: timeAxis,
            lines: lines
        )
    }

    func staffingChart() -> LineChart {
        var lines = [
            LineChart.Line(name: "needed: all sites", values: steps { $0.agents.map(Double.init) }),
            LineChart.Line(name: "roster: all sites", values: steps { $0.roster }, dashed: true),
        ]
        if plan.sites.count > 1 {
            for (s, site) in plan.sites.enumerated() {
                lines.append(LineChart.Line(name: "needed: \(site.name)", values: steps { $0.sites[s].agents.map(Double.init) }))
            }
        }
        return LineChart(
            id: "plan-staffing",
            title: "Agents needed",
            summary: "The fewest agents meeting the goals per interval, against the roster on shift.",
            yUnit: "agents",
            x: stepX,
            xAxis: timeAxis,
            lines: lines,
            integerValues: true
        )
    }

    func serviceChart() -> LineChart {
        var markers: [LineChart.Marker] = []
        if let goal = plan.goals.serviceLevel { markers.append(.init(value: goal.target * 100, label: "goal", vertical: false)) }
        return LineChart(
            id: "plan-service-level",
            title: "Service level",
            summary: "The model's and the simulator's service level per interval with the planned staffing.",
            yUnit: "%",
            x: stepX,
            xAxis: timeAxis,
            lines: [
                LineChart.Line(name: "model", values: steps { $0.serviceLevel.map { $0 * 100 } }),
                LineChart.Line(name: "simulated", values: steps { $0.simulated.map { $0.serviceLevel * 100 } }),
            ],
            markers: markers,
            yMaximum: 100
        )
    }

    func table() -> String {
        let capacities = plan.sites.map(\.capacity)
        let verified = plan.intervals.contains { $0.simulated != nil }
        var columns = ["UTC", "demand/h", "agents", "roster", "SL", "abandonment", "occupancy"]
        if verified { columns += ["sim SL", "sim abandonment"] }
        columns += plan.sites.map { "\($0.name) (local, needed, roster)" }
        var html = "<section id=\"intervals\">\n<h2>Per interval</h2>\n<div class=\"scroll\"><table data-plan=\"intervals\">"
        html += "<thead><tr>" + columns.map { "<th scope=\"col\">\(Format.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for interval in plan.intervals {
            var cells = [
                PlanFormat.number(interval.demand * 3600, 1), interval.agents.map(String.init) ?? "n/a",
                PlanFormat.number(interval.roster, 1), PlanFormat.percent(interval.serviceLevel),
                PlanFormat.percent(interval.abandonment), PlanFormat.percent(interval.occupancy(capacities: capacities)),
            ]
            if verified {
                cells += [PlanFormat.percent(interval.simulated?.serviceLevel), PlanFormat.percent(interval.simulated?.abandonment)]
            }
            for site in interval.sites {
                let agents = site.agents.map(String.init) ?? ">\(plan.maxAgentsPerSite)"
                cells.append("\(PlanFormat.local(site.localStart)) · \(agents) · \(PlanFormat.number(site.roster, 1))")
            }
            html += "<tr><th scope=\"row\">\(Format.escape(PlanFormat.utcShort(plan.date(of: interval))))</th>"
            html += cells.map { "<td>\(Format.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>\n</section>\n"
    }
}

public import Foundation
public import Planning

/// `plan.html`: the plan as one self-contained page (inline CSS and SVG, no script, no network): demand and
/// the staffing curve per interval against the roster, the service level the model (and, with `--verify`, the
/// simulator) gives, and the interval table. Built from the plan alone, with the run report's chart code.
public struct PlanPage: Sendable {
    public static let fileName = "plan.html"
    /// The `data-chart` ids of the page's charts (`service-level` only with simulated figures).
    public static let chartIDs = ["plan-demand", "plan-staffing", "plan-service-level"]

    public let plan: StaffingPlan

    public init(plan: StaffingPlan) { self.plan = plan }

    /// The whole page.
    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>ChatStorm plan: \(Format.escape(plan.profileName))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <main>
            <header>
            <h1>ChatStorm plan: \(Format.escape(plan.profileName))</h1>
            <p class="lead">\(Format.escape(summary()))</p>
            </header>

            """
        html += "<section id=\"charts\">\n<h2>Demand and staffing</h2>\n"
        html += figure(
            demandChart().svg(),
            caption: "Chat requests per hour for the agents, per site (the profile's calendar and behaviour)."
        )
        html += figure(
            staffingChart().svg(),
            caption: "Agents needed per interval (solid) against the agents the profile's roster has on shift (dashed)."
        )
        if plan.intervals.contains(where: { $0.simulated != nil }) {
            html += figure(
                serviceChart().svg(),
                caption: "Service level per interval: the model's and the simulator's with the planned staffing."
            )
        }
        html += "</section>\n" + table()
        html += """
            <p class="note">Rendered by chatstorm plan. The figures are the exact chat model's for each interval taken \
            as stationary (docs/capacity.md); per-site local times in the site's time zone.</p>
            </main>
            </body>
            </html>

            """
        return html
    }

    /// Writes `plan.html` into `folder`.
    public func write(toFolder folder: URL) throws {
        try Data(render().utf8).write(to: folder.appendingPathComponent(Self.fileName))
    }

    func summary() -> String {
        let source = plan.goalsFromProfile ? "the profile's goals" : "standard goals"
        return "Goals: \(PlanFormat.goals(plan.goals)) (\(source)). Agent-hours: planned "
            + "\(PlanFormat.number(plan.plannedAgentHours, 1)), roster \(PlanFormat.number(plan.rosterAgentHours, 1)). "
            + "\(plan.intervals.count) intervals of \(Self.span(plan.intervalLength)) from \(Format.instant(plan.start))."
    }

    /// `1 h`, `30 min`, `90 s`.
    static func span(_ seconds: Double) -> String {
        if seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
        if seconds.truncatingRemainder(dividingBy: 60) == 0 { return "\(Int(seconds / 60)) min" }
        return Format.seconds(seconds)
    }

    func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(Format.escape(caption))</figcaption></figure>\n"
    }
}

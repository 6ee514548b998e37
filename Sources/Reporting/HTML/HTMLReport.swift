public import Foundation
public import LoadMetrics

/// `report.html`: one self-contained page (inline CSS and SVG, no script, no network) that shows a run
/// to a person, rendered from a `RunResult` alone so that `chatstorm report RUN_DIR` can redraw it from
/// `run.json`.
///
/// The output depends only on the result and the threshold outcomes (no clock, no locale), so the same
/// `run.json` always gives the same bytes.
public struct HTMLReport: Sendable {
    /// The report's file name in a results folder.
    public static let fileName = "report.html"

    /// The `data-chart` ids of every chart the report draws when the run has a per-second series (the two latency
    /// charts only when latency was measured or modelled, see ``latencyModelled``).
    public static let chartIDs = [
        "latency-visitor-to-agent", "latency-agent-to-visitor", "queue-depth-department", "queue-depth-language",
        "agents-online", "agent-concurrency", "queue-wait-cdf", "service-region", "service-language",
        "service-department", "throughput", "events-errors",
    ]

    public let result: RunResult
    public let thresholds: [ThresholdOutcome]
    /// The run's figures, computed once (each computation walks every histogram).
    let metrics: Metrics
    /// The figures of every breakdown key.
    let breakdownMetrics: [LoadMetrics.Dimension: [String: Metrics]]

    /// - Parameters:
    ///   - result: the run to show.
    ///   - thresholds: the evaluated thresholds, shown at the top (none: "no thresholds").
    public init(result: RunResult, thresholds: [ThresholdOutcome] = []) {
        self.result = result
        self.thresholds = thresholds
        metrics = result.metrics
        var breakdownMetrics: [LoadMetrics.Dimension: [String: Metrics]] = [:]
        for (dimension, breakdown) in result.breakdowns {
            var figures: [String: Metrics] = [:]
            for name in breakdown.names { figures[name] = result.metrics(dimension, name) }
            breakdownMetrics[dimension] = figures
        }
        self.breakdownMetrics = breakdownMetrics
    }

    /// False for a simulation with no modelled network or server delay (`simulate` without `--delay`): every
    /// message arrived the instant it was sent, and the report shows waits instead of latencies of 0.
    var latencyModelled: Bool {
        result.mode == .live || metrics.messageLatency.visitorToAgent.max > 0 || metrics.messageLatency.agentToVisitor.max > 0
    }

    /// The figures of one breakdown key.
    func metrics(_ dimension: LoadMetrics.Dimension, _ name: String) -> Metrics? {
        breakdownMetrics[dimension]?[name]
    }

    /// The whole page.
    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>ChatStorm report: \(Format.escape(result.profile.label))</title>
            <style>
            \(ReportStyle.css)
            </style>
            </head>
            <body>
            <main>

            """
        html += header()
        html += thresholdSection()
        html += keyFigures()
        html += timeCharts()
        html += distributionCharts()
        html += breakdownTables()
        html += metadata()
        html += """
            <p class="note">Rendered by chatstorm \(Format.escape(result.toolVersion)) from this run's run.json \
            (<code>chatstorm report RUN_DIR</code> redraws it). Latencies are measured from the intended send time \
            and coordinated-omission corrected.</p>
            </main>
            </body>
            </html>

            """
        return html
    }

    /// Writes `report.html` into `folder`.
    public func write(toFolder folder: URL) throws {
        try Data(render().utf8).write(to: folder.appendingPathComponent(Self.fileName))
    }

    /// A `<figure>` around a chart with a caption.
    func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(Format.escape(caption))</figcaption></figure>\n"
    }

    /// The x-axis rows for local times: each region's zone, then sites in zones no region has.
    var zoneRows: [(label: String, zone: TimeZone)] {
        guard let series = result.series else { return [] }
        var rows: [(label: String, zone: TimeZone)] = []
        for name in series.regionTimeZones.keys.sorted() {
            if let zone = TimeZone(identifier: series.regionTimeZones[name]!) { rows.append((name, zone)) }
        }
        var seen = Set(series.regionTimeZones.values)
        for name in series.siteTimeZones.keys.sorted() where !seen.contains(series.siteTimeZones[name]!) {
            seen.insert(series.siteTimeZones[name]!)
            if let zone = TimeZone(identifier: series.siteTimeZones[name]!) { rows.append(("site " + name, zone)) }
        }
        return rows
    }
}

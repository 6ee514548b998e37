import Foundation
import LoadMetrics

extension HTMLReport {
    /// Agents drawn one per row up to this many; above it the heat map has one row per site.
    static let agentRowsLimit = 40

    // MARK: Distributions

    func distributionCharts() -> String {
        var html = "<section id=\"distributions\">\n<h2>Agents, waiting and service</h2>\n"
        html += concurrencyHeatMap()
        html += queueWaitCDF()
        html += "<h3>Service level and abandonment</h3>\n"
        for dimension in [LoadMetrics.Dimension.region, .language, .department] {
            html += serviceBars(dimension)
        }
        return html + "</section>\n"
    }

    func concurrencyHeatMap() -> String {
        var rows: [HeatMap.Row] = []
        let perAgent = !result.agents.isEmpty && result.agents.count <= Self.agentRowsLimit
        if perAgent {
            let agents = result.agents.sorted {
                $0.site != $1.site ? $0.site < $1.site : $0.name.compare($1.name, options: .numeric) == .orderedAscending
            }
            for agent in agents {
                rows.append(HeatMap.Row(label: agent.name, capacity: agent.capacity, shares: Self.shares(agent.secondsAtLevel)))
            }
        } else if let sites = result.breakdowns[.site] {
            for (name, set) in zip(sites.names, sites.sets).sorted(by: { $0.0 < $1.0 }) {
                let observed = set.concurrency.secondsAtLevel.reduce(0, +)
                let capacity =
                    result.agents.filter { $0.site == name }.map(\.capacity).max()
                    ?? (observed > 0 ? Int((set.concurrency.capacitySeconds / observed).rounded()) : 0)
                rows.append(HeatMap.Row(label: name, capacity: capacity, shares: Self.shares(set.concurrency.secondsAtLevel)))
            }
        }
        guard !rows.isEmpty else {
            return "<h3>Agent concurrency</h3>\n<p class=\"note\">No agent was observed.</p>\n"
        }
        let svg = HeatMap(
            id: "agent-concurrency",
            title: perAgent ? "Time at each concurrency level, per agent" : "Time at each concurrency level, per site",
            summary:
                "Share of each \(perAgent ? "agent's" : "site's agents'") logged-in time spent with 0, 1, 2 … chats at once; the outlined cell is the capacity.",
            rows: rows,
            columnUnit: "chats"
        ).svg()
        let m = metrics.agentConcurrency
        return "<h3>Agent concurrency</h3>\n"
            + figure(
                "<div class=\"chart-title\">\(perAgent ? "Time at each concurrency level, per agent" : "Time at each concurrency level, per site")</div>"
                    + svg,
                caption:
                    "Share of logged-in time at each number of simultaneous chats (\(perAgent ? "one row per agent" : "one row per site, over all its agents")); "
                    + "outlined: the capacity. Mean \(Format.decimal(m.mean)) chats per agent, most \(m.max), occupancy \(Format.percent(m.occupancy))."
            )
    }

    static func shares(_ seconds: [Double]) -> [Double] {
        let total = seconds.reduce(0, +)
        return total > 0 ? seconds.map { $0 / total } : seconds.map { _ in 0 }
    }

    func queueWaitCDF() -> String {
        let distribution = result.total.queueWaitDistribution
        let threshold = result.serviceLevelThresholdSeconds
        guard distribution.total > 0 else {
            return "<h3>Queue wait</h3>\n<p class=\"note\">No chat was assigned, so there is no queue wait to show.</p>\n"
        }
        // From the first bucket at 0 %: the axis is logarithmic, so it cannot start at 0.
        var x: [Double] = [Double(distribution.upperBounds[0]) / 1e6]
        var y: [Double?] = [0]
        for (bound, cumulative) in zip(distribution.upperBounds, distribution.cumulativeCounts) {
            x.append(Double(bound) / 1e6)
            y.append(Double(cumulative) / Double(distribution.total) * 100)
        }
        let withinShare = Double(result.total.assignedWithin(seconds: threshold)) / Double(distribution.total)
        let svg = LineChart(
            id: "queue-wait-cdf",
            title: "Queue wait, cumulative distribution",
            summary: "Share of assigned chats that waited at most x seconds; the dashed line marks the service-level target.",
            yUnit: "% of assigned chats",
            x: x,
            xAxis: .logSeconds(unit: "queue wait (logarithmic)"),
            lines: [LineChart.Line(name: "assigned chats", values: y)],
            markers: [LineChart.Marker(value: threshold, label: "target \(Format.seconds(threshold))", vertical: true)],
            yMaximum: 100
        ).svg()
        let serviceLevel = metrics.serviceLevel.value
        return "<h3>Queue wait</h3>\n"
            + figure(
                "<div class=\"chart-title\">Queue wait, cumulative distribution</div>" + svg,
                caption: "\(Format.percent(withinShare)) of assigned chats waited at most \(Format.seconds(threshold)); "
                    + "the service level counts every request offered to the agents (abandoned and ticketed ones as missed, "
                    + "bot-resolved ones left out): \(Format.percent(serviceLevel))."
            )
    }

    func serviceBars(_ dimension: LoadMetrics.Dimension) -> String {
        guard let breakdown = result.breakdowns[dimension], !breakdown.names.isEmpty else { return "" }
        let names = breakdown.names.sorted()
        let figures = names.map { metrics(dimension, $0)! }
        let svg = BarChart(
            id: "service-\(dimension.rawValue)",
            title: "Service level and abandonment per \(dimension.rawValue)",
            summary: "Share of chat requests assigned within the target, and share abandoned, per \(dimension.rawValue).",
            categories: names,
            groups: [
                BarChart.Group(
                    name: "service level (\(Format.seconds(result.serviceLevelThresholdSeconds)))",
                    values: figures.map(\.serviceLevel.value)
                ),
                BarChart.Group(name: "abandonment", values: figures.map(\.abandonmentRate)),
            ]
        ).svg()
        return figure(
            "<div class=\"chart-title\">Service level and abandonment per \(dimension.rawValue)</div>" + svg,
            caption: "Per \(dimension.rawValue): share of requests assigned within the target and share abandoned in the queue."
        )
    }
}

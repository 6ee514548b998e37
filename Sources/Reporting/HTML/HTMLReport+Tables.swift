import LoadMetrics

extension HTMLReport {
    // MARK: Breakdown tables

    func breakdownTables() -> String {
        var html = "<section id=\"breakdowns\">\n<h2>Breakdowns</h2>\n"
        for dimension in Dimension.allCases {
            guard let breakdown = result.breakdowns[dimension], !breakdown.names.isEmpty else { continue }
            html += dimension == .site ? siteTable(breakdown) : visitorTable(dimension, breakdown)
        }
        return html + "</section>\n"
    }

    private func visitorTable(_ dimension: Dimension, _ breakdown: Breakdown) -> String {
        let columns =
            [
                dimension.rawValue, "arrived", "requested", "assigned", "abandoned", "abandonment", "service level",
                "queue wait p50", "queue wait p90",
            ] + latencyColumns + ["queue max", "errors"]
        var html = "<div class=\"scroll\"><table data-breakdown=\"\(dimension.rawValue)\">"
        html += "<caption>Per \(dimension.rawValue)</caption>\n" + headerRow(columns) + "<tbody>\n"
        for name in breakdown.names.sorted() {
            let set = breakdown[name]!
            let m = metrics(dimension, name)!
            let c = set.counts
            let cells =
                [
                    Format.count(c.visitorsArrived), Format.count(c.chatsRequested), Format.count(c.chatsAssigned),
                    Format.count(c.chatsAbandoned), Format.percent(m.abandonmentRate), Format.percent(m.serviceLevel.value),
                    Format.milliseconds(m.queueWait.p50), Format.milliseconds(m.queueWait.p90),
                ] + latencyCells(m) + [Format.count(m.queueDepth.max), Format.count(c.errors)]
            html += row(name, cells)
        }
        return html + "</tbody></table></div>\n"
    }

    private func siteTable(_ breakdown: Breakdown) -> String {
        let columns =
            [
                "site", "agents", "chats assigned", "completed", "transfers", "mean concurrency", "max concurrency", "occupancy",
            ] + latencyColumns + ["errors"]
        var html = "<div class=\"scroll\"><table data-breakdown=\"site\">"
        html += "<caption>Per agent site (chats count from their assignment to the site)</caption>\n" + headerRow(columns) + "<tbody>\n"
        for name in breakdown.names.sorted() {
            let c = breakdown[name]!.counts
            let m = metrics(.site, name)!
            let agents = result.agents.filter { $0.site == name }.count
            let cells =
                [
                    Format.count(agents), Format.count(c.chatsAssigned), Format.count(c.chatsCompleted), Format.count(c.transfers),
                    Format.decimal(m.agentConcurrency.mean), Format.count(m.agentConcurrency.max),
                    Format.percent(m.agentConcurrency.occupancy),
                ] + latencyCells(m) + [Format.count(c.errors)]
            html += row(name, cells)
        }
        return html + "</tbody></table></div>\n"
    }

    /// The latency columns, or the first response where no delay was modelled (every latency 0).
    private var latencyColumns: [String] {
        latencyModelled ? ["latency v→a p99", "latency a→v p99"] : ["first response p50", "first response p90"]
    }

    private func latencyCells(_ m: Metrics) -> [String] {
        latencyModelled
            ? [Format.milliseconds(m.messageLatency.visitorToAgent.p99), Format.milliseconds(m.messageLatency.agentToVisitor.p99)]
            : [Format.milliseconds(m.firstResponse.p50), Format.milliseconds(m.firstResponse.p90)]
    }

    private func headerRow(_ columns: [String]) -> String {
        "<thead><tr>" + columns.map { "<th scope=\"col\">\(Format.escape($0))</th>" }.joined() + "</tr></thead>\n"
    }

    private func row(_ name: String, _ cells: [String]) -> String {
        "<tr><th scope=\"row\">\(Format.escape(name))</th>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
    }
}

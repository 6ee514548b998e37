import Foundation
import LoadMetrics

extension HTMLReport {
    // MARK: Charts over simulated time

    func timeCharts() -> String {
        var html = "<section id=\"over-time\">\n<h2>Over simulated time</h2>\n"
        guard let series = result.series, series.count > 0, let origin = series.origin else {
            return html
                + "<p class=\"note\" data-series=\"none\">This run.json has no per-second series, so the charts over "
                + "time are not available (it was written by an older chatstorm or the run ended before its first second).</p>\n</section>\n"
        }
        func doubles(_ column: [Int]) -> [Double?] { column.map { Double($0) } }
        func chart(_ id: String, _ title: String, _ summary: String, unit: String, zones: Bool, _ lines: [LineChart.Line]) -> String {
            let svg = LineChart(
                id: id,
                title: title,
                summary: summary,
                yUnit: unit,
                x: series.simulatedSeconds,
                xAxis: .time(origin: origin, zones: zones ? zoneRows : []),
                lines: lines,
                integerValues: unit != "ms"
            ).svg()
            return "<div class=\"chart-title\">\(Format.escape(title))</div>" + svg
        }
        let directions = [
            ("visitor_to_agent", "latency-visitor-to-agent", "visitor → agent"),
            ("agent_to_visitor", "latency-agent-to-visitor", "agent → visitor"),
        ]
        html += "<h3>Message latency</h3>\n"
        if !latencyModelled {
            html +=
                "<p class=\"note\" data-latency=\"not-modelled\">This simulation modelled no network or server delay "
                + "(<code>chatstorm simulate --delay</code> models one): every message arrived as it was sent, so message "
                + "latency is 0 throughout and is not charted. The waits visitors feel are the queue wait and the first "
                + "response (key figures, and the queue-wait distribution below).</p>\n"
        }
        for (key, id, name) in directions where latencyModelled {
            let percentiles = series.messageLatency[key] ?? RunSeries.Percentiles()
            let lines = [
                LineChart.Line(name: "p50", values: percentiles.p50),
                LineChart.Line(name: "p90", values: percentiles.p90),
                LineChart.Line(name: "p99", values: percentiles.p99),
            ]
            let svg = chart(
                id,
                "Message latency \(name), per second",
                "p50, p90 and p99 of the messages delivered each second, in milliseconds.",
                unit: "ms",
                zones: false,
                lines
            )
            html += figure(
                svg,
                caption:
                    "Message latency \(name): percentiles of each second's deliveries (ms), from the intended send time. Gaps: no delivery that second."
            )
        }

        html += "<h3>Queue depth</h3>\n"
        let total = LineChart.Line(name: "all queues", values: doubles(series.queueDepth), dashed: true)
        var departmentLines = [total]
        departmentLines += series.queueDepthByDepartment.keys.sorted().map {
            LineChart.Line(name: $0, values: doubles(series.queueDepthByDepartment[$0]!))
        }
        if let server = series.serverQueueDepth {
            departmentLines.append(LineChart.Line(name: "server-reported", values: server.map { $0.map(Double.init) }, dashed: true))
        }
        html += figure(
            chart(
                "queue-depth-department",
                "Queue depth per department",
                "Visitors waiting at the end of each second, per department.",
                unit: "visitors waiting",
                zones: true,
                departmentLines
            ),
            caption: "Visitors waiting (requested, not assigned, not gone) per department; the dashed line is all queues together."
        )
        var languageLines = [total]
        languageLines += series.queueDepthByLanguage.keys.sorted().map {
            LineChart.Line(name: $0, values: doubles(series.queueDepthByLanguage[$0]!))
        }
        html += figure(
            chart(
                "queue-depth-language",
                "Queue depth per language",
                "Visitors waiting at the end of each second, per language.",
                unit: "visitors waiting",
                zones: true,
                languageLines
            ),
            caption: "Visitors waiting per language; the dashed line is all queues together."
        )

        html += "<h3>Agents and chats</h3>\n"
        html += figure(
            chart(
                "agents-online",
                "Agents online and active chats",
                "Agents logged in and chats in progress at the end of each second, with each region's local time under the axis.",
                unit: "count",
                zones: true,
                [
                    LineChart.Line(name: "agents online", values: doubles(series.agentsOnline)),
                    LineChart.Line(name: "active chats", values: doubles(series.activeChats)),
                    LineChart.Line(name: "chat capacity online", values: doubles(series.chatCapacity), dashed: true),
                ]
                    + series.agentsOnlineBySite.keys.sorted().map {
                        LineChart.Line(name: "online at \($0)", values: doubles(series.agentsOnlineBySite[$0]!), dashed: true)
                    }
            ),
            caption:
                "Agents online (in all and per site), chats in progress and the chats the agents online could hold at once, over the "
                + "simulated day; the rows under the axis give each region's (and each other site's) local time."
        )

        html += "<h3>Throughput and errors</h3>\n"
        // A live run's rows are real seconds (of a profile played faster or slower); a simulation's, simulated ones.
        let perSecond = result.mode == .live ? "per real second" : "per simulated second"
        html += figure(
            chart(
                "throughput",
                "Messages per second",
                "Messages sent and first received per second.",
                unit: "messages / s",
                zones: false,
                [
                    LineChart.Line(name: "sent", values: doubles(series.messagesSent)),
                    LineChart.Line(name: "received", values: doubles(series.messagesReceived)),
                ]
            ),
            caption: "Messages sent by both parties and received for the first time, \(perSecond)."
        )
        html += figure(
            chart(
                "events-errors",
                "Chat events and errors per second",
                "Arrivals, assignments, completed and abandoned chats and errors per second.",
                unit: "events / s",
                zones: false,
                [
                    LineChart.Line(name: "arrivals", values: doubles(series.arrivals)),
                    LineChart.Line(name: "assigned", values: doubles(series.chatsAssigned)),
                    LineChart.Line(name: "completed", values: doubles(series.chatsCompleted)),
                    LineChart.Line(name: "abandoned", values: doubles(series.chatsAbandoned)),
                    LineChart.Line(name: "errors", values: doubles(series.errors)),
                ]
            ),
            caption: "Events \(perSecond). Errors in total: \(Format.count(result.counts.errors))."
        )
        return html + "</section>\n"
    }
}

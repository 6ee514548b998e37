import Foundation
import LoadMetrics

extension HTMLReport {
    // MARK: Header and thresholds

    func header() -> String {
        let status =
            result.complete
            ? "<span class=\"badge pass\" data-status=\"complete\">complete</span>"
            : "<span class=\"badge fail\" data-status=\"incomplete\">incomplete: interrupted or failed</span>"
        var span = ""
        if let series = result.series, let origin = series.origin, let last = series.simulatedSeconds.last {
            span = " · simulated \(Format.instant(origin)) to \(Format.instant(origin.addingTimeInterval(last)))"
            // A live run's series has a row per real second; a simulation's, one per simulated second.
            if result.mode == .live { span += " · \(Format.count(series.count)) s of real time" }
        }
        return """
            <header>
            <h1>ChatStorm run: \(Format.escape(result.profile.label))</h1>
            <p class="lead">\(status) \(result.mode == .live ? "live run" : "simulation")\(Format.escape(span))</p>
            </header>

            """
    }

    func thresholdSection() -> String {
        var html = "<section id=\"thresholds\">\n<h2>Thresholds</h2>\n"
        guard !thresholds.isEmpty else {
            return html
                + "<p class=\"note\" data-thresholds=\"none\">No thresholds: neither the profile nor the command line set any.</p>\n</section>\n"
        }
        let failed = thresholds.filter { !$0.passed }.count
        html +=
            failed == 0
            ? "<p><span class=\"badge pass\" data-thresholds=\"passed\">PASSED: all \(thresholds.count) thresholds met</span></p>\n"
            : "<p><span class=\"badge fail\" data-thresholds=\"failed\">FAILED: \(failed) of \(thresholds.count) thresholds not met</span></p>\n"
        html += "<table><thead><tr><th scope=\"col\">result</th><th scope=\"col\">metric</th>"
        html += "<th scope=\"col\">threshold</th><th scope=\"col\">measured</th></tr></thead><tbody>\n"
        for outcome in thresholds {
            let mark = outcome.passed ? "<td class=\"pass\">✓ pass</td>" : "<td class=\"fail\">✗ fail</td>"
            let value = outcome.value.map(Self.plain) ?? "–"
            html += "<tr>\(mark)<td class=\"text\"><code>\(Format.escape(outcome.metric))</code></td>"
            html += "<td class=\"text\"><code>\(Format.escape(outcome.expression))</code></td><td>\(value)</td></tr>\n"
        }
        return html + "</tbody></table>\n</section>\n"
    }

    /// A measured value as plainly as possible: up to three decimals, no trailing zeros.
    static func plain(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text
    }

    // MARK: Key figures

    func keyFigures() -> String {
        let c = result.counts
        let m = metrics
        let v2a = m.messageLatency.visitorToAgent
        let a2v = m.messageLatency.agentToVisitor
        // Without a modelled delay every latency is 0: the waits a visitor feels take their cards.
        let latencies: [(label: String, metric: String, value: String)] =
            latencyModelled
            ? [
                ("latency visitor→agent p50", "message_latency.visitor_to_agent.p50", Format.milliseconds(v2a.p50)),
                ("latency visitor→agent p99", "message_latency.visitor_to_agent.p99", Format.milliseconds(v2a.p99)),
                ("latency agent→visitor p50", "message_latency.agent_to_visitor.p50", Format.milliseconds(a2v.p50)),
                ("latency agent→visitor p99", "message_latency.agent_to_visitor.p99", Format.milliseconds(a2v.p99)),
            ]
            : [
                ("queue wait p50", "queue_wait.p50", Format.milliseconds(m.queueWait.p50)),
                ("queue wait mean", "queue_wait.mean", Format.milliseconds(m.queueWait.mean)),
                ("first response p50", "first_response.p50", Format.milliseconds(m.firstResponse.p50)),
                ("first response p90", "first_response.p90", Format.milliseconds(m.firstResponse.p90)),
            ]
        let cards: [(label: String, metric: String, value: String)] =
            [
                ("visitors arrived", "counts.visitorsArrived", Format.count(c.visitorsArrived)),
                ("chats assigned", "counts.chatsAssigned", Format.count(c.chatsAssigned)),
                ("messages sent", "counts.messagesSent", Format.count(c.messagesSent)),
            ] + latencies + [
                ("queue wait p90", "queue_wait.p90", Format.milliseconds(m.queueWait.p90)),
                (
                    "service level (\(Format.seconds(m.serviceLevel.thresholdSeconds)))", "service_level.value",
                    Format.percent(m.serviceLevel.value)
                ),
                ("abandonment", "abandonment_rate", Format.percent(m.abandonmentRate)),
                ("agent occupancy", "agent_concurrency.occupancy", Format.percent(m.agentConcurrency.occupancy)),
                ("queue depth max", "queue_depth.max", Format.count(m.queueDepth.max)),
                ("errors", "counts.errors", Format.count(c.errors)),
                ("messages lost", "counts.messagesLost", Format.count(c.messagesLost)),
            ]
        var html = "<section id=\"figures\">\n<h2>Key figures</h2>\n<div class=\"cards\">\n"
        for card in cards {
            html += "<div class=\"card\"><div class=\"label\">\(Format.escape(card.label))</div>"
            html += "<div class=\"value\" data-metric=\"\(card.metric)\">\(card.value)</div></div>\n"
        }
        return html + "</div>\n</section>\n"
    }

    // MARK: Run metadata

    func metadata() -> String {
        let g = result.generator
        let lag = g.schedulingLagSummary
        let perEvent = g.messageEvents > 0 ? g.cpuSeconds / Double(g.messageEvents) * 1e6 : 0
        let c = result.counts
        // A simulation has no real-time schedule to fall behind: no late arrivals, no scheduling lag.
        let schedule: [(String, String, String)] =
            result.mode == .live
            ? [
                ("late arrivals", "generator.lateArrivals", Format.count(g.lateArrivals)),
                ("scheduling lag p99", "generator.schedulingLag.p99", Format.milliseconds(lag.p99)),
            ] : []
        let rows: [(String, String, String)] =
            [
                ("profile", "profile.name", Format.escape(result.profile.name)),
                ("profile sha256", "profile.sha256", "<code>\(Format.escape(result.profile.sha256))</code>"),
                (
                    "arrival scale", "profile.arrivalScale",
                    result.profile.arrivalScale.map { "×" + RunResult.Profile.factor($0) } ?? "×1 (the profile's rates)"
                ),
                ("seed", "seed", String(result.seed)),
                ("mode", "mode", result.mode.rawValue),
                ("complete", "complete", result.complete ? "yes" : "no"),
                ("chatstorm version", "toolVersion", Format.escape(result.toolVersion)),
                ("generator CPU", "generator.cpuSeconds", Format.decimal(g.cpuSeconds, 2) + " s"),
                ("CPU per message event", "generator.cpuPerMessageEvent", Format.decimal(perEvent, 2) + " µs"),
                ("generator peak RSS", "generator.peakRSSBytes", Format.mebibytes(g.peakRSSBytes)),
                ("message events", "generator.messageEvents", Format.count(g.messageEvents)),
                ("peak sessions", "generator.peakSessions", Format.count(g.peakSessions)),
            ] + schedule + [
                ("offline tickets", "counts.offlineTickets", Format.count(c.offlineTickets)),
                ("bot resolved", "counts.botResolved", Format.count(c.botResolved)),
                ("left at form", "counts.leftAtForm", Format.count(c.leftAtForm)),
                ("still active at the end", "counts.stillActive", Format.count(c.stillActive)),
                ("transfers", "counts.transfers", Format.count(c.transfers)),
                ("messages refused (their chat had ended)", "counts.messagesRefused", Format.count(c.messagesRefused)),
                ("messages duplicated", "counts.messagesDuplicated", Format.count(c.messagesDuplicated)),
                ("messages reordered", "counts.messagesReordered", Format.count(c.messagesReordered)),
            ]
        var html = "<section id=\"metadata\">\n<h2>Run and generator health</h2>\n<table class=\"meta\">\n"
        for (label, key, value) in rows {
            html += "<tr><th scope=\"row\">\(label)</th><td class=\"text\" data-metric=\"\(key)\">\(value)</td></tr>\n"
        }
        html += "</table>\n"
        if !c.errorsByKind.isEmpty {
            html += "<table><caption>Errors by kind</caption><tbody>\n"
            for kind in c.errorsByKind.keys.sorted() {
                html += "<tr><th scope=\"row\">\(Format.escape(kind))</th><td>\(Format.count(c.errorsByKind[kind]!))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + "</section>\n"
    }
}

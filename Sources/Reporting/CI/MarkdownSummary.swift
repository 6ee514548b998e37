import Foundation
import LoadMetrics
import Workload

/// A Markdown summary of a run, fit for a CI job summary (`$GITHUB_STEP_SUMMARY`): the verdict, the
/// thresholds, the key metrics and the counts.
public enum MarkdownSummary {
    /// The Markdown text.
    /// - Parameters:
    ///   - document: The run with its thresholds and stop reason.
    ///   - folder: The results folder, named in the heading when given.
    public static func render(_ document: RunDocument, folder: String? = nil) -> String {
        let result = document.result
        let thresholds = document.thresholds ?? []
        let failed = thresholds.filter { !$0.passed }.count
        var lines = ["## chatstorm: \(result.profile.label) (\(result.mode.rawValue))", ""]
        lines.append(verdict(document, failed: failed, total: thresholds.count))
        lines.append("")
        let identity = "seed \(result.seed) · chatstorm \(result.toolVersion)" + (folder.map { " · results `\($0)`" } ?? "")
        lines += [identity, ""]
        if !thresholds.isEmpty {
            lines += ["### Thresholds", "", "| | metric | threshold | measured |", "| --- | --- | --- | --- |"]
            for item in thresholds {
                let mark = item.noData ? "➖" : item.passed ? "✅" : "❌"
                lines.append("| \(mark) | `\(cell(item.metric))` | `\(cell(item.threshold.expression))` | \(item.measured) |")
            }
            lines.append("")
        }
        lines += keyMetrics(result)
        lines += counts(result.counts)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func verdict(_ document: RunDocument, failed: Int, total: Int) -> String {
        var text: String
        if failed > 0 {
            text = "**❌ \(failed) of \(total) thresholds failed**"
        } else if total > 0 {
            text = "**✅ all \(total) thresholds passed**"
        } else {
            text = "**No thresholds**"
        }
        switch document.stopReason {
        case .thresholdAborted?: text += " — the run was stopped early by an `abortOnFail` threshold"
        case .interrupted?: text += " — the run was interrupted (incomplete)"
        case .targetUnreachable?: text += " — the target stopped accepting connections (incomplete)"
        default: if !document.result.complete { text += " — the run is incomplete" }
        }
        return text
    }

    private static func keyMetrics(_ result: RunResult) -> [String] {
        let m = result.metrics
        var lines = ["### Key metrics", "", "| metric | count | p50 | p90 | p99 | max |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
        let latencies: [(String, LatencySummary)] = [
            ("message_latency visitor→agent", m.messageLatency.visitorToAgent),
            ("message_latency agent→visitor", m.messageLatency.agentToVisitor),
            ("queue_wait", m.queueWait),
            ("first_response", m.firstResponse),
            ("connect_time", m.connectTime),
        ]
        for (name, s) in latencies {
            let cells = [s.p50, s.p90, s.p99, s.max].map { Number.decimal($0) + " ms" }
            lines.append("| \(name) | \(s.count) | " + cells.joined(separator: " | ") + " |")
        }
        lines += [
            "",
            "| figure | value |",
            "| --- | ---: |",
            "| abandonment_rate | \(Number.decimal(m.abandonmentRate)) |",
            "| service_level (\(Number.decimal(m.serviceLevel.thresholdSeconds)) s) | \(Number.decimal(m.serviceLevel.value)) |",
            "| queue_depth max / mean | \(m.queueDepth.max) / \(Number.decimal(m.queueDepth.mean)) |",
            "| agent_concurrency max / mean / occupancy | \(m.agentConcurrency.max) / \(Number.decimal(m.agentConcurrency.mean)) / "
                + "\(Number.decimal(m.agentConcurrency.occupancy)) |",
            "| late arrivals | \(result.generator.lateArrivals) |",
            "",
        ]
        return lines
    }

    private static func counts(_ c: Counts) -> [String] {
        let rows: [(String, Int)] = [
            ("visitors arrived", c.visitorsArrived), ("chats requested", c.chatsRequested), ("chats assigned", c.chatsAssigned),
            ("chatted", c.chatsCompleted), ("abandoned", c.chatsAbandoned), ("offline tickets", c.offlineTickets),
            ("bot resolved", c.botResolved), ("messages sent", c.messagesSent), ("messages received", c.messagesReceived),
            ("messages lost", c.messagesLost), ("refused", c.messagesRefused), ("duplicated", c.messagesDuplicated),
            ("reordered", c.messagesReordered),
            ("errors", c.errors),
        ]
        return ["### Counts", "", "| count | value |", "| --- | ---: |"] + rows.map { "| \($0.0) | \($0.1) |" } + [""]
    }

    /// Text safe inside a table cell's code span.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "'")
    }
}

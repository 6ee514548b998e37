import Foundation

/// The table `chatstorm history` prints: newest run first, key figures with an arrow for their trend.
public enum HistoryTable {
    /// A change within this share of the previous value shows as `→`.
    public static let steadyShare = 0.05

    /// Aligned text. Each figure's arrow compares it with the previous (older) run of the same profile in
    /// `runs`: `↑` up, `↓` down, `→` within ±5 %.
    /// - Parameters:
    ///   - runs: Newest first, as ``RunHistory/runs(profile:limit:)`` returns them.
    ///   - limit: Show only the first `limit` runs; the others still give the shown runs their trends.
    public static func text(_ runs: [RunSummary], limit: Int? = nil) -> String {
        guard !runs.isEmpty else { return "no runs recorded\n" }
        let header = [
            "id", "recorded (UTC)", "profile", "mode", "verdict", "v→a p99", "a→v p99", "wait p90", "abandon", "errors", "lost", "folder",
        ]
        var rows: [[String]] = []
        for (index, run) in runs.prefix(limit ?? runs.count).enumerated() {
            let previous = runs[(index + 1)...].first { $0.profile == run.profile }
            func figure(_ key: KeyPath<RunSummary, Double?>, unit: String = "") -> String {
                guard let value = run[keyPath: key] else { return "–" }
                return Number.decimal(value) + unit + arrow(value, previous?[keyPath: key])
            }
            func count(_ key: KeyPath<RunSummary, Int>) -> String {
                String(run[keyPath: key]) + arrow(Double(run[keyPath: key]), previous.map { Double($0[keyPath: key]) })
            }
            rows.append([
                run.id.map(String.init) ?? "", timestamp(run.recordedAt), run.profile, run.mode, verdict(run),
                figure(\.visitorToAgentP99, unit: "ms"), figure(\.agentToVisitorP99, unit: "ms"), figure(\.queueWaitP90, unit: "ms"),
                figure(\.abandonmentRate), count(\.errors), count(\.messagesLost), run.folder,
            ])
        }
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let legend = "arrows: against the previous run of the same profile (↑ up, ↓ down, → within ±5 %)"
        return ([line(header)] + rows.map(line) + ["", legend]).joined(separator: "\n") + "\n"
    }

    /// `pass`, `FAIL (n)`, `incomplete` or `no thresholds`.
    static func verdict(_ run: RunSummary) -> String {
        if run.stopReason == "thresholdAborted" { return "FAIL (aborted)" }
        if !run.complete { return "incomplete" }
        switch run.thresholdsPassed {
        case true?: return "pass"
        case false?: return "FAIL (\(run.thresholdsFailed))"
        case nil: return "no thresholds"
        }
    }

    /// ` ↑`, ` ↓`, ` →`, or nothing without a previous value.
    static func arrow(_ value: Double, _ previous: Double?) -> String {
        guard let previous else { return "" }
        let tolerance = abs(previous) * steadyShare
        if value > previous + tolerance { return " ↑" }
        if value < previous - tolerance { return " ↓" }
        return " →"
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: date)
    }
}

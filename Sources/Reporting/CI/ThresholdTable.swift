import Workload

/// The threshold table printed at the end of `chatstorm run`.
public enum ThresholdTable {
    /// Aligned plain text: one row per threshold with its verdict and measured value, then a verdict line.
    public static func text(_ results: [ThresholdResult]) -> String {
        guard !results.isEmpty else { return "" }
        let rows = results.map { result -> [String] in
            let verdict = result.noData ? "pass (no data)" : result.passed ? "pass" : "FAIL"
            return [verdict, result.metric, result.threshold.expression, result.measured]
        }
        let header = ["verdict", "metric", "threshold", "measured"]
        let widths = (0..<header.count).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingTrailingSpaces()
        }
        var lines = ["thresholds", line(header)] + rows.map(line)
        let failed = results.filter { !$0.passed }.count
        lines.append(failed == 0 ? "all \(results.count) thresholds passed" : "\(failed) of \(results.count) thresholds FAILED")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}

import Foundation

/// The text, Markdown and JSON forms of a comparison.
extension RunComparison {
    /// Output formats of `chatstorm compare`.
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    /// The comparison in `format`; `baseline` and `current` name the two runs.
    public func rendered(_ format: Format, baseline: String, current: String) throws -> String {
        switch format {
        case .text: text(baseline: baseline, current: current)
        case .markdown: markdown(baseline: baseline, current: current)
        case .json: try json(baseline: baseline, current: current)
        }
    }

    private static func value(_ value: Double?, _ unit: KeyMetric.Unit) -> String {
        guard let value else { return "no data" }
        switch unit {
        case .milliseconds: return Number.decimal(value) + " ms"
        case .count where value == value.rounded(): return Number.integer(value)
        default: return Number.decimal(value)
        }
    }

    private static func change(_ row: Row) -> String {
        guard let change = row.change else { return "" }
        let absolute = (change >= 0 ? "+" : "") + Number.decimal(change) + (row.unit == .milliseconds ? " ms" : "")
        return row.relativeChange.map { "\(absolute) (\(Number.percent($0)))" } ?? absolute
    }

    private func verdictLine() -> String {
        let count = regressions.count
        return count == 0
            ? "no regression" : "\(count) regression\(count == 1 ? "" : "s"): " + regressions.map(\.metric).joined(separator: ", ")
    }

    /// Aligned columns for a terminal.
    public func text(baseline: String, current: String) -> String {
        let header = ["metric", "baseline", "run", "change", "tolerance", "verdict"]
        let cells = rows.map { row in
            [
                row.metric, Self.value(row.baseline, row.unit), Self.value(row.current, row.unit), Self.change(row), row.tolerance ?? "",
                row.verdict == .regression ? "REGRESSION" : row.verdict.rawValue,
            ]
        }
        let widths = (0..<header.count).map { column in ([header] + cells).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let lines =
            ["baseline: \(baseline)", "run:      \(current)", "", line(header)] + cells.map(line) + [""] + notes.map { "note: \($0)" }
            + [verdictLine()]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Markdown table for a CI job summary; regressions first in bold.
    public func markdown(baseline: String, current: String) -> String {
        var lines = [
            "## chatstorm compare", "",
            regressions.isEmpty ? "**✅ no regression**" : "**❌ \(verdictLine())**", "",
            "baseline `\(baseline)` → run `\(current)`", "",
            "| | metric | baseline | run | change | tolerance |", "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        for row in rows {
            let mark =
                switch row.verdict {
                case .regression: "❌"
                case .improved: "⬇️"
                case .ok: "✅"
                case .info: ""
                }
            let name = row.verdict == .regression ? "**`\(row.metric)`**" : "`\(row.metric)`"
            lines.append(
                "| \(mark) | \(name) | \(Self.value(row.baseline, row.unit)) | \(Self.value(row.current, row.unit)) | \(Self.change(row)) | \(row.tolerance ?? "") |"
            )
        }
        if !notes.isEmpty { lines += [""] + notes.map { "> \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    private struct JSONForm: Encodable {
        var baseline: String
        var run: String
        var regressions: [String]
        var notes: [String]
        var rows: [Row]
    }

    /// `{baseline, run, regressions: [names], notes: [what was not compared], rows: [{metric, unit, baseline, current, change, relativeChange,
    /// tolerance, verdict}]}`, keys sorted; a value without data is left out.
    public func json(baseline: String, current: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(
            JSONForm(baseline: baseline, run: current, regressions: regressions.map(\.metric), notes: notes, rows: rows)
        )
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

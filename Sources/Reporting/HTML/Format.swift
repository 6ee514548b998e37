import Foundation

/// Number and text formatting of the report: fixed, locale-independent, so that the same `run.json`
/// always gives the same bytes and a test can compare a shown figure with `run.json`'s.
enum Format {
    /// `12,345`.
    static func count<Number: BinaryInteger>(_ value: Number) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// A latency or wait given in milliseconds: `0.712 ms`, `45.1 ms`, `812 ms`, `12.3 s`, `4.5 min`.
    static func milliseconds(_ ms: Double) -> String {
        switch ms {
        case 0: "0 ms"
        case ..<10: String(format: "%.3f ms", ms)
        case ..<100: String(format: "%.1f ms", ms)
        case ..<1_000: String(format: "%.0f ms", ms)
        case ..<60_000: String(format: "%.1f s", ms / 1_000)
        case ..<3_600_000: String(format: "%.1f min", ms / 60_000)
        default: String(format: "%.2f h", ms / 3_600_000)
        }
    }

    /// A duration in seconds: `45 s`, `12.5 min`, `3.2 h`.
    static func seconds(_ seconds: Double) -> String {
        switch seconds {
        case ..<120: String(format: "%.0f s", seconds)
        case ..<7_200: String(format: "%.1f min", seconds / 60)
        default: String(format: "%.1f h", seconds / 3_600)
        }
    }

    /// A power of ten of seconds as a logarithmic axis labels it: `10 µs`, `1 ms`, `100 ms`, `10 s`.
    static func decade(seconds: Double) -> String {
        switch seconds {
        case ..<0.000_999: String(format: "%.0f µs", seconds * 1e6)
        case ..<0.999: String(format: "%.0f ms", seconds * 1e3)
        default: String(format: "%.0f s", seconds)
        }
    }

    /// A ratio as a percentage: `12.3 %`.
    static func percent(_ ratio: Double) -> String {
        String(format: "%.1f %%", ratio * 100)
    }

    /// A plain decimal with `digits` decimals.
    static func decimal(_ value: Double, _ digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }

    /// Bytes in MiB: `208.4 MiB`.
    static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.1f MiB", Double(bytes) / 1_048_576)
    }

    /// A value on a chart axis: as few decimals as the step needs.
    static func tick(_ value: Double, step: Double) -> String {
        var decimals = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
        let scaled = step * pow(10, Double(decimals))
        if abs(scaled - scaled.rounded()) > 1e-6 { decimals += 1 }  // 2.5, 0.25

        if decimals == 0 && abs(value) >= 10_000 {
            // Beyond whole numbers' range (a demand of 1e19 per hour): scientific notation.
            return abs(value) < 1e15 ? count(Int(value.rounded())) : String(format: "%.3g", value)
        }
        return String(format: "%.\(decimals)f", value)
    }

    /// A coordinate in an SVG path: one decimal, no `-0.0`.
    ///
    /// Written from the whole number of tenths: `String(format: "%.1f")` went through Foundation's C varargs for
    /// each of the thousands of points of a day's charts (perf: most of the time of rendering a report).
    static func coordinate(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        guard tenths != 0 else { return "0" }
        guard abs(tenths) < 1e15 else { return String(format: "%.1f", tenths / 10) }
        let magnitude = Int(abs(tenths))
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }

    /// Text escaped for HTML and SVG content and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `HH:mm` (or `HH:mm:ss` when `withSeconds`) of `date` in `zone`.
    static func clock(_ date: Date, in zone: TimeZone, withSeconds: Bool = false) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute, .second], from: date)
        let text = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return withSeconds ? text + String(format: ":%02d", parts.second ?? 0) : text
    }

    /// `2025-03-11 14:00 UTC`.
    static func instant(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d UTC",
            p.year ?? 0,
            p.month ?? 0,
            p.day ?? 0,
            p.hour ?? 0,
            p.minute ?? 0,
            p.second ?? 0
        )
    }
}

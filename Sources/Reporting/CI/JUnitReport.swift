import Workload

/// `junit.xml`: one test suite, one test case per threshold, a `<failure>` with the measured value for each
/// failed one and `<skipped>` for one without data (it passes; see ``ThresholdEvaluator``).
///
/// CI systems (GitHub Actions reporters, GitLab, Jenkins) show such a file as a test report.
public enum JUnitReport {
    /// The XML document.
    /// - Parameters:
    ///   - results: The thresholds' results.
    ///   - profile: The profile's name: the suite is `chatstorm thresholds (NAME)`, the class name
    ///     `chatstorm.thresholds.NAME`.
    ///   - seconds: The run's length, for the suite's `time`.
    public static func xml(_ results: [ThresholdResult], profile: String, seconds: Double = 0) -> String {
        let failures = results.filter { !$0.passed }.count
        let skipped = results.filter(\.noData).count
        let suite = "chatstorm thresholds (\(profile))"
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"chatstorm\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">",
            "  <testsuite name=\"\(escape(suite))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"0\" "
                + "skipped=\"\(skipped)\" time=\"\(Number.decimal(seconds))\">",
        ]
        for result in results {
            let name = escape("\(result.metric): \(result.threshold.expression)")
            let opening = "    <testcase classname=\"chatstorm.thresholds.\(escape(profile))\" name=\"\(name)\" time=\"0\""
            if result.noData {
                lines.append(opening + ">")
                lines.append("      <skipped message=\"no data: \(escape(result.metric)) has no samples in this run; passes\"/>")
                lines.append("    </testcase>")
            } else if result.passed {
                lines.append(opening + "/>")
            } else {
                let message = "measured \(result.measured); expected \(result.threshold.expression)"
                lines.append(opening + ">")
                lines.append("      <failure message=\"\(escape(message))\" type=\"threshold\">\(escape(message))</failure>")
                lines.append("    </testcase>")
            }
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes text for an XML attribute or element; drops characters XML 1.0 cannot hold.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped += "&#\(scalar.value);"
            default:
                // XML 1.0 allows no other control characters, not even escaped.
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }
}

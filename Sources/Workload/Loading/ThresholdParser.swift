import Foundation

/// Reads threshold metric selectors and expressions in k6's syntax, for the profile loader and for
/// `chatstorm run --threshold`.
///
/// Hand-written: an expression is a handful of tokens (`p(99.9) <= 1.5s`) and the errors must say which
/// token is wrong, which a general expression library would not.
public enum ThresholdParser {
    /// Latency units and their size in milliseconds (`us`, `µs`, `ms`, `s`, `m`, `h`).
    public static let latencyUnits: [(unit: String, milliseconds: Double)] = ExpressionScanner.latencyUnits

    /// `metric{key:value,…}`.
    public static func selector(_ text: String) throws(ThresholdSyntaxError) -> MetricSelector {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name = Substring(trimmed)
        var tagText: Substring?
        if let open = trimmed.firstIndex(of: "{") {
            guard trimmed.hasSuffix("}") else { throw ThresholdSyntaxError("\"\(text)\": the tags must end with \"}\"") }
            name = trimmed[..<open]
            tagText = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        }
        let metric = try metric(String(name).trimmingCharacters(in: .whitespaces))
        var selector = MetricSelector(metric: metric)
        guard let tagText else { return selector }
        for part in tagText.split(separator: ",", omittingEmptySubsequences: false) {
            let tag = try tag(String(part), of: metric)
            if selector[tag.key] != nil { throw ThresholdSyntaxError("the tag \"\(tag.key.rawValue)\" is given twice") }
            if tag.key.isBreakdown, let other = selector.breakdown {
                throw ThresholdSyntaxError(
                    "\"\(other.key.rawValue)\" and \"\(tag.key.rawValue)\": breakdowns are by one dimension; name one of region, language, department, site"
                )
            }
            selector.tags.append(tag)
        }
        return selector
    }

    /// One metric name, with a suggestion for a misspelt or camelCase one.
    static func metric(_ name: String) throws(ThresholdSyntaxError) -> ThresholdMetric {
        if let metric = ThresholdMetric(rawValue: name) { return metric }
        let names = ThresholdMetric.allCases.map(\.rawValue)
        let snake = snakeCase(name)
        if let metric = ThresholdMetric(rawValue: snake) {
            throw ThresholdSyntaxError("unknown metric \"\(name)\"; did you mean \"\(metric.rawValue)\"?")
        }
        if let suggestion = Suggestion.closest(to: snake, among: names) {
            throw ThresholdSyntaxError("unknown metric \"\(name)\"; did you mean \"\(suggestion)\"?")
        }
        throw ThresholdSyntaxError("unknown metric \"\(name)\"; the metrics are: " + names.joined(separator: ", "))
    }

    private static func tag(_ text: String, of metric: ThresholdMetric) throws(ThresholdSyntaxError) -> ThresholdTag {
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ThresholdSyntaxError("\"\(text.trimmingCharacters(in: .whitespaces))\" is not a tag; write key:value, e.g. region:apac")
        }
        let allowed = metric.ownTags + (metric.hasBreakdowns ? [.region, .language, .department, .site] : [])
        guard let key = ThresholdTag.Key(rawValue: parts[0]), allowed.contains(key) else {
            var message = "\(metric.rawValue) has no tag \"\(parts[0])\""
            if let suggestion = Suggestion.closest(to: parts[0], among: allowed.map(\.rawValue)) {
                message += "; did you mean \"\(suggestion)\"?"
            } else {
                message += allowed.isEmpty ? " (it takes no tags)" : "; its tags are: " + allowed.map(\.rawValue).joined(separator: ", ")
            }
            throw ThresholdSyntaxError(message)
        }
        if key == .direction, !ThresholdTag.directions.contains(parts[1]) {
            var message = "\"\(parts[1])\" is not a direction; use visitor_to_agent or agent_to_visitor"
            if let suggestion = Suggestion.closest(to: parts[1], among: ThresholdTag.directions) {
                message += " (did you mean \"\(suggestion)\"?)"
            }
            throw ThresholdSyntaxError(message)
        }
        return ThresholdTag(key, parts[1])
    }

    /// `messagesLost` → `messages_lost`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A whole threshold from its two parts; `expression` errors name the metric.
    public static func threshold(metric: String, expression: String) throws(ThresholdSyntaxError) -> Threshold {
        let selector = try selector(metric)
        return try threshold(selector: selector, expression: expression)
    }

    /// A threshold on `selector` from an expression such as `p(99) < 250ms`.
    public static func threshold(selector: MetricSelector, expression: String) throws(ThresholdSyntaxError) -> Threshold {
        var scanner = ExpressionScanner(text: expression)
        let parsed = try scanner.parse(for: selector.metric)
        return Threshold(
            selector: selector,
            aggregate: parsed.aggregate,
            comparison: parsed.comparison,
            bound: parsed.bound,
            expression: expression.trimmingCharacters(in: .whitespaces)
        )
    }

    /// `metric{tags}: expression`, the form of `chatstorm run --threshold`. The metric ends at the first
    /// colon outside the braces.
    public static func threshold(flag text: String) throws(ThresholdSyntaxError) -> Threshold {
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "{": depth += 1
            case "}": depth -= 1
            case ":" where depth == 0:
                return try threshold(metric: String(text[..<index]), expression: String(text[text.index(after: index)...]))
            default: break
            }
        }
        throw ThresholdSyntaxError("\"\(text)\" is not a threshold; write METRIC: EXPRESSION, e.g. 'queue_wait: p(90) < 60s'")
    }
}

/// Why a threshold selector or expression cannot be read.
public struct ThresholdSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

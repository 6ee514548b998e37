import Yams

/// `thresholds:`: metric selectors with lists of k6-style expressions, each a string or k6's object form
/// `{threshold: "p(99) < 250ms", abortOnFail: true, delayAbortEval: 30s}`.
extension ProfileReader {
    /// The thresholds read from the profile, and every metric key that could be read with where it is (its
    /// tag values are checked against the profile's names once the whole profile has been read).
    struct ReadThresholds {
        var thresholds: [Threshold] = []
        var selectors: [(selector: MetricSelector, key: Node, path: String)] = []
    }

    func thresholds(_ node: Node, _ path: String) -> ReadThresholds? {
        guard let pairs = pairs(node, path, expecting: "a mapping of metric to a list of expressions") else { return nil }
        var result = ReadThresholds()
        for pair in pairs {
            let keyPath = Self.child(path, pair.name)
            var selector: MetricSelector?
            do {
                let parsed = try ThresholdParser.selector(pair.name)
                selector = parsed
                result.selectors.append((parsed, pair.key, keyPath))
            } catch {
                report(error.message, at: pair.key, path: keyPath)
            }
            guard let items = list(pair.value, keyPath) else { continue }
            for (offset, item) in items.enumerated() {
                let itemPath = Self.index(keyPath, offset)
                if let threshold = threshold(item, itemPath, selector) { result.thresholds.append(threshold) }
            }
        }
        return result
    }

    /// One expression; `selector` is nil when the metric is wrong (the expression's shape is still checked).
    private func threshold(_ node: Node, _ path: String, _ selector: MetricSelector?) -> Threshold? {
        switch node {
        case .mapping:
            guard let fields = keyed(node, path, keys: ["threshold", "abortOnFail", "delayAbortEval"]) else { return nil }
            let abort = optional(fields, "abortOnFail", bool)
            let delay = optional(fields, "delayAbortEval", duration)
            guard let expression = required(fields, "threshold", { self.expression($0, $1, selector) }) else { return nil }
            guard var threshold = expression else { return nil }
            threshold.abortOnFail = abort ?? false
            threshold.delayAbortEval = delay ?? 0
            return threshold
        case .scalar:
            return expression(node, path, selector) ?? nil
        default:
            report(
                "expected an expression such as \"p(99) < 250ms\" or {threshold: …, abortOnFail: true}, found \(Self.describe(node))",
                at: node,
                path: path
            )
            return nil
        }
    }

    /// The expression string: `.some(nil)` when it is a string but the metric is unknown.
    private func expression(_ node: Node, _ path: String, _ selector: MetricSelector?) -> Threshold?? {
        guard let text = string(node, path) else { return nil }
        guard let selector else { return .some(nil) }
        do {
            return try ThresholdParser.threshold(selector: selector, expression: text)
        } catch {
            report(error.message, at: node, path: path)
            return nil
        }
    }

    /// Reports tag values that name no region, language, department or site of the profile.
    func checkThresholdTags(_ read: ReadThresholds, in profile: Profile) {
        for (selector, key, path) in read.selectors {
            if let message = profile.unknownTagValue(in: selector) { report(message, at: key, path: path) }
        }
    }
}

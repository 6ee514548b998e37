public import Workload

/// A threshold and what the run measured for it.
///
/// In `run.json` under `thresholds` as `{metric, expression, passed, value}` (docs/results.md); `value` is
/// null when the selected data are empty.
public struct ThresholdResult: Sendable, Equatable {
    public var threshold: Threshold
    /// The measured aggregate, in the unit of the threshold's bound (ms, share, count); nil without data.
    public var value: Double?
    /// Whether the threshold holds. A threshold whose data are empty passes, as in k6 (see ``noData``).
    public var passed: Bool

    public init(threshold: Threshold, value: Double?, passed: Bool) {
        self.threshold = threshold
        self.value = value
        self.passed = passed
    }

    /// True when the selected data were empty: no sample of a latency, no chat request for a rate, a tag
    /// value that never occurred.
    public var noData: Bool { value == nil }

    /// `metric{tags}`.
    public var metric: String { threshold.selector.description }

    /// The measured value for people: `312.4 ms`, `0.034`, `12`, or `no data`.
    public var measured: String {
        guard let value else { return "no data" }
        return ThresholdResult.format(value, for: threshold)
    }

    /// A value in the unit of `threshold`'s metric and aggregate.
    static func format(_ value: Double, for threshold: Threshold) -> String {
        switch (threshold.selector.metric.kind, threshold.aggregate) {
        case (.latency, .count), (.counter, _): return Number.integer(value)
        case (.latency, _): return Number.decimal(value) + " ms"
        default: return Number.decimal(value)
        }
    }
}

extension ThresholdResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case metric, expression, passed, value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metric, forKey: .metric)
        try container.encode(threshold.expression, forKey: .expression)
        try container.encode(passed, forKey: .passed)
        try container.encode(value, forKey: .value)
    }

    /// Reads a result back, re-parsing its metric and expression.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let metric = try container.decode(String.self, forKey: .metric)
        let expression = try container.decode(String.self, forKey: .expression)
        do {
            threshold = try ThresholdParser.threshold(metric: metric, expression: expression)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .expression, in: container, debugDescription: error.message)
        }
        passed = try container.decode(Bool.self, forKey: .passed)
        value = try container.decodeIfPresent(Double.self, forKey: .value)
    }
}

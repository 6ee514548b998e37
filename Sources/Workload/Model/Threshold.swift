/// A pass/fail condition on one figure of a run, in k6's syntax:
/// `"message_latency{direction:visitor_to_agent}": ["p(99) < 250ms"]`.
///
/// Read from a profile's `thresholds` (see `docs/profile.md`) or from `chatstorm run --threshold`, checked by
/// ``ThresholdParser``, evaluated by the `Reporting` module on a finished (or running) result.
public struct Threshold: Sendable, Hashable, CustomStringConvertible {
    /// The metric and the tags that select its data (a direction, a breakdown key, an error kind).
    public var selector: MetricSelector
    /// What is computed from the metric's data.
    public var aggregate: ThresholdAggregate
    public var comparison: ThresholdComparison
    /// The bound in the metric's unit: milliseconds for latencies, a share (0…1) for rates, a plain number
    /// otherwise.
    public var bound: Double
    /// The expression as written, e.g. `p(99) < 250ms`.
    public var expression: String
    /// Stop the run as soon as this threshold fails (checked once a second during a live run).
    public var abortOnFail: Bool
    /// Real seconds from the start of the run before `abortOnFail` is checked (k6's `delayAbortEval`).
    public var delayAbortEval: Double

    /// Creates a threshold.
    public init(
        selector: MetricSelector,
        aggregate: ThresholdAggregate,
        comparison: ThresholdComparison,
        bound: Double,
        expression: String,
        abortOnFail: Bool = false,
        delayAbortEval: Double = 0
    ) {
        self.selector = selector
        self.aggregate = aggregate
        self.comparison = comparison
        self.bound = bound
        self.expression = expression
        self.abortOnFail = abortOnFail
        self.delayAbortEval = delayAbortEval
    }

    /// `metric{tags}: expression`, the form `--threshold` takes.
    public var description: String { "\(selector): \(expression)" }

    /// Whether `value` satisfies the condition.
    public func holds(for value: Double) -> Bool {
        comparison.holds(value, bound)
    }
}

/// What a threshold computes from a metric: `p(99)`, `avg`, `max`, `count`, `rate`, …
public enum ThresholdAggregate: Sendable, Hashable, CustomStringConvertible {
    /// `p(N)`: the N-th percentile, 0 < N ≤ 100 (`p(99.9)` too).
    case percentile(Double)
    /// `avg` or `mean`.
    case mean
    /// `med`: the 50th percentile.
    case median
    case min
    case max
    /// The number of samples (latencies) or events (counts).
    case count
    /// A share between 0 and 1 (`abandonment_rate`, `service_level`).
    case rate
    /// The metric's single value (a rate or a count).
    case value
    /// `agent_concurrency` only: mean active chats over capacity.
    case occupancy

    public var description: String {
        switch self {
        case .percentile(let n):
            let text = n == n.rounded() ? String(Int(n)) : String(n)
            return "p(\(text))"
        case .mean: return "avg"
        case .median: return "med"
        case .min: return "min"
        case .max: return "max"
        case .count: return "count"
        case .rate: return "rate"
        case .value: return "value"
        case .occupancy: return "occupancy"
        }
    }
}

/// The comparison of a threshold expression.
public enum ThresholdComparison: String, Sendable, Hashable, CaseIterable {
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="

    /// `value OP bound`.
    public func holds(_ value: Double, _ bound: Double) -> Bool {
        switch self {
        case .less: value < bound
        case .lessOrEqual: value <= bound
        case .greater: value > bound
        case .greaterOrEqual: value >= bound
        case .equal: value == bound
        case .notEqual: value != bound
        }
    }
}

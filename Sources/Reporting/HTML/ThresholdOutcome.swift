/// The result of one threshold, as the report shows it at the top: filled by the threshold evaluator.
public struct ThresholdOutcome: Sendable, Equatable, Codable {
    /// The metric with its tags as written, e.g. `message_latency{direction:visitor_to_agent}`.
    public var metric: String
    /// The expression as written, e.g. `p(99) < 250ms`.
    public var expression: String
    /// Whether the run met it.
    public var passed: Bool
    /// The measured value in the expression's unit (nil when nothing was measured).
    public var value: Double?

    public init(metric: String, expression: String, passed: Bool, value: Double?) {
        self.metric = metric
        self.expression = expression
        self.passed = passed
        self.value = value
    }
}

import LoadMetrics
import Workload

extension RunDocument {
    /// The thresholds' results as the report shows them at its top.
    public var thresholdOutcomes: [ThresholdOutcome] {
        (thresholds ?? []).map {
            ThresholdOutcome(metric: $0.metric, expression: $0.threshold.expression, passed: $0.passed, value: $0.value)
        }
    }

    /// The report of this run, thresholds included.
    public var report: HTMLReport { HTMLReport(result: result, thresholds: thresholdOutcomes) }
}

import Histogram
public import LoadMetrics
public import Workload

/// Evaluates thresholds on a ``RunResult``: percentiles from the histograms, tagged thresholds from the
/// breakdowns.
///
/// **No data passes.** A threshold whose selected data are empty (a tag value that never occurred, a
/// latency with no sample, a rate without chat requests, a queue never sampled) passes with no value, as
/// in k6, and the outputs say "no data". A count of nothing is a value: `count` of an empty latency and
/// every counter of a breakdown key that occurred evaluate to 0 as usual. Tag values that do not exist in
/// the profile are rejected when the profile is loaded, so "no data" means "did not happen in this run".
public enum ThresholdEvaluator {
    /// Every threshold's result, in the order given.
    public static func evaluate(_ thresholds: [Threshold], on result: RunResult) -> [ThresholdResult] {
        thresholds.map { threshold in
            let value = measure(threshold, in: result)
            return ThresholdResult(threshold: threshold, value: value, passed: value.map(threshold.holds) ?? true)
        }
    }

    /// The aggregate `threshold` asks for, in its unit (ms, share, count); nil when the data are empty.
    public static func measure(_ threshold: Threshold, in result: RunResult) -> Double? {
        let selector = threshold.selector
        if selector.metric == .lateArrivals { return Double(result.generator.lateArrivals) }
        let set: MetricSet?
        if let tag = selector.breakdown, let dimension = Dimension(rawValue: tag.key.rawValue) {
            set = result.breakdowns[dimension]?[tag.value]
        } else {
            set = result.total
        }
        guard let set else { return nil }
        switch selector.metric.kind {
        case .latency:
            return latency(histogram(selector, in: set), threshold.aggregate)
        case .queueDepth:
            guard set.queueDepth.samples > 0 else { return nil }
            return threshold.aggregate == .max ? Double(set.queueDepth.max) : set.queueDepth.mean
        case .concurrency:
            guard set.concurrency.capacitySeconds > 0 else { return nil }
            switch threshold.aggregate {
            case .max: return Double(set.concurrency.max)
            case .occupancy: return set.concurrency.occupancy
            default: return set.concurrency.mean
            }
        case .rate:
            guard set.counts.chatsOffered > 0 else { return nil }
            let metrics = set.metrics(serviceLevelThresholdSeconds: result.serviceLevelThresholdSeconds)
            return selector.metric == .abandonmentRate ? metrics.abandonmentRate : metrics.serviceLevel.value
        case .counter:
            return count(selector, in: set.counts).map(Double.init)
        }
    }

    /// The histogram (µs) behind a latency selector; `message_latency` without a direction merges both.
    static func histogram(_ selector: MetricSelector, in set: MetricSet) -> Histogram<UInt64> {
        switch selector.metric {
        case .queueWait: return set.queueWait
        case .firstResponse: return set.firstResponse
        case .connectTime: return set.connectTime
        default:
            switch selector[.direction] {
            case "visitor_to_agent": return set.visitorToAgent.corrected
            case "agent_to_visitor": return set.agentToVisitor.corrected
            default:
                var both = set.visitorToAgent.corrected
                both.add(set.agentToVisitor.corrected)
                return both
            }
        }
    }

    /// An aggregate of a µs histogram in milliseconds, rounded to the microsecond as in `run.json`.
    static func latency(_ histogram: Histogram<UInt64>, _ aggregate: ThresholdAggregate) -> Double? {
        if aggregate == .count { return Double(histogram.totalCount) }
        guard histogram.totalCount > 0 else { return nil }
        let micros: Double
        switch aggregate {
        case .percentile(let n): micros = Double(histogram.valueAtPercentile(n))
        case .median: micros = Double(histogram.valueAtPercentile(50))
        case .min: micros = Double(histogram.min)
        case .max: micros = Double(histogram.max)
        default: micros = histogram.mean
        }
        return micros.rounded() / 1_000
    }

    /// The count a counter selector names.
    static func count(_ selector: MetricSelector, in counts: Counts) -> Int? {
        switch selector.metric {
        case .errors: selector[.kind].map { counts.errorsByKind[$0] ?? 0 } ?? counts.errors
        case .messagesLost: counts.messagesLost
        case .messagesRefused: counts.messagesRefused
        case .messagesDuplicated: counts.messagesDuplicated
        case .messagesReordered: counts.messagesReordered
        case .messagesSent: counts.messagesSent
        case .messagesReceived: counts.messagesReceived
        case .visitorsArrived: counts.visitorsArrived
        case .chatsRequested: counts.chatsRequested
        case .chatsAssigned: counts.chatsAssigned
        case .chatsCompleted: counts.chatsCompleted
        case .chatsAbandoned: counts.chatsAbandoned
        case .offlineTickets: counts.offlineTickets
        case .botResolved: counts.botResolved
        case .leftAtForm: counts.leftAtForm
        case .stillActive: counts.stillActive
        case .transfers: counts.transfers
        default: nil
        }
    }
}

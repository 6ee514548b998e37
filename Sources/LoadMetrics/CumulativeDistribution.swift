public import Histogram

/// A histogram's cumulative distribution, for drawing: each non-empty bucket's highest equivalent
/// value and the number of samples at or below it.
public struct CumulativeDistribution: Sendable, Equatable {
    /// Bucket upper bounds, ascending, in the histogram's unit (µs here).
    public var upperBounds: [UInt64] = []
    /// Samples at or below the bound of the same index.
    public var cumulativeCounts: [UInt64] = []

    public init(_ histogram: Histogram<UInt64>) {
        var cumulative: UInt64 = 0
        for bucket in histogram.recordedValues() {
            cumulative += bucket.count
            upperBounds.append(histogram.highestEquivalentForValue(bucket.value))
            cumulativeCounts.append(cumulative)
        }
    }

    /// The number of samples.
    public var total: UInt64 { cumulativeCounts.last ?? 0 }
}

extension MetricSet {
    /// The distribution of `queue_wait` (µs).
    public var queueWaitDistribution: CumulativeDistribution { CumulativeDistribution(queueWait) }

    /// Assigned chats whose `queue_wait` was at most `seconds` (to HDR precision, as `service_level`
    /// counts them).
    public func assignedWithin(seconds: Double) -> UInt64 {
        guard queueWait.totalCount > 0 else { return 0 }
        return queueWait.count(within: 0...UInt64(Swift.max(0, seconds) * 1_000_000))
    }
}

extension RunResult.Generator {
    /// The scheduling lag's summary in milliseconds.
    public var schedulingLagSummary: LatencySummary { LatencySummary(schedulingLag, unitsPerOutputUnit: 1_000) }
}

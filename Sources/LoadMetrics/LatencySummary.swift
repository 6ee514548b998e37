public import Histogram

/// Count and distribution figures of one histogram; values are in the unit the producer states
/// (milliseconds for latencies in `RunResult`, microseconds for `schedulingLagMicros`).
public struct LatencySummary: Codable, Sendable, Equatable {
    public var count: UInt64
    public var min: Double
    public var mean: Double
    public var p50: Double
    public var p90: Double
    public var p95: Double
    public var p99: Double
    public var p999: Double
    public var max: Double

    /// An all-zero summary (no samples).
    public static let empty = LatencySummary(
        count: 0,
        min: 0,
        mean: 0,
        p50: 0,
        p90: 0,
        p95: 0,
        p99: 0,
        p999: 0,
        max: 0
    )

    public init(
        count: UInt64,
        min: Double,
        mean: Double,
        p50: Double,
        p90: Double,
        p95: Double,
        p99: Double,
        p999: Double,
        max: Double
    ) {
        self.count = count
        self.min = min
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.p999 = p999
        self.max = max
    }

    /// Summarises `histogram`, dividing its values by `unitsPerOutputUnit` and rounding to three
    /// decimals so that the JSON is stable. Percentiles are HdrHistogram's (highest equivalent value
    /// of the bucket holding the percentile); `max` is the largest recorded value's bucket maximum.
    ///
    /// One pass over the recorded buckets gives the mean and every percentile, with the library's arithmetic
    /// (the same figures as its `mean` and `valueAtPercentile`): its `mean` is generic code that is not
    /// specialised for the caller, and walked every bucket several times slower than this loop, which perf showed
    /// as most of the time of writing a simulated day's results; each `valueAtPercentile` walked them again.
    public init(_ histogram: Histogram<UInt64>, unitsPerOutputUnit: Double) {
        let total = histogram.totalCount
        guard total > 0 else {
            self = .empty
            return
        }
        func scaled(_ value: Double) -> Double {
            (value / unitsPerOutputUnit * 1_000).rounded() / 1_000
        }
        let percentiles = Self.percentiles
        // The count each percentile needs, as `valueAtPercentile` derives it (one ulp below, rounded up, ≥ 1).
        let needed = percentiles.map { percentile -> UInt64 in
            let requested = Swift.min(Swift.max(percentile.nextDown, 0), 100)
            return Swift.max(1, UInt64((requested * Double(total) / 100).rounded(.up)))
        }
        var values = [UInt64](repeating: 0, count: percentiles.count)
        var next = 0
        var sum = 0.0
        let low = histogram.min
        let high = histogram.maxRecorded
        for bucket in histogram.recordedValues() {
            sum += Double(histogram.medianEquivalentForValue(bucket.value)) * Double(bucket.count)
            // `bucket.value` is its bucket's highest equivalent value.
            while next < needed.count, bucket.totalCountToThisValue >= needed[next] {
                values[next] = Swift.max(Swift.min(bucket.value, high), low)
                next += 1
            }
        }
        self.init(
            count: total,
            min: scaled(Double(low)),
            mean: scaled(sum / Double(total)),
            p50: scaled(Double(values[0])),
            p90: scaled(Double(values[1])),
            p95: scaled(Double(values[2])),
            p99: scaled(Double(values[3])),
            p999: scaled(Double(values[4])),
            max: scaled(Double(histogram.max))
        )
    }

    /// The percentiles a summary holds, ascending.
    static let percentiles = [50, 90, 95, 99, 99.9]
}

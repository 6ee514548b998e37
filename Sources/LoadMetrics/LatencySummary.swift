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
    public init(_ histogram: Histogram<UInt64>, unitsPerOutputUnit: Double) {
        guard histogram.totalCount > 0 else {
            self = .empty
            return
        }
        func scaled(_ value: Double) -> Double {
            (value / unitsPerOutputUnit * 1_000).rounded() / 1_000
        }
        func at(_ percentile: Double) -> Double {
            scaled(Double(histogram.valueAtPercentile(percentile)))
        }
        self.init(
            count: histogram.totalCount,
            min: scaled(Double(histogram.min)),
            mean: scaled(histogram.mean),
            p50: at(50),
            p90: at(90),
            p95: at(95),
            p99: at(99),
            p999: at(99.9),
            max: scaled(Double(histogram.max))
        )
    }
}

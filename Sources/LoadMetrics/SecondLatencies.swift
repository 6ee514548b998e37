/// The latencies of one open second, kept as raw values so that the second's percentiles are exact.
///
/// A per-second HDR histogram (2 significant digits, 3,300 buckets) had to be cleared every second, which cost more
/// than recording: a simulated day closes 86,400 seconds, and `hdrhistogram-swift` clears and scans its buckets
/// through unspecialised generic code. A second holds at most a few thousand messages, so sorting them on close is
/// cheaper and exact. Values are recorded with the coordinated-omission back-fill of HdrHistogram's
/// `recordCorrectedValue` (`v - i`, `v - 2i`, … down to `i`), capped at ``backFillLimit`` samples per value: the
/// series is a chart; the run's own histograms keep every back-filled sample.
struct SecondLatencies: Sendable, Equatable {
    /// Most back-filled samples one late value adds to a second.
    static let backFillLimit: UInt64 = 10_000

    private var values: [UInt64] = []

    var isEmpty: Bool { values.isEmpty }

    /// Records a value (µs) measured by a sender meant to send every `expectedInterval` µs (0: no back-fill).
    mutating func record(_ value: UInt64, expectedInterval: UInt64) {
        values.append(value)
        guard expectedInterval > 0, value > expectedInterval else { return }
        let samples = Swift.min((value - expectedInterval) / expectedInterval, Self.backFillLimit)
        var missing = value
        for _ in 0..<samples {
            missing -= expectedInterval
            values.append(missing)
        }
    }

    /// The p50, p90 and p99 of the second in milliseconds (nil when it is empty), then empties it. Percentile `p`
    /// is the smallest value with at least `p` % of the values at or below it, as HdrHistogram defines it.
    mutating func close() -> TimeSeries.IntervalPercentiles? {
        guard !values.isEmpty else { return nil }
        values.sort()
        func milliseconds(_ percentile: Double) -> Double {
            let rank = Swift.max(1, Int((percentile / 100 * Double(values.count)).rounded(.up)))
            return Double(values[Swift.min(rank, values.count) - 1]) / 1_000  // whole µs: exact to three decimals
        }
        let percentiles = TimeSeries.IntervalPercentiles(p50: milliseconds(50), p90: milliseconds(90), p99: milliseconds(99))
        values.removeAll(keepingCapacity: true)
        return percentiles
    }
}

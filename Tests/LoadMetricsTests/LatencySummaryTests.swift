import Histogram
import Testing

@testable import LoadMetrics

@Suite struct LatencySummaryTests {
    /// The library's own figures, each from its own walk over the histogram.
    static func reference(_ histogram: Histogram<UInt64>, unitsPerOutputUnit: Double) -> LatencySummary {
        func scaled(_ value: Double) -> Double { (value / unitsPerOutputUnit * 1_000).rounded() / 1_000 }
        func at(_ percentile: Double) -> Double { scaled(Double(histogram.valueAtPercentile(percentile))) }
        return LatencySummary(
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

    /// The one-pass summary gives exactly the library's mean and percentiles, on histograms from one value to
    /// wide spreads, with zeros, repeated counts (percentile counts that land exactly on a bucket's end) and values
    /// up to the hour the histograms track.
    @Test func onePassMatchesTheLibrary() {
        var rng = SplitMix64(state: 11)
        for round in 0..<300 {
            var histogram = round.isMultiple(of: 2) ? LatencyRecorder.makeHistogram() : LatencyRecorder.makeGrowingHistogram()
            let samples = [1, 2, 3, 10, 100, 1_000][round % 6]
            let spread: UInt64 = [10, 2_000, 100_000, LatencyRecorder.highestTrackableMicros][(round / 6) % 4]
            for _ in 0..<samples {
                let value = rng.next() % (spread + 1)
                histogram.record(value, count: rng.next() % 4 == 0 ? 1 + rng.next() % 5 : 1)
            }
            for units in [1.0, 1_000] {
                #expect(LatencySummary(histogram, unitsPerOutputUnit: units) == Self.reference(histogram, unitsPerOutputUnit: units))
            }
        }
        #expect(LatencySummary(LatencyRecorder.makeHistogram(), unitsPerOutputUnit: 1) == .empty)
    }
}

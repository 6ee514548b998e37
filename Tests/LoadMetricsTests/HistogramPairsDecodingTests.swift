import Foundation
import Histogram
import LoadMetrics
import Testing

@Suite("Histograms and thresholds read from a run.json")
struct HistogramPairsDecodingTests {
    @Test("counts that add up past 2^62 are a decoding error, not a trap in the histogram library")
    func overflowingCounts() throws {
        let json = Data("[5000, 3, 6000, 9223372036854775807]".utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(HistogramPairs.self, from: json) }
        let fine = try JSONDecoder().decode(HistogramPairs.self, from: Data("[5000, 3, 6000, 4]".utf8))
        #expect(fine.histogram().totalCount == 7)
    }

    @Test("a service-level threshold beyond UInt64's microseconds counts every answered chat, without a trap")
    func hugeThreshold() {
        var set = MetricSet()
        set.counts.chatsRequested = 2
        set.queueWait.record(5_000_000)
        set.queueWait.record(7_000_000)
        for threshold in [1e308, Double.infinity] {
            #expect(set.metrics(serviceLevelThresholdSeconds: threshold).serviceLevel.value == 1)
        }
        #expect(set.metrics(serviceLevelThresholdSeconds: .nan).serviceLevel.value == 0)
    }
}

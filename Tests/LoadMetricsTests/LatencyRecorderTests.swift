import Foundation
import Histogram
import LoadMetrics
import Testing

/// A small seeded generator so that the samples are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct LatencyRecorderTests {
    /// Log-uniform samples between 50 µs and 5 s.
    func samples(_ count: Int, seed: UInt64) -> [UInt64] {
        var rng = SplitMix64(state: seed)
        return (0..<count).map { _ in UInt64(50 * pow(100_000, Double.random(in: 0..<1, using: &rng))) }
    }

    @Test func percentilesMatchSortedSamplesWithinPrecision() {
        let values = samples(20_000, seed: 7)
        var recorder = LatencyRecorder()
        for value in values { recorder.record(micros: value, expectedIntervalMicros: 0) }
        let sorted = values.sorted()
        let summary = recorder.summary(corrected: false)
        #expect(summary.count == 20_000)
        let checks: [(Double, Double)] = [
            (50, summary.p50), (90, summary.p90), (95, summary.p95), (99, summary.p99), (99.9, summary.p999),
            (100, summary.max),
        ]
        for (percentile, millis) in checks {
            let rank = max(0, Int((percentile / 100 * Double(sorted.count)).rounded(.up)) - 1)
            let exact = Double(sorted[rank])
            // HDR reports the bucket's highest equivalent value: at most 1/1024 above, plus output rounding.
            #expect(abs(millis * 1_000 - exact) <= exact / 1_000 + 1, "p\(percentile): \(millis) ms vs \(exact) µs")
        }
        #expect(abs(summary.min * 1_000 - Double(sorted[0])) <= 1)
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        #expect(abs(summary.mean * 1_000 - mean) <= mean / 1_000 + 1)
    }

    @Test func correctionBackfillsAStall() {
        var recorder = LatencyRecorder()
        for _ in 0..<10_000 { recorder.record(.milliseconds(1), expectedInterval: .milliseconds(1)) }
        recorder.record(.seconds(1), expectedInterval: .milliseconds(1))
        let corrected = recorder.summary(corrected: true)
        let uncorrected = recorder.summary(corrected: false)
        #expect(uncorrected.count == 10_001)
        // 1 s − 1 ms, 1 s − 2 ms, … 1 ms: the 999 samples the stall kept from being sent.
        #expect(corrected.count == 10_001 + 999)
        #expect(uncorrected.p99 <= 1.001)
        #expect(uncorrected.p999 <= 1.001)
        #expect(corrected.p99 > 800 && corrected.p99 < 1_000)
        #expect(corrected.max == uncorrected.max)
    }

    /// The recorder keeps one histogram until the first back-fill: both views must still equal two histograms
    /// recorded the plain way, also after merging recorders that did and did not diverge, in either order.
    @Test func sharedHistogramUntilTheFirstBackfill() {
        let plain = LatencyRecorder.makeHistogram
        for (intervalOfA, intervalOfB) in [(0, 0), (0, 20_000), (20_000, 0), (20_000, 20_000), (1_000_000_000, 20_000)] {
            var recorders = [LatencyRecorder(), LatencyRecorder()]
            var corrected = plain()
            var uncorrected = plain()
            for (index, interval) in [intervalOfA, intervalOfB].enumerated() {
                for value in samples(3_000, seed: UInt64(10 + index)) {
                    recorders[index].record(micros: value, expectedIntervalMicros: UInt64(interval))
                    uncorrected.record(value)
                    corrected.recordCorrectedValue(value, expectedInterval: UInt64(interval))
                }
            }
            var merged = recorders[0]
            merged.merge(recorders[1])
            var mergedOtherWay = recorders[1]
            mergedOtherWay.merge(recorders[0])
            for recorder in [merged, mergedOtherWay] {
                #expect(recorder.corrected == corrected, "intervals \(intervalOfA), \(intervalOfB)")
                #expect(recorder.uncorrected == uncorrected, "intervals \(intervalOfA), \(intervalOfB)")
            }
            #expect(merged.count == 6_000)
            #expect((corrected == uncorrected) == (intervalOfA != 20_000 && intervalOfB != 20_000))
        }
    }

    @Test func mergeEqualsRecordingIntoOne() {
        let first = samples(5_000, seed: 1)
        let second = samples(5_000, seed: 2)
        var a = LatencyRecorder()
        var b = LatencyRecorder()
        var both = LatencyRecorder()
        for value in first {
            a.record(micros: value, expectedIntervalMicros: 20_000)
            both.record(micros: value, expectedIntervalMicros: 20_000)
        }
        for value in second {
            b.record(micros: value, expectedIntervalMicros: 20_000)
            both.record(micros: value, expectedIntervalMicros: 20_000)
        }
        a.merge(b)
        #expect(a == both)
        #expect(a.summary() == both.summary())
    }

    @Test func pairsRebuildTheSameHistogram() {
        var recorder = LatencyRecorder()
        for value in samples(3_000, seed: 3) { recorder.record(micros: value, expectedIntervalMicros: 10_000) }
        let pairs = recorder.pairs
        #expect(LatencyRecorder(corrected: pairs.corrected, uncorrected: pairs.uncorrected) == recorder)
        #expect(pairs.uncorrected.pairs.count.isMultiple(of: 2))
    }

    @Test func valuesAboveOneHourAreClamped() {
        var recorder = LatencyRecorder()
        recorder.record(.seconds(7_200))
        #expect(recorder.count == 1)
        #expect(recorder.summary().max >= 3_600_000)
    }

    @Test func percentileDistributionParses() throws {
        var recorder = LatencyRecorder()
        for value in samples(10_000, seed: 4) { recorder.record(micros: value, expectedIntervalMicros: 0) }
        let lines = recorder.percentileDistribution().split(separator: "\n", omittingEmptySubsequences: true)
        let header = try #require(lines.first)
        #expect(header.split(separator: " ") == ["Value", "Percentile", "TotalCount", "1/(1-Percentile)"])
        let rows = lines.dropFirst().filter { !$0.hasPrefix("#") }
        let footer = lines.filter { $0.hasPrefix("#") }
        #expect(rows.count > 20)
        var previous = (value: -1.0, percentile: -1.0, count: -1)
        for row in rows {
            let fields = row.split(separator: " ")
            #expect(fields.count == 4 || fields.count == 3)
            let value = try #require(Double(fields[0]))
            let percentile = try #require(Double(fields[1]))
            let count = try #require(Int(fields[2]))
            #expect(value >= previous.value && percentile >= previous.percentile && count >= previous.count)
            previous = (value, percentile, count)
        }
        #expect(previous.percentile == 1.0 && previous.count == 10_000)
        #expect(footer.count == 3)
        #expect(footer[0].hasPrefix("#[Mean") && footer[0].contains("StdDeviation"))
        #expect(footer[1].hasPrefix("#[Max") && footer[1].contains("Total count"))
        #expect(footer[2].hasPrefix("#[Buckets"))
    }
}

import Foundation
import LoadMetrics
import Testing

@Suite struct BucketTotalsTests {
    @Test("samples land in the bucket whose bound is the first at or above them; the last bucket takes the rest")
    func placesSamples() {
        var recorder = LatencyRecorder()
        // Below 2,048 µs the histogram is exact, so these counts and sums are exact too.
        for value: UInt64 in [500, 1_000, 1_001, 2_000, 1_500] { recorder.record(micros: value, expectedIntervalMicros: 0) }
        recorder.record(micros: 9_000, expectedIntervalMicros: 0)
        var totals = BucketTotals(upperBounds: [5_000, 1_000])  // unsorted on purpose
        let growth = totals.update(from: recorder.uncorrected)
        #expect(totals.upperBounds == [1_000, 5_000])
        #expect(totals.counts == [2, 3, 1])
        #expect(Array(totals.sums.prefix(2)) == [1_500, 4_501])
        // 9,000 µs is kept to three significant digits.
        #expect(abs(Double(totals.sums[2]) - 9_000) <= 9)
        #expect(growth.map(\.bucket) == [0, 1, 2])
        #expect(growth.map(\.count) == [2, 3, 1])
        #expect(growth[0].mean == 750)
    }

    @Test("a second read returns only what was recorded in between; an unchanged histogram returns nothing")
    func readsGrowth() {
        var recorder = LatencyRecorder()
        var totals = BucketTotals(upperBounds: [100, 1_000])
        recorder.record(micros: 50, expectedIntervalMicros: 0)
        recorder.record(micros: 500, expectedIntervalMicros: 0)
        _ = totals.update(from: recorder.uncorrected)
        #expect(totals.update(from: recorder.uncorrected).isEmpty)
        recorder.record(micros: 70, expectedIntervalMicros: 0)
        recorder.record(micros: 90, expectedIntervalMicros: 0)
        recorder.record(micros: 2_000, expectedIntervalMicros: 0)
        let growth = totals.update(from: recorder.uncorrected)
        #expect(growth == [BucketTotals.Growth(bucket: 0, count: 2, sum: 160), BucketTotals.Growth(bucket: 2, count: 1, sum: 2_000)])
        #expect(totals.counts == [3, 1, 1])
        #expect(totals.sampleCount == 5)
    }

    @Test("the mean of what a bucket gained lies inside that bucket, and the counts add up to the samples")
    func meansStayInTheirBuckets() {
        var recorder = LatencyRecorder()
        let bounds: [UInt64] = [1_000, 2_500, 5_000, 10_000, 100_000, 1_000_000, 60_000_000]
        var totals = BucketTotals(upperBounds: bounds)
        var generator = SplitMix64(state: 42)
        for round in 0..<5 {
            // Values spread over eight decades, exactly at the bounds too.
            for _ in 0..<2_000 {
                let exponent = Double(generator.next() % 8_000) / 1_000
                recorder.record(micros: UInt64(pow(10, exponent)), expectedIntervalMicros: 0)
            }
            for bound in bounds { recorder.record(micros: bound, expectedIntervalMicros: 0) }
            let growth = totals.update(from: recorder.uncorrected)
            #expect(growth.reduce(0) { $0 + $1.count } == 2_000 + UInt64(bounds.count), "round \(round)")
            for entry in growth {
                let lower = entry.bucket == 0 ? 0 : Double(bounds[entry.bucket - 1])
                let upper = entry.bucket < bounds.count ? Double(bounds[entry.bucket]) : .infinity
                #expect(entry.mean > lower && entry.mean <= upper, "bucket \(entry.bucket): mean \(entry.mean)")
            }
        }
        #expect(totals.counts.reduce(0, +) == recorder.count)
    }
}

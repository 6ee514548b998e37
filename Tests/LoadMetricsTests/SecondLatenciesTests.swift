import Testing

@testable import LoadMetrics

@Suite struct SecondLatenciesTests {
    @Test func percentilesAreNearestRankAndTheSecondEmpties() throws {
        var second = SecondLatencies()
        // 1 … 1,000 µs in a shuffled order.
        var rng = SystemRandomNumberGenerator()
        for value in (1...1_000).shuffled(using: &rng) { second.record(UInt64(value), expectedInterval: 0) }
        let closed = second.close()
        let percentiles = try #require(closed)
        #expect(percentiles == .init(p50: 0.5, p90: 0.9, p99: 0.99))
        let again = second.close()
        #expect(second.isEmpty && again == nil)
    }

    @Test func lateValuesAreBackFilledLikeHdrHistogram() throws {
        var second = SecondLatencies()
        // 100 µs late at a 10 µs interval: 100, 90, …, 10 (HdrHistogram's recordCorrectedValue).
        second.record(100, expectedInterval: 10)
        let closed = second.close()
        let percentiles = try #require(closed)
        #expect(percentiles == .init(p50: 0.05, p90: 0.09, p99: 0.1))
    }

    @Test func backFillIsCapped() throws {
        var second = SecondLatencies()
        second.record(1_000_000_000, expectedInterval: 1)
        second.record(1, expectedInterval: 0)
        // The late value and its capped back-fill, all far above the one on-time value.
        let closed = second.close()
        let percentiles = try #require(closed)
        let lowestBackFilled = Double(1_000_000_000 - SecondLatencies.backFillLimit) / 1_000
        #expect(percentiles.p50 >= lowestBackFilled)
    }
}

import Testing

@testable import Workload

@Suite("Distributions")
struct DistributionTests {
    @Test(
        "sample means match the distribution means",
        arguments: [
            Distribution.constant(4),
            .exponential(mean: 30),
            .uniform(min: 2, max: 6),
            .normal(mean: 50, standardDeviation: 5),
            .lognormal(median: 20, p95: 60),
            .empirical([1, 2, 3, 10]),
            .weighted([.init(value: 1, weight: 1), .init(value: 5, weight: 3)]),
        ]
    )
    func means(distribution: Distribution) {
        var rng = SeededGenerator(seed: 11)
        let n = 200_000
        var sum = 0.0
        var sumSquares = 0.0
        for _ in 0..<n {
            let x = distribution.sample(using: &rng)
            sum += x
            sumSquares += x * x
        }
        let mean = sum / Double(n)
        let variance = max(0, sumSquares / Double(n) - mean * mean)
        let standardError = (variance / Double(n)).squareRoot()
        #expect(abs(mean - distribution.mean) <= max(4 * standardError, 1e-9), "mean \(mean) vs \(distribution.mean)")
    }

    @Test("lognormal by median and p95 puts 95% of draws below the p95")
    func lognormalQuantiles() {
        var rng = SeededGenerator(seed: 3)
        let distribution = Distribution.lognormal(median: 20, p95: 60)
        let n = 100_000
        var belowMedian = 0
        var belowP95 = 0
        for _ in 0..<n {
            let x = distribution.sample(using: &rng)
            if x < 20 { belowMedian += 1 }
            if x < 60 { belowP95 += 1 }
        }
        #expect(abs(Double(belowMedian) / Double(n) - 0.5) < 0.01)
        #expect(abs(Double(belowP95) / Double(n) - 0.95) < 0.005)
    }

    @Test("a seed gives the same draws; split streams differ from each other and from the parent")
    func determinism() {
        var a = SeededGenerator(seed: 99)
        var b = SeededGenerator(seed: 99)
        #expect((0..<10).map { _ in a.next() } == (0..<10).map { _ in b.next() })
        var s1 = a.split(1)
        var s2 = a.split(2)
        #expect(s1.next() != s2.next())
        var again = a.split(1)
        var s1Copy = b.split(1)
        #expect(again.next() == s1Copy.next())
    }

    /// The machines' uniform draws are the standard library's numbers, computed without its generic code: a
    /// profile's runs stay what they were, and a change of either shows here.
    @Test("uniform draws are the numbers Double.random(in:using:) draws")
    func uniformDrawsMatchTheStandardLibrary() {
        var ours = SeededGenerator(seed: 5)
        var library = SeededGenerator(seed: 5)
        for index in 0..<20_000 {
            let range = index % 2 == 0 ? 0.0..<1.0 : -3.5..<Double(index % 17 + 1)
            if index % 2 == 0 {
                #expect(ours.nextFraction() == Double.random(in: range, using: &library))
            } else {
                #expect(ours.nextDouble(in: range) == Double.random(in: range, using: &library))
            }
        }
    }
}

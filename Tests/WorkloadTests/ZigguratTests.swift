import Foundation
import Testing
import Workload

@Suite("Ziggurat draws")
struct ZigguratTests {
    /// Kolmogorov–Smirnov distance between the empirical distribution of `draws` and `cdf`.
    static func ksDistance(_ draws: [Double], _ cdf: (Double) -> Double) -> Double {
        let sorted = draws.sorted()
        let n = Double(sorted.count)
        var distance = 0.0
        for (index, x) in sorted.enumerated() {
            let p = cdf(x)
            distance = max(distance, abs(Double(index + 1) / n - p), abs(p - Double(index) / n))
        }
        return distance
    }

    /// Pearson's χ² of `draws` in bins of width `width` from `low` to `high` (plus the two tails) against `cdf`.
    static func chiSquare(
        _ draws: [Double],
        from low: Double,
        to high: Double,
        width: Double,
        _ cdf: (Double) -> Double
    ) -> (
        value: Double, bins: Int
    ) {
        let inner = Int(((high - low) / width).rounded())
        var counts = [Double](repeating: 0, count: inner + 2)
        for x in draws {
            let bin = x < low ? 0 : x >= high ? inner + 1 : 1 + min(inner - 1, Int((x - low) / width))
            counts[bin] += 1
        }
        let n = Double(draws.count)
        var value = 0.0
        for bin in 0..<(inner + 2) {
            let lower = bin == 0 ? -Double.infinity : low + Double(bin - 1) * width
            let upper = bin == inner + 1 ? Double.infinity : low + Double(bin) * width
            let expected = n * ((upper.isInfinite ? 1 : cdf(upper)) - (lower.isInfinite ? 0 : cdf(lower)))
            guard expected > 0 else {
                value += counts[bin] > 0 ? .infinity : 0
                continue
            }
            value += (counts[bin] - expected) * (counts[bin] - expected) / expected
        }
        return (value, inner + 2)
    }

    /// χ² with k − 1 degrees of freedom stays below k − 1 + 6·√(2(k − 1)) with probability above 1 − 10⁻⁶ for the k
    /// used here (Wilson–Hilferty). The fine bins see a wedge that accepts every point, which KS does not.
    static func expectFits(_ chi: (value: Double, bins: Int), sourceLocation: SourceLocation = #_sourceLocation) {
        let freedom = Double(chi.bins - 1)
        #expect(
            chi.value < freedom + 6 * (2 * freedom).squareRoot(),
            "χ² \(chi.value) with \(chi.bins - 1) degrees of freedom",
            sourceLocation: sourceLocation
        )
    }

    /// For a million draws the KS distance exceeds 0.0027 with probability about 10⁻⁶; the tail shares are checked
    /// separately (the tail and the wedges are the method's rarely taken paths, which KS barely sees).
    static let draws = 1_000_000
    static let ksLimit = 0.0027

    @Test("standard normal: KS distance, moments and tail shares")
    func normal() {
        var rng = SeededGenerator(seed: 21)
        let draws = (0..<Self.draws).map { _ in Ziggurat.normal(using: &rng) }
        let distance = Self.ksDistance(draws) { 0.5 * erfc(-$0 / 2.0.squareRoot()) }
        #expect(distance < Self.ksLimit, "KS distance \(distance)")
        Self.expectFits(Self.chiSquare(draws, from: -4, to: 4, width: 0.025) { 0.5 * erfc(-$0 / 2.0.squareRoot()) })
        let mean = draws.reduce(0, +) / Double(Self.draws)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(Self.draws)
        #expect(abs(mean) < 4 / Double(Self.draws).squareRoot())
        // The variance of a sample variance of a normal is 2σ⁴ / n.
        #expect(abs(variance - 1) < 4 * (2 / Double(Self.draws)).squareRoot())
        // Between the edges of the first two layers (3.449 and r = 3.654): the outermost wedge, where the curve
        // falls most steeply inside a layer (a wedge test that accepted every point would put 70 % more here).
        Self.expectShare(
            of: draws,
            { abs($0) > 3.449_278_298_560_964_5 && abs($0) < 3.654_152_885_361_008_8 },
            is: erfc(3.449_278_298_560_964_5 / 2.0.squareRoot()) - erfc(3.654_152_885_361_008_8 / 2.0.squareRoot())
        )
        // Beyond the base layer's edge r = 3.654 (the tail path), either side.
        Self.expectShare(of: draws, { abs($0) > 3.654_152_885_361_008_8 }, is: erfc(3.654_152_885_361_008_8 / 2.0.squareRoot()))
        Self.expectShare(of: draws, { $0 > 2 }, is: 0.5 * erfc(2 / 2.0.squareRoot()))
        Self.expectShare(of: draws, { $0 < -1 }, is: 0.5 * erfc(1 / 2.0.squareRoot()))
    }

    @Test("standard exponential: KS distance, mean and tail shares")
    func exponential() {
        var rng = SeededGenerator(seed: 22)
        let draws = (0..<Self.draws).map { _ in Ziggurat.exponential(using: &rng) }
        #expect(draws.allSatisfy { $0 >= 0 })
        let distance = Self.ksDistance(draws) { 1 - exp(-$0) }
        #expect(distance < Self.ksLimit, "KS distance \(distance)")
        Self.expectFits(Self.chiSquare(draws, from: 0, to: 8, width: 0.025) { 1 - exp(-$0) })
        let mean = draws.reduce(0, +) / Double(Self.draws)
        #expect(abs(mean - 1) < 4 / Double(Self.draws).squareRoot())
        // The outermost wedge, between the first two layers' edges 6.941 and r = 7.697.
        Self.expectShare(
            of: draws,
            { $0 > 6.941_033_629_377_213 && $0 < 7.697_117_470_131_049_72 },
            is: exp(-6.941_033_629_377_213) - exp(-7.697_117_470_131_049_72)
        )
        // Beyond r = 7.697 (the tail path) and beyond 3.
        Self.expectShare(of: draws, { $0 > 7.697_117_470_131_049_72 }, is: exp(-7.697_117_470_131_049_72))
        Self.expectShare(of: draws, { $0 > 3 }, is: exp(-3))
    }

    /// The share of draws meeting `condition` is within 4 binomial standard errors of `p` (at least one expected).
    static func expectShare(
        of draws: [Double],
        _ condition: (Double) -> Bool,
        is p: Double,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let n = Double(draws.count)
        let hits = Double(draws.reduce(0) { $0 + (condition($1) ? 1 : 0) })
        let standardError = (p * (1 - p) / n).squareRoot()
        #expect(abs(hits / n - p) <= 4 * standardError, "share \(hits / n) vs \(p)", sourceLocation: sourceLocation)
    }
}

import LoadMetrics
import Testing

@Suite("Estimate over replications")
struct EstimateTests {
    @Test("the interval is mean ∓ t(0.975, n − 1) × standard error")
    func studentInterval() {
        let estimate = Estimate([1, 2, 3])
        // Sample standard deviation 1, standard error 1/√3, t(0.975, 2) = 4.3027.
        #expect(abs(estimate.mean - 2) < 1e-12)
        #expect(abs(estimate.standardError - 1 / 3.0.squareRoot()) < 1e-12)
        #expect(abs(estimate.halfWidth - 4.302_7 / 3.0.squareRoot()) < 1e-3)
        #expect(abs(estimate.lower - (2 - estimate.halfWidth)) < 1e-12)
        #expect(abs(estimate.upper - (2 + estimate.halfWidth)) < 1e-12)
    }

    @Test("a share's interval stays within 0…1; the half-width is the Student t one")
    func cutToPossibleValues() {
        let low = Estimate([0, 0, 0.3], possible: 0...1)
        #expect(low.mean - low.halfWidth < 0, "the Student t interval reaches below 0 here")
        #expect(low.lower == 0)
        #expect(abs(low.upper - (low.mean + low.halfWidth)) < 1e-12)
        let high = Estimate([1, 1, 0.7], possible: 0...1)
        #expect(high.upper == 1)
        #expect(high.lower > 0 && high.lower < high.mean)
    }
}

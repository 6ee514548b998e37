import Analytic
import Foundation
import Testing

@Suite struct IncompleteGammaTests {
    /// P(n, x) = 1 − e^{−x}·Σ_{k<n} x^k/k! for whole n (the Poisson–gamma identity).
    private func wholeOrder(_ n: Int, _ x: Double) -> Double {
        var term = 1.0
        var sum = 0.0
        for k in 0..<n {
            if k > 0 { term *= x / Double(k) }
            sum += term
        }
        return 1 - exp(-x) * sum
    }

    @Test(arguments: [(1, 0.3), (1, 5.0), (3, 0.5), (3, 7.0), (10, 4.0), (10, 10.5), (10, 25.0), (40, 30.0), (40, 55.0)])
    func wholeOrdersOnBothBranches(order: Int, x: Double) {
        // x < a + 1 takes the series, x ≥ a + 1 the continued fraction.
        let p = IncompleteGamma.regularizedLower(Double(order), x)
        #expect(relativeError(p, wholeOrder(order, x)) < 1e-13)
        #expect(abs(p + IncompleteGamma.regularizedUpper(Double(order), x) - 1) < 1e-15)
    }

    @Test(arguments: [0.01, 0.4, 1.2, 1.6, 3.0, 9.0])
    func halfOrderIsTheErrorFunction(x: Double) {
        // P(1/2, x) = erf(√x).
        #expect(relativeError(IncompleteGamma.regularizedLower(0.5, x), erf(x.squareRoot())) < 1e-13)
    }

    @Test func upperTailIsAccurateWhereOneMinusLowerWouldCancel() {
        // Q(2, 60) = e^{−60}·61, far below the 1e-16 that 1 − P could resolve.
        #expect(relativeError(IncompleteGamma.regularizedUpper(2, 60), exp(-60) * 61) < 1e-12)
    }
}

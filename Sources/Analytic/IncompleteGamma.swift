import Foundation

/// The regularized incomplete gamma functions P(a, x) = γ(a, x)/Γ(a) and Q(a, x) = 1 − P(a, x).
///
/// Written here because neither the Swift standard library, Foundation (libm has only Γ and log Γ)
/// nor swift-numerics in the package mirror offers them, and the Erlang A closed form needs one.
/// The method is the classical pair: the power series
///     P(a, x) = e^{−x} x^a / Γ(a + 1) · Σ_{n≥0} x^n / ((a+1)(a+2)…(a+n))
/// where it converges fast (x < a + 1), and Legendre's continued fraction for Q evaluated with the
/// modified Lentz algorithm elsewhere. The prefactor e^{−x} x^a / Γ(a) is formed in log space.
public enum IncompleteGamma {
    /// Relative accuracy the series and the continued fraction stop at.
    static let epsilon = 1e-16
    /// Iteration cap; reached only for a ≈ x ≫ 10⁸, far outside what the models use.
    static let maxIterations = 1_000_000

    /// P(a, x), the regularized lower incomplete gamma function, for a > 0 and x ≥ 0.
    public static func regularizedLower(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "P(a, x) needs a > 0 and x ≥ 0")
        if x == 0 { return 0 }
        if x < a + 1 { return lowerSeries(a, x) }
        return 1 - upperContinuedFraction(a, x)
    }

    /// Q(a, x) = 1 − P(a, x), the regularized upper incomplete gamma function.
    public static func regularizedUpper(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "Q(a, x) needs a > 0 and x ≥ 0")
        if x == 0 { return 1 }
        if x < a + 1 { return 1 - lowerSeries(a, x) }
        return upperContinuedFraction(a, x)
    }

    /// log P(a, x), for callers that multiply P by something huge (such as e^x): with a and x in the
    /// millions P underflows while its logarithm is an ordinary number.
    public static func logRegularizedLower(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0 && x >= 0, "P(a, x) needs a > 0 and x ≥ 0")
        if x == 0 { return -.infinity }
        if x < a + 1 { return logPrefactor(a, x) + log(lowerSeriesSum(a, x)) }
        return log1p(-upperContinuedFraction(a, x))
    }

    /// log(e^{−x} x^a / Γ(a)), the common prefactor of both expansions.
    static func logPrefactor(_ a: Double, _ x: Double) -> Double {
        -x + a * log(x) - lgamma(a)
    }

    /// The series for P(a, x); converges geometrically once n > x − a.
    static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        lowerSeriesSum(a, x) * exp(logPrefactor(a, x))
    }

    /// Σ_{n≥0} x^n / (a(a+1)…(a+n)), the series without its prefactor.
    static func lowerSeriesSum(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<maxIterations {
            denominator += 1
            term *= x / denominator
            sum += term
            if abs(term) < abs(sum) * epsilon { break }
        }
        return sum
    }

    /// Q(a, x) = prefactor × 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))), by modified Lentz.
    static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for i in 1...maxIterations {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return exp(logPrefactor(a, x)) * fraction
    }
}

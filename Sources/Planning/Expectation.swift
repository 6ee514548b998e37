public import Workload

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Expectations E[f(X)] of functions of a profile ``Distribution``, for the handling-time derivation.
///
/// The behaviour machines transform their draws before use (a message count is rounded and at least 1, a typing
/// speed at least 0.5 characters per second), so a plain ``Distribution/mean`` is not enough. Discrete
/// distributions are summed exactly; continuous ones are integrated numerically with Simpson's rule (hand-written:
/// Foundation has no quadrature, and the integrands are bounded or decay fast):
/// uniform over its range, normal and lognormal over ±9 standard deviations of the underlying normal (the normal
/// draw truncated at 0 as ``Distribution/sample(using:)`` does), exponential over 60 means.
public enum Expectation {
    /// Simpson intervals per integral (even).
    static let intervals = 6_000

    /// E[f(X)] for X drawn as `distribution.sample(using:)` draws it.
    public static func of(_ distribution: Distribution, _ f: (Double) -> Double) -> Double {
        switch distribution {
        case .constant(let value):
            return f(value)
        case .empirical(let values):
            return values.isEmpty ? f(0) : values.reduce(0) { $0 + f($1) } / Double(values.count)
        case .weighted(let buckets):
            let total = buckets.reduce(0) { $0 + $1.weight }
            guard total > 0 else { return f(0) }
            return buckets.reduce(0) { $0 + f($1.value) * $1.weight } / total
        case .uniform(let low, let high):
            guard low < high else { return f(low) }
            return simpson(from: low, to: high) { f($0) } / (high - low)
        case .exponential(let mean):
            guard mean > 0 else { return f(0) }
            return simpson(from: 0, to: 60) { f(mean * $0) * exp(-$0) }
        case .normal(let mean, let sd):
            guard sd > 0 else { return f(max(0, mean)) }
            return simpson(from: -9, to: 9) { f(max(0, mean + sd * $0)) * standardNormalDensity($0) }
        case .lognormal(let mu, let sigma):
            guard sigma > 0 else { return f(exp(mu)) }
            return simpson(from: -9, to: 9) { f(exp(mu + sigma * $0)) * standardNormalDensity($0) }
        }
    }

    /// E[max(0, X)]: the mean of a duration as the machines use it; in closed form, so that a duration's
    /// mean is exactly the profile's (an exponential's `mean`, a lognormal's e^(μ + σ²/2)).
    public static func duration(_ distribution: Distribution) -> Double {
        switch distribution {
        case .exponential(let mean):
            return max(0, mean)
        case .lognormal:
            return distribution.mean
        case .uniform(let low, _) where low >= 0:
            return distribution.mean
        case .normal(let mean, let sd) where sd > 0:
            // The draw is max(0, N(μ, σ²)): E = μΦ(μ/σ) + σφ(μ/σ).
            let z = mean / sd
            return mean * 0.5 * erfc(-z / 2.0.squareRoot()) + sd * standardNormalDensity(z)
        default:
            return of(distribution) { max(0, $0) }
        }
    }

    /// E[max(1, round(X))]: the mean of a count that is at least 1 (messages per chat, message length).
    public static func count(_ distribution: Distribution) -> Double {
        of(distribution) { max(1, $0.rounded()) }
    }

    static func standardNormalDensity(_ z: Double) -> Double {
        exp(-z * z / 2) / (2 * Double.pi).squareRoot()
    }

    /// ∫ g over [a, b] by the composite Simpson rule with ``intervals`` intervals.
    static func simpson(from a: Double, to b: Double, _ g: (Double) -> Double) -> Double {
        let n = intervals
        let h = (b - a) / Double(n)
        var sum = g(a) + g(b)
        for i in 1..<n {
            sum += g(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2)
        }
        return sum * h / 3
    }
}

import Foundation

/// |a − b| / max(|a|, |b|), 0 when both are 0.
func relativeError(_ a: Double, _ b: Double) -> Double {
    let scale = max(abs(a), abs(b))
    return scale == 0 ? 0 : abs(a - b) / scale
}

/// Written for the tests, independently of the library: the stationary distribution of the
/// M/M/N+M birth–death chain in log space, π_n for n = 0 … N + `queueLimit`.
func erlangADistribution(lambda: Double, mu: Double, theta: Double, agents: Int, queueLimit: Int) -> [Double] {
    var logWeights: [Double] = []
    let a = lambda / mu
    for n in 0...agents {
        logWeights.append(Double(n) * log(a) - lgamma(Double(n) + 1))
    }
    var last = logWeights[agents]
    for i in stride(from: 1, through: queueLimit, by: 1) {
        last += log(lambda / (Double(agents) * mu + Double(i) * theta))
        logWeights.append(last)
    }
    let peak = logWeights.max()!
    let weights = logWeights.map { exp($0 - peak) }
    let total = weights.reduce(0, +)
    return weights.map { $0 / total }
}

/// Arrivals answered within `t` among those that wait, from the stationary probabilities `ahead[j]`
/// that an arrival finds every slot busy and j waiting.
///
/// An independent route to what the library computes by uniformisation: conditioned on being
/// answered, the wait of an arrival with j ahead is a sum of Exp(s + (k+1)θ), k = 0 … j, whose density
/// is the beta-exponential θ·e^{−mθv}(1 − e^{−θv})^j / B(j+1, m) with m = s/θ + 1 (the (j+1)-th of
/// m + j exponential lifetimes); integrated here with Simpson's rule.
func answeredWithinByDensity(ahead: [Double], drain s: Double, patience theta: Double, threshold t: Double) -> Double {
    let m = s / theta + 1
    let intervals = 4_000
    let h = t / Double(intervals)
    var total = 0.0
    for (j, p) in ahead.enumerated() where p > 1e-18 {
        let logBeta = lgamma(Double(j) + 1) + lgamma(m) - lgamma(Double(j) + 1 + m)
        func density(_ v: Double) -> Double {
            if v == 0 { return j == 0 ? theta / exp(logBeta) : 0 }
            return exp(log(theta) - m * theta * v + Double(j) * log(-expm1(-theta * v)) - logBeta)
        }
        var integral = density(0) + density(t)
        for i in 1..<intervals {
            integral += (i % 2 == 1 ? 4 : 2) * density(Double(i) * h)
        }
        integral *= h / 3
        total += p * s / (s + Double(j + 1) * theta) * integral
    }
    return total
}

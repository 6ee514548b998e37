import Foundation

extension ErlangA {
    /// Erlang A figures from the closed form in Mandelbaum & Zeltyn, "The M/M/n+G queue: summary of
    /// performance measures" (Technion, 2004), section on exponential patience.
    ///
    /// With x = Nμ/θ, y = λ/θ, ρ = λ/(Nμ), E = Erlang B(N, a) and
    ///     A(x, y) = x·e^y / y^x · γ(x, y)        (γ the lower incomplete gamma function),
    /// the figures are
    ///     P(wait) = A·E / (1 + (A − 1)·E),
    ///     P(abandon | wait) = 1/(ρA) + 1 − 1/ρ,
    ///     E[wait] = P(abandon)/θ,   E[queue] = λ·E[wait],   occupancy = ρ·(1 − P(abandon)).
    /// A(x, y) is the sum Σ_j y^j / ((x+1)…(x+j)) of the chain's queue weights, which is why both
    /// routes must agree.
    public struct ClosedForm: Sendable, Equatable {
        /// A(x, y) of the paper.
        public var a: Double
        /// P(an arrival waits).
        public var waitProbability: Double
        /// P(an arrival abandons).
        public var abandonment: Double
        /// Mean wait over all arrivals.
        public var meanWait: Double
        /// Mean number waiting.
        public var meanQueueLength: Double
        /// λ(1 − P(abandon))/(Nμ).
        public var occupancy: Double
    }

    /// The closed-form figures; `nil` for θ = 0 (use ``ErlangC``, the form needs θ > 0).
    public var closedForm: ClosedForm? {
        guard patienceRate > 0 else { return nil }
        let n = Double(agents)
        let rho = arrivalRate / (n * serviceRate)
        let x = n * serviceRate / patienceRate
        let y = arrivalRate / patienceRate
        let erlangB = ErlangB.blockingProbability(offeredLoad: offeredLoad, servers: agents)
        let a = Self.mandelbaumZeltynA(x: x, y: y)
        let waiting = a * erlangB / (1 + (a - 1) * erlangB)
        let abandonGivenWait = y > 0 ? 1 / (rho * a) + 1 - 1 / rho : 0
        let abandonment = abandonGivenWait * waiting
        let meanWait = abandonment / patienceRate
        return ClosedForm(
            a: a,
            waitProbability: waiting,
            abandonment: abandonment,
            meanWait: meanWait,
            meanQueueLength: arrivalRate * meanWait,
            occupancy: rho * (1 - abandonment)
        )
    }

    /// A(x, y) = x·e^y·y^{−x}·γ(x, y) = x·e^y·y^{−x}·Γ(x)·P(x, y), formed in log space: for small θ
    /// both x and y run into the millions, e^y overflows and P(x, y) underflows.
    static func mandelbaumZeltynA(x: Double, y: Double) -> Double {
        if y == 0 { return 1 }
        let logScale = log(x) + y - x * log(y) + lgamma(x)
        return exp(logScale + IncompleteGamma.logRegularizedLower(x, y))
    }
}

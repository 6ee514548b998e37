import Foundation

/// The M/M/N+M queue (Erlang A, Palm's model): Erlang C plus exponential patience. A waiting contact
/// leaves at rate θ (mean patience 1/θ); θ = 0 is Erlang C.
///
/// The figures here come from the birth–death chain on the number in system n = 0 … N + Q: up rate λ,
/// down rate min(n, N)·μ + max(n − N, 0)·θ, with the waiting part truncated where the tail mass left
/// out is below 1e-16 (see `QueueTail`). The closed form of Mandelbaum and Zeltyn gives the same
/// figures through incomplete gamma functions (``closedForm``); tests hold the two together.
///
/// - P(wait) = P(n ≥ N) (arrivals see time averages);
/// - P(abandon) = θ·E[queue]/λ (abandonment flow over arrival flow);
/// - mean wait of all arrivals = E[queue]/λ (Little); of answered arrivals from the tagged-arrival
///   formula in `QueueTail`;
/// - service level = arrivals answered within t over all arrivals, by uniformisation of the
///   tagged-arrival chain (abandoners are failures);
/// - occupancy = λ(1 − P(abandon))/(Nμ), which equals E[min(n, N)]/N.
public struct ErlangA: QueueModel, Sendable, Equatable {
    /// λ, arrivals per unit time.
    public var arrivalRate: Double
    /// μ, completions per unit time of one busy agent.
    public var serviceRate: Double
    /// θ, the rate at which one waiting contact gives up (1 / mean patience); 0 = never.
    public var patienceRate: Double
    /// N, the number of agents.
    public var agents: Int

    /// Creates the model; λ ≥ 0, μ > 0, θ ≥ 0 (all finite), N ≥ 1.
    public init(arrivalRate: Double, serviceRate: Double, patienceRate: Double, agents: Int) {
        precondition(arrivalRate >= 0 && arrivalRate.isFinite, "arrival rate must be finite and ≥ 0")
        precondition(serviceRate > 0 && serviceRate.isFinite, "service rate must be finite and > 0")
        precondition(patienceRate >= 0 && patienceRate.isFinite, "patience rate must be finite and ≥ 0")
        precondition(agents >= 1, "Erlang A needs at least one agent")
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.patienceRate = patienceRate
        self.agents = agents
    }

    /// a = λ/μ in erlangs.
    public var offeredLoad: Double { arrivalRate / serviceRate }

    /// Always `.stable` with θ > 0; with θ = 0, `.unstable` when λ ≥ Nμ.
    public var stability: Stability {
        patienceRate > 0 || arrivalRate < Double(agents) * serviceRate ? .stable : .unstable
    }

    /// The chain's stationary figures, `nil` when unstable.
    public func solve() -> Solution? {
        guard
            let tail = QueueTail(
                arrivalRate: arrivalRate,
                drainRate: Double(agents) * serviceRate,
                patienceRate: patienceRate
            )
        else { return nil }
        // π_n for n = 0 … N from π_0 = 1 by π_n = π_{n−1}·a/n, rescaled whenever the terms grow large,
        // so that nothing overflows for thousands of agents; terms far below the peak underflow
        // harmlessly to 0.
        let a = offeredLoad
        var belowFull = 0.0  // Σ_{n<N} π_n
        var busySlots = 0.0  // Σ_{n<N} n·π_n
        var term = 1.0
        for n in 0..<agents {
            belowFull += term
            busySlots += Double(n) * term
            term *= a / Double(n + 1)
            if term > 1e200 {
                term *= 1e-200
                belowFull *= 1e-200
                busySlots *= 1e-200
            }
        }
        return Solution(model: self, tail: tail, full: term, belowFull: belowFull, busySlotsBelowFull: busySlots)
    }

    /// All figures for the threshold `t` (the unstable limits when there is no steady state).
    public func figures(serviceLevelWithin threshold: Double) -> QueueFigures {
        guard let solution = solve() else {
            return .unstable(agents: agents, serviceLevelThreshold: threshold)
        }
        return solution.figures(serviceLevelWithin: threshold)
    }
}

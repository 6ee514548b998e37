import Foundation

/// The M/M/N queue (Erlang C): Poisson arrivals, exponential handling, N agents that each hold one
/// contact, an unlimited FCFS queue and callers who never give up.
///
/// Rates are per unit of time of your choice (per second, per minute); waits come out in the same
/// unit. Every figure is a closed form:
/// - offered load a = λ/μ, occupancy a/N;
/// - P(wait) = C(N, a) = N·B / (N − a·(1 − B)) with B the Erlang B blocking probability;
/// - mean wait (ASA) = C / (Nμ − λ);
/// - service level P(W ≤ t) = 1 − C·e^{−(Nμ − λ)t}.
///
/// When λ ≥ Nμ the queue has no steady state: ``stability`` is `.unstable` and the figures are the
/// limits (P(wait) = 1, infinite waits, service level 0, occupancy 1), never NaN.
public struct ErlangC: QueueModel, Sendable, Equatable {
    /// λ, arrivals per unit time.
    public var arrivalRate: Double
    /// μ, completions per unit time of one busy agent (1 / mean handling time).
    public var serviceRate: Double
    /// N, the number of agents.
    public var agents: Int

    /// Creates the model; rates must be positive and finite, `agents` at least 1.
    public init(arrivalRate: Double, serviceRate: Double, agents: Int) {
        precondition(arrivalRate >= 0 && arrivalRate.isFinite, "arrival rate must be finite and ≥ 0")
        precondition(serviceRate > 0 && serviceRate.isFinite, "service rate must be finite and > 0")
        precondition(agents >= 1, "Erlang C needs at least one agent")
        self.arrivalRate = arrivalRate
        self.serviceRate = serviceRate
        self.agents = agents
    }

    /// a = λ/μ, the offered load in erlangs (mean number of busy agents in steady state).
    public var offeredLoad: Double { arrivalRate / serviceRate }

    /// `.unstable` when λ ≥ Nμ.
    public var stability: Stability {
        arrivalRate < Double(agents) * serviceRate ? .stable : .unstable
    }

    /// Nμ − λ, the rate at which the queue drains when every agent is busy.
    private var drainExcess: Double { Double(agents) * serviceRate - arrivalRate }

    /// P(an arrival waits), the Erlang C formula; 1 when unstable.
    public var waitProbability: Double {
        guard stability == .stable else { return 1 }
        let n = Double(agents)
        let a = offeredLoad
        let blocking = ErlangB.blockingProbability(offeredLoad: a, servers: agents)
        return n * blocking / (n - a * (1 - blocking))
    }

    /// Mean wait over all arrivals (ASA); +∞ when unstable.
    public var meanWait: Double {
        guard stability == .stable else { return .infinity }
        return waitProbability / drainExcess
    }

    /// Mean wait of those who wait: 1 / (Nμ − λ); +∞ when unstable.
    public var meanWaitOfDelayed: Double {
        guard stability == .stable else { return .infinity }
        return 1 / drainExcess
    }

    /// Share of time an agent is busy, a/N (at most 1).
    public var occupancy: Double { min(1, offeredLoad / Double(agents)) }

    /// Mean number waiting, λ × mean wait (Little); +∞ when unstable.
    public var meanQueueLength: Double {
        guard stability == .stable else { return .infinity }
        return arrivalRate * meanWait
    }

    /// P(wait ≤ t) = 1 − C·e^{−(Nμ − λ)t}; 0 when unstable.
    /// - Parameter threshold: t ≥ 0 in the rates' time unit.
    public func serviceLevel(within threshold: Double) -> Double {
        precondition(threshold >= 0, "a service-level threshold is ≥ 0")
        guard stability == .stable else { return 0 }
        return 1 - waitProbability * exp(-drainExcess * threshold)
    }

    /// All figures for the threshold `t`; nobody abandons, so answered and overall waits agree.
    public func figures(serviceLevelWithin threshold: Double) -> QueueFigures {
        guard stability == .stable else {
            return .unstable(agents: agents, serviceLevelThreshold: threshold)
        }
        return QueueFigures(
            agents: agents,
            stability: .stable,
            waitProbability: waitProbability,
            abandonment: 0,
            meanWait: meanWait,
            meanAnsweredWait: meanWait,
            serviceLevelThreshold: threshold,
            serviceLevel: serviceLevel(within: threshold),
            occupancy: occupancy
        )
    }
}

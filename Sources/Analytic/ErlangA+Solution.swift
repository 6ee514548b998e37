extension ErlangA {
    /// The stationary figures of the Erlang A chain.
    public struct Solution: Sendable {
        /// The model these figures are for.
        public let model: ErlangA
        let tail: QueueTail
        /// π_{N+j} = tailScale·tail.weights[j].
        let tailScale: Double
        /// P(n < N).
        let belowFull: Double
        /// Σ_{n<N} n·π_n.
        let busySlotsBelowFull: Double

        /// `full`, `belowFull` and `busySlotsBelowFull` are unnormalised, on one scale.
        init(model: ErlangA, tail: QueueTail, full: Double, belowFull: Double, busySlotsBelowFull: Double) {
            let (restScale, tailScale) = tail.normalizer(rest: belowFull, head: full)
            self.model = model
            self.tail = tail
            self.tailScale = tailScale
            self.belowFull = belowFull * restScale
            self.busySlotsBelowFull = busySlotsBelowFull * restScale
        }

        /// P(an arrival waits) = P(n ≥ N).
        public var waitProbability: Double { tailScale * tail.waiting }

        /// Mean number waiting.
        public var meanQueueLength: Double { tailScale * tail.queueLength }

        /// P(an arrival abandons) = θ·E[queue]/λ.
        public var abandonment: Double {
            model.arrivalRate > 0 ? model.patienceRate * meanQueueLength / model.arrivalRate : 0
        }

        /// Mean wait over all arrivals, E[queue]/λ.
        public var meanWait: Double {
            model.arrivalRate > 0 ? meanQueueLength / model.arrivalRate : 0
        }

        /// P(an arrival is answered) = 1 − P(abandon), computed from the tagged-arrival formula
        /// (tests check it against the flow balance above).
        public var answeredProbability: Double { belowFull + tailScale * tail.answeredAfterWaiting }

        /// Mean wait over answered arrivals (0 for those answered at once).
        public var meanAnsweredWait: Double {
            let answered = answeredProbability
            return answered > 0 ? tailScale * tail.answeredWaitTotal / answered : 0
        }

        /// Arrivals answered within `threshold` over all arrivals.
        public func serviceLevel(within threshold: Double) -> Double {
            precondition(threshold >= 0, "a service-level threshold is ≥ 0")
            return min(1, max(0, belowFull + tailScale * tail.answeredWithin(threshold)))  // rounding only
        }

        /// Mean number of busy agents, E[min(n, N)].
        public var meanBusyAgents: Double {
            busySlotsBelowFull + Double(model.agents) * (1 - belowFull)
        }

        /// Share of time an agent is busy: E[min(n, N)]/N = λ(1 − P(abandon))/(Nμ).
        public var occupancy: Double { meanBusyAgents / Double(model.agents) }

        /// All figures for the threshold `t`.
        public func figures(serviceLevelWithin threshold: Double) -> QueueFigures {
            QueueFigures(
                agents: model.agents,
                stability: .stable,
                waitProbability: waitProbability,
                abandonment: abandonment,
                meanWait: meanWait,
                meanAnsweredWait: meanAnsweredWait,
                serviceLevelThreshold: threshold,
                serviceLevel: serviceLevel(within: threshold),
                occupancy: occupancy
            )
        }
    }
}

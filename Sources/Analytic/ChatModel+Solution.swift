extension ChatModel {
    /// The stationary figures of a chat model.
    ///
    /// Arrivals see time averages (Poisson arrivals), so P(wait) is the stationary probability that
    /// all N·K slots are busy. The queue behind the full state behaves exactly as Erlang A's with drain
    /// rate N·K·μ_K, so waits, abandonment and service level follow from the same tagged-arrival
    /// formulas (see `QueueTail`). An unstable model (θ = 0, λ ≥ N·K·μ_K) has the limiting figures.
    public struct Solution: Sendable {
        /// The model solved.
        public let model: ChatModel
        /// `.unstable` when the queue grows without bound (θ = 0 and λ ≥ N·K·μ_K).
        public let stability: Stability
        /// Solver iterations used (0 for the trivial and unstable cases).
        public let iterations: Int
        /// The relative balance residual of the load chain at the end.
        public let residual: Double
        /// P(an agent holds k chats) for k = 0 … K, time-averaged.
        public let agentLoadDistribution: [Double]
        /// P(ℓ chats in progress) for ℓ = 0 … N·K.
        public let activeChatsDistribution: [Double]
        let tail: QueueTail?
        /// P(all slots busy, j waiting) = tailScale·tail.weights[j].
        let tailScale: Double

        init(unstable model: ChatModel) {
            let slots = model.agents * model.capacity
            self.model = model
            stability = .unstable
            iterations = 0
            residual = 0
            agentLoadDistribution = (0...model.capacity).map { $0 == model.capacity ? 1 : 0 }
            activeChatsDistribution = (0...slots).map { $0 == slots ? 1 : 0 }
            tail = nil
            tailScale = 0
        }

        init(model: ChatModel, space: StateSpace, censored: [Double], tail: QueueTail, iterations: Int, residual: Double) {
            let stride = model.capacity + 1
            let slots = model.agents * model.capacity
            let fullIndex = space.count - 1  // the one state of the top level
            let rest = censored[..<fullIndex].reduce(0, +)
            let (restScale, tailScale) = tail.normalizer(rest: rest, head: censored[fullIndex])
            var loads = [Double](repeating: 0, count: stride)
            var active = [Double](repeating: 0, count: slots + 1)
            for level in 0..<slots {
                for i in space.levelStart[level]..<space.levelStart[level + 1] {
                    let p = censored[i] * restScale
                    active[level] += p
                    for k in 0..<stride { loads[k] += p * Double(space.loads[i * stride + k]) }
                }
            }
            // All slots busy, with or without a queue: every agent holds K.
            active[slots] = tailScale * tail.waiting
            loads[model.capacity] += active[slots] * Double(model.agents)
            self.model = model
            stability = .stable
            self.iterations = iterations
            self.residual = residual
            agentLoadDistribution = loads.map { $0 / Double(model.agents) }
            activeChatsDistribution = active
            self.tail = tail
            self.tailScale = tailScale
        }

        /// P(an arrival finds all N·K slots busy and must queue).
        public var waitProbability: Double { tail.map { tailScale * $0.waiting } ?? 1 }

        /// Mean number of visitors waiting.
        public var meanQueueLength: Double { tail.map { tailScale * $0.queueLength } ?? .infinity }

        /// P(an arrival abandons) = θ·E[queue]/λ.
        public var abandonment: Double {
            guard tail != nil, model.arrivalRate > 0 else { return 0 }
            return model.patienceRate * meanQueueLength / model.arrivalRate
        }

        /// Mean wait over all arrivals, E[queue]/λ (Little).
        public var meanWait: Double {
            guard tail != nil else { return .infinity }
            return model.arrivalRate > 0 ? meanQueueLength / model.arrivalRate : 0
        }

        /// P(an arrival is answered), from the tagged-arrival formula.
        public var answeredProbability: Double {
            guard let tail else { return 1 }
            return 1 - waitProbability + tailScale * tail.answeredAfterWaiting
        }

        /// Mean wait over answered arrivals (the `queue_wait` metric).
        public var meanAnsweredWait: Double {
            guard let tail else { return .infinity }
            let answered = answeredProbability
            return answered > 0 ? tailScale * tail.answeredWaitTotal / answered : 0
        }

        /// Arrivals answered within `threshold` over all arrivals (abandoners are failures).
        public func serviceLevel(within threshold: Double) -> Double {
            precondition(threshold >= 0, "a service-level threshold is ≥ 0")
            guard let tail else { return 0 }
            return min(1, max(0, 1 - waitProbability + tailScale * tail.answeredWithin(threshold)))  // rounding only
        }

        /// Mean number of chats in progress.
        public var meanActiveChats: Double {
            activeChatsDistribution.indices.reduce(0) { $0 + Double($1) * activeChatsDistribution[$1] }
        }

        /// Mean chats in progress per agent.
        public var meanActiveChatsPerAgent: Double { meanActiveChats / Double(model.agents) }

        /// Mean active chats over the N·K slots.
        public var occupancy: Double { meanActiveChats / Double(model.agents * model.capacity) }

        /// Share of time an agent holds at least one chat.
        public var busyAgentShare: Double { 1 - agentLoadDistribution[0] }

        /// All figures for the threshold `t`.
        public func figures(serviceLevelWithin threshold: Double) -> QueueFigures {
            guard stability == .stable else {
                return .unstable(agents: model.agents, serviceLevelThreshold: threshold)
            }
            return QueueFigures(
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

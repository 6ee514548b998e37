/// The exact live-chat model: N agents that each hold up to K chats at once, Poisson arrivals,
/// exponential handling whose speed depends on how many chats the agent holds, exponential patience
/// in an unlimited FCFS queue, and a routing rule that picks the agent for a new chat.
///
/// Handling: while an agent holds k chats each of them ends at rate μ_k (``perChatRates``[k − 1]),
/// so the agent finishes a chat at rate k·μ_k. A slower per-chat rate at higher k models agents who
/// split their attention; equal rates model chats that do not slow each other down.
///
/// The state is how many agents hold 0, 1, …, K chats, plus the queue length; the queue is non-empty
/// only when all N·K slots are busy. ``solve(tolerance:maxIterations:)`` finds the stationary
/// distribution (see `ChatModel+Solver.swift` for the method) and derives every figure from it.
/// With K = 1 this is exactly Erlang A (Erlang C for θ = 0).
public struct ChatModel: QueueModel, Sendable, Equatable {
    /// Which agent takes a new chat when several have a free slot.
    public enum Routing: String, Sendable, Equatable, CaseIterable {
        /// An agent with the fewest chats (spreads work: lowest per-agent load).
        case leastLoaded
        /// The busy agent with the most chats still below K; an idle agent only when every busy agent
        /// is full (packs work: keeps agents idle for other tasks).
        case fillFirst
    }

    /// N, the number of agents.
    public var agents: Int
    /// K, the most chats one agent holds at once.
    public var capacity: Int
    /// λ, chat requests per unit time.
    public var arrivalRate: Double
    /// μ_1 … μ_K: `perChatRates[k − 1]` is the rate at which each chat ends while its agent holds k
    /// chats (1 / mean handling time at that concurrency).
    public var perChatRates: [Double]
    /// θ, the rate at which a waiting visitor gives up (1 / mean patience); 0 = never.
    public var patienceRate: Double
    /// How a new chat picks its agent.
    public var routing: Routing

    /// Creates the model.
    /// - Parameters:
    ///   - agents: N ≥ 1.
    ///   - capacity: K ≥ 1.
    ///   - arrivalRate: λ ≥ 0.
    ///   - perChatRates: K positive rates, μ_k for k = 1 … K.
    ///   - patienceRate: θ ≥ 0.
    ///   - routing: the assignment rule.
    public init(
        agents: Int,
        capacity: Int,
        arrivalRate: Double,
        perChatRates: [Double],
        patienceRate: Double,
        routing: Routing
    ) {
        precondition(agents >= 1 && capacity >= 1, "the chat model needs N ≥ 1 and K ≥ 1")
        precondition(arrivalRate >= 0 && arrivalRate.isFinite, "arrival rate must be finite and ≥ 0")
        precondition(perChatRates.count == capacity, "one per-chat rate for each load 1 … K")
        precondition(perChatRates.allSatisfy { $0 > 0 && $0.isFinite }, "per-chat rates must be finite and > 0")
        precondition(patienceRate >= 0 && patienceRate.isFinite, "patience rate must be finite and ≥ 0")
        self.agents = agents
        self.capacity = capacity
        self.arrivalRate = arrivalRate
        self.perChatRates = perChatRates
        self.patienceRate = patienceRate
        self.routing = routing
    }

    /// Creates the model with the same per-chat rate μ at every load (chats do not slow each other).
    public init(
        agents: Int,
        capacity: Int,
        arrivalRate: Double,
        serviceRate: Double,
        patienceRate: Double,
        routing: Routing
    ) {
        self.init(
            agents: agents,
            capacity: capacity,
            arrivalRate: arrivalRate,
            perChatRates: Array(repeating: serviceRate, count: capacity),
            patienceRate: patienceRate,
            routing: routing
        )
    }

    /// N·K·μ_K, the rate at which slots free up while everyone is full.
    public var fullDrainRate: Double {
        Double(agents * capacity) * perChatRates[capacity - 1]
    }

    /// `.stable` with θ > 0; with θ = 0, `.unstable` when λ ≥ N·K·μ_K.
    public var stability: Stability {
        patienceRate > 0 || arrivalRate < fullDrainRate ? .stable : .unstable
    }

    /// Whether every load has the same per-chat rate. Then the number of chats in progress is an
    /// M/M/NK+M queue whatever the routing (each chat ends at rate μ however its agent is loaded), so
    /// every figure of ``QueueFigures`` is Erlang A's with N·K agents: exact, and cheap for any N.
    public var hasLoadIndependentRates: Bool { perChatRates.allSatisfy { $0 == perChatRates[0] } }

    /// All figures for the threshold `t`: from Erlang A with N·K agents when the per-chat rate does not
    /// depend on the load (see ``hasLoadIndependentRates``), else by solving the chain with the
    /// default tolerance. ``solve(tolerance:maxIterations:)`` gives the per-agent figures as well.
    public func figures(serviceLevelWithin threshold: Double) throws(ChatModelError) -> QueueFigures {
        guard !hasLoadIndependentRates else {
            var figures = ErlangA(
                arrivalRate: arrivalRate,
                serviceRate: perChatRates[0],
                patienceRate: patienceRate,
                agents: agents * capacity
            )
            .figures(serviceLevelWithin: threshold)
            figures.agents = agents
            return figures
        }
        return try solve().figures(serviceLevelWithin: threshold)
    }
}

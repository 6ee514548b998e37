extension ChatModel {
    /// The most load states ``solve(tolerance:maxIterations:)`` accepts: N ≤ 226 for K = 3, 44 for K = 5.
    public static let stateLimit = 2_000_000

    /// The number of load states: the ways to spread N agents over loads 0 … K, C(N + K, K).
    public var loadStateCount: Int {
        var count = 1.0
        for i in 1...capacity {
            count = count * Double(agents + i) / Double(i)
        }
        return count < Double(Int.max / 2) ? Int(count.rounded()) : Int.max / 2
    }

    /// The load states with their transitions, ordered by the number of active chats (the level).
    ///
    /// The queue is not part of it: the chain is censored to "nobody waiting", which drops the
    /// arrivals at the full state (they join the queue and, seen from here, come back to it).
    struct StateSpace {
        /// Agents at each load: `loads[i * (K + 1) + k]` agents hold k chats in state i.
        let loads: [Int32]
        /// First state of each level 0 … N·K, and the state count at the end.
        let levelStart: [Int]
        /// Total rate out of each state (censored arrivals excluded).
        let outRate: [Double]
        /// Rate at which chats end in each state, Σ_k n_k·k·μ_k.
        let completionRate: [Double]
        /// Incoming transitions of each state: sources `inSource[inStart[i] ..< inStart[i + 1]]`.
        let inStart: [Int]
        let inSource: [Int32]
        let inRate: [Double]

        var count: Int { outRate.count }
    }

    /// Builds the state space; throws when it is larger than ``stateLimit``.
    func stateSpace() throws(ChatModelError) -> StateSpace {
        let stride = capacity + 1
        let total = loadStateCount
        guard total <= Self.stateLimit else {
            throw ChatModelError.tooManyStates(total, limit: Self.stateLimit, model: label)
        }
        // All compositions n_0 + … + n_K = N, then ordered by level Σ k·n_k.
        var unordered: [[Int32]] = []
        unordered.reserveCapacity(total)
        var current = [Int32](repeating: 0, count: stride)
        func place(_ k: Int, remaining: Int) {
            if k == 0 {
                current[0] = Int32(remaining)
                unordered.append(current)
                return
            }
            for n in 0...remaining {
                current[k] = Int32(n)
                place(k - 1, remaining: remaining - n)
            }
        }
        place(capacity, remaining: agents)
        func level(_ state: [Int32]) -> Int { (1...capacity).reduce(0) { $0 + $1 * Int(state[$1]) } }
        let states = unordered.map { (level($0), $0) }.sorted { $0.0 < $1.0 }
        var index: [[Int32]: Int] = [:]
        index.reserveCapacity(total)
        var levelStart = [Int](repeating: total, count: agents * capacity + 2)
        for (i, (stateLevel, state)) in states.enumerated().reversed() {
            index[state] = i
            levelStart[stateLevel] = i
        }
        // Outgoing transitions, then turned around into incoming lists.
        var edges: [(from: Int, to: Int, rate: Double)] = []
        var outRate = [Double](repeating: 0, count: total)
        var completionRate = [Double](repeating: 0, count: total)
        for (i, (_, state)) in states.enumerated() {
            if let k = routingLoad(state) {
                var next = state
                next[k] -= 1
                next[k + 1] += 1
                edges.append((i, index[next]!, arrivalRate))
                outRate[i] += arrivalRate
            }
            for k in 1...capacity where state[k] > 0 {
                let rate = Double(state[k]) * Double(k) * perChatRates[k - 1]
                var next = state
                next[k] -= 1
                next[k - 1] += 1
                edges.append((i, index[next]!, rate))
                outRate[i] += rate
                completionRate[i] += rate
            }
        }
        var inStart = [Int](repeating: 0, count: total + 1)
        for edge in edges { inStart[edge.to + 1] += 1 }
        for i in 0..<total { inStart[i + 1] += inStart[i] }
        var fill = inStart
        var inSource = [Int32](repeating: 0, count: edges.count)
        var inRate = [Double](repeating: 0, count: edges.count)
        for edge in edges {
            inSource[fill[edge.to]] = Int32(edge.from)
            inRate[fill[edge.to]] = edge.rate
            fill[edge.to] += 1
        }
        return StateSpace(
            loads: states.flatMap(\.1),
            levelStart: levelStart,
            outRate: outRate,
            completionRate: completionRate,
            inStart: inStart,
            inSource: inSource,
            inRate: inRate
        )
    }

    /// The load k of the agent a new chat goes to, or `nil` when every slot is busy.
    func routingLoad(_ state: [Int32]) -> Int? {
        switch routing {
        case .leastLoaded:
            return (0..<capacity).first { state[$0] > 0 }
        case .fillFirst:
            if let busy = (1..<capacity).last(where: { state[$0] > 0 }) { return busy }
            return state[0] > 0 ? 0 : nil
        }
    }

    /// `N=…, K=…, λ=…` for error messages.
    var label: String { "N=\(agents), K=\(capacity), λ=\(arrivalRate), routing \(routing.rawValue)" }
}

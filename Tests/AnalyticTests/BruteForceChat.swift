import Analytic
import Foundation

/// The chat model written out the long way, for the tests only: every agent's load is its own state
/// variable (so (K+1)^N load states instead of C(N+K, K)), ties are split evenly between agents, the
/// queue is explicit up to `queueLimit`, and the chain is solved by dense Gaussian elimination.
struct BruteForceChat {
    var model: ChatModel
    var queueLimit: Int

    struct Figures {
        var waitProbability: Double
        var meanQueueLength: Double
        var meanActiveChats: Double
        var busyAgents: Double
        /// P(all slots busy and j waiting), j = 0 … queueLimit.
        var ahead: [Double]
    }

    func solve() -> Figures {
        let n = model.agents
        let k = model.capacity
        let loadStates = Int(pow(Double(k + 1), Double(n)))
        let fullIndex = loadStates - 1  // every digit K
        let size = loadStates + queueLimit
        func loads(_ index: Int) -> [Int] {
            var rest = index
            return (0..<n).map { _ in
                defer { rest /= k + 1 }
                return rest % (k + 1)
            }
        }
        func index(_ loads: [Int]) -> Int { loads.reversed().reduce(0) { $0 * (k + 1) + $1 } }
        var generator = [[Double]](repeating: [Double](repeating: 0, count: size), count: size)
        func add(_ from: Int, _ to: Int, _ rate: Double) {
            generator[from][to] += rate
            generator[from][from] -= rate
        }
        for state in 0..<loadStates {
            let agentLoads = loads(state)
            // Arrival: the routing rule's candidates share λ evenly.
            let open = agentLoads.indices.filter { agentLoads[$0] < k }
            var candidates: [Int] = []
            switch model.routing {
            case .leastLoaded:
                if let least = open.map({ agentLoads[$0] }).min() { candidates = open.filter { agentLoads[$0] == least } }
            case .fillFirst:
                let busyOpen = open.filter { agentLoads[$0] > 0 }
                if let most = busyOpen.map({ agentLoads[$0] }).max() {
                    candidates = busyOpen.filter { agentLoads[$0] == most }
                } else {
                    candidates = open
                }
            }
            if candidates.isEmpty {
                add(state, loadStates, model.arrivalRate)  // joins the queue
            }
            for agent in candidates {
                var next = agentLoads
                next[agent] += 1
                add(state, index(next), model.arrivalRate / Double(candidates.count))
            }
            for agent in agentLoads.indices where agentLoads[agent] > 0 {
                let load = agentLoads[agent]
                var next = agentLoads
                next[agent] -= 1
                add(state, index(next), Double(load) * model.perChatRates[load - 1])
            }
        }
        let drain = Double(n * k) * model.perChatRates[k - 1]
        for q in 1...queueLimit {
            let state = loadStates + q - 1
            if q < queueLimit { add(state, state + 1, model.arrivalRate) }
            add(state, q == 1 ? fullIndex : state - 1, drain + Double(q) * model.patienceRate)
        }
        let pi = solveBalance(generator)
        let queue = (1...queueLimit).map { pi[loadStates + $0 - 1] }
        var active = 0.0
        var busy = 0.0
        for state in 0..<loadStates {
            let agentLoads = loads(state)
            active += pi[state] * Double(agentLoads.reduce(0, +))
            busy += pi[state] * Double(agentLoads.filter { $0 > 0 }.count)
        }
        let queueMass = queue.reduce(0, +)
        active += queueMass * Double(n * k)
        busy += queueMass * Double(n)
        return Figures(
            waitProbability: pi[fullIndex] + queueMass,
            meanQueueLength: queue.indices.reduce(0) { $0 + Double($1 + 1) * queue[$1] },
            meanActiveChats: active,
            busyAgents: busy,
            ahead: [pi[fullIndex]] + queue
        )
    }

    /// π with πQ = 0 and Σπ = 1, by Gaussian elimination with partial pivoting on Qᵀ.
    private func solveBalance(_ generator: [[Double]]) -> [Double] {
        let size = generator.count
        var matrix = (0..<size).map { row in (0..<size).map { generator[$0][row] } + [0.0] }
        matrix[size - 1] = [Double](repeating: 1, count: size) + [1.0]
        for column in 0..<size {
            let pivot = (column..<size).max { abs(matrix[$0][column]) < abs(matrix[$1][column]) }!
            matrix.swapAt(column, pivot)
            for row in (column + 1)..<size where matrix[row][column] != 0 {
                let factor = matrix[row][column] / matrix[column][column]
                for c in column...size { matrix[row][c] -= factor * matrix[column][c] }
            }
        }
        var pi = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var value = matrix[row][size]
            for c in (row + 1)..<size { value -= matrix[row][c] * pi[c] }
            pi[row] = value / matrix[row][row]
        }
        return pi
    }
}

/// Arrivals that wait and are answered within `t` when nobody abandons: with j ahead the wait is
/// Erlang(j + 1, s), so P(answered by t) = P(Poisson(s·t) ≥ j + 1).
func answeredWithinWithoutAbandonment(ahead: [Double], drain s: Double, threshold t: Double) -> Double {
    var total = 0.0
    var poisson = exp(-s * t)
    var below = 0.0  // P(Poisson ≤ j)
    for (j, p) in ahead.enumerated() {
        if j > 0 { poisson *= s * t / Double(j) }
        below += poisson
        total += p * (1 - below)
    }
    return total
}

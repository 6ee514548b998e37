import Foundation

extension ChatModel {
    /// Solves the chain for its stationary distribution and returns every figure.
    ///
    /// Method (exact up to `tolerance`):
    /// 1. The queue hangs off the single "all N·K slots busy" load state as a birth–death chain, so
    ///    its weights follow from cut equations (`QueueTail`) and the load chain is solved censored
    ///    to "nobody waiting": arrivals at the full state are dropped.
    /// 2. The censored load chain (C(N + K, K) states) is solved by Gauss–Seidel sweeps (forward and
    ///    backward, states ordered by the number of active chats) combined with aggregation over
    ///    those levels: every transition moves one level up (an arrival, rate λ in every non-full
    ///    state) or down (a chat ends), so the level masses satisfy λ·P(L) = E[completion rate | L+1]
    ///    ·P(L+1) exactly, and after each sweep the masses are reset to that birth–death solution
    ///    with the sweep's within-level shape (iterative aggregation–disaggregation, Takahashi).
    /// 3. It stops when the balance residual Σ_j |inflow_j − π_j·out_j| / Σ_j π_j·out_j ≤ `tolerance`.
    /// - Throws: ``ChatModelError`` when the state space is too large or the solver does not converge.
    public func solve(tolerance: Double = 1e-12, maxIterations: Int = 10_000) throws(ChatModelError) -> Solution {
        guard
            let tail = QueueTail(arrivalRate: arrivalRate, drainRate: fullDrainRate, patienceRate: patienceRate)
        else { return Solution(unstable: self) }
        let space = try stateSpace()
        var probabilities = [Double](repeating: 0, count: space.count)
        if arrivalRate == 0 {
            probabilities[0] = 1  // level 0 holds the one all-idle state
            return Solution(model: self, space: space, censored: probabilities, tail: tail, iterations: 0, residual: 0)
        }
        for level in 0..<(space.levelStart.count - 1) {
            let range = space.levelStart[level]..<space.levelStart[level + 1]
            for i in range { probabilities[i] = 1 / Double(range.count) }
        }
        aggregateLevels(&probabilities, space)
        var residual = Double.infinity
        var iterations = 0
        while iterations < maxIterations {
            iterations += 1
            Self.sweep(&probabilities, space)
            aggregateLevels(&probabilities, space)
            residual = Self.residual(&probabilities, space)
            if residual <= tolerance {
                return Solution(
                    model: self,
                    space: space,
                    censored: probabilities,
                    tail: tail,
                    iterations: iterations,
                    residual: residual
                )
            }
        }
        throw ChatModelError.notConverged(iterations: iterations, residual: residual, tolerance: tolerance, model: label)
    }

    /// Raw pointers to the chain and the current vector, valid inside ``withRaw(_:_:_:)`` only.
    ///
    /// The sweeps and the residual are nearly all of the solver's time, and checked array access makes
    /// them several times slower in debug builds, where the simulator's tests call the solver.
    private struct Raw {
        let count: Int
        let start: UnsafePointer<Int>
        let source: UnsafePointer<Int32>
        let rate: UnsafePointer<Double>
        let out: UnsafePointer<Double>
        let p: UnsafeMutablePointer<Double>

        /// Σ_i π_i·q_ij over the transitions into `j`.
        func inflow(_ j: Int) -> Double {
            var sum = 0.0
            var e = start[j]
            let end = start[j + 1]
            while e < end {
                sum += p[Int(source[e])] * rate[e]
                e += 1
            }
            return sum
        }
    }

    private static func withRaw<R>(_ probabilities: inout [Double], _ space: StateSpace, _ body: (Raw) -> R) -> R {
        space.inStart.withUnsafeBufferPointer { start in
            space.inSource.withUnsafeBufferPointer { source in
                space.inRate.withUnsafeBufferPointer { rate in
                    space.outRate.withUnsafeBufferPointer { out in
                        probabilities.withUnsafeMutableBufferPointer { p in
                            body(
                                Raw(
                                    count: space.count,
                                    start: start.baseAddress!,
                                    source: source.baseAddress!,
                                    rate: rate.baseAddress!,
                                    out: out.baseAddress!,
                                    p: p.baseAddress!
                                )
                            )
                        }
                    }
                }
            }
        }
    }

    /// One forward and one backward Gauss–Seidel sweep: π_j ← Σ_i π_i·q_ij / q_j.
    private static func sweep(_ probabilities: inout [Double], _ space: StateSpace) {
        withRaw(&probabilities, space) { raw in
            var j = 0
            while j < raw.count {
                raw.p[j] = raw.inflow(j) / raw.out[j]
                j += 1
            }
            while j > 0 {
                j -= 1
                raw.p[j] = raw.inflow(j) / raw.out[j]
            }
        }
    }

    /// The relative global-balance residual Σ_j |inflow_j − π_j·q_j| / Σ_j π_j·q_j.
    private static func residual(_ probabilities: inout [Double], _ space: StateSpace) -> Double {
        withRaw(&probabilities, space) { raw in
            var imbalance = 0.0
            var flow = 0.0
            for j in 0..<raw.count {
                let out = raw.p[j] * raw.out[j]
                imbalance += abs(raw.inflow(j) - out)
                flow += out
            }
            return imbalance / flow
        }
    }

    /// Rescales every level to the mass the level birth–death chain gives, keeping each level's shape;
    /// leaves the vector summing to 1. Works in logs: level masses can span hundreds of decades.
    private func aggregateLevels(_ probabilities: inout [Double], _ space: StateSpace) {
        let levels = space.levelStart.count - 1
        var shapeMass = [Double](repeating: 0, count: levels)
        var logTarget = [Double](repeating: 0, count: levels)
        for level in 0..<levels {
            let range = space.levelStart[level]..<space.levelStart[level + 1]
            var mass = 0.0
            var completions = 0.0
            for i in range {
                mass += probabilities[i]
                completions += probabilities[i] * space.completionRate[i]
            }
            if !(mass > 0) || !mass.isFinite {
                // No usable shape (underflow): spread the level evenly.
                for i in range { probabilities[i] = 1 }
                mass = Double(range.count)
                completions = range.reduce(0) { $0 + space.completionRate[$1] }
            }
            shapeMass[level] = mass
            if level > 0 {
                logTarget[level] = logTarget[level - 1] + log(arrivalRate) - log(completions / mass)
            }
        }
        let peak = logTarget.max() ?? 0
        let target = logTarget.map { exp($0 - peak) }
        let total = target.reduce(0, +)
        for level in 0..<levels {
            let scale = target[level] / total / shapeMass[level]
            for i in space.levelStart[level]..<space.levelStart[level + 1] { probabilities[i] *= scale }
        }
    }
}

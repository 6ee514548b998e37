import Foundation
import LoadMetrics
import Simulator
import Testing
import Workload

/// The simulator against the exact M/M/N queue (Erlang C): flat arrivals, exponential handling under the
/// profile's handling model, one queue, capacity 1, nobody leaves. Each figure's mean over independent
/// replications must lie within 4 standard errors (across replications) of the exact value.
@Suite struct ErlangCTests {
    /// Erlang C by the Erlang B recursion B(n) = a·B(n−1) / (n + a·B(n−1)) (no factorials).
    struct ErlangC {
        var waitProbability: Double
        var meanWait: Double
        var occupancy: Double

        init(arrivalRate lambda: Double, serviceRate mu: Double, agents n: Int) {
            let a = lambda / mu
            var b = 1.0
            for k in 1...n { b = a * b / (Double(k) + a * b) }
            let rho = a / Double(n)
            waitProbability = b / (1 - rho * (1 - b))
            meanWait = waitProbability / (Double(n) * mu - lambda)
            occupancy = rho
        }
    }

    /// Replications of the stationary case; each replication's figures.
    static func replicate(_ profile: Profile, count: Int) throws -> [KeyFigures] {
        let replications = try Replications.run(SimulationConfiguration(profile: profile, seed: 99), count: count)
        return replications.results.map(KeyFigures.init)
    }

    static func expectWithin4SE(_ values: [Double], _ exact: Double, _ name: String) {
        let estimate = Estimate(values)
        let bound = 4 * estimate.standardError
        #expect(estimate.standardError > 0, "\(name): no spread across replications")
        #expect(
            abs(estimate.mean - exact) <= bound,
            "\(name): simulated \(estimate.mean) ± \(estimate.standardError) (SE), exact \(exact)"
        )
    }

    @Test func exactFormulaMatchesATextbookValue() {
        // a = 2 Erlang on 3 agents: B(3, 2) = 4/19, C = 4/9, mean wait = C / (3 − 2) with μ = 1.
        let model = ErlangC(arrivalRate: 2, serviceRate: 1, agents: 3)
        #expect(abs(model.waitProbability - 4.0 / 9.0) < 1e-12)
        #expect(abs(model.meanWait - 4.0 / 9.0) < 1e-12)
    }

    /// 10 replications of 10,000 s at λ = 1/s, mean handling 8 s, 10 agents (ρ = 0.8): 100,000 chats.
    @Test func stationaryErlangCase() throws {
        let exact = ErlangC(arrivalRate: 1, serviceRate: 1.0 / 8, agents: 10)
        let profile = Fixtures.erlang(arrivalsPerSecond: 1, handlingMean: 8, agents: 10, seconds: 10_000)
        let figures = try Self.replicate(profile, count: 10)
        Self.expectWithin4SE(figures.map(\.waitProbability), exact.waitProbability, "P(wait)")
        Self.expectWithin4SE(figures.map(\.meanQueueWait), exact.meanWait, "mean wait")
        Self.expectWithin4SE(figures.map(\.occupancy), exact.occupancy, "occupancy")
        #expect(figures.allSatisfy { $0.abandonmentRate == 0 })
    }
}

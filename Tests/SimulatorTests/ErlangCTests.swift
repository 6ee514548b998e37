import Analytic
import Foundation
import LoadMetrics
import Simulator
import Testing
import Workload

/// The simulator against the exact M/M/N queue (Erlang C) in the default suite: flat arrivals, exponential
/// handling under the profile's handling model, one queue, capacity 1, nobody leaves. Each figure's mean over
/// independent replications must lie within 4 standard errors (across replications) of the exact value.
/// The larger cases (Erlang A, chat K = 2, 3) are in ``ExactModelTests``.
@Suite struct ErlangCTests {
    /// 10 replications of 4,000 s at λ = 1/s, mean handling 8 s, 10 agents (ρ = 0.8): 40,000 chats, sized for a
    /// debug build.
    @Test func stationaryErlangCase() throws {
        let exact = ErlangC(arrivalRate: 1, serviceRate: 1.0 / 8, agents: 10)
        let profile = Fixtures.erlang(arrivalsPerSecond: 1, handlingMean: 8, agents: 10, seconds: 4_000)
        let runs = try Replications.run(SimulationConfiguration(profile: profile, seed: 99), count: 10)
        let figures = runs.results.map(KeyFigures.init)
        func check(_ values: [Double], _ expected: Double, _ name: String) {
            let estimate = Estimate(values)
            #expect(estimate.standardError > 0, "\(name): no spread across replications")
            #expect(
                abs(estimate.mean - expected) <= 4 * estimate.standardError,
                "\(name): simulated \(estimate.mean) ± \(estimate.standardError) (SE), exact \(expected)"
            )
        }
        check(figures.map(\.waitProbability), exact.waitProbability, "P(wait)")
        check(figures.map(\.meanQueueWait), exact.meanWait, "mean wait")
        check(figures.map(\.serviceLevel), exact.serviceLevel(within: 30), "service level")
        check(figures.map(\.occupancy), exact.occupancy, "occupancy")
        #expect(figures.allSatisfy { $0.abandonmentRate == 0 })
        // Not trivially true: the case waits often enough for the check to mean something.
        #expect(exact.waitProbability > 0.3)
    }
}

import LoadMetrics
import Simulator
import Testing

@Suite struct ReplicationsTests {
    /// Replications run side by side give the very results they give one after the other, in seed order, and each
    /// equals a plain simulation with its seed.
    @Test func resultsDoNotDependOnHowManyRanAtOnce() throws {
        let profile = Fixtures.erlang(arrivalsPerSecond: 1, handlingMean: 8, agents: 10, seconds: 600)
        let configuration = SimulationConfiguration(profile: profile, seed: 5)
        var order: [Int] = []
        let parallel = try Replications.run(configuration, count: 5, parallel: 3) { index, _ in order.append(index) }
        let serial = try Replications.run(configuration, count: 5, parallel: 1)
        #expect(order == [0, 1, 2, 3, 4])
        #expect(parallel.seeds == serial.seeds && parallel.results == serial.results)
        var third = configuration
        third.seed = parallel.seeds[2]
        var simulation = try Simulation(configuration: third)
        #expect(simulation.run().result == parallel.results[2])
        // Different seeds, different runs.
        #expect(parallel.results[0].total.counts != parallel.results[1].total.counts)
    }
}

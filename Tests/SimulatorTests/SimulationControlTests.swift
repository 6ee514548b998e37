import Foundation
import LoadMetrics
import Testing
import Workload

@testable import Simulator

@Suite struct SimulationControlTests {
    /// A stop after 20,000 events ends the run at the first check past them (every 16,384 events), in the middle of
    /// the run: the result is marked incomplete and keeps everything measured until then, every visitor accounted
    /// for (those still there as still active), one series row per completed second.
    @Test func aStoppedRunKeepsWhatItMeasured() throws {
        let profile = Fixtures.busy(hours: 4)
        var full = try Simulation(configuration: SimulationConfiguration(profile: profile, seed: 3))
        let whole = full.run()
        var stopped = try Simulation(configuration: SimulationConfiguration(profile: profile, seed: 3))
        let part = stopped.run(control: SimulationControl(stopAfterEvents: 20_000))

        #expect(whole.result.complete && !part.result.complete)
        #expect(part.events == 2 * 16_384 && whole.events > part.events)
        #expect(part.simulatedSeconds > 0 && part.simulatedSeconds < whole.simulatedSeconds)
        #expect(whole.simulatedSeconds == 4 * 3_600)
        #expect(part.result.accountingProblems() == [])
        let counts = part.result.counts
        #expect(counts.outcomes == counts.visitorsArrived && counts.stillActive > 0)
        #expect(counts.visitorsArrived > 0 && counts.visitorsArrived < whole.result.counts.visitorsArrived)
        let rows = part.recorder.timeSeries.rows
        #expect(rows.count == Int(part.simulatedSeconds))
        #expect(rows.reduce(0) { $0 + $1[.arrivals] } <= counts.visitorsArrived)
        // Up to the stop, the two runs are the same run: the rows they share are equal.
        let wholeRows = whole.recorder.timeSeries.rows
        for (row, same) in zip(rows, wholeRows) {
            #expect(row[.arrivals] == same[.arrivals] && row[.messagesReceived] == same[.messagesReceived])
        }
        // Agents' observation ends at the stop: nobody was observed for longer than the simulated time (the
        // summaries keep milliseconds).
        #expect(!part.result.agents.isEmpty)
        for agent in part.result.agents {
            #expect(agent.secondsAtLevel.reduce(0, +) <= part.simulatedSeconds + 0.01)
        }
    }

    /// Replications under a stop that is already requested start none.
    @Test func aRequestedStopStartsNoReplication() throws {
        let control = SimulationControl()
        control.requestStop()
        let runs = try Replications.run(
            SimulationConfiguration(profile: Fixtures.busy(hours: 0.25), seed: 1),
            count: 3,
            control: control
        )
        #expect(runs.results.isEmpty && runs.seeds.isEmpty)
    }
}

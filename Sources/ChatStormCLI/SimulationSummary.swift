import Foundation
import LoadMetrics
import Simulator

/// What `chatstorm simulate` prints, and `replications.json`.
enum SimulationSummary {
    static func print(_ result: RunResult) {
        let c = result.counts
        let m = result.metrics
        Swift.print(
            "visitors   arrived \(c.visitorsArrived), chatted \(c.chatsCompleted), abandoned \(c.chatsAbandoned), offline \(c.offlineTickets), bot \(c.botResolved), left at form \(c.leftAtForm), still active \(c.stillActive)"
        )
        Swift.print(
            "chats      requested \(c.chatsRequested), waited \(c.chatsQueued), assigned \(c.chatsAssigned), transfers \(c.transfers)"
        )
        Swift.print(
            String(
                format: "queue wait mean %.1f s, p90 %.1f s, max %.1f s; service level %.3f within %.0f s; abandonment %.3f",
                m.queueWait.mean / 1000,
                m.queueWait.p90 / 1000,
                m.queueWait.max / 1000,
                m.serviceLevel.value,
                m.serviceLevel.thresholdSeconds,
                m.abandonmentRate
            )
        )
        Swift.print(
            String(
                format: "agents     concurrency mean %.2f, max %d, occupancy %.3f, busy share %.3f",
                m.agentConcurrency.mean,
                m.agentConcurrency.max,
                m.agentConcurrency.occupancy,
                m.agentConcurrency.busyShare
            )
        )
    }

    static func printEstimates(_ runs: Replications) {
        Swift.print("")
        Swift.print(
            "key figures over \(runs.results.count) replications (mean, 95% confidence interval, Student t, within the figure's possible values):"
        )
        for (name, estimate) in runs.estimates {
            Swift.print(
                String(
                    format: "  %@ %10.4f  [%.4f, %.4f]",
                    name.padding(toLength: 24, withPad: " ", startingAt: 0),
                    estimate.mean,
                    estimate.lower,
                    estimate.upper
                )
            )
        }
    }

    struct ReplicationsFile: Encodable {
        struct Figure: Encodable {
            var mean: Double
            var standardError: Double
            var lower95: Double
            var upper95: Double
            var values: [Double]
        }

        var replications: Int
        var seed: UInt64
        var seeds: [UInt64]
        var confidence = 0.95
        var figures: [String: Figure]
    }

    /// `replications.json`: each key figure's mean, standard error, 95 % interval and per-replication values.
    static func replicationsJSON(_ runs: Replications, seed: UInt64) throws -> Data {
        var figures: [String: ReplicationsFile.Figure] = [:]
        for (name, e) in runs.estimates {
            figures[name] = .init(mean: e.mean, standardError: e.standardError, lower95: e.lower, upper95: e.upper, values: e.values)
        }
        let file = ReplicationsFile(replications: runs.results.count, seed: seed, seeds: runs.seeds, figures: figures)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(file)
    }
}

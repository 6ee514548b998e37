import Foundation
import LoadMetrics

/// Runs built with `RunRecorder`, as the engine and the simulator build them, with known figures.
enum RunFixtures {
    /// One visitor's chat as the recorder sees it.
    struct Visit {
        var region = "emea"
        var language = "en"
        var department = "sales"
        /// Queue wait in seconds; nil: abandoned in the queue.
        var wait: Double? = 1
        /// Message latencies (ms) visitor→agent and agent→visitor.
        var toAgent: [Double] = []
        var toVisitor: [Double] = []
        var errors: [String] = []
        var lost = 0
    }

    /// A run of `visits`; one agent of capacity 2 at `site` with one chat for half of 100 s. The queue depth
    /// is sampled twice: empty, then with `waiting` extra visitors of region `emea` waiting (who then abandon). The
    /// service level counts chats answered within `serviceLevelSeconds`.
    static func run(
        _ visits: [Visit],
        site: String = "riga",
        waiting: Int = 0,
        lateArrivals: Int = 0,
        serviceLevelSeconds: Double = 30
    ) -> RunResult {
        var recorder = RunRecorder(serviceLevelThresholdSeconds: serviceLevelSeconds)
        let agent = recorder.agentJoined(name: "a1", site: site, capacity: 2, at: .zero)
        recorder.agentConcurrency(agent: agent, at: .seconds(25), active: 1)
        recorder.agentConcurrency(agent: agent, at: .seconds(75), active: 0)
        for visit in visits {
            var keys = recorder.keys(region: visit.region, language: visit.language, department: visit.department)
            recorder.visitorArrived(keys)
            recorder.chatRequested(keys)
            guard let wait = visit.wait else {
                recorder.outcome(.abandoned, keys)
                continue
            }
            keys.site = recorder.site(site)
            recorder.chatAssigned(keys, wait: .milliseconds(Int64(wait * 1_000)))
            for latency in visit.toAgent {
                recorder.messageSent(keys)
                recorder.messageDelivered(keys, direction: .visitorToAgent, latency: .microseconds(Int64(latency * 1_000)))
            }
            for latency in visit.toVisitor {
                recorder.messageSent(keys)
                recorder.messageDelivered(keys, direction: .agentToVisitor, latency: .microseconds(Int64(latency * 1_000)))
            }
            for kind in visit.errors { recorder.error(keys, kind: kind) }
            if visit.lost > 0 {
                for _ in 0..<visit.lost { recorder.messageSent(keys) }
                recorder.messageIntegrity(keys, lost: visit.lost)
            }
            recorder.outcome(.chatted, keys)
        }
        recorder.sample(second: 0, simulatedTime: Date(timeIntervalSince1970: 0), gauges: .init())
        let keys = recorder.keys(region: "emea", language: "en", department: "sales")
        for _ in 0..<waiting {
            recorder.visitorArrived(keys)
            recorder.chatRequested(keys)
        }
        recorder.sample(second: 1, simulatedTime: Date(timeIntervalSince1970: 1), gauges: .init())
        for _ in 0..<waiting { recorder.outcome(.abandoned, keys) }
        for _ in 0..<lateArrivals { recorder.lateArrival() }
        return recorder.finish(
            mode: .sim,
            profile: .init(name: "fixture", sha256: "abc"),
            seed: 9,
            complete: true,
            toolVersion: "test",
            at: .seconds(100)
        )
    }
}

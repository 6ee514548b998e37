import Foundation
import LoadMetrics

/// Runs recorded through `RunRecorder` (no network) for the report tests.
enum ReportFixtures {
    static let start = Date(timeIntervalSince1970: 1_741_701_600)  // 2025-03-11 14:00 UTC

    /// A run of `seconds` seconds (one simulated minute each): two regions, three languages, two
    /// departments, three agents at two sites; visitors arrive, wait, chat and some abandon. `messageLatency`
    /// false: every message delivered as it was sent, as a simulation without a modelled delay delivers them.
    static func result(
        seconds: Int = 30,
        regionName: String = "baltics",
        complete: Bool = true,
        mode: RunResult.Mode = .live,
        messageLatency: Bool = true
    ) -> RunResult {
        var recorder = RunRecorder(serviceLevelThresholdSeconds: 20)
        recorder.regionTimeZones = [regionName: "Europe/Riga", "india-west": "Asia/Kolkata"]
        recorder.siteTimeZones = ["riga": "Europe/Riga", "austin": "America/Chicago"]
        let agents = [
            recorder.agentJoined(name: "riga-1", site: "riga", capacity: 2, at: .zero),
            recorder.agentJoined(name: "riga-2", site: "riga", capacity: 2, at: .zero),
            recorder.agentJoined(name: "austin-1", site: "austin", capacity: 3, at: .zero),
        ]
        var active = [0, 0, 0]
        let riga = recorder.site("riga")
        let austin = recorder.site("austin")
        for second in 0..<seconds {
            let t = Double(second) * 60
            let languages = ["lv", "en", "hi"]
            var keys = recorder.keys(
                region: second % 3 == 2 ? "india-west" : regionName,
                language: languages[second % 3],
                department: second % 2 == 0 ? "sales" : "support"
            )
            recorder.visitorArrived(keys)
            recorder.connected(keys, connectTime: .milliseconds(2 + second % 4))
            recorder.chatRequested(keys)
            if second % 5 == 4 {
                recorder.outcome(.abandoned, keys)
            } else if second % 7 == 6 {
                // No agent for this one, and no delivery during this second: a gap in the latency lines.
                recorder.outcome(.offlineTicket, keys, wasWaiting: true)
            } else {
                let agent = second % agents.count
                keys.site = agent == 2 ? austin : riga
                recorder.chatAssigned(keys, wait: .seconds(second % 4 == 0 ? 45 : 3 + second % 10))
                active[agent] = min(active[agent] + 1, agent == 2 ? 3 : 2)
                recorder.agentConcurrency(agent: agents[agent], at: .seconds(t + 1), active: active[agent])
                for message in 0..<4 {
                    recorder.messageSent(keys)
                    let direction: RunRecorder.Direction = message % 2 == 0 ? .visitorToAgent : .agentToVisitor
                    recorder.messageDelivered(
                        keys,
                        direction: direction,
                        latency: messageLatency ? .microseconds(400 + 37 * second + 90 * message) : .zero
                    )
                }
                recorder.firstResponse(keys, after: .seconds(20))
                recorder.outcome(.chatted, keys)
                active[agent] -= 1
                recorder.agentConcurrency(agent: agents[agent], at: .seconds(t + 40), active: active[agent])
            }
            if second == 11 { recorder.error(keys, kind: "timeout") }
            recorder.sample(
                second: second,
                simulatedTime: start.addingTimeInterval(t + 60),
                gauges: .init(sessions: 3 + second % 5, agentsOnline: 3, serverQueueDepth: second % 2)
            )
        }
        return recorder.finish(
            mode: mode,
            profile: .init(name: "fixture", sha256: String(repeating: "0f", count: 32)),
            seed: 42,
            complete: complete,
            toolVersion: "0.1.0",
            at: .seconds(Double(seconds) * 60)
        )
    }
}

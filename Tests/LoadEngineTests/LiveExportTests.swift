import ChatStormTesting
import Foundation
import LoadEngine
import LoadMetrics
import NIOCore
import NIOPosix
import Testing
import Workload

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// 170 simulated seconds at speed 60 (2.83 real seconds: the run ends between two ticks, so only the update at the
/// end brings the export to the final counts): a few dozen visitors in two departments, 4 agents.
private func exportProfile() -> Profile {
    engineTestProfile(name: "export-test", duration: 170, visitorsPerHour: 1_500, sales: 0.5, agents: 4, seed: 11)
}

@Suite("Live Prometheus export (--metrics-port)", .timeLimit(.minutes(1)))
struct LiveExportTests {
    @Test("/metrics serves the run's figures during the run, and the final scrape matches the RunResult")
    func scrapeDuringAndAfter() async throws {
        let (during, seenArrivals, final, result, statuses) = try await withChatServer { port in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let run = try LiveRun(
                configuration: EngineConfiguration(profile: exportProfile(), port: port, agentToken: "test-token"),
                group: group
            )
            let endpoint = try await run.serveMetrics(port: 0)
            #expect(endpoint.port > 0)
            // The tick updates the export before it reports progress: once a tick reports arrivals, a scrape must
            // show at least as many (no sleeping: the progress callback is the synchronisation).
            let (arrivals, continuation) = AsyncStream.makeStream(of: Int.self)
            let running = Task {
                try await run.run { progress in
                    if progress.counts.visitorsArrived > 0 {
                        continuation.yield(progress.counts.visitorsArrived)
                        continuation.finish()
                    }
                }
            }
            var iterator = arrivals.makeAsyncIterator()
            let seen = try #require(await iterator.next())
            let during = try await Exposition.scrape(port: endpoint.port)
            let output = try await running.value
            let final = try await Exposition.scrape(port: endpoint.port)
            let notFound = try await Exposition.status(port: endpoint.port, path: "/other")
            let notAllowed = try await Exposition.status(port: endpoint.port, path: "/metrics", method: "DELETE")
            await endpoint.close()
            try await group.shutdownGracefully()
            return (during, seen, final, output.result, [notFound, notAllowed])
        }
        #expect(statuses == [404, 405])

        // Names and types.
        let types: [String: String] = [
            "chatstorm_run_sessions_open": "gauge", "chatstorm_run_queue_depth": "gauge",
            "chatstorm_run_queue_depth_by_department": "gauge", "chatstorm_run_queue_depth_by_language": "gauge",
            "chatstorm_run_agents_online": "gauge", "chatstorm_run_active_chats": "gauge",
            "chatstorm_run_visitors_arrived_total": "counter", "chatstorm_run_late_arrivals_total": "counter",
            "chatstorm_run_messages_lost_total": "counter", "chatstorm_run_message_latency_seconds": "histogram",
            "chatstorm_run_queue_wait_seconds": "histogram", "chatstorm_run_first_response_seconds": "histogram",
        ]
        for (name, type) in types { #expect(final.types[name] == type, "\(name)") }

        // During the run: arrivals seen by the tick are exported, and never more than the run ends with.
        let arrivedDuring = try #require(during["chatstorm_run_visitors_arrived_total"])
        #expect(arrivedDuring >= Double(seenArrivals))
        #expect(arrivedDuring > 0)
        #expect(arrivedDuring <= Double(result.counts.visitorsArrived))
        #expect(during.types["chatstorm_run_message_latency_seconds"] == "histogram")

        // After the run: the last update equals the result.
        let counts = result.counts
        let expected: [(String, Int)] = [
            ("visitors_arrived", counts.visitorsArrived), ("chats_requested", counts.chatsRequested),
            ("chats_assigned", counts.chatsAssigned), ("chats_completed", counts.chatsCompleted),
            ("chats_abandoned", counts.chatsAbandoned), ("offline_tickets", counts.offlineTickets),
            ("bot_resolved", counts.botResolved), ("messages_sent", counts.messagesSent),
            ("messages_received", counts.messagesReceived), ("messages_lost", counts.messagesLost),
        ]
        for (name, value) in expected {
            #expect(final["chatstorm_run_\(name)_total"] == Double(value), "\(name)")
        }
        #expect(counts.visitorsArrived > 10 && counts.messagesReceived > 10)
        #expect(
            final.labelled("chatstorm_run_queue_depth_by_department").keys.sorted() == ["department=\"sales\"", "department=\"support\""]
        )

        // Histograms: counts equal the recorders', buckets are cumulative up to the count, the mean agrees.
        let total = result.total
        let histograms: [(String, String, LatencySummary)] = [
            ("chatstorm_run_message_latency_seconds", "direction=\"visitor_to_agent\"", total.visitorToAgent.summary(corrected: false)),
            ("chatstorm_run_message_latency_seconds", "direction=\"agent_to_visitor\"", total.agentToVisitor.summary(corrected: false)),
            ("chatstorm_run_queue_wait_seconds", "", result.metrics.queueWait),
            ("chatstorm_run_first_response_seconds", "", result.metrics.firstResponse),
        ]
        for (name, labels, summary) in histograms {
            let series = try #require(final.histogram(name, labels: labels), "\(name){\(labels)}")
            #expect(summary.count > 0, "\(name){\(labels)}")
            #expect(series.count == Double(summary.count), "\(name){\(labels)}")
            #expect(series.buckets.last?.bound == .infinity && series.buckets.last?.count == series.count)
            #expect(zip(series.buckets, series.buckets.dropFirst()).allSatisfy { $0.count <= $1.count && $0.bound < $1.bound })
            let meanMilliseconds = series.sum / series.count * 1_000
            #expect(abs(meanMilliseconds - summary.mean) <= summary.mean * 0.002 + 0.002, "\(name){\(labels)} mean")
        }
    }
}

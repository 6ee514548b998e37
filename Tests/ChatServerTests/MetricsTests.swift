import ChatProtocol
import ChatServer
import ChatStormTesting
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Health and metrics endpoints", .timeLimit(.minutes(1)))
struct MetricsTests {
    private func get(_ port: Int, _ path: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("/metrics reports agents, queues, active chats, relayed messages and errors in Prometheus text")
    func metrics() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana", capacity: 1))
                _ = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("v1"))
                    try await visitor.send(.request(ChatRequest(department: "sales")))
                    let chat = try await visitor.assigned().chat
                    try await visitor.send(.message(ChatMessage(chat: chat, id: "m1", seq: 1, text: "hi")))
                    _ = try await visitor.ack()
                    try await visitor.sendText("not json")
                    _ = try await visitor.error()
                    _ = try await withVisitor(port: port) { waiting in
                        try await waiting.hello(visitorHello("v2"))
                        try await waiting.send(.request(ChatRequest(department: "sales")))
                        _ = try await waiting.queued()
                        let (status, body) = try await get(port, "/metrics")
                        #expect(status == 200)
                        let lines = Set(body.split(separator: "\n").map(String.init))
                        // Gauges are written as floating point, counters as integers.
                        for expected in [
                            "chatstorm_server_agents_online 1.0",
                            "chatstorm_server_active_chats 1.0",
                            "chatstorm_server_waiting_visitors 1.0",
                            #"chatstorm_server_queue_depth{department="sales",language="en"} 1.0"#,
                            "chatstorm_server_messages_relayed_total 1",
                            "chatstorm_server_chats_requested_total 2",
                            #"chatstorm_server_errors_total{code="malformed"} 1"#,
                            #"chatstorm_server_connections{role="visitor"} 2.0"#,
                            #"chatstorm_server_agents_by_active_chats{active_chats="1"} 1.0"#,
                        ] {
                            #expect(lines.contains(expected), "missing \(expected)")
                        }
                        let health = try await get(port, "/health")
                        #expect(health.status == 200)
                        #expect(health.body == #"{"status":"ok","agentsOnline":1,"queueDepth":1}"#)
                        return true
                    }
                    return true
                }
                return true
            }
        }
    }
}

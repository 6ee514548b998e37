import ChatProtocol
import ChatStormTesting
import Foundation

/// Drives a reference server running in another process with many real WebSocket sessions and reports what
/// the server spent: CPU per relayed message, memory per connection, connections held.
///
/// Agents log in first (capacity `capacity`); then `capacity` visitors per agent connect, ask for a chat and
/// get one each, so every session is connected at once. Then each visitor exchanges `messages` messages with
/// its agent in a closed loop with at most `window` messages in flight (the agent echoes each), and the server's
/// CPU time over that phase is divided by the messages it relayed.
struct ServerBenchmark {
    struct Report: Sendable {
        var sessions: Int
        var connected: Int
        var failed: Int
        var connectSeconds: Double
        var relayed: Int
        var relaySeconds: Double
        var serverCPUSeconds: Double
        var serverRSSIdleBytes: Int
        var serverRSSBaseBytes: Int
        var serverPeakRSSBytes: Int
        var clientCPUSeconds: Double
    }

    var sessions: Int
    var capacity: Int
    var messages: Int
    /// Messages a visitor sends before waiting for echoes (1: strict ping-pong).
    var window: Int
    var connectConcurrency: Int

    func run(port: Int, serverPID: Int32, stopServer: @Sendable () -> Void) async throws -> Report {
        let agents = max(1, sessions / (capacity + 1))
        let visitors = agents * capacity
        let total = agents + visitors
        let base = ProcessStats.read(pid: serverPID)
        let failures = Latch(target: .max)  // counts sessions that failed
        let limiter = AsyncLimiter(connectConcurrency)
        let agentsReady = Latch(target: agents)
        let visitorsAssigned = Latch(target: visitors)
        let start = Latch(target: 1)
        let visitorsDone = Latch(target: visitors)
        let finish = Latch(target: 1)
        let visitorsClosed = Latch(target: visitors)
        let clock = ContinuousClock()

        return try await withThrowingTaskGroup(of: Void.self) { group in
            let connectStart = clock.now
            for a in 0..<agents {
                group.addTask {
                    let ready = Arrival(agentsReady)
                    let permit = await Permit(limiter)
                    defer {
                        permit.release()
                        ready.arrive()
                    }
                    do {
                        _ = try await withAgent(port: port) { agent in
                            try await agent.send(
                                .hello(
                                    AgentHello(
                                        agent: "a\(a)",
                                        token: "bench",
                                        languages: ["en"],
                                        departments: ["sales"],
                                        capacity: capacity
                                    )
                                )
                            )
                            _ = try await agent.next()
                            permit.release()
                            ready.arrive()
                            var sequence: [ChatID: UInt64] = [:]
                            var ended = 0
                            while ended < capacity, let frame = try await agent.next() {
                                switch frame {
                                case .message(let m):
                                    let seq = (sequence[m.chat] ?? 0) + 1
                                    sequence[m.chat] = seq
                                    try await agent.send(.message(ChatMessage(chat: m.chat, id: "r\(seq)", seq: seq, text: m.text)))
                                case .ended:
                                    ended += 1
                                default:
                                    break
                                }
                            }
                            return true
                        }
                    } catch {
                        if !ready.happened { failures.arrive() }
                    }
                }
            }
            await agentsReady.wait()
            for v in 0..<visitors {
                group.addTask {
                    let assigned = Arrival(visitorsAssigned)
                    let done = Arrival(visitorsDone)
                    let permit = await Permit(limiter)
                    defer {
                        permit.release()
                        assigned.arrive()
                        done.arrive()
                        visitorsClosed.arrive()
                    }
                    do {
                        _ = try await withVisitor(port: port) { visitor in
                            try await visitor.send(.hello(VisitorHello(visitor: "v\(v)", language: "en", region: "bench")))
                            try await visitor.send(.request(ChatRequest(department: "sales")))
                            var chat: ChatID?
                            while chat == nil, let frame = try await visitor.next() {
                                if case .assigned(let a) = frame { chat = a.chat }
                            }
                            permit.release()
                            guard let chat else { throw ChatConnectionError(message: "not assigned") }
                            assigned.arrive()
                            await start.wait()
                            let text = "Hello, I have a question about my order #\(v), can you help? Gracias 🙏"
                            // Keep up to `window` messages in flight; each is echoed by the agent.
                            var sent = 0
                            var echoed = 0
                            while echoed < messages {
                                while sent < messages && sent - echoed < window {
                                    sent += 1
                                    let seq = UInt64(sent)
                                    try await visitor.send(.message(ChatMessage(chat: chat, id: "m\(seq)", seq: seq, text: text)))
                                }
                                guard let frame = try await visitor.next() else { throw ChatConnectionError(message: "closed") }
                                if case .message = frame { echoed += 1 }
                            }
                            done.arrive()
                            await finish.wait()
                            try await visitor.send(.end(chat: chat))
                            _ = try await visitor.next { if case .ended = $0 { true } else { nil } }
                            return true
                        }
                    } catch {
                        failures.arrive()
                    }
                }
            }
            await visitorsAssigned.wait()
            let connectSeconds = (clock.now - connectStart).seconds
            let idle = ProcessStats.read(pid: serverPID)
            let clientBefore = ProcessStats.current
            let relayStart = clock.now
            start.arrive()
            await visitorsDone.wait()
            let relaySeconds = (clock.now - relayStart).seconds
            let after = ProcessStats.read(pid: serverPID)
            let clientAfter = ProcessStats.current
            finish.arrive()
            await visitorsClosed.wait()
            stopServer()
            try await group.waitForAll()
            let failed = failures.arrived
            return Report(
                sessions: total,
                connected: total - failed,
                failed: failed,
                connectSeconds: connectSeconds,
                relayed: visitors * messages * 2,
                relaySeconds: relaySeconds,
                serverCPUSeconds: (after?.cpuSeconds ?? 0) - (idle?.cpuSeconds ?? 0),
                serverRSSIdleBytes: idle?.rssBytes ?? 0,
                serverRSSBaseBytes: base?.rssBytes ?? 0,
                serverPeakRSSBytes: after?.peakRSSBytes ?? 0,
                clientCPUSeconds: (clientAfter?.cpuSeconds ?? 0) - (clientBefore?.cpuSeconds ?? 0)
            )
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

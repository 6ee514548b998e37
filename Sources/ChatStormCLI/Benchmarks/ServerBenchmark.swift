import ChatClient
import ChatProtocol
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// Drives a reference server running in another process with many real WebSocket sessions and reports what
/// the server spent: CPU per relayed message, memory per session, connections held.
///
/// Agents log in first (capacity `capacity`); then `capacity` visitors per agent connect, ask for a chat and
/// get one each, so every session is connected at once. Then each visitor exchanges `messages` messages with
/// its agent with at most `window` in flight (the agent echoes each), and the server's CPU time over that phase
/// is divided by the messages it relayed. The sessions run on ``ChatClient``'s event-loop sessions, one client
/// thread by default, so the client leaves the other core to the server.
struct ServerBenchmark {
    struct Report: Sendable {
        var sessions: Int
        var failed: Int
        var connectSeconds: Double
        /// CPU each process spent while the sessions connected (handshakes, hellos, assignments).
        var serverConnectCPUSeconds: Double
        var clientConnectCPUSeconds: Double
        var relayed: Int
        var relaySeconds: Double
        var serverCPUSeconds: Double
        var serverRSSIdleBytes: Int
        var serverRSSBaseBytes: Int
        var serverPeakRSSBytes: Int
        var clientCPUSeconds: Double
        var clientFrames: Int
        var clientRSSBaseBytes: Int
        var clientRSSIdleBytes: Int
    }

    var sessions: Int
    var capacity: Int
    var messages: Int
    /// Messages a visitor sends before waiting for echoes (1: strict ping-pong).
    var window: Int
    var connectConcurrency: Int
    var clientThreads: Int

    func run(port: Int, serverPID: Int32, stopServer: @Sendable () -> Void) async throws -> Report {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: clientThreads)
        let report = await run(group: group, port: port, serverPID: serverPID, stopServer: stopServer)
        try await group.shutdownGracefully()
        return report
    }

    private func run(
        group: MultiThreadedEventLoopGroup,
        port: Int,
        serverPID: Int32,
        stopServer: @Sendable () -> Void
    ) async -> Report {
        let agents = max(1, sessions / (capacity + 1))
        let visitors = agents * capacity
        let connector = SessionConnector(host: "127.0.0.1", port: port, group: group)
        let progress = BenchProgress(agents: agents, visitors: visitors, connectConcurrency: connectConcurrency)
        // Sessions hold their delegates weakly: the benchmark keeps them alive until it ends.
        let agentRegistry = Mutex<[BenchAgent]>([])
        let registry = Mutex<[BenchVisitor]>([])
        let clock = ContinuousClock()
        let serverBase = ProcessStats.read(pid: serverPID)
        let clientBase = ProcessStats.current

        let connectStart = clock.now
        for a in 0..<agents {
            await progress.connecting.acquire()
            let agent = BenchAgent(id: "a\(a)", capacity: capacity, progress: progress)
            agentRegistry.withLock { $0.append(agent) }
            connector.connect(.agent) { _ in WebSocketSession(delegate: agent) }
                .whenFailure { _ in
                    progress.failures.arrive()
                    progress.connecting.release()
                    progress.agentsReady.arrive()
                    progress.sessionsClosed.arrive()
                }
        }
        await progress.agentsReady.wait()
        for v in 0..<visitors {
            await progress.connecting.acquire()
            connector.connect(.visitor) { loop in
                let visitor = BenchVisitor(id: "v\(v)", loop: loop, messages: messages, window: window, progress: progress)
                registry.withLock { $0.append(visitor) }
                return WebSocketSession(delegate: visitor)
            }
            .whenFailure { _ in
                progress.failures.arrive()
                progress.connecting.release()
                progress.visitorsAssigned.arrive()
                progress.visitorsDone.arrive()
                progress.sessionsClosed.arrive()
            }
        }
        await progress.visitorsAssigned.wait()
        let connectSeconds = (clock.now - connectStart).seconds

        let serverIdle = ProcessStats.read(pid: serverPID)
        let clientIdle = ProcessStats.current
        let framesBefore = progress.frames.load(ordering: .relaxed)
        let relayStart = clock.now
        let all = registry.withLock { $0 }
        for visitor in all { visitor.onLoop { $0.start() } }
        await progress.visitorsDone.wait()
        let relaySeconds = (clock.now - relayStart).seconds
        let serverAfter = ProcessStats.read(pid: serverPID)
        let clientAfter = ProcessStats.current
        let frames = progress.frames.load(ordering: .relaxed) - framesBefore

        for visitor in all { visitor.onLoop { $0.finish() } }
        await progress.sessionsClosed.wait()
        stopServer()
        agentRegistry.withLock { $0.removeAll() }
        return Report(
            sessions: agents + visitors,
            failed: progress.failures.arrived,
            connectSeconds: connectSeconds,
            serverConnectCPUSeconds: (serverIdle?.cpuSeconds ?? 0) - (serverBase?.cpuSeconds ?? 0),
            clientConnectCPUSeconds: (clientIdle?.cpuSeconds ?? 0) - (clientBase?.cpuSeconds ?? 0),
            relayed: visitors * messages * 2,
            relaySeconds: relaySeconds,
            serverCPUSeconds: (serverAfter?.cpuSeconds ?? 0) - (serverIdle?.cpuSeconds ?? 0),
            serverRSSIdleBytes: serverIdle?.rssBytes ?? 0,
            serverRSSBaseBytes: serverBase?.rssBytes ?? 0,
            serverPeakRSSBytes: serverAfter?.peakRSSBytes ?? 0,
            clientCPUSeconds: (clientAfter?.cpuSeconds ?? 0) - (clientIdle?.cpuSeconds ?? 0),
            clientFrames: frames,
            clientRSSBaseBytes: clientBase?.rssBytes ?? 0,
            clientRSSIdleBytes: clientIdle?.rssBytes ?? 0
        )
    }

}

extension BenchVisitor {
    /// Runs `body` on this visitor's event loop.
    func onLoop(_ body: @escaping @Sendable (BenchVisitor) -> Void) {
        loop.execute { body(self) }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

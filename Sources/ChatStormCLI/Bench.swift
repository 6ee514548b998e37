import ArgumentParser
import Foundation

/// `chatstorm bench …`: measured figures, not tests.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks: the protocol codec, the reference server, arrival generation, the simulator, its event set, the routing.",
        subcommands: [CodecBench.self, ServerBench.self, ArrivalsBench.self, SimulatorBench.self, EventsBench.self, RoutingBench.self]
    )
}

struct CodecBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Encode + decode time of typical protocol v1 frames (build with -c release)."
    )

    @Option(help: "Operations per measurement.")
    var iterations = 1_000_000

    func run() async throws {
        for result in CodecBenchmark.run(iterations: iterations) {
            print(
                "\(result.name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", result.nanosecondsPerOp)) ns/op"
            )
        }
    }
}

struct ServerBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Start the reference server in a child process, hold SESSIONS WebSocket sessions and relay messages.",
        discussion: """
            Reports the server's CPU time per relayed message (decode, route, encode, write; each relayed \
            message also produces an ack), its memory with every session connected, and how fast sessions \
            connected. Build with -c release for meaningful figures.
            """
    )

    @Option(help: "Concurrent WebSocket sessions (agents + visitors).")
    var sessions = 18_000

    @Option(help: "Chats per agent; sessions are split into agents and capacity × agents visitors.")
    var capacity = 2

    @Option(help: "Messages each visitor sends; each is echoed by its agent.")
    var messages = 20

    @Option(help: "Messages a visitor sends before waiting for the echoes (1 is strict ping-pong).")
    var window = 1

    @Option(help: "Event-loop threads of the benchmark's client.")
    var clientThreads = 1

    @Option(help: "Connection attempts in flight at once.")
    var connectConcurrency = 256

    @Option(help: "Use a server already running on this port (started with --agent-token bench) instead of a child.")
    var port: Int?

    @Option(help: "With --port: the server's process id, to read its CPU time and memory.")
    var serverPID: Int32?

    func validate() throws {
        guard sessions >= 2, capacity >= 1, messages >= 1, window >= 1 else {
            throw ValidationError("--sessions must be at least 2, --capacity and --messages at least 1")
        }
        guard (port == nil) == (serverPID == nil) else { throw ValidationError("--port and --server-pid go together") }
    }

    func run() async throws {
        FileLimits.raiseOpenFiles()
        let benchmark = ServerBenchmark(
            sessions: sessions,
            capacity: capacity,
            messages: messages,
            window: window,
            connectConcurrency: connectConcurrency,
            clientThreads: clientThreads
        )
        let r: ServerBenchmark.Report
        if let port, let serverPID {
            r = try await benchmark.run(port: port, serverPID: serverPID, stopServer: {})
        } else {
            let server = try ChildServer.start(arguments: [
                "serve", "--port", "0", "--agent-token", "bench", "--rate-limit", "100000", "--burst", "100000",
                "--log-level", "error",
            ])
            defer { server.stop() }
            r = try await benchmark.run(port: server.port, serverPID: server.pid, stopServer: { server.stop() })
        }
        let serverPerSession = Double(r.serverRSSIdleBytes - r.serverRSSBaseBytes) / Double(max(1, r.sessions - r.failed))
        let clientPerSession = Double(r.clientRSSIdleBytes - r.clientRSSBaseBytes) / Double(max(1, r.sessions - r.failed))
        print("sessions           \(r.sessions - r.failed) connected of \(r.sessions) (\(r.failed) failed)")
        let connected = Double(max(1, r.sessions - r.failed))
        print("connect            \(fmt(r.connectSeconds)) s, \(fmt(connected / r.connectSeconds, 0)) sessions/s")
        print(
            "connect CPU        client \(fmt(r.clientConnectCPUSeconds / connected * 1e6)) µs, "
                + "server \(fmt(r.serverConnectCPUSeconds / connected * 1e6)) µs per session"
        )
        print("relayed            \(r.relayed) messages in \(fmt(r.relaySeconds)) s (\(fmt(Double(r.relayed) / r.relaySeconds, 0)) msg/s)")
        print(
            "server CPU         \(fmt(r.serverCPUSeconds)) s = \(fmt(r.serverCPUSeconds / Double(max(1, r.relayed)) * 1e6)) µs per relayed message"
        )
        print(
            "server RSS         \(r.serverRSSIdleBytes / 1_048_576) MiB with all sessions (\(fmt(serverPerSession / 1024)) KiB per session), peak \(r.serverPeakRSSBytes / 1_048_576) MiB"
        )
        print(
            "client CPU         \(fmt(r.clientCPUSeconds)) s = \(fmt(r.clientCPUSeconds / Double(max(1, r.clientFrames)) * 1e6)) µs per frame sent or received (\(r.clientFrames) frames)"
        )
        print("client RSS         \(fmt(clientPerSession / 1024)) KiB per connected session")
    }

    private func fmt(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
}

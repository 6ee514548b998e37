import ArgumentParser
import Crypto
import Foundation
import LoadEngine
import LoadMetrics
import NIOCore
import NIOPosix
import UnixSignals
import Workload

/// `chatstorm run PROFILE`: plays a profile's visitors and agents against a chat server in scaled real time.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play a profile's visitors and agents against a chat server over WebSocket and measure.",
        discussion: """
            Without a target (in the profile or --target), the reference server is started as a child \
            process on 127.0.0.1 and stopped at the end. Results go to Results/<yyyyMMdd-HHmmss>-<profile>-live/ \
            (or --out): run.json, timeseries.csv, agents.csv and .hgrm latency distributions.
            Exit codes: 0 complete; 65 invalid profile; 69 target unreachable or died during the run; \
            130 interrupted (SIGINT/SIGTERM). An interrupted run still writes what it measured, with \
            "complete": false.
            """
    )

    @Argument(help: "The traffic profile (YAML).")
    var profile: String

    @Option(help: "Seed of every random choice (default: the profile's).")
    var seed: UInt64?

    @Option(help: "Target server as HOST:PORT (default: the profile's target, else the reference server).")
    var target: String?

    @Option(help: "Token agents log in with on the target.")
    var agentToken: String?

    @Option(help: "Results folder (default: Results/<yyyyMMdd-HHmmss>-<profile>-live).")
    var out: String?

    @Option(help: "Simulated duration instead of the profile's, e.g. 90s, 5m, 2h.")
    var duration: String?

    func validate() throws {
        if let duration, Self.seconds(duration) == nil {
            throw ValidationError("--duration: \"\(duration)\" is not a duration (use 90s, 5m, 2h)")
        }
    }

    /// Seconds of `90s`, `5m`, `2h` or a plain number of seconds.
    static func seconds(_ text: String) -> Double? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        if let unit = text.last, let factor = units[unit], let value = Double(text.dropLast()), value > 0 { return value * factor }
        if let value = Double(text), value > 0 { return value }
        return nil
    }

    func run() async throws {
        FileLimits.raiseOpenFiles()
        var loaded = try loadProfile(profile)
        if let duration, let seconds = Self.seconds(duration) { loaded.calendar.duration = seconds }
        let token = agentToken ?? loaded.target?.agentToken ?? "chatstorm-run"
        let (host, port, server) = try startTarget(for: loaded, token: token)
        defer { server?.stop() }

        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let live = try LiveRun(
            configuration: EngineConfiguration(
                profile: loaded,
                seed: seed,
                host: host,
                port: port,
                agentToken: token,
                healthURL: server == nil ? nil : "http://\(host):\(port)/health"
            ),
            group: group
        )
        let interrupted = Flag()
        let targetDied = Flag()
        server?.onExit {
            targetDied.set()
            live.stop()
        }
        let signals = Task {
            for await _ in await UnixSignalsSequence(trapping: .sigint, .sigterm) {
                interrupted.set()
                live.stop()
                break
            }
        }
        let tty = isatty(STDOUT_FILENO) == 1
        let output = try await live.run { progress in
            guard tty || progress.second % 5 == 0 else { return }
            let c = progress.counts
            let regions = progress.regionTimes.map { "\($0.region) \($0.local)" }.joined(separator: ", ")
            let line =
                "t=\(progress.second)s [\(regions)] sessions=\(progress.sessions) agents=\(progress.agentsOnline) "
                + "waiting=\(progress.waiting) chats=\(c.chatsAssigned) done=\(c.chatsCompleted) "
                + "abandoned=\(c.chatsAbandoned) offline=\(c.offlineTickets) msg/s=\(progress.messagesPerSecond) "
                + String(format: "p99=%.1fms", progress.p99Milliseconds)
                + " errors=\(c.errors) late=\(progress.lateArrivals)\n"
            // Unbuffered, so the lines appear as they happen in CI logs too.
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        signals.cancel()
        try await group.shutdownGracefully()

        var result = output.result
        result.profile.sha256 = Self.sha256(ofFile: profile)
        if let stats = ProcessStats.current {
            result.generator.cpuSeconds = stats.cpuSeconds
            result.generator.peakRSSBytes = stats.peakRSSBytes
        }
        let folder = out ?? Self.defaultFolder(profile: loaded.name)
        try write(output, result: result, to: folder)
        printSummary(result, folder: folder)
        if targetDied.isSet || output.stopReason == .targetUnreachable {
            FileHandle.standardError.write(Data("the target stopped accepting connections; the run ended early\n".utf8))
            throw ExitCode.targetUnavailable
        }
        if interrupted.isSet || !result.complete { throw ExitCode.interrupted }
    }

    private func startTarget(for profile: Profile, token: String) throws -> (String, Int, ChildServer?) {
        if let address = target ?? profile.target.map({ Self.hostPort($0.url) }) {
            let parts = address.split(separator: ":")
            guard parts.count == 2, let port = Int(parts[1]) else {
                throw ValidationError("--target must be HOST:PORT, got \(address)")
            }
            return (String(parts[0]), port, nil)
        }
        var arguments = ["serve", "--port", "0", "--agent-token", token, "--log-level", "error", "--rate-limit", "1000", "--burst", "1000"]
        arguments += ["--assignment", profile.routing.rawValue]
        for bot in profile.bots {
            for department in bot.departments { arguments += ["--bot", "\(department)=\(bot.resolvedShare)"] }
        }
        let server = try ChildServer.start(arguments: arguments)
        return ("127.0.0.1", server.port, server)
    }

    private func write(_ output: LiveRun.Output, result: RunResult, to folder: String) throws {
        try ResultsFolder.write(result, timeSeriesCSV: output.timeSeriesCSV, agentsCSV: output.agentsCSV, to: folder)
    }

    private func printSummary(_ result: RunResult, folder: String) {
        let c = result.counts
        let m = result.metrics
        print("")
        print("run \(result.complete ? "complete" : "INCOMPLETE") — results in \(folder)")
        print(
            "visitors   arrived \(c.visitorsArrived), chatted \(c.chatsCompleted), abandoned \(c.chatsAbandoned), offline \(c.offlineTickets), bot \(c.botResolved), left at form \(c.leftAtForm), still active \(c.stillActive)"
        )
        print(
            "messages   sent \(c.messagesSent), received \(c.messagesReceived), lost \(c.messagesLost), duplicated \(c.messagesDuplicated), reordered \(c.messagesReordered), errors \(c.errors)"
        )
        func line(_ name: String, _ s: LatencySummary) -> String {
            String(format: "%@ p50 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", name, s.p50, s.p99, s.max, Int(s.count))
        }
        print(line("latency v→a", m.messageLatency.visitorToAgent))
        print(line("latency a→v", m.messageLatency.agentToVisitor))
        print(line("queue wait ", m.queueWait))
        print(
            String(
                format: "agents     concurrency mean %.2f, max %d, occupancy %.2f",
                m.agentConcurrency.mean,
                m.agentConcurrency.max,
                m.agentConcurrency.occupancy
            )
        )
        print("generator  peak sessions \(result.generator.peakSessions), late arrivals \(result.generator.lateArrivals)")
    }

    /// The hex SHA-256 of the profile file, so a result names exactly what it ran.
    static func sha256(ofFile path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "" }
        return SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func defaultFolder(profile: String) -> String {
        ResultsFolder.defaultPath(profile: profile, mode: .live)
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date) + "Z"
    }

    static func hostPort(_ url: String) -> String {
        url.replacingOccurrences(of: "ws://", with: "").split(separator: "/").first.map(String.init) ?? url
    }
}

/// A flag set from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

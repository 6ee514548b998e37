import ArgumentParser
import Crypto
import Foundation
import LoadEngine
import LoadMetrics
import NIOCore
import NIOPosix
import Reporting
import UnixSignals
import Workload

/// `chatstorm run PROFILE`: plays a profile's visitors and agents against a chat server in scaled real time.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Play a profile's visitors and agents against a chat server over WebSocket and measure.",
        discussion: """
            Without a target (in the profile or --target), the reference server is started as a child \
            process on 127.0.0.1 and stopped at the end; its resume grace (15 s) and its overflow wait \
            run in the profile's time, as the simulator's do. Results go to Results/<yyyyMMdd-HHmmss>-<profile>-live/ \
            (or --out): run.json, timeseries.csv, agents.csv, .hgrm latency distributions and report.html.
            Thresholds (the profile's and --threshold's, k6 syntax: 'queue_wait: p(90) < 60s') are evaluated \
            at the end, printed as a table and written into run.json; --junit and --summary-md write them for CI. \
            A threshold with abortOnFail stops the run once it fails (checked every second after its \
            delayAbortEval). Each run is recorded in --history (Results/history.sqlite) for `chatstorm history` \
            and `chatstorm compare --baseline last-passing`.
            Exit codes: 0 complete, every threshold passed; 64 invalid command line (a bad --threshold); 65 \
            invalid profile; 69 target unreachable or died during the run; 73 results cannot be written; 99 a \
            threshold failed (also when abortOnFail stopped the run); 130 interrupted (SIGINT/SIGTERM/SIGHUP). 69 and \
            130 take precedence over 99. An interrupted run still writes what it measured, with \
            "complete": false.
            """
    )

    @Argument(help: "The traffic profile (YAML).")
    var profile: String

    @Option(help: "Seed of every random choice (default: the profile's).")
    var seed: UInt64?

    @Option(help: "Target server as HOST:PORT (default: the profile's target, else the reference server).")
    var target: String?

    @Option(
        help: """
            Token agents log in with on the target (default: the profile's target.agentToken, else \
            \(Serve.developmentToken), the token `chatstorm serve` takes when given none).
            """
    )
    var agentToken: String?

    @Option(help: "Results folder (default: Results/<yyyyMMdd-HHmmss>-<profile>-live).")
    var out: String?

    @Option(help: "Simulated duration instead of the profile's, e.g. 90s, 5m, 1h30m (at most 31 days).")
    var duration: String?

    @OptionGroup var arrivalScale: ArrivalScale

    @Option(help: "Simulated seconds per real second instead of the profile's, e.g. 10 plays an hour in 6 minutes.")
    var speed: Double?

    @Option(
        name: .customLong("threshold"),
        help: ArgumentHelp(
            "A threshold besides the profile's, e.g. 'queue_wait: p(90) < 60s' (repeatable).",
            valueName: "METRIC: EXPRESSION"
        )
    )
    var thresholdFlags: [String] = []

    @Option(help: ArgumentHelp("Write the thresholds as a JUnit XML test report.", valueName: "FILE"))
    var junit: String?

    @Option(
        name: .customLong("summary-md"),
        help: ArgumentHelp("Append a Markdown summary (e.g. to $GITHUB_STEP_SUMMARY).", valueName: "FILE")
    )
    var summaryMarkdown: String?

    @Option(help: ArgumentHelp("The run-history database.", valueName: "FILE"))
    var history = RunHistory.defaultPath

    @Option(
        help: ArgumentHelp(
            "Serve live Prometheus metrics at http://127.0.0.1:N/metrics during the run (0: a free port, printed).",
            valueName: "N"
        )
    )
    var metricsPort: Int?

    // Qualified: this module's `Flag` class (a flag set from another thread) shadows the property wrapper.
    @ArgumentParser.Flag(help: "Do not record the run in the history.")
    var noHistory = false

    func validate() throws {
        // Simulated seconds per real second: from a thousandth (a day of the profile in 2.7 years) to a million
        // (a day in 0.09 s); beyond, the clocks' conversions to whole nanoseconds overflowed.
        if let speed, !(0.001...1_000_000).contains(speed) {
            throw ValidationError("--speed must be from 0.001 to 1000000 (simulated seconds per real second), got \(speed)")
        }
        if let duration { try Self.validateDuration(duration, flag: "--duration") }
        for flag in thresholdFlags { _ = try Self.threshold(flag: flag) }
        if let metricsPort, !(0...65_535).contains(metricsPort) {
            throw ValidationError("--metrics-port: \(metricsPort) is not a port (0–65535)")
        }
        if let target, Self.address(target) == nil {
            throw ValidationError("--target must be HOST:PORT with a port from 1 to 65535, got \(target)")
        }
    }

    /// `HOST:PORT` (`[::1]:PORT` for an IPv6 address) split, the port from 1 to 65535; nil when it is not one.
    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (1...65_535).contains(port) else {
            return nil
        }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }  // [::1]:8080
        return host.isEmpty ? nil : (host, port)
    }

    /// Seconds of a duration option written as a profile writes durations (`90`, `500ms`, `90s`, `1h30m`, `2d`),
    /// above 0; nil when it is not one.
    static func seconds(_ text: String) -> Double? {
        ProfileLoader.seconds(text).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Checks a duration option: a duration above 0 and at most `longest`; the error names `flag`.
    /// - Returns: its seconds.
    @discardableResult
    static func validateDuration(_ text: String, flag: String, longest: Double = CalendarSettings.longestDuration) throws -> Double {
        guard let seconds = seconds(text) else {
            throw ValidationError("\(flag): \"\(text)\" is not a duration above 0 (e.g. 500ms, 90s, 5m, 1h30m, 2d, or seconds)")
        }
        guard seconds <= longest else {
            throw ValidationError("\(flag): \(text) is longer than \(Int(longest / 86_400)) days, the longest allowed")
        }
        return seconds
    }

    func run() async throws {
        FileLimits.raiseOpenFiles()
        var loaded = try arrivalScale.applied(to: loadProfile(profile, recordsPerSecond: duration == nil))
        if let duration, let seconds = Self.seconds(duration) { loaded.calendar.duration = seconds }
        if let speed { loaded.calendar.speed = speed }
        let thresholds = try thresholds(of: loaded)
        // serve's own default: a run against a `chatstorm serve` given no token works without one (it sent
        // `chatstorm-run`, and every agent was refused).
        let token = agentToken ?? loaded.target?.agentToken ?? Serve.developmentToken
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
        let metrics = try await serveMetrics(of: live, group: group)
        let interrupted = Flag()
        let targetDied = Flag()
        server?.onExit {
            targetDied.set()
            live.stop()
        }
        let signals = Task {
            // SIGHUP too: a closed terminal or SSH session ends the run as an interrupt does, results written.
            for await _ in await UnixSignalsSequence(trapping: .sigint, .sigterm, .sighup) {
                interrupted.set()
                live.stop()
                break
            }
        }
        let aborted = Flag()
        let abortWatch = Self.watchAbortThresholds(thresholds, live: live, aborted: aborted)
        let started = ContinuousClock.now
        let tty = isatty(STDOUT_FILENO) == 1
        let baseRSS = ProcessStats.current?.rssBytes ?? 0
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
        let elapsed = ContinuousClock.now - started
        signals.cancel()
        abortWatch?.cancel()
        await abortWatch?.value
        await metrics?.close()
        try await group.shutdownGracefully()

        var result = output.result
        result.profile.sha256 = Self.sha256(ofFile: profile)
        result.profile.arrivalScale = arrivalScale.recorded
        result.series?.regionTimeZones = Dictionary(loaded.regions.map { ($0.name, $0.timeZone) }) { first, _ in first }
        result.series?.siteTimeZones = Dictionary(loaded.agents.sites.map { ($0.name, $0.timeZone) }) { first, _ in first }
        if let stats = ProcessStats.current {
            result.generator.cpuSeconds = stats.cpuSeconds
            result.generator.peakRSSBytes = stats.peakRSSBytes
            result.generator.baseRSSBytes = baseRSS
        }
        let folder = out ?? Self.defaultFolder(profile: loaded.name)
        let document = RunDocument(
            result: result,
            stopReason: Self.stopReason(
                targetDied: targetDied.isSet,
                output: output,
                aborted: aborted.isSet,
                interrupted: interrupted.isSet
            ),
            thresholds: thresholds.isEmpty ? nil : ThresholdEvaluator.evaluate(thresholds, on: result)
        )
        try write(output, document: document, to: folder)
        printSummary(result, folder: folder)
        try report(document, folder: folder, seconds: Double(elapsed.components.seconds))
        switch document.stopReason {
        case .targetUnreachable?:
            let address = target ?? loaded.target?.url ?? "the reference server"
            FileHandle.standardError.write(Data("the target (\(address)) stopped accepting connections; the run ended early\n".utf8))
            throw ExitCode.targetUnavailable
        case .interrupted?: throw ExitCode.interrupted
        case .thresholdAborted?: throw ExitCode.thresholdsFailed
        default: if !document.thresholdsPassed { throw ExitCode.thresholdsFailed }
        }
    }

    private func startTarget(for profile: Profile, token: String) throws -> (String, Int, ChildServer?) {
        if let target, let (host, port) = Self.address(target) { return (host, port, nil) }  // checked in validate()
        if let target = profile.target { return (target.host, target.port, nil) }  // checked by the loader
        var arguments = ["serve", "--port", "0", "--agent-token", token, "--log-level", "error", "--rate-limit", "1000", "--burst", "1000"]
        // The server stops when this process dies, however it dies (a crash, SIGKILL), instead of living on.
        arguments += ["--parent-pid", "\(getpid())"]
        arguments += ["--assignment", profile.routing.rawValue]
        // The server's timers run in the profile's time, as the simulator's do: at speed 60, 15 s is a quarter second.
        arguments += ["--resume-grace", "\(Serve.defaultResumeGrace / profile.calendar.speed)"]
        if let wait = profile.overflowWait { arguments += ["--overflow-after", "\(wait / profile.calendar.speed)"] }
        for bot in profile.bots {
            for department in bot.departments { arguments += ["--bot", "\(department)=\(bot.resolvedShare)"] }
        }
        let server = try ChildServer.start(arguments: arguments)
        return ("127.0.0.1", server.port, server)
    }

    private func write(_ output: LiveRun.Output, document: RunDocument, to folder: String) throws {
        try ResultsFolder.write(document, timeSeriesCSV: { output.timeSeriesCSV }, agentsCSV: { output.agentsCSV }, to: folder)
    }

    private func printSummary(_ result: RunResult, folder: String) {
        let c = result.counts
        let m = result.metrics
        print("")
        print("run \(result.complete ? "complete" : "INCOMPLETE") — results in \(folder)")
        print(
            "visitors   arrived \(c.visitorsArrived), chatted \(c.chatsCompleted), abandoned \(c.chatsAbandoned), offline \(c.offlineTickets), bot \(c.botResolved), left at form \(c.leftAtForm), still active \(c.stillActive)"
        )
        // Sent but neither received, lost nor refused: on their way, or unanswered, when the run ended.
        let inFlight = c.messagesSent - c.messagesReceived - c.messagesLost - c.messagesRefused
        print(
            "messages   sent \(c.messagesSent), received \(c.messagesReceived), lost \(c.messagesLost), refused \(c.messagesRefused), duplicated \(c.messagesDuplicated), reordered \(c.messagesReordered), errors \(c.errors)"
                + (inFlight > 0 ? ", in flight at the end \(inFlight)" : "")
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
        if let refused = c.errorsByKind["unauthorized"], refused > 0 {
            print(
                "agents     \(refused) logins refused as unauthorized: the target takes another token (--agent-token TOKEN, or target.agentToken in the profile)"
            )
        }
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
}

/// A flag set from another thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

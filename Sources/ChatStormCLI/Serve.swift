import ArgumentParser
import ChatRouting
import ChatServer
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// `chatstorm serve`: the reference live-chat server on its own.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the reference live-chat server (native protocol v1) until SIGINT or SIGTERM.",
        discussion: """
            Endpoints: ws://HOST:PORT/v1/visitor, ws://HOST:PORT/v1/agent, http://HOST:PORT/health and \
            http://HOST:PORT/metrics (Prometheus). The bound port is printed alone on the first line of \
            standard output (useful with --port 0); logs go to standard error.
            """
    )

    @Option(help: "Interface to bind. Keep load on loopback.")
    var host = "127.0.0.1"

    @Option(help: "TCP port; 0 picks a free one.")
    var port = 8080

    @Option(help: "Event-loop threads serving connections (1 is the cheapest per message).")
    var threads = 1

    @Option(name: .customLong("agent-token"), help: "A token agents may log in with (repeatable).")
    var agentTokens: [String] = []

    @Option(help: "A file with one agent token per line (blank lines and # comments ignored).")
    var agentTokensFile: String?

    @Option(help: "Largest WebSocket frame accepted, in bytes; larger ones close the connection with 1009.")
    var maxFrameSize = 16 * 1024

    @Option(help: "Frames per second one connection may send on average.")
    var rateLimit = 100.0

    @Option(help: "Frames one connection may send in a burst.")
    var burst = 200.0

    @Option(help: "Assignment rule: least-loaded or fill-first.")
    var assignment: AssignmentOption = .leastLoaded

    @Option(name: .customLong("bot"), help: "A bot for a department: DEPARTMENT=SHARE_RESOLVED, e.g. faq=0.4 (repeatable).")
    var bots: [BotOption] = []

    @Option(help: "Seconds a visitor waits before translating agents of other languages may take its chat.")
    var overflowAfter: Double?

    /// The reference server's resume grace unless told otherwise (seconds).
    static let defaultResumeGrace = 15.0

    @Option(help: "Seconds a disconnected visitor's chat is kept for it to reconnect; one back later is told how it ended.")
    var resumeGrace = Serve.defaultResumeGrace

    @Option(help: "Hold every relayed chat message this many seconds (simulates a slow server; for checking latency measurement).")
    var relayDelay = 0.0

    @Option(
        help: ArgumentHelp(
            "Acknowledge this share of relayed chat messages (0 to 1) but never deliver them (a faulty server; for checking loss measurement).",
            valueName: "share"
        )
    )
    var dropMessages = 0.0

    @Option(help: "Seed for the routing's random choices (bot resolutions, dropped messages).")
    var seed: UInt64 = 1

    @Option(help: .hidden)
    var parentPID: Int32?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelOption = .notice

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535, got \(port)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        // 64 MiB at most: NIO's decoder takes up to 4 GiB and traps beyond, and no chat frame needs more.
        guard (256...64 * 1_048_576).contains(maxFrameSize) else {
            throw ValidationError("--max-frame-size must be from 256 bytes to 64 MiB (67108864), got \(maxFrameSize)")
        }
        guard rateLimit > 0, rateLimit.isFinite, burst >= 1, burst.isFinite else {
            throw ValidationError("--rate-limit must be a finite number > 0 and --burst a finite number >= 1")
        }
        // Durations in seconds, at most a day: they become nanosecond timers (a 1e10 s delay overflowed one).
        let day = 86_400.0
        if let overflowAfter, !(0...day).contains(overflowAfter) {
            throw ValidationError("--overflow-after must be from 0 to 86400 seconds, got \(overflowAfter)")
        }
        guard (0...day).contains(resumeGrace) else {
            throw ValidationError("--resume-grace must be from 0 to 86400 seconds, got \(resumeGrace)")
        }
        guard (0...day).contains(relayDelay) else {
            throw ValidationError("--relay-delay must be from 0 to 86400 seconds, got \(relayDelay)")
        }
        guard (0...1).contains(dropMessages) else {
            throw ValidationError("--drop-messages must be a share from 0 to 1, got \(dropMessages)")
        }
    }

    /// The token agents log in with when the server is given none; `chatstorm run --target` sends it when it is
    /// given none either, so the two work together out of the box.
    static let developmentToken = "chatstorm-dev"

    func run() async throws {
        FileLimits.raiseOpenFiles()
        var tokens = Set(agentTokens)
        if let agentTokensFile {
            tokens.formUnion(try Self.readTokens(agentTokensFile))
        }
        var logger = Logger(label: "chatstorm.server")
        logger.logLevel = logLevel.level
        if tokens.isEmpty {
            tokens = [Self.developmentToken]
            logger.notice("no --agent-token given: agents log in with the token \"\(Self.developmentToken)\"")
        }
        var configuration = ServerConfiguration(
            host: host,
            port: port,
            threads: threads,
            agentTokens: tokens,
            maxFrameSize: maxFrameSize,
            rateLimit: .init(framesPerSecond: rateLimit, burst: burst),
            resumeGrace: resumeGrace,
            routing: RoutingConfiguration(
                assignment: assignment.rule,
                bots: Dictionary(bots.map { ($0.department, .init(resolvedShare: $0.share)) }) { $1 },
                overflowAfter: overflowAfter
            ),
            seed: seed
        )
        configuration.relayDelay = relayDelay
        configuration.dropShare = dropMessages
        let serverLogger = logger
        let host = configuration.host
        let server = ChatServer(configuration: configuration, logger: logger) { port in
            FileHandle.standardOutput.write(Data("\(port)\n".utf8))
            serverLogger.notice("listening", metadata: ["host": "\(host)", "port": "\(port)"])
        }
        let group = ServiceGroup(
            services: [server],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        // Started by `chatstorm run` (--parent-pid): shut down once that process is gone, even killed by SIGKILL,
        // which leaves no chance to stop this one (the orphan is handed to another parent).
        let watch = parentPID.map { parent in
            Task {
                while getppid() == parent {
                    try await Task.sleep(for: .milliseconds(250))
                }
                await group.triggerGracefulShutdown()
            }
        }
        defer { watch?.cancel() }
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            FileHandle.standardError.write(Data("--port: \(host):\(port) is already in use\n".utf8))
            throw ExitCode.failure
        }
        logger.notice("stopped")
    }

    static func readTokens(_ path: String) throws -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("--agent-tokens-file: cannot read \(path)")
        }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}

enum AssignmentOption: String, ExpressibleByArgument, CaseIterable {
    case leastLoaded = "least-loaded"
    case fillFirst = "fill-first"

    var rule: RoutingConfiguration.Assignment { self == .leastLoaded ? .leastLoaded : .fillFirst }
}

struct BotOption: ExpressibleByArgument {
    var department: String
    var share: Double

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, let share = Double(parts[1]), (0...1).contains(share) else { return nil }
        department = String(parts[0])
        self.share = share
    }
}

enum LogLevelOption: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .notice }
}

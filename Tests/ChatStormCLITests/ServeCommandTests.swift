import Foundation
import Testing

@Suite("chatstorm serve", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct ServeCommandTests {
    @Test("a server started for a run (--parent-pid) stops when that process dies, even by SIGKILL")
    func stopsWithItsParent() async throws {
        let binary = try #require(chatstormBinary)
        let folder = try CLI.temporaryFolder("serve-parent")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("server.pid").path
        // A shell stands for `chatstorm run`: it starts the server with its own pid, writes the server's, waits.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c",
            "'\(binary.path)' serve --port 0 --log-level error --parent-pid $$ >/dev/null 2>&1 & echo $! > '\(pidFile)'; exec sleep 60",
        ]
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        // On a thread of its own: the polls below would hold one of the cooperative pool's threads.
        let outcome = try await onOwnThread { () -> (Int32, Bool, Bool) in
            let started = Date()
            var server: Int32?
            while server == nil, Date().timeIntervalSince(started) < 20 {
                server = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap {
                    Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
                }
                if server == nil { usleep(20_000) }
            }
            guard let server else { return (0, false, false) }
            let runningBefore = Self.isRunning(server)
            kill(shell.processIdentifier, SIGKILL)
            // Polled, not slept: the server checks its parent four times a second, then shuts down gracefully.
            let killed = Date()
            while Self.isRunning(server), Date().timeIntervalSince(killed) < 15 { usleep(20_000) }
            let runningAfter = Self.isRunning(server)
            if runningAfter { kill(server, SIGKILL) }
            return (server, runningBefore, runningAfter)
        }
        #expect(outcome.0 != 0, "the shell never wrote the server's pid")
        #expect(outcome.1, "the server was not running")
        #expect(!outcome.2, "the server outlived the process that started it")
    }

    @Test("a port in use is named with the flag")
    func portInUse() async throws {
        // Holds a listening socket on a free port of 127.0.0.1.
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(holder, $0, length) == 0 && getsockname(holder, $0, &length) == 0
            }
        }
        try #require(bound && listen(holder, 1) == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try await CLI.run(["serve", "--port", "\(port)", "--log-level", "error"])
        #expect(result.status == 1)
        #expect(result.error.contains("--port: 127.0.0.1:\(port) is already in use"), "\(result.error)")
    }

    @Test(
        "options out of range are command-line errors (64) naming the option, before the server starts",
        arguments: [
            ["--drop-messages", "1.5"], ["--drop-messages", "nan"], ["--relay-delay", "1e10"], ["--resume-grace", "86401"],
            ["--max-frame-size", "100"], ["--rate-limit", "inf"],
        ]
    )
    func outOfRange(option: [String]) async throws {
        let result = try await CLI.run(["serve", "--port", "0", "--log-level", "error"] + option)
        #expect(result.status == 64)
        #expect(result.error.contains(option[0]), "\(result.error)")
    }

    /// Whether `pid` is a live process (not gone, not a zombie waiting to be reaped).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}

@Suite("chatstorm schedule", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct ScheduleCommandTests {
    @Test("--csv writes through the path as a shell's > does: a symbolic link stays a link and its target gets the plan")
    func csvThroughALink() async throws {
        let folder = try CLI.temporaryFolder("schedule-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv")
        try Data("old".utf8).write(to: target)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try await CLI.run(["schedule", "Profiles/quickstart.yaml", "--csv", link.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("time,utc,region,local_time"))
        #expect(written.split(separator: "\n").count > 10)
    }
}

@Suite("chatstorm run options", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct RunOptionTests {
    @Test(
        "options out of range are command-line errors (64) naming the option, before anything runs",
        arguments: [
            ["--target", "127.0.0.1:70000"], ["--target", "127.0.0.1"], ["--target", ":8080"], ["--speed", "1e20"],
            ["--speed", "0"], ["--duration", "inf"],
        ]
    )
    func outOfRange(option: [String]) async throws {
        let result = try await CLI.run(["run", "Profiles/quickstart.yaml", "--no-history"] + option)
        #expect(result.status == 64)
        #expect(result.error.contains(option[0]), "\(result.error)")
    }
}

/// Runs blocking work on a thread of its own, off the cooperative pool.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

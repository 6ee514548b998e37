import Foundation
import Testing

@Suite("chatstorm serve", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct ServeCommandTests {
    @Test("a server started for a run (--parent-pid) stops when that process dies, even by SIGKILL")
    func stopsWithItsParent() throws {
        let binary = try #require(chatstormBinary)
        // A shell stands for `chatstorm run`: it starts the server with its own pid, prints the server's, waits.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "'\(binary.path)' serve --port 0 --log-level error --parent-pid $$ >/dev/null 2>&1 & echo $!; sleep 60"]
        let output = Pipe()
        shell.standardOutput = output
        try shell.run()
        let line = output.fileHandleForReading.availableData
        let server = try #require(Int32(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(server, SIGKILL) }
        #expect(Self.isRunning(server))
        kill(shell.processIdentifier, SIGKILL)
        shell.waitUntilExit()
        // Polled, not slept: the server checks its parent four times a second and then shuts down gracefully.
        let deadline = Date().addingTimeInterval(10)
        while Self.isRunning(server), Date() < deadline { usleep(20_000) }
        #expect(!Self.isRunning(server), "the server outlived the process that started it")
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
    func csvThroughALink() throws {
        let folder = try CLI.temporaryFolder("schedule-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.csv")
        try Data("old".utf8).write(to: target)
        let link = folder.appendingPathComponent("link.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try CLI.run(["schedule", "Profiles/quickstart.yaml", "--csv", link.path])
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
    func outOfRange(option: [String]) throws {
        let result = try CLI.run(["run", "Profiles/quickstart.yaml", "--no-history"] + option)
        #expect(result.status == 64)
        #expect(result.error.contains(option[0]), "\(result.error)")
    }
}

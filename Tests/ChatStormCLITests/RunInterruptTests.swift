import Foundation
import Testing

@Suite("chatstorm run, interrupted", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct RunInterruptTests {
    @Test("SIGINT ends the run with exit code 130 and writes what it measured, marked incomplete")
    func interrupt() async throws {
        let binary = try #require(chatstormBinary)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chatstorm-interrupt-\(getpid())")
        try? FileManager.default.removeItem(at: out)
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = repository
        process.arguments = ["run", "Profiles/quickstart.yaml", "--out", out.path, "--no-history"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the first progress lines: the run is measuring.
        var seen = ""
        while seen.components(separatedBy: "\n").count < 3 {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.contains("t="), "progress lines appear: \(seen)")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let data = try Data(contentsOf: out.appendingPathComponent("run.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["complete"] as? Bool == false)
        let counts = try #require(json["counts"] as? [String: Any])
        #expect((counts["visitorsArrived"] as? Int ?? 0) > 0)
        // The report is written too, and `chatstorm report` redraws the same page from run.json alone.
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(report.contains("data-status=\"incomplete\""))
        let redrawn = out.appendingPathComponent("redrawn.html")
        let again = Process()
        again.executableURL = binary
        again.arguments = ["report", out.path, "--output", redrawn.path]
        again.standardOutput = FileHandle.nullDevice
        try again.run()
        again.waitUntilExit()
        #expect(again.terminationStatus == 0)
        #expect(try String(contentsOf: redrawn, encoding: .utf8) == report)
        try? FileManager.default.removeItem(at: out)
    }
}

import Foundation
import Testing

/// `chatstorm run --target` against a `chatstorm serve` started on its own, as a newcomer does it in two shells.
@Suite(
    "chatstorm run against a separate serve",
    .timeLimit(.minutes(2)),
    .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built")
)
struct RunTargetTokenTests {
    /// Starts `chatstorm serve --port 0 EXTRA`, runs `body` with its port, stops it.
    private func withServer<T>(_ extra: [String], _ body: (Int) async throws -> T) async throws -> T {
        let binary = try #require(chatstormBinary)
        let server = Process()
        server.executableURL = binary
        server.arguments = ["serve", "--port", "0", "--log-level", "error"] + extra
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        // The port alone on the first line; read on a thread of its own (a blocking read).
        let reader = output.fileHandleForReading
        let port = try await onOwnThread { () -> Int? in
            var line = Data()
            while true {
                let byte = reader.readData(ofLength: 1)
                guard let first = byte.first, first != UInt8(ascii: "\n") else { break }
                line.append(first)
            }
            return Int(String(decoding: line, as: UTF8.self))
        }
        return try await body(try #require(port, "serve printed no port"))
    }

    private func run(port: Int, _ extra: [String] = []) async throws -> CLI.Result {
        let folder = try CLI.temporaryFolder("run-target")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await CLI.run(
            ["run", "Profiles/quickstart.yaml", "--target", "127.0.0.1:\(port)", "--duration", "3m", "--speed", "60"]
                + ["--out", folder.appendingPathComponent("out").path] + extra
        )
    }

    @Test("without --agent-token the run's agents log in to a serve given none")
    func developmentToken() async throws {
        let result = try await withServer([]) { port in try await run(port: port) }
        #expect(result.status == 0, "\(result.output)\n\(result.error)")
        #expect(!result.output.contains("unauthorized"), "\(result.output)")
        #expect(result.output.contains("errors 0"), "\(result.output)")
    }

    @Test("a target that takes another token: the summary says the agents were refused and names --agent-token")
    func otherToken() async throws {
        let refused = try await withServer(["--agent-token", "not-the-default"]) { port in try await run(port: port) }
        #expect(refused.output.contains("logins refused as unauthorized"), "\(refused.output)")
        #expect(refused.output.contains("--agent-token TOKEN"))
        let admitted = try await withServer(["--agent-token", "not-the-default"]) { port in
            try await run(port: port, ["--agent-token", "not-the-default"])
        }
        #expect(!admitted.output.contains("unauthorized"), "\(admitted.output)")
    }
}

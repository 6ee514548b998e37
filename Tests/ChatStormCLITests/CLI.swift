import Foundation

/// Runs the built `chatstorm` binary for the CLI tests.
enum CLI {
    /// The `chatstorm` binary that `swift build --build-tests` put next to the test bundle, if any.
    static var binary: URL? {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("chatstorm")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        let debug = repository.appendingPathComponent(".build/debug/chatstorm")
        return FileManager.default.isExecutableFile(atPath: debug.path) ? debug : nil
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs `chatstorm ARGUMENTS` in the repository (or `directory`) and waits for it. Its output goes to files (no pipe can
    /// fill up and block it) that are read afterwards.
    ///
    /// Awaits the process's end instead of blocking in `waitUntilExit`: the tests run on the cooperative pool (two
    /// threads here), and a blocked thread held back the live-engine tests running beside them.
    static func run(_ arguments: [String], in directory: URL = repository) async throws -> Result {
        let folder = try temporaryFolder("output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputURL = folder.appendingPathComponent("stdout")
        let errorURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputURL)
        let error = try FileHandle(forWritingTo: errorURL)
        defer {
            try? output.close()
            try? error.close()
        }
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = directory
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = error
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Result(
            status: process.terminationStatus,
            output: try String(contentsOf: outputURL, encoding: .utf8),
            error: try String(contentsOf: errorURL, encoding: .utf8)
        )
    }

    /// A new empty folder under the temporary directory.
    static func temporaryFolder(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chatstorm-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

import Foundation
import Testing

/// Every command's `--help` as a user reads it.
@Suite("help texts", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct HelpTextTests {
    static let commands: [[String]] = [
        [], ["run"], ["simulate"], ["report"], ["compare"], ["history"], ["serve"], ["validate"], ["schedule"], ["plan"],
        ["bench"], ["bench", "codec"], ["bench", "server"], ["bench", "arrivals"], ["bench", "simulator"],
        ["bench", "events"], ["bench", "routing"],
    ]

    @Test("no help text shows a stray backslash (a line continuation written as \\\\ in the source)", arguments: commands)
    func noStrayBackslash(_ command: [String]) async throws {
        let result = try await CLI.run(command + ["--help"])
        #expect(result.status == 0, "\(result.error)")
        let help = result.output + result.error
        #expect(help.contains("USAGE:"), "\(help)")
        let stray = help.split(separator: "\n").filter { $0.hasSuffix("\\") }
        #expect(stray.isEmpty, "chatstorm \(command.joined(separator: " ")) --help: \(stray)")
    }
}

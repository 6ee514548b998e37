import ArgumentParser
import Foundation
import Reporting

/// `chatstorm history`: the recorded runs, newest first, with trends.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List recorded runs with their verdicts and the trend of key figures.",
        discussion: """
            Every `chatstorm run` records a summary in the history database (Results/history.sqlite unless \\
            --history or --no-history says otherwise). Arrows compare a figure with the previous run of the \\
            same profile: ↑ up, ↓ down, → within ±5%.
            """
    )

    @Option(help: "Only runs of this profile (its name).")
    var profile: String?

    @Option(help: "At most this many runs.")
    var limit = 20

    @Option(help: ArgumentHelp("The run-history database.", valueName: "FILE"))
    var history = RunHistory.defaultPath

    func validate() throws {
        guard (1...1_000_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000000, got \(limit)") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: history) else {
            print("no runs recorded (\(history) does not exist)")
            return
        }
        do {
            // One more than shown, so that the oldest shown run has a trend too.
            let runs = try RunHistory(path: history).runs(profile: profile, limit: limit + 1)
            print(HistoryTable.text(runs, limit: limit), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("cannot read the run history \(history): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
    }
}

import ArgumentParser
import Foundation
import LoadMetrics
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

    @Option(help: "Only runs of this profile: its name, with the factor for runs at another --scale ('quickstart x3').")
    var profile: String?

    @Option(help: "At most this many runs.")
    var limit = 20

    @Option(help: ArgumentHelp("The run-history database.", valueName: "FILE"))
    var history = RunHistory.defaultPath

    func validate() throws {
        guard (1...1_000_000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000000, got \(limit)") }
    }

    /// A profile as the history names it: `quickstart x3` (or `×3`, `*3`) is the label of runs at `--scale 3`.
    static func label(_ profile: String) -> String {
        guard let space = profile.lastIndex(of: " ") else { return profile }
        let factor = profile[profile.index(after: space)...]
        guard let sign = factor.first, "x×*".contains(sign), let scale = Double(factor.dropFirst()) else { return profile }
        return RunResult.Profile(name: String(profile[..<space]), sha256: "", arrivalScale: scale).label
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: history) else {
            print("no runs recorded (\(history) does not exist)")
            return
        }
        do {
            // One more than shown, so that the oldest shown run has a trend too.
            let runs = try RunHistory(path: history).runs(profile: profile.map(Self.label), limit: limit + 1)
            print(HistoryTable.text(runs, limit: limit), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("cannot read the run history \(history): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
    }
}

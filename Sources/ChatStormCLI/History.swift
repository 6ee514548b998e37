import ArgumentParser
import Foundation
import LoadMetrics
import Reporting

/// `chatstorm history`: the recorded runs, newest first, with trends.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List recorded runs with their verdicts and the trend of key figures.",
        discussion: """
            Every `chatstorm run` records a summary in the history database (Results/history.sqlite unless \
            --history or --no-history says otherwise). Arrows compare a figure with the previous run of the \
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

    /// A profile as the history names it: `quickstart x3` (or `X3`, `×3`, `*3`) is the label of runs at `--scale 3`,
    /// `quickstart x1` the plain name.
    static func label(_ profile: String) -> String {
        let trimmed = profile.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.lastIndex(of: " ") else { return profile }
        let factor = trimmed[trimmed.index(after: space)...]
        guard let sign = factor.first, "xX×*".contains(sign), let scale = Double(factor.dropFirst()), scale > 0 else {
            return profile
        }
        let name = trimmed[..<space].trimmingCharacters(in: .whitespaces)
        return RunResult.Profile(name: name, sha256: "", arrivalScale: scale == 1 ? nil : scale).label
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: history) else {
            print("no runs recorded (\(history) does not exist)")
            return
        }
        do {
            // One more than shown, so that the oldest shown run has a trend too.
            let database = try RunHistory(path: history)
            // The name as written first: a profile may be called "promo x2" itself.
            var runs = try database.runs(profile: profile, limit: limit + 1)
            if runs.isEmpty, let profile, Self.label(profile) != profile {
                runs = try database.runs(profile: Self.label(profile), limit: limit + 1)
            }
            print(HistoryTable.text(runs, limit: limit), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("cannot read the run history \(history): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
    }
}

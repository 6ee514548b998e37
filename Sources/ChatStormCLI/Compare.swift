import ArgumentParser
import Foundation
import LoadMetrics
import Reporting

/// `chatstorm compare BASELINE RUN`: the change of every key metric, failing on a regression past its tolerance.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare a run against a baseline run and fail on regressions.",
        discussion: """
            Compares every key metric of two runs' run.json (latency percentiles from the histograms, rates, \
            counts). A metric regresses when it gets worse by more than its tolerance. Defaults: latencies +10% \
            (and more than 1 ms), abandonment_rate and service_level 0.01 absolute, errors and lost, duplicated \
            or reordered messages +0; arrivals and throughput are shown only. --tolerance overrides: \
            'p99 +10%' (that aggregate of every latency), 'queue_wait.p90 +5s', 'queue_wait +20%' (all of \
            it), 'abandonment_rate +0.02', 'errors +2', 'default +15%'.
            --baseline last-passing takes the newest complete run of the same profile whose thresholds passed \
            from the run history.
            Exit codes: 0 no regression; 64 invalid command line; 65 a run.json cannot be read or no baseline \
            was found; 99 a regression past its tolerance.
            """
    )

    @Argument(help: "BASELINE_RUN RUN (run folders or run.json files), or only RUN with --baseline.")
    var runs: [String]

    @Option(help: ArgumentHelp("The baseline: a run folder, or last-passing (from the history).", valueName: "RUN|last-passing"))
    var baseline: String?

    @Option(help: ArgumentHelp("A tolerance, e.g. 'p99 +10%' or 'errors +0' (repeatable).", valueName: "METRIC +AMOUNT"))
    var tolerance: [String] = []

    @Option(help: "Output format: text, markdown or json.")
    var format: Format = .text

    /// `RunComparison.Format` as an argument.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json

        var comparisonFormat: RunComparison.Format {
            switch self {
            case .text: .text
            case .markdown: .markdown
            case .json: .json
            }
        }
    }

    @Option(help: ArgumentHelp("The run-history database, for --baseline last-passing.", valueName: "FILE"))
    var history = RunHistory.defaultPath

    func validate() throws {
        let expected = baseline == nil ? 2 : 1
        guard runs.count == expected else {
            throw ValidationError(baseline == nil ? "give BASELINE_RUN and RUN (or --baseline and RUN)" : "with --baseline, give only RUN")
        }
        for text in tolerance { _ = try Self.tolerance(text) }
    }

    static func tolerance(_ text: String) throws -> Tolerance {
        do {
            return try Tolerance.parse(text)
        } catch {
            throw ValidationError("--tolerance '\(text)': \(error.message)")
        }
    }

    func run() throws {
        let runPath = runs.last!
        let current = try Self.load(runPath)
        let baselinePath = try baselineRun(for: current, at: runPath)
        let base = try Self.load(baselinePath)
        // Different profiles, scales, modes or service-level times are said in the comparison's notes, in every format.
        let comparison = RunComparison(baseline: base.result, current: current.result, tolerances: try tolerance.map(Self.tolerance))
        print(try comparison.rendered(format.comparisonFormat, baseline: baselinePath, current: runPath), terminator: "")
        if !comparison.regressions.isEmpty { throw ExitCode.thresholdsFailed }
    }

    private func baselineRun(for current: RunDocument, at path: String) throws -> String {
        guard let baseline else { return runs[0] }
        guard baseline == "last-passing" else { return baseline }
        let found: RunSummary?
        do {
            found = try RunHistory(path: history).lastPassing(profile: current.result.profile.label, excluding: Self.folder(path))
        } catch {
            FileHandle.standardError.write(Data("cannot read the run history \(history): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
        guard let found else {
            FileHandle.standardError.write(Data("no passing run of profile \(current.result.profile.label) in \(history)\n".utf8))
            throw ExitCode.invalidInput
        }
        return found.folder
    }

    /// The folder of a run given as a folder (with or without a trailing slash) or as its run.json, as the
    /// history stores it.
    static func folder(_ path: String) -> String {
        var folder = path.hasSuffix("run.json") ? String(path.dropLast("run.json".count)) : path
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? "." : folder
    }

    static func load(_ path: String) throws -> RunDocument {
        do {
            return try RunDocument(contentsOf: path)
        } catch {
            FileHandle.standardError.write(Data("cannot read the run \(path): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
    }
}

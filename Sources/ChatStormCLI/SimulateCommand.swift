import ArgumentParser
import Foundation
import LoadMetrics
import Reporting
import Simulator
import Workload

/// `chatstorm simulate PROFILE`: the profile in virtual time, written like a live run (mode `sim`).
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a profile in virtual time (discrete-event simulation) with the same behaviour and routing.",
        discussion: """
            Results go to Results/<yyyyMMdd-HHmmss>-<profile>-sim/ (or --out): run.json (mode "sim"), \
            timeseries.csv (one row per simulated second), agents.csv and .hgrm files. With --replications N, \
            N independent seeds split from the seed are run; each key figure is printed with its mean and 95% \
            confidence interval (Student t) and written to replications.json, run.json holds the replications \
            merged and the tables are the first replication's. Exit codes: 0 done; 65 invalid profile; 73 results \
            cannot be written.
            """
    )

    @Argument(help: "The traffic profile (YAML).")
    var profile: String

    @Option(help: "Seed of every random choice (default: the profile's).")
    var seed: UInt64?

    @Option(help: "Independent replications (seeds split from the seed).")
    var replications = 1

    @Option(help: "Results folder (default: Results/<yyyyMMdd-HHmmss>-<profile>-sim).")
    var out: String?

    @Option(help: "Simulated duration instead of the profile's, e.g. 90s, 5m, 2h, 1d.")
    var duration: String?

    @Option(
        help: ArgumentHelp(
            "Network and server delay of every delivery: seconds, a duration or a distribution as in a profile.",
            discussion: "E.g. 0.05, 50ms, \"{exponential: 30ms}\", \"{lognormal: {median: 20ms, p95: 80ms}}\".",
            valueName: "delay"
        )
    )
    var delay = "0"

    func validate() throws {
        if let duration, RunCommand.seconds(duration) == nil {
            throw ValidationError("--duration: \"\(duration)\" is not a duration (use 90s, 5m, 2h, 1d)")
        }
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1") }
        do {
            _ = try ProfileLoader.durationDistribution(delay, source: "--delay")
        } catch {
            throw ValidationError(error.issues.map(\.description).joined(separator: "\n"))
        }
    }

    func run() throws {
        var loaded = try loadProfile(profile)
        if let duration, let seconds = RunCommand.seconds(duration) { loaded.calendar.duration = seconds }
        let delay = try ProfileLoader.durationDistribution(delay, source: "--delay")
        let configuration = SimulationConfiguration(profile: loaded, seed: seed, delay: delay)
        let sha = RunCommand.sha256(ofFile: profile)
        let folder = out ?? ResultsFolder.defaultPath(profile: loaded.name, mode: .sim)
        let started = ContinuousClock.now
        var first: Simulation.Output?
        var events = 0
        let runs: Replications
        do {
            runs = try Replications.run(configuration, count: replications) { index, output in
                if index == 0 { first = output }
                events += output.events
            }
        } catch {
            FileHandle.standardError.write(Data("\(profile): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
        let elapsed = started.duration(to: .now)
        guard var result = replications == 1 ? runs.results.first : runs.merged, let first else { return }
        result.seed = configuration.seed
        result.profile.sha256 = sha
        if let stats = ProcessStats.current {
            result.generator.cpuSeconds = stats.cpuSeconds
            result.generator.peakRSSBytes = stats.peakRSSBytes
        }
        // The profile's thresholds are evaluated on the simulated run too (shown in its report and run.json), so
        // a capacity plan can be gated like a live run; a simulation's exit code does not depend on them.
        let evaluated = loaded.thresholds.isEmpty ? nil : ThresholdEvaluator.evaluate(loaded.thresholds, on: result)
        let document = RunDocument(result: result, stopReason: .finished, thresholds: evaluated)
        try ResultsFolder.write(document, timeSeriesCSV: first.timeSeriesCSV, agentsCSV: first.agentsCSV, to: folder)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(
            "simulated \(replications) × \(Self.span(loaded.calendar.duration)) of \(loaded.name) in \(String(format: "%.2f", seconds)) s (\(events) events) — results in \(folder)"
        )
        SimulationSummary.print(result)
        if replications > 1 {
            SimulationSummary.printEstimates(runs)
            try ResultsFolder.write(
                try SimulationSummary.replicationsJSON(runs, seed: configuration.seed),
                named: "replications.json",
                to: folder
            )
        }
    }

    static func span(_ seconds: Double) -> String {
        seconds.truncatingRemainder(dividingBy: 3600) == 0 ? "\(Int(seconds / 3600)) h" : "\(Int(seconds)) s"
    }
}

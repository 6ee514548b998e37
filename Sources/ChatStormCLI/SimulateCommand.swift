import ArgumentParser
import Foundation
import LoadMetrics
import Reporting
import Simulator
import Synchronization
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
            merged and the tables are the first replication's. SIGINT or SIGTERM ends the simulation where it \
            got to: what it simulated is written, marked incomplete (stop reason "interrupted"). Exit codes: 0 done; \
            64 invalid command line; 65 invalid profile; 73 results cannot be written; 130 interrupted.
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

    @Option(help: "Simulated duration instead of the profile's, e.g. 500ms, 90s, 1h30m, 1d (at most 31 days).")
    var duration: String?

    @OptionGroup var arrivalScale: ArrivalScale

    @Option(
        help: ArgumentHelp(
            "Network and server delay of every delivery: seconds, a duration or a distribution as in a profile.",
            discussion: "E.g. 0.05, 50ms, \"{exponential: 30ms}\", \"{lognormal: {median: 20ms, p95: 80ms}}\".",
            valueName: "delay"
        )
    )
    var delay = "0"

    func validate() throws {
        if let duration { try RunCommand.validateDuration(duration, flag: "--duration") }
        guard replications >= 1 else { throw ValidationError("--replications must be at least 1") }
        do {
            _ = try ProfileLoader.durationDistribution(delay, source: "--delay")
        } catch {
            throw ValidationError(error.issues.map(\.description).joined(separator: "\n"))
        }
    }

    func run() throws {
        var loaded = try arrivalScale.applied(to: loadProfile(profile, recordsPerSecond: duration == nil))
        if let duration, let seconds = RunCommand.seconds(duration) { loaded.calendar.duration = seconds }
        let delay = try ProfileLoader.durationDistribution(delay, source: "--delay")
        let configuration = SimulationConfiguration(profile: loaded, seed: seed, delay: delay)
        let sha = RunCommand.sha256(ofFile: profile)
        let folder = out ?? ResultsFolder.defaultPath(profile: loaded.name, mode: .sim)
        let control = SimulationControl(progress: ProgressLine(duration: loaded.calendar.duration).report)
        let signals = Self.trapInterrupts { control.requestStop() }
        defer { signals.forEach { $0.cancel() } }
        // Unbuffered: a caller waiting for this line knows the interrupt handlers are in place.
        FileHandle.standardOutput.write(
            Data("simulating \(replications) × \(Self.span(loaded.calendar.duration)) of \(loaded.name)\(arrivalScale.suffix)…\n".utf8)
        )
        let started = ContinuousClock.now
        var first: Simulation.Output?
        var events = 0
        let runs: Replications
        do {
            runs = try Replications.run(configuration, count: replications, control: control) { index, output in
                if index == 0 { first = output }
                events += output.events
            }
        } catch {
            FileHandle.standardError.write(Data("\(profile): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
        let elapsed = started.duration(to: .now)
        let interrupted = control.isStopRequested || runs.results.contains { !$0.complete }
        guard var result = runs.results.count == 1 ? runs.results.first : runs.merged, let first else {
            FileHandle.standardError.write(Data("interrupted before anything was simulated; nothing written\n".utf8))
            throw ExitCode.interrupted
        }
        result.seed = configuration.seed
        result.profile.sha256 = sha
        result.profile.arrivalScale = arrivalScale.recorded
        if let stats = ProcessStats.current {
            result.generator.cpuSeconds = stats.cpuSeconds
            result.generator.peakRSSBytes = stats.peakRSSBytes
        }
        // The profile's thresholds are evaluated on the simulated run too (shown in its report and run.json), so
        // a capacity plan can be gated like a live run; a simulation's exit code does not depend on them.
        let evaluated = loaded.thresholds.isEmpty ? nil : ThresholdEvaluator.evaluate(loaded.thresholds, on: result)
        let document = RunDocument(result: result, stopReason: interrupted ? .interrupted : .finished, thresholds: evaluated)
        try ResultsFolder.write(document, timeSeriesCSV: { first.timeSeriesCSV }, agentsCSV: { first.agentsCSV }, to: folder)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        // Interrupted: how far the first replication got, and how many replications started.
        let simulated =
            interrupted
            ? "\(runs.results.count) of \(replications) × (interrupted at \(Int(first.simulatedSeconds)) s of \(Self.span(loaded.calendar.duration)))"
            : "\(replications) × \(Self.span(loaded.calendar.duration))"
        print(
            "simulated \(simulated) of \(loaded.name)\(arrivalScale.suffix) in \(String(format: "%.2f", seconds)) s (\(events) events) — results in \(folder)"
        )
        SimulationSummary.print(result)
        if interrupted { throw ExitCode.interrupted }
        if replications > 1 {
            SimulationSummary.printEstimates(runs)
            try ResultsFolder.write(
                try SimulationSummary.replicationsJSON(runs, seed: configuration.seed),
                named: "replications.json",
                to: folder
            )
        }
    }

    /// Ignores SIGINT and SIGTERM's default action and calls `handler` on a queue of its own when one arrives.
    /// Cancel the sources to stop listening. (Not the global queue: replications occupy its threads, one per core,
    /// and the handler would wait for them to finish.)
    static func trapInterrupts(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        let queue = DispatchQueue(label: "chatstorm.simulate.signals")
        return [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    static func span(_ seconds: Double) -> String {
        if seconds.truncatingRemainder(dividingBy: 3600) == 0 { return "\(Int(seconds / 3600)) h" }
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.3g s", seconds)
    }
}

/// At most one line a second while a long simulation runs: how far a replication got.
final class ProgressLine: Sendable {
    let duration: Double
    private let last = Mutex(ContinuousClock.now)

    init(duration: Double) {
        self.duration = duration
    }

    func report(_ simulated: Double) {
        let now = ContinuousClock.now
        let due = last.withLock { last in
            guard now - last >= .seconds(1) else { return false }
            last = now
            return true
        }
        guard due else { return }
        let share = duration > 0 ? simulated / duration * 100 : 100
        // Unbuffered, so the lines appear as they happen in CI logs too.
        FileHandle.standardOutput.write(
            Data("t=\(Int(simulated))s simulated (\(String(format: "%.0f", share)) %)\n".utf8)
        )
    }
}

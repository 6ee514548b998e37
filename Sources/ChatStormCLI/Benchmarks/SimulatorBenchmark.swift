import ArgumentParser
import Foundation
import LoadMetrics
import Simulator
import Workload

/// `chatstorm bench simulator`: how fast the simulator runs a big day (events per second, wall time).
struct SimulatorBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulator",
        abstract: "Time the simulation of a profile: events per second and wall time (build with -c release).",
        discussion: """
            Without a profile, Profiles/sim-1m.yaml: a 24-hour follow-the-sun day with a million chats \
            requested. An event is one item taken from the event queue (an arrival, a machine timer, a frame \
            delivered to a visitor or an agent, a handling completion, a per-second sample). The recorder runs \
            on a second thread unless --recorder-inline; the CPU time counts both. With --replications N, \
            N independent seeds run as `simulate --replications N` runs them (as many at once as there are \
            cores, each recording in line when they fill the cores), and the events per second are all of \
            theirs over the wall time of all.
            """
    )

    @Argument(help: "A profile (default: Profiles/sim-1m.yaml).")
    var profile = "Profiles/sim-1m.yaml"

    @Option(help: "Seed of the simulation.")
    var seed: UInt64?

    @Option(help: "Repetitions; the fastest is reported.")
    var repetitions = 1

    @Option(help: "Simulated duration instead of the profile's, e.g. 2h.")
    var duration: String?

    @ArgumentParser.Flag(help: "Record on the simulation's own thread instead of a second one.")
    var recorderInline = false

    @Option(help: "Independent replications run side by side, as `simulate --replications` runs them (1: one run).")
    var replications = 1

    func validate() throws {
        if let duration { try RunCommand.validateDuration(duration, flag: "--duration") }
        guard (1...10_000).contains(replications) else {
            throw ValidationError("--replications must be 1 to 10000, not \(replications)")
        }
    }

    func run() throws {
        var loaded = try loadProfile(profile, recordsPerSecond: duration == nil)
        if let duration, let seconds = RunCommand.seconds(duration) { loaded.calendar.duration = seconds }
        let configuration = SimulationConfiguration(profile: loaded, seed: seed)
        if replications > 1 {
            try runReplications(configuration)
            return
        }
        let (best, bestCPU, output) = try Self.fastest(of: repetitions) {
            var simulation = try Simulation(configuration: configuration)
            return simulation.run(recorderThread: !recorderInline)
        }
        let c = output.result.counts
        print("profile            \(loaded.name), seed \(configuration.seed), \(loaded.calendar.duration / 3600) h simulated")
        print(
            "visitors           \(c.visitorsArrived) arrived, \(c.chatsRequested) chats requested, \(c.chatsAssigned) assigned, \(c.messagesSent) messages"
        )
        print(String(format: "wall time          %.3f s (fastest of %d)", best, max(1, repetitions)))
        let threads = recorderInline ? "one thread" : "simulation and recorder threads"
        print(String(format: "cpu time           %.2f s", bestCPU) + " (\(threads))")
        print(
            String(
                format: "events             %d, %.2f M events/s, %.0f ns per event",
                output.events,
                Double(output.events) / best / 1e6,
                best / Double(max(1, output.events)) * 1e9
            )
        )
        if let stats = ProcessStats.current { print("peak RSS           \(stats.peakRSSBytes / 1_048_576) MiB") }
    }
}

extension SimulatorBench {
    /// `--replications N`: the fastest of the repetitions of all N, and the events of all of them.
    func runReplications(_ configuration: SimulationConfiguration) throws {
        let (best, bestCPU, (events, requested)) = try Self.fastest(of: repetitions) {
            var (events, chats) = (0, 0)
            _ = try Replications.run(configuration, count: replications, keepingResults: false) { _, output in
                events += output.events
                chats += output.result.counts.chatsRequested
            }
            return (events, chats)
        }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let profile = configuration.profile
        print("profile            \(profile.name), seed \(configuration.seed), \(profile.calendar.duration / 3600) h simulated")
        print(
            "replications       \(replications), up to \(min(cores, replications)) at once on \(cores) cores, \(requested) chats requested in all"
        )
        print(
            String(
                format: "wall time          %.3f s for all (fastest of %d), %.3f s per replication",
                best,
                max(1, repetitions),
                best / Double(replications)
            )
        )
        print(String(format: "cpu time           %.2f s", bestCPU))
        print(
            String(
                format: "events             %d in all, %.2f M events/s",
                events,
                Double(events) / best / 1e6
            )
        )
        if let stats = ProcessStats.current { print("peak RSS           \(stats.peakRSSBytes / 1_048_576) MiB") }
    }

    /// Runs `body` `repetitions` times (at least once): the fastest wall time, the process's CPU time in that
    /// repetition, and the last repetition's result.
    static func fastest<T>(of repetitions: Int, _ body: () throws -> T) rethrows -> (seconds: Double, cpu: Double, result: T) {
        var best = Double.infinity
        var bestCPU = Double.nan
        var result: T?
        for _ in 0..<max(1, repetitions) {
            let cpuBefore = ProcessStats.current?.cpuSeconds
            let started = ContinuousClock.now
            result = try body()
            let seconds = started.duration(to: .now).seconds
            if seconds < best {
                best = seconds
                bestCPU = (ProcessStats.current?.cpuSeconds).flatMap { after in cpuBefore.map { after - $0 } } ?? .nan
            }
        }
        return (best, bestCPU, result!)
    }
}

/// `chatstorm bench events`: the simulator's event set alone, under the hold model.
struct EventsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Time the simulator's event set alone under the hold model (build with -c release).",
        discussion: """
            The classic benchmark of a pending-event set: IN-FLIGHT events are scheduled, then the earliest is \
            taken and one scheduled in its place at its time plus an exponential draw of mean 1, HOLDS times. \
            The simulator's own event queue and events, with one draw per event and nothing else: what a \
            simulated day costs beyond it is the model (machines, routing, recorder). The default in-flight \
            count is about the most events Profiles/sim-1m.yaml holds at once.
            """
    )

    @Option(help: "Events scheduled at any time.")
    var inFlight = 16_384

    @Option(help: "Events taken (and as many scheduled).")
    var holds = 20_000_000

    @Option(help: "Repetitions; the fastest is reported.")
    var repetitions = 3

    @Option(help: "Seed of the draws.")
    var seed: UInt64 = 1

    func validate() throws {
        guard inFlight > 0 else { throw ValidationError("--in-flight must be at least 1") }
        guard holds > 0 else { throw ValidationError("--holds must be at least 1") }
    }

    func run() throws {
        var best = Double.infinity
        var last = 0.0
        for _ in 0..<max(1, repetitions) {
            let started = ContinuousClock.now
            last = HoldModel.run(inFlight: inFlight, holds: holds, seed: seed)
            let elapsed = started.duration(to: .now)
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        print("hold model         \(inFlight) events in flight, \(holds) taken, clock at \(String(format: "%.1f", last))")
        print(String(format: "wall time          %.3f s (fastest of %d)", best, max(1, repetitions)))
        print(
            String(format: "events             %.2f M events/s, %.1f ns per event", Double(holds) / best / 1e6, best / Double(holds) * 1e9)
        )
    }
}

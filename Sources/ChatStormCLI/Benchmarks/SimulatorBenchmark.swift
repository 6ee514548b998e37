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
            Without a profile, Profiles/sim-1m.yaml: a 24-hour follow-the-sun day with about a million \
            visitors. An event is one item taken from the event heap (an arrival, a machine timer, a frame \
            delivered to a visitor or an agent, a handling completion, a per-second sample). The recorder runs \
            on a second thread unless --recorder-inline; the CPU time counts both.
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

    func run() throws {
        var loaded = try loadProfile(profile)
        if let duration, let seconds = RunCommand.seconds(duration) { loaded.calendar.duration = seconds }
        let configuration = SimulationConfiguration(profile: loaded, seed: seed)
        var best = Double.infinity
        var bestCPU = Double.nan
        var output: Simulation.Output?
        for _ in 0..<max(1, repetitions) {
            let cpuBefore = ProcessStats.current?.cpuSeconds
            let started = ContinuousClock.now
            var simulation = try Simulation(configuration: configuration)
            output = simulation.run(recorderThread: !recorderInline)
            let elapsed = started.duration(to: .now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if seconds < best {
                best = seconds
                bestCPU = (ProcessStats.current?.cpuSeconds).flatMap { after in cpuBefore.map { after - $0 } } ?? .nan
            }
        }
        guard let output else { return }
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

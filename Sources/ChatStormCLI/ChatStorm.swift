import ArgumentParser

/// `chatstorm`: load testing and simulation for live-chat support systems.
@main
struct ChatStorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatstorm",
        abstract: "Load testing and simulation for live-chat support systems.",
        discussion: """
            Exit codes: 0 success; 1 other failure; 64 invalid command line; 65 invalid profile or input; \
            69 target unreachable; 73 an output file cannot be written; 99 thresholds failed or a regression \
            (compare); 130 interrupted.
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, SimulateCommand.self, ReportCommand.self, Compare.self, History.self, Serve.self, Validate.self, Schedule.self,
            Bench.self, Plan.self,
        ]
    )
}

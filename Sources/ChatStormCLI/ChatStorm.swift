import ArgumentParser

/// `chatstorm`: load testing and simulation for live-chat support systems.
@main
struct ChatStorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatstorm",
        abstract: "Load testing and simulation for live-chat support systems.",
        discussion: """
            Exit codes: 0 success; 1 other failure; 64 invalid command line; 65 invalid profile or input;             73 an output file cannot be written.
            """,
        version: "0.1.0",
        subcommands: [RunCommand.self, SimulateCommand.self, Serve.self, Validate.self, Schedule.self, Bench.self]
    )
}

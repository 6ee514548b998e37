import ArgumentParser

/// `chatstorm`: load testing and simulation for live-chat support systems.
@main
struct ChatStorm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chatstorm",
        abstract: "Load testing and simulation for live-chat support systems.",
        discussion: """
            Exit codes: 0 success; 64 invalid command line; 70 internal error.
            """,
        version: "0.1.0",
        subcommands: [Serve.self, Bench.self]
    )
}

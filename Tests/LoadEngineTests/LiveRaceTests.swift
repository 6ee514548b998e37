import ChatServer
import ChatStormTesting
import LoadEngine
import LoadMetrics
import NIOCore
import NIOPosix
import Testing
import Workload

/// Visitors who give up within moments of asking, and agents who answer at once: leaving crosses the assignment,
/// and the agent's first message, on the wire all the time.
private func racingProfile(seed: UInt64) -> Profile {
    var profile = engineTestProfile(name: "race", duration: 300, visitorsPerHour: 3_000, sales: 0.5, agents: 2, seed: seed)
    profile.agents.sites[0].replyTime = .constant(0)
    profile.visitors.patience = .exponential(mean: 5)
    return profile
}

@Suite("Live engine when an end crosses a message on the wire", .timeLimit(.minutes(1)))
struct LiveRaceTests {
    /// The run's result, and how many chats the server saw end, assigned or not (its own counters).
    private func run(_ profile: Profile, relayDelay: Double = 0) async throws -> (result: RunResult, serverEnds: Double) {
        var server = ServerConfiguration(agentTokens: ["test-token"])
        server.relayDelay = relayDelay
        return try await withChatServer(server) { port in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let run = try LiveRun(configuration: EngineConfiguration(profile: profile, port: port, agentToken: "test-token"), group: group)
            let output = try await run.run()
            try await group.shutdownGracefully()
            let metrics = try await Exposition.scrape(port: port)
            let ends =
                try #require(metrics["chatstorm_server_chats_abandoned_total"])
                + (try #require(metrics["chatstorm_server_chats_ended_total"]))
            return (output.result, ends)
        }
    }

    @Test(
        "every message is received, lost or refused; no refusal of a crossed message is an error",
        arguments: [1, 2] as [UInt64]
    )
    func leavingCrossesAssignment(seed: UInt64) async throws {
        let result = try await run(racingProfile(seed: seed)).result
        let counts = result.counts
        #expect(counts.chatsAbandoned > 20)
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(counts.messagesLost == 0)
    }

    @Test("a visitor that gives up before the server names its chat leaves the chat once it is named")
    func leavingBeforeTheChatIsNamed() async throws {
        // No patience at all: every visitor gives up as it asks, before `queued` or `assigned` can name its chat.
        var profile = racingProfile(seed: 4)
        profile.visitors.patience = .constant(0)
        let (result, serverEnds) = try await run(profile)
        #expect(result.counts.chatsAbandoned > 50)
        #expect(result.counts.chatsCompleted == 0)
        // The server saw every one of those chats end (as abandoned, or ended if it had been assigned), but those
        // of the visitors who gave up in the last round trip (their chat was named after the cut-off). A visitor
        // that closed without leaving would leave its chat to the 15 s resume grace, longer than this run, where it
        // takes an agent's room.
        #expect(serverEnds >= Double(result.counts.chatsAbandoned - 2))
    }

    @Test("a visitor's message that crosses the agent's idle end is refused: counted as refused, not as an error")
    func messageCrossesIdleEnd() async throws {
        // Agents end a chat 300 s after their last reply; these visitors think 290–300 s and type for a few more, so
        // about half their first messages go out after the end. The server holds relayed frames (and an end, behind
        // them) 200 ms, 12 simulated seconds: the visitor learns of the end only after it has sent.
        var profile = engineTestProfile(name: "idle", duration: 480, visitorsPerHour: 600, sales: 0.5, agents: 10, seed: 3)
        profile.visitors.thinkTime = .uniform(min: 290, max: 300)
        profile.visitors.patience = .constant(3_600)
        let result = try await run(profile, relayDelay: 0.2).result
        let counts = result.counts
        #expect(counts.messagesRefused > 0)
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(counts.messagesLost == 0)
    }
}

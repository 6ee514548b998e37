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
    private func run(_ profile: Profile, relayDelay: Double = 0) async throws -> RunResult {
        var server = ServerConfiguration(agentTokens: ["test-token"])
        server.relayDelay = relayDelay
        return try await withChatServer(server) { port in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let run = try LiveRun(configuration: EngineConfiguration(profile: profile, port: port, agentToken: "test-token"), group: group)
            let output = try await run.run()
            try await group.shutdownGracefully()
            return output.result
        }
    }

    @Test(
        "every message is received, lost or refused; no refusal of a crossed message is an error; no chat outlives its visitor",
        arguments: [1, 2] as [UInt64]
    )
    func leavingCrossesAssignment(seed: UInt64) async throws {
        let result = try await run(racingProfile(seed: seed))
        let counts = result.counts
        #expect(counts.chatsAbandoned > 20)
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(counts.messagesLost == 0)
        // A visitor that left before its chat was named still leaves it: the two agents are not held by chats
        // nobody is in, so most visitors who stay are answered.
        #expect(counts.chatsAssigned > counts.chatsAbandoned)
    }

    @Test("a visitor's message that crosses the agent's idle end is refused: counted as refused, not as an error")
    func messageCrossesIdleEnd() async throws {
        // Agents end a chat 300 s after their last reply; these visitors think 290–300 s and type for a few more, so
        // about half their first messages go out after the end. The server holds relayed frames (and an end, behind
        // them) 200 ms, 12 simulated seconds: the visitor learns of the end only after it has sent.
        var profile = engineTestProfile(name: "idle", duration: 480, visitorsPerHour: 600, sales: 0.5, agents: 10, seed: 3)
        profile.visitors.thinkTime = .uniform(min: 290, max: 300)
        profile.visitors.patience = .constant(3_600)
        let result = try await run(profile, relayDelay: 0.2)
        let counts = result.counts
        #expect(counts.messagesRefused > 0)
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(counts.messagesLost == 0)
    }
}

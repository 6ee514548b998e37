import ChatRouting
import ChatServer
import ChatStormTesting
import Foundation
import LoadEngine
import LoadMetrics
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing
import Workload

/// A five-minute simulated afternoon at speed 60 (five real seconds): about 100 visitors, 5 agents.
private func shortProfile() -> Profile {
    engineTestProfile(name: "engine-test", duration: 300, visitorsPerHour: 1_200, sales: 0.6, agents: 5, seed: 7)
}

/// `profile` played against a reference server configured as `server`: the run's result.
private func liveResult(_ profile: Profile, server: ServerConfiguration = .init(agentTokens: ["test-token"])) async throws -> RunResult {
    try await withChatServer(server) { port in
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let run = try LiveRun(configuration: EngineConfiguration(profile: profile, port: port, agentToken: "test-token"), group: group)
        let output = try await run.run()
        try await group.shutdownGracefully()
        return output.result
    }
}

@Suite("Live engine against the reference server", .timeLimit(.minutes(1)))
struct LiveRunTests {
    @Test("a short run accounts for every arrival and message, and no agent exceeds its capacity")
    func accounting() async throws {
        let output = try await withChatServer { port in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let run = try LiveRun(
                configuration: EngineConfiguration(
                    profile: shortProfile(),
                    port: port,
                    agentToken: "test-token",
                    healthURL: "http://127.0.0.1:\(port)/health"
                ),
                group: group
            )
            let output = try await run.run()
            try await group.shutdownGracefully()
            return output
        }
        let result = output.result
        // The server's own queue depth, polled from /health, fills its column of the time series.
        let rows = output.timeSeriesCSV.split(separator: "\n").dropFirst()
        let column = try #require(
            output.timeSeriesCSV.split(separator: "\n").first?.split(separator: ",").firstIndex(of: "server_queue_depth")
        )
        #expect(rows.contains { row in Int(row.split(separator: ",", omittingEmptySubsequences: false)[column]) != nil })
        #expect(result.complete)
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        let counts = result.counts
        #expect(counts.visitorsArrived > 50)
        #expect(counts.chatsCompleted > 10)
        #expect(counts.messagesLost == 0)
        #expect(counts.messagesDuplicated == 0)
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(
            counts.leftAtForm + counts.chatsCompleted + counts.chatsAbandoned + counts.offlineTickets + counts.botResolved
                + counts.stillActive == counts.visitorsArrived
        )
        #expect(result.metrics.agentConcurrency.max <= 3)
        #expect(result.metrics.messageLatency.visitorToAgent.count > 0)
    }

    @Test("visitors a bot answers leave the queue depth: every request is accounted for at the end")
    func botResolvedLeaveTheQueue() async throws {
        let profile = engineTestProfile(name: "engine-bot", duration: 120, visitorsPerHour: 1_800, sales: 0.6, agents: 2, seed: 7)
        let server = ServerConfiguration(agentTokens: ["test-token"], routing: .init(bots: ["sales": .init(resolvedShare: 0.9)]))
        let result = try await liveResult(profile, server: server)
        #expect(result.counts.botResolved > 5)
        // Before the fix each bot-resolved request stayed in the queue depth for good.
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        let depth = try #require(result.series?.queueDepth.last)
        #expect(depth <= result.counts.stillActive)
    }

    @Test("the service level is measured within the profile's goals.serviceLevel.within")
    func serviceLevelWithinGoal() async throws {
        var profile = engineTestProfile(name: "engine-goal", duration: 60, visitorsPerHour: 1_200, sales: 0.6, agents: 2, seed: 7)
        #expect(EngineConfiguration(profile: profile, port: 1, agentToken: "t").serviceLevelSeconds == 30)
        profile.goals = Goals(serviceLevel: .init(target: 0.8, within: 45))
        let result = try await liveResult(profile)
        #expect(result.metrics.serviceLevel.thresholdSeconds == 45)
        #expect(result.counts.chatsRequested > 0)
    }
}

@Suite("Live engine with dropping visitors", .timeLimit(.minutes(1)))
struct LiveRunReconnectTests {
    @Test("visitors that drop and reconnect mid-chat resume their chats without losing messages")
    func dropAndReconnect() async throws {
        var profile = shortProfile()
        profile.visitors.reconnect.probability = 1
        profile.visitors.reconnect.after = .uniform(min: 1, max: 3)
        profile.visitors.messagesPerChat = .constant(3)
        let result = try await liveResult(profile)
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        #expect(result.counts.chatsCompleted > 10)
        #expect(result.counts.messagesLost == 0)
        #expect(result.counts.messagesDuplicated == 0)
        #expect(result.counts.errors == 0, "\(result.counts.errorsByKind)")
    }
}

@Suite("Live engine with visitors away longer than the resume grace", .timeLimit(.minutes(1)))
struct LiveRunForgottenTests {
    @Test("visitors back after the grace learn that their chat ended and finish; their late message is refused")
    func comingBackAfterTheGrace() async throws {
        // Every chat drops once, for 30–60 simulated seconds (0.5–1 s at speed 60); the server forgets a visitor
        // after 0.1 s.
        var profile = shortProfile()
        profile.visitors.reconnect.probability = 1
        profile.visitors.reconnect.after = .uniform(min: 30, max: 60)
        profile.visitors.messagesPerChat = .constant(3)
        var server = ServerConfiguration(agentTokens: ["test-token"])
        server.resumeGrace = 0.1
        let result = try await liveResult(profile, server: server)
        let counts = result.counts
        // Each chat dropped: only visitors told of the end on their return complete theirs (57 of 83 in a run;
        // 13 when the server kept no end for them, the rest waiting until the cut-off).
        #expect(counts.chatsCompleted * 2 > counts.chatsAssigned)
        #expect(counts.messagesRefused > 10)
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
    }
}

@Suite("Live engine when the target goes away", .timeLimit(.minutes(1)))
struct LiveRunFaultTests {
    @Test("the server stopping mid-run ends the run early, incomplete, with what was measured so far")
    func serverStops() async throws {
        var profile = shortProfile()
        profile.calendar.duration = 3_600  // a minute of real time: the server stops long before
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let server = ChatServer(configuration: ServerConfiguration(agentTokens: ["test-token"])) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let services = ServiceGroup(services: [server], gracefulShutdownSignals: [], cancellationSignals: [], logger: Logger(label: "test"))
        let output = try await withThrowingTaskGroup(of: LiveRun.Output?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let run = try LiveRun(configuration: EngineConfiguration(profile: profile, port: port, agentToken: "test-token"), group: loops)
            let (measured, measuredContinuation) = AsyncStream.makeStream(of: Void.self)
            group.addTask {
                let output = try await run.run { progress in
                    if progress.counts.chatsAssigned >= 10 { measuredContinuation.yield() }
                }
                measuredContinuation.finish()
                try await loops.shutdownGracefully()
                return output
            }
            // Stop the server once the run has measured some chats.
            var measuredIterator = measured.makeAsyncIterator()
            _ = await measuredIterator.next()
            await services.triggerGracefulShutdown()
            var result: LiveRun.Output?
            for try await value in group { if let value { result = value } }
            return try #require(result)
        }
        #expect(output.stopReason == .targetUnreachable)
        #expect(!output.result.complete)
        #expect(output.result.counts.visitorsArrived > 0)
        #expect(output.result.accountingProblems().isEmpty, "\(output.result.accountingProblems())")
    }
}

@Suite("Live engine latency measurement", .timeLimit(.minutes(1)))
struct LiveRunTimingTests {
    private func run(relayDelay: Double) async throws -> RunResult {
        var configuration = ServerConfiguration(agentTokens: ["test-token"])
        configuration.relayDelay = relayDelay
        return try await liveResult(shortProfile(), server: configuration)
    }

    @Test("a server holding every relayed message 50 ms adds 50 ms to the measured latency (p50 within 5 ms)")
    func knownDelay() async throws {
        // The same seeded run twice at once (so that both see the same load from the other suites): against the
        // plain server and against one that holds each relay 50 ms. What the harness measures must differ by the
        // known delay at the median. The server's 50 ms timers themselves fire late by a few milliseconds when
        // the two cores are shared with the rest of the suite (1.5–1.7 ms seen in CI, 2.8 ms once the live loss
        // test ran beside it, with a plain p50 of 4.6 ms), and the harness measures that too; a harness that got
        // its clock or units wrong would be off by far more (a unit off is a factor of 1,000).
        async let plainRun = run(relayDelay: 0)
        async let delayedRun = run(relayDelay: 0.050)
        let (plain, delayed) = (try await plainRun.metrics.messageLatency, try await delayedRun.metrics.messageLatency)
        for (base, slow) in [(plain.visitorToAgent, delayed.visitorToAgent), (plain.agentToVisitor, delayed.agentToVisitor)] {
            #expect(slow.count > 50)
            #expect(slow.min >= 50, "nothing can arrive before the server releases it")
            #expect(abs(slow.p50 - base.p50 - 50) < 5, "p50 \(base.p50) → \(slow.p50)")
            // The tail (p99) of a debug build sharing two cores with the other test suites is too noisy to hold to
            // 1 ms; `chatstorm run` in release against `serve --relay-delay` is where the tail is measured.
        }
    }
}

@Suite("Live engine against a server that loses messages", .timeLimit(.minutes(1)))
struct LiveRunLossTests {
    @Test("every message the server acknowledged and never delivered is counted lost, the last of a chat too")
    func knownLoss() async throws {
        // One or two messages a side per chat: most losses are a chat's last message in its direction, which no
        // later number reveals as a gap. A chat whose message was lost waits for its agent's idle end (5 minutes
        // after the agent's last reply), so visitors arrive in the first 3 of 14 simulated minutes only: every chat
        // has ended when the run does (some 4 simulated minutes, 2 real seconds, to spare), and then the losses
        // counted must be the server's, exactly. The agents' shift ends at minute 5: each logs out once its last chat
        // has ended, and the server, holding every relayed frame 20 ms, confirms that end after the logout.
        var profile = engineTestProfile(name: "engine-loss", duration: 840, visitorsPerHour: 1_200, sales: 0.6, agents: 20, seed: 11)
        profile.calendar.speed = 120
        profile.agents.sites[0].shifts = [Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 16, minute: 5))]
        profile.visitors.messagesPerChat = .uniform(min: 1, max: 2)
        profile.events = [
            Event(
                name: "closed",
                timeZone: "Europe/Riga",
                start: LocalDateTime(year: 2025, month: 11, day: 27, hour: 16, minute: 3),
                end: LocalDateTime(year: 2025, month: 11, day: 27, hour: 17),
                multiplier: 0
            )
        ]
        var configuration = ServerConfiguration(agentTokens: ["test-token"])
        configuration.dropShare = 0.2
        configuration.relayDelay = 0.020
        let (result, dropped) = try await withChatServer(configuration) { [profile] port in
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            let run = try LiveRun(configuration: EngineConfiguration(profile: profile, port: port, agentToken: "test-token"), group: group)
            let output = try await run.run()
            try await group.shutdownGracefully()
            let exposition = try await Exposition.scrape(port: port)
            return (output.result, Int(exposition.samples["chatstorm_server_messages_dropped_total"] ?? -1))
        }
        let counts = result.counts
        #expect(result.accountingProblems().isEmpty, "\(result.accountingProblems())")
        #expect(dropped > 10, "the server dropped \(dropped)")
        try #require(counts.stillActive == 0, "every chat has ended by the end of the run")
        #expect(counts.messagesLost == dropped, "lost \(counts.messagesLost), dropped \(dropped)")
        #expect(counts.errors == 0, "\(counts.errorsByKind)")
    }
}

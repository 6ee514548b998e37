import Testing
import Workload

@Suite("Visitors and agents against a fake server")
struct VisitorAgentLoopTests {
    static let languages = ["hi", "mr", "te", "lv", "en", "es", "ja", "ar"]

    static func behaviour() -> VisitorBehaviour {
        var behaviour = VisitorBehaviour()
        var invitation = VisitorBehaviour.Invitation()
        invitation.browsingShare = 0.3
        invitation.acceptanceRate = 0.5
        behaviour.invitation = invitation
        behaviour.preChatForm.fields = 2
        behaviour.preChatForm.abandonPerField = 0.05
        behaviour.patience = .exponential(mean: 240)
        behaviour.messagesPerChat = .uniform(min: 1, max: 5)
        behaviour.reconnect.probability = 0.2
        behaviour.conversion = ["sales": 0.1]
        behaviour.messageLength = ["ja": .uniform(min: 10, max: 40)]
        return behaviour
    }

    /// 300 visitors over an hour; four agents, two per half-overlapping shift, nobody after 3,000 s; a bot for
    /// billing.
    static func loop(seed: UInt64) -> VisitorAgentLoop {
        var rng = SeededGenerator(seed: seed)
        let behaviour = behaviour()
        var visitors: [(at: Double, machine: VisitorMachine)] = []
        for index in 0..<300 {
            let machine = VisitorMachine(
                id: "v\(index)",
                language: languages[Int.random(in: 0..<languages.count, using: &rng)],
                department: Bool.random(using: &rng) ? "sales" : "billing",
                returning: index % 10 == 0,
                behaviour: behaviour,
                typingIndicators: index % 2 == 0
            )
            visitors.append((Double.random(in: 0..<3_600, using: &rng), machine))
        }
        var office = site(maxChats: 2)
        office.replyTime = .lognormal(median: 15, p95: 45)
        office.performance = 1.2
        office.transferShare = 0.1
        office.transferTo = ["sales", "billing"]
        let agents = (0..<4).map { index in
            AgentMachine(id: "a\(index)", site: office, shifts: index < 2 ? [0..<2_400] : [1_200..<3_000], typingIndicators: index == 0)
        }
        var loop = VisitorAgentLoop(visitors: visitors, agents: agents, seed: seed)
        loop.bots = ["billing": 0.3]
        return loop
    }

    @Test("every visitor ends with exactly one outcome; agents finish; capacity holds")
    func outcomes() {
        var loop = Self.loop(seed: 2024)
        loop.run()
        #expect(loop.problems.isEmpty, "\(loop.problems.prefix(5))")
        for (index, outcomes) in loop.outcomes.enumerated() {
            #expect(outcomes.count == 1, "visitor \(index): \(outcomes), phase \(loop.visitors[index].phase)")
            #expect(loop.visitors[index].outcome == outcomes.first)
        }
        #expect(loop.agentsFinished.sorted() == [0, 1, 2, 3])
        for agent in loop.agents {
            #expect(agent.phase == .done && agent.activeChats == 0)
            #expect(agent.maxConcurrentChats <= agent.capacity && agent.refusedAssignments == 0)
        }
        var counts: [VisitorOutcome: Int] = [:]
        for outcomes in loop.outcomes { counts[outcomes[0], default: 0] += 1 }
        for outcome in VisitorOutcome.allCases {
            #expect(counts[outcome, default: 0] > 0, "\(outcome): \(counts)")
        }
        #expect(loop.transfers > 0 && loop.invitations > 0)
        #expect(loop.visitors.contains { $0.reconnects > 0 })
        #expect(loop.unarmedTimers > 0, "timers fired after they were disowned (each checked to change nothing)")
    }

    @Test("conversations alternate: visitors who end their chat sent every planned message, one answer each")
    func conversations() {
        var loop = Self.loop(seed: 7)
        loop.run()
        var chatted = 0
        for visitor in loop.visitors where visitor.outcome == .chatted {
            chatted += 1
            guard visitor.endReason == .visitor else { continue }
            #expect(visitor.messagesSent == visitor.messagesPlanned)
            #expect(visitor.messagesReceived >= visitor.messagesPlanned + 1, "\(visitor.id)")
            if visitor.transfers == 0 {
                #expect(visitor.messagesReceived == visitor.messagesPlanned + 1, "\(visitor.id)")
            }
        }
        #expect(chatted > 50)
        let received = loop.agents.reduce(0) { $0 + $1.messagesReceived }
        let replies = loop.agents.reduce(0) { $0 + $1.repliesSent }
        #expect(received <= loop.visitorMessagesRelayed && loop.agentMessagesRelayed <= replies)
        #expect(loop.agents.reduce(0) { $0 + $1.chatsEndedByAgent } == 0, "no visitor goes silent for 5 minutes")
    }

    @Test("the same seed plays the same run")
    func deterministic() {
        var a = Self.loop(seed: 99)
        var b = Self.loop(seed: 99)
        a.run()
        b.run()
        #expect(a.outcomes == b.outcomes && a.events == b.events && a.now == b.now)
        #expect(a.visitors.map(\.surveyScore) == b.visitors.map(\.surveyScore))
        var c = Self.loop(seed: 100)
        c.run()
        #expect(a.events != c.events)
    }
}

import Testing

@testable import ChatRouting

@Suite("Bots and offline tickets")
struct BotAndOfflineTests {
    @Test("a bot that resolves everything ends the chat without an agent")
    func botResolves() throws {
        var center = ContactCenter(configuration: .init(bots: ["faq": .init(resolvedShare: 1)]))
        _ = try center.agentLoggedIn(agent("a", departments: ["faq"]), now: 0)
        let actions = try center.arrive("v", department: "faq", now: 0)
        #expect(actions.contains(.botAnswered(chat: 1, visitor: "v", resolved: true)))
        #expect(actions.ended(to: .visitor("v")) == [.bot])
        #expect(actions.assignments.isEmpty)
        #expect(center.counters.botResolved == 1)
        // The visitor may ask again, and may rate the bot's chat.
        try center.survey(chat: 1, visitor: "v", score: 4)
    }

    /// The bot answers its own department's requests only, whichever order the departments are first seen in
    /// (by an agent's login or by a request).
    @Test("a bot answers only its department")
    func botOfItsDepartmentOnly() throws {
        var center = ContactCenter(configuration: .init(bots: ["faq": .init(resolvedShare: 1)]))
        _ = try center.agentLoggedIn(agent("a", departments: ["sales", "faq"], capacity: 5), now: 0)
        let bots: (([RoutingAction]) -> Int) = { actions in
            actions.filter { if case .botAnswered = $0 { return true } else { return false } }.count
        }
        #expect(bots(try center.arrive("v1", department: "billing", now: 1)) == 0)  // first seen here: a ticket
        #expect(bots(try center.arrive("v2", department: "sales", now: 2)) == 0)
        #expect(bots(try center.arrive("v3", department: "faq", now: 3)) == 1)
        #expect(bots(try center.arrive("v4", department: "billing", now: 4)) == 0)
        #expect(center.counters.botResolved == 1 && center.counters.tickets == 2 && center.counters.chatsAssigned == 1)
    }

    @Test("a bot that resolves nothing escalates to the human queue")
    func botEscalates() throws {
        var center = ContactCenter(configuration: .init(bots: ["faq": .init(resolvedShare: 0)]))
        _ = try center.agentLoggedIn(agent("a", departments: ["faq"]), now: 0)
        let actions = try center.arrive("v", department: "faq", now: 0)
        #expect(actions.first == .botAnswered(chat: 1, visitor: "v", resolved: false))
        #expect(actions.assignments.map(\.agent) == ["a"])
        #expect(center.counters.botEscalated == 1)
    }

    @Test("the resolved share holds over many chats", arguments: [0.2, 0.5, 0.85])
    func botShare(share: Double) throws {
        var center = ContactCenter(configuration: .init(bots: ["faq": .init(resolvedShare: share)]))
        var rng = SeededGenerator(seed: 42)
        let n = 20_000
        for i in 0..<n {
            center.visitorArrived(VisitorProfile(id: "v\(i)", language: "en", region: "r"))
            _ = try center.request(visitor: "v\(i)", department: "faq", now: 0, using: &rng)
        }
        let observed = Double(center.counters.botResolved) / Double(n)
        let sigma = (share * (1 - share) / Double(n)).squareRoot()
        #expect(abs(observed - share) < 4 * sigma)
        #expect(center.counters.botResolved + center.counters.botEscalated == n)
    }

    @Test("with nobody online who could serve it, the request becomes a ticket that keeps the message")
    func offlineTicket() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("fr-only", languages: ["fr"]), now: 0)
        let actions = try center.arrive("v", language: "de", text: "Wo ist meine Bestellung?", now: 5)
        #expect(actions.tickets.map(\.visitor) == ["v"])
        #expect(center.tickets.first?.text == "Wo ist meine Bestellung?")
        #expect(center.tickets.first?.language == "de")
        #expect(center.tickets.first?.createdAt == 5)
        #expect(center.counters.tickets == 1)
        // A ticket is not an open chat: the visitor may ask again.
        var rng = SeededGenerator(seed: 0)
        #expect(try center.request(visitor: "v", department: "sales", language: "fr", now: 6, using: &rng).assignments.count == 1)
    }

    @Test("agents away or closing do not count as online for the offline rule")
    func awayIsNotOnline() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        _ = try center.setAvailability(.away, agent: "a", now: 1)
        #expect(try center.arrive("v1", now: 2).tickets.count == 1)
        _ = try center.setAvailability(.online, agent: "a", now: 3)
        #expect(try center.arrive("v2", now: 4).assignments.count == 1)
    }

    @Test("when the last agent who could serve a queue leaves, the waiting visitors get tickets")
    func lastAgentLeaves() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        _ = try center.arrive("chatting", now: 0)
        _ = try center.arrive("waiting", now: 1)
        let actions = center.agentLoggedOut("a", now: 2)
        #expect(Set(actions.tickets.map(\.visitor)) == ["chatting", "waiting"])
        #expect(center.snapshot(now: 2).queueDepth == 0)
    }
}

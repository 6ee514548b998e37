import Testing

@testable import ChatRouting

@Suite("Conversation, surveys and invitations")
struct ConversationTests {
    private func chatting() throws -> ContactCenter {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        _ = try center.arrive("v", now: 0)
        return center
    }

    @Test("messages are numbered per direction; repeated sequence numbers are not relayed twice")
    func relayNumbering() throws {
        var center = try chatting()
        #expect(try center.relay(chat: 1, from: .visitor("v"), seq: 1) == .deliver(to: .agent("a"), serverSeq: 1))
        #expect(try center.relay(chat: 1, from: .agent("a"), seq: 1) == .deliver(to: .visitor("v"), serverSeq: 1))
        #expect(try center.relay(chat: 1, from: .visitor("v"), seq: 2) == .deliver(to: .agent("a"), serverSeq: 2))
        #expect(try center.relay(chat: 1, from: .visitor("v"), seq: 2) == .duplicate)
        #expect(try center.relay(chat: 1, from: .visitor("v"), seq: 1) == .duplicate)
        // A gap is accepted: the receiving side sees it in the sender's numbers.
        #expect(try center.relay(chat: 1, from: .visitor("v"), seq: 5) == .deliver(to: .agent("a"), serverSeq: 3))
        #expect(center.counters.messagesRelayed == 4)
        #expect(try center.counterpart(chat: 1, of: .visitor("v")) == .agent("a"))
    }

    @Test("a chat that is not the sender's, or has no agent yet, is refused")
    func relayRefusals() throws {
        var center = try chatting()
        _ = try center.arrive("queued", now: 1)
        center.visitorArrived(VisitorProfile(id: "intruder", language: "en", region: "r"))
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, from: .visitor("intruder"), seq: 1) }
        #expect(throws: RoutingError.self) { try center.relay(chat: 99, from: .visitor("v"), seq: 1) }
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, from: .visitor("v"), seq: 0) }
        do {
            _ = try center.relay(chat: 2, from: .visitor("queued"), seq: 1)
            Issue.record("a message before assignment must be refused")
        } catch {
            #expect(error.kind == .invalidState)
        }
        #expect(throws: RoutingError.self) { try center.end(chat: 1, by: .visitor("intruder"), now: 2) }
    }

    @Test("relaying by the visitor's handle or the agent's slot shares the numbers and refusals of relaying by name")
    func relayByHandle() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        var rng = SeededGenerator(seed: 1)
        let visitor = center.visitorArrived(VisitorProfile(id: "v", language: "en", region: "r"))
        _ = try center.request(visitor: "v", department: "sales", now: 0, using: &rng)
        let waiting = center.visitorArrived(VisitorProfile(id: "w", language: "en", region: "r"))
        _ = try center.request(visitor: "w", department: "sales", now: 1, using: &rng)
        let intruder = center.visitorArrived(VisitorProfile(id: "intruder", language: "en", region: "r"))
        let slot = try #require(center.agentSlot(of: "a"))
        #expect(try center.relay(chat: 1, fromVisitor: visitor, seq: 1) == 1)
        #expect(try center.relay(chat: 1, fromAgentSlot: slot, seq: 1) == 1)
        #expect(try center.relay(chat: 1, fromVisitor: visitor, seq: 2) == 2)
        #expect(try center.relay(chat: 1, fromVisitor: visitor, seq: 2) == nil, "a duplicate")
        #expect(try center.relay(chat: 1, fromAgentSlot: slot, seq: 1) == nil, "a duplicate")
        #expect(try center.relay(chat: 1, from: .visitor("v"), seq: 3) == .deliver(to: .agent("a"), serverSeq: 3))
        #expect(try center.relay(chat: 1, fromAgentSlot: slot, seq: 2) == 2)
        #expect(center.counters.messagesRelayed == 5)
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, fromVisitor: intruder, seq: 4) }
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, fromAgentSlot: slot + 1, seq: 3) }
        #expect(throws: RoutingError.self) { try center.relay(chat: 99, fromVisitor: visitor, seq: 4) }
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, fromVisitor: visitor, seq: 0) }
        do {
            _ = try center.relay(chat: 2, fromVisitor: waiting, seq: 1)
            Issue.record("a message before assignment must be refused")
        } catch {
            #expect(error.kind == .invalidState)
        }
        _ = try center.end(chat: 1, by: .visitor("v"), now: 5)
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, fromVisitor: visitor, seq: 4) }
        #expect(center.counters.messagesRelayed == 5, "refused messages are not counted")
    }

    @Test("a visitor's language given by the routing's name routes as the language given by its code")
    func visitorLanguageByName() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("english", languages: ["en"]), now: 0)
        _ = try center.agentLoggedIn(agent("latvian", languages: ["lv"]), now: 0)
        var rng = SeededGenerator(seed: 1)
        let latvian = center.queue(department: "sales", language: "lv").language
        #expect(latvian != center.queue(department: "sales", language: "en").language)
        center.visitorArrived(VisitorProfile(id: "by-name", language: "lv", region: "r"), language: latvian)
        let byName = try center.request(visitor: "by-name", department: "sales", now: 1, using: &rng)
        #expect(byName.assignments.map(\.agent) == ["latvian"])
        _ = try center.end(chat: 1, by: .agent("latvian"), now: 2)
        center.visitorArrived(VisitorProfile(id: "by-code", language: "lv", region: "r"))
        let byCode = try center.request(visitor: "by-code", department: "sales", now: 3, using: &rng)
        #expect(byCode.assignments.map(\.agent) == ["latvian"])
    }

    @Test("ending a chat tells both parties; a second request while chatting is refused")
    func endChat() throws {
        var center = try chatting()
        var rng = SeededGenerator(seed: 1)
        #expect(throws: RoutingError.self) { try center.request(visitor: "v", department: "sales", now: 1, using: &rng) }
        let actions = try center.end(chat: 1, by: .visitor("v"), now: 5)
        #expect(actions.ended(to: .visitor("v")) == [.visitor])
        #expect(actions.ended(to: .agent("a")) == [.visitor])
        #expect(center.counters.chatsEnded == 1)
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, from: .visitor("v"), seq: 1) }
        #expect(throws: RoutingError.self) { try center.request(visitor: "nobody", department: "sales", now: 1, using: &rng) }
    }

    @Test("a survey rates the visitor's last ended chat once, from 1 to 5")
    func survey() throws {
        var center = try chatting()
        #expect(throws: RoutingError.self) { try center.survey(chat: 1, visitor: "v", score: 5) }  // still open
        _ = try center.end(chat: 1, by: .agent("a"), now: 5)
        #expect(throws: RoutingError.self) { try center.survey(chat: 1, visitor: "v", score: 6) }
        #expect(throws: RoutingError.self) { try center.survey(chat: 1, visitor: "other", score: 3) }
        try center.survey(chat: 1, visitor: "v", score: 4)
        #expect(throws: RoutingError.self) { try center.survey(chat: 1, visitor: "v", score: 4) }
        #expect(center.counters.surveys == 1)
        #expect(center.counters.surveyScoreTotal == 4)
    }

    @Test("the invitation rule invites browsing visitors once, while an agent has room, and counts answers")
    func invitations() throws {
        let rule = RoutingConfiguration.InvitationRule(
            minimumTimeOnSite: 60,
            minimumPages: 3,
            minimumCartValue: 200,
            department: "sales"
        )
        var center = ContactCenter(configuration: .init(invitation: rule))
        center.visitorArrived(VisitorProfile(id: "v", language: "en", region: "r"))
        // Nobody online: no invitation.
        #expect(try center.pageViewed(visitor: "v", timeOnSite: 90, pages: 5, cartValue: 0).isEmpty)
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        #expect(try center.pageViewed(visitor: "v", timeOnSite: 30, pages: 5, cartValue: 0).isEmpty)
        #expect(try center.pageViewed(visitor: "v", timeOnSite: 90, pages: 2, cartValue: 0).isEmpty)
        #expect(try center.pageViewed(visitor: "v", timeOnSite: 5, pages: 1, cartValue: 250) == [.invite(id: 1, visitor: "v")])
        #expect(try center.pageViewed(visitor: "v", timeOnSite: 500, pages: 9, cartValue: 900).isEmpty)
        #expect(throws: RoutingError.self) { try center.invitationAnswered(visitor: "v", invitation: 7, accepted: true) }
        try center.invitationAnswered(visitor: "v", invitation: 1, accepted: true)
        center.visitorArrived(VisitorProfile(id: "w", language: "en", region: "r"))
        #expect(try center.pageViewed(visitor: "w", timeOnSite: 60, pages: 3, cartValue: 0) == [.invite(id: 2, visitor: "w")])
        try center.invitationAnswered(visitor: "w", invitation: 2, accepted: false)
        #expect(center.counters.invitationsSent == 2)
        #expect(center.counters.invitationsAccepted == 1)
        #expect(center.counters.invitationsDeclined == 1)
    }
}

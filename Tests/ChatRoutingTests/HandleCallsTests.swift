import Testing

@testable import ChatRouting

/// The calls that take handles and named queues instead of ids and names (the simulator's) against the calls that
/// name them.
@Suite("Calls by handle")
struct HandleCallsTests {
    static let rule = RoutingConfiguration.InvitationRule(minimumTimeOnSite: 60, minimumPages: 3, department: "sales")

    /// Two centres, one driven by ids and names, one by handles and queue names, through invitations, requests (one
    /// assigned, two queued), a chat's end, a survey, a visitor leaving from the queue and one leaving after its
    /// chat: every call gives the same actions, and the counters end equal.
    @Test func byHandleMatchesByID() throws {
        var byID = ContactCenter(configuration: .init(invitation: Self.rule))
        var byHandle = ContactCenter(configuration: .init(invitation: Self.rule))
        _ = try byID.agentLoggedIn(agent("a"), now: 0)
        _ = try byHandle.agentLoggedIn(agent("a"), now: 0)
        let sales = byHandle.queue(department: "sales", language: "en")
        var handles: [String: VisitorHandle] = [:]
        for visitor in ["v1", "v2", "v3"] {
            byID.visitorArrived(VisitorProfile(id: visitor, language: "en", region: "emea"))
            handles[visitor] = byHandle.visitorArrived(VisitorProfile(id: visitor, language: "en", region: "emea"), findable: false)
        }
        #expect(
            try byID.pageViewed(visitor: "v1", timeOnSite: 90, pages: 4, cartValue: 0)
                == byHandle.pageViewed(visitor: handles["v1"]!, timeOnSite: 90, pages: 4, cartValue: 0)
        )
        try byID.invitationAnswered(visitor: "v1", invitation: 1, accepted: true)
        try byHandle.invitationAnswered(visitor: handles["v1"]!, invitation: 1, accepted: true)
        var rngA = SeededGenerator(seed: 1)
        var rngB = SeededGenerator(seed: 1)
        for (visitor, now) in [("v1", 1.0), ("v2", 2.0), ("v3", 3.0)] {
            var expected: [RoutingAction] = []
            var actions: [RoutingAction] = []
            try byID.request(visitor: visitor, department: "sales", language: "en", now: now, using: &rngA, into: &expected)
            try byHandle.request(visitor: handles[visitor]!, queue: sales, now: now, using: &rngB, into: &actions)
            #expect(!actions.isEmpty && actions == expected)
        }
        #expect(try byID.end(chat: 1, by: .visitor("v1"), now: 4) == byHandle.end(chat: 1, by: .visitor("v1"), now: 4))
        try byID.survey(chat: 1, visitor: "v1", score: 4)
        try byHandle.survey(chat: 1, visitor: handles["v1"]!, score: 4)
        #expect(throws: RoutingError.self) { try byHandle.survey(chat: 1, visitor: handles["v1"]!, score: 4) }
        // v3 leaves the queue (nobody behind it to tell), v2 its chat (its agent is told).
        #expect(byHandle.visitorLeft(handles["v3"]!, now: 5) == byID.visitorLeft("v3", now: 5))
        let leftChatting = byID.visitorLeft("v2", now: 6)
        let leftChattingByHandle = byHandle.visitorLeft(handles["v2"]!, now: 6)
        #expect(!leftChatting.isEmpty && leftChattingByHandle == leftChatting)
        #expect(byHandle.counters == byID.counters)
        #expect(byHandle.counters.surveys == 1 && byHandle.counters.chatsAbandoned == 1)
        #expect(byHandle.visitorCount == 1 && byID.visitorCount == 1)
    }

    /// A visitor said hello by handle only is not found by id; a handle stops working when its visitor leaves, also
    /// after its slot is reused by the next visitor; a findable visitor saying hello again keeps its handle.
    @Test func handlesLastOneStay() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        var rng = SeededGenerator(seed: 2)
        let anonymous = center.visitorArrived(VisitorProfile(id: "v", language: "en", region: "emea"), findable: false)
        #expect(throws: RoutingError.self) { try center.request(visitor: "v", department: "sales", now: 1, using: &rng) }
        #expect(center.visitorLeft("v", now: 1).isEmpty && center.visitorCount == 1)
        _ = center.visitorLeft(anonymous, now: 1)
        #expect(center.visitorCount == 0)
        // The next visitor takes the freed slot; the old handle is refused.
        let next = center.visitorArrived(VisitorProfile(id: "w", language: "en", region: "emea"))
        #expect(next != anonymous)
        var actions: [RoutingAction] = []
        let sales = center.queue(department: "sales", language: "en")
        #expect(throws: RoutingError.self) { try center.request(visitor: anonymous, queue: sales, now: 2, using: &rng, into: &actions) }
        #expect(actions.isEmpty && center.visitorLeft(anonymous, now: 2).isEmpty)
        try center.request(visitor: next, queue: sales, now: 2, using: &rng, into: &actions)
        #expect(actions.assignments.map(\.visitor) == ["w"])
        // Saying hello again (a reconnect) keeps the handle and the chat.
        #expect(center.visitorArrived(VisitorProfile(id: "w", language: "en", region: "emea")) == next)
        #expect(throws: RoutingError.self) { try center.request(visitor: next, queue: sales, now: 3, using: &rng, into: &actions) }
    }

    /// Agents are numbered in the order of their first login and keep the number; a chat names its agent's number
    /// while active.
    @Test func agentSlots() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("b"), now: 0)
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        #expect(center.agentSlot(of: "b") == 0 && center.agentSlot(of: "a") == 1 && center.agentSlot(of: "c") == nil)
        let first = try center.arrive("v1", now: 1)
        let holder = try #require(first.assignments.first).agent
        #expect(center.agentSlot(ofChat: 1) == center.agentSlot(of: holder))
        _ = try center.arrive("v2", now: 2)
        _ = try center.arrive("v3", now: 3)
        #expect(center.agentSlot(ofChat: 3) == nil)  // queued
        _ = try center.end(chat: 1, by: .visitor("v1"), now: 4)
        #expect(center.agentSlot(ofChat: 1) == nil && center.agentSlot(ofChat: 3) == center.agentSlot(of: holder))
        _ = center.agentLoggedOut("b", now: 5)
        _ = try center.agentLoggedIn(agent("b"), now: 6)
        #expect(center.agentSlot(of: "b") == 0)
    }
}

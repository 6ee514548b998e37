import Testing

@testable import ChatRouting

@Suite("Assignment")
struct AssignmentTests {
    @Test("least-loaded spreads chats; ties go to the agent idle longest")
    func leastLoaded() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a", capacity: 3), now: 0)
        _ = try center.agentLoggedIn(agent("b", capacity: 3), now: 1)
        var agents: [String] = []
        for i in 0..<4 { agents += try center.arrive("v\(i)", now: Double(10 + i)).assignments.map(\.agent) }
        #expect(agents == ["a", "b", "a", "b"])
    }

    @Test("fill-first keeps giving chats to the busiest agent with room")
    func fillFirst() throws {
        var center = ContactCenter(configuration: .init(assignment: .fillFirst))
        _ = try center.agentLoggedIn(agent("a", capacity: 2), now: 0)
        _ = try center.agentLoggedIn(agent("b", capacity: 2), now: 1)
        var agents: [String] = []
        for i in 0..<4 { agents += try center.arrive("v\(i)", now: Double(10 + i)).assignments.map(\.agent) }
        #expect(agents == ["a", "a", "b", "b"])
    }

    @Test("an agent never holds more chats than its capacity")
    func capacity() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a", capacity: 2), now: 0)
        var assigned = 0
        for i in 0..<5 { assigned += try center.arrive("v\(i)", now: Double(i)).assignments.count }
        #expect(assigned == 2)
        #expect(center.snapshot(now: 5).agents.first?.activeChats == 2)
        #expect(center.snapshot(now: 5).queueDepth == 3)
    }

    @Test("agents are matched on department and language")
    func skills() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("en-sales"), now: 0)
        _ = try center.agentLoggedIn(agent("mr-support", languages: ["mr"], departments: ["support"]), now: 0)
        #expect(try center.arrive("v1", language: "mr", department: "support", now: 1).assignments.map(\.agent) == ["mr-support"])
        #expect(try center.arrive("v2", language: "en", department: "sales", now: 1).assignments.map(\.agent) == ["en-sales"])
    }

    @Test("a returning visitor gets its previous agent while that agent is online with room")
    func previousAgent() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a", capacity: 2), now: 0)
        _ = try center.agentLoggedIn(agent("b", capacity: 2), now: 0)
        _ = try center.arrive("v0", now: 1)  // a is busier now
        #expect(try center.arrive("returning", previousAgent: "a", now: 2).assignments.map(\.agent) == ["a"])
        // a is full: the preference gives way to normal routing.
        #expect(try center.arrive("again", previousAgent: "a", now: 3).assignments.map(\.agent) == ["b"])
        // An unknown previous agent is ignored.
        #expect(try center.arrive("stranger", previousAgent: "zz", now: 4).assignments.map(\.agent) == ["b"])
    }

    @Test("overflow: after the wait, a translating agent of another language takes the chat")
    func overflow() throws {
        var center = ContactCenter(configuration: .init(overflowAfter: 30))
        _ = try center.agentLoggedIn(agent("en-translator", translation: true), now: 0)
        let first = try center.arrive("v-te", language: "te", now: 0)
        #expect(first.positions == ["v-te": 1], "queued, not a ticket: a translator could serve it")
        #expect(center.tick(now: 29).isEmpty)
        #expect(center.tick(now: 30).assignments.map(\.agent) == ["en-translator"])
    }

    @Test("without overflow, a translating agent does not take other languages and the request is a ticket")
    func noOverflow() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("en-translator", translation: true), now: 0)
        #expect(try center.arrive("v-te", language: "te", now: 0).tickets.count == 1)
    }

    @Test("a translating agent freeing up takes an overflowing chat before a fresher one of its own language")
    func overflowOnDrain() throws {
        var center = ContactCenter(configuration: .init(overflowAfter: 10))
        _ = try center.agentLoggedIn(agent("t", translation: true), now: 0)
        _ = try center.arrive("busy", now: 0)
        _ = try center.arrive("te-old", language: "te", now: 1)
        _ = try center.arrive("en-new", now: 20)
        #expect(try center.end(chat: 1, by: .agent("t"), now: 21).assignments.map(\.visitor) == ["te-old"])
    }

    @Test("agent validation: capacity and skills")
    func agentValidation() throws {
        var center = ContactCenter()
        #expect(throws: RoutingError(.invalidValue, "capacity must be from 1 to 100")) {
            try center.agentLoggedIn(agent("a", capacity: 0), now: 0)
        }
        #expect(throws: RoutingError(.invalidValue, "capacity must be from 1 to 100")) {
            try center.agentLoggedIn(agent("a", capacity: 101), now: 0)
        }
        #expect(throws: RoutingError.self) { try center.agentLoggedIn(agent("a", languages: []), now: 0) }
        // A bound on the work of a login: a skill per language and department.
        #expect(throws: RoutingError(.invalidValue, "an agent has at most 64 languages and 256 departments")) {
            try center.agentLoggedIn(agent("a", languages: (0..<65).map { "l\($0)" }), now: 0)
        }
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        #expect(throws: RoutingError.self) { try center.agentLoggedIn(agent("a"), now: 0) }
    }
}

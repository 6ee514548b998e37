import Testing

@testable import ChatRouting

@Suite("Transfers and agent availability")
struct TransferAndAvailabilityTests {
    @Test("a transfer goes straight to a free agent of the other department")
    func transferToFreeAgent() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("tier1", departments: ["support"]), now: 0)
        _ = try center.agentLoggedIn(agent("tier2", departments: ["tier2"]), now: 0)
        _ = try center.arrive("v", department: "support", now: 0)
        let actions = try center.transfer(chat: 1, by: "tier1", to: "tier2", now: 10)
        #expect(actions.ended(to: .agent("tier1")) == [.transferred])
        #expect(actions.assignments.map { "\($0.chat) \($0.agent)" } == ["1 tier2"])
        #expect(center.counters.transfers == 1)
        // Messages now flow between the visitor and the new agent, numbered afresh for the new agent.
        #expect(try center.relay(chat: 1, from: .agent("tier2"), seq: 1) == .deliver(to: .visitor("v"), serverSeq: 1))
        #expect(throws: RoutingError.self) { try center.relay(chat: 1, from: .agent("tier1"), seq: 1) }
    }

    @Test("a transfer to a busy department goes to the head of its queue; the first agent takes its next chat")
    func transferToBusyDepartment() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("tier1", departments: ["support"]), now: 0)
        _ = try center.agentLoggedIn(agent("tier2", departments: ["tier2"]), now: 0)
        _ = try center.arrive("v-tier2", department: "tier2", now: 0)
        _ = try center.arrive("v-waiting-tier2", department: "tier2", now: 1)
        _ = try center.arrive("v", department: "support", now: 2)
        _ = try center.arrive("v-next", department: "support", now: 3)
        let actions = try center.transfer(chat: 3, by: "tier1", to: "tier2", now: 10)
        #expect(actions.positions["v"] == 1)
        #expect(actions.positions["v-waiting-tier2"] == 2)
        #expect(actions.assignments.map(\.visitor) == ["v-next"])
    }

    @Test("without announced position changes a transferred chat still learns its place, those behind do not")
    func transferOncePerStay() throws {
        var center = ContactCenter(configuration: .init(announcesPositionChanges: false))
        _ = try center.agentLoggedIn(agent("tier1", departments: ["support"]), now: 0)
        _ = try center.agentLoggedIn(agent("tier2", departments: ["tier2"]), now: 0)
        _ = try center.arrive("v-tier2", department: "tier2", now: 0)
        _ = try center.arrive("v-waiting-tier2", department: "tier2", now: 1)
        _ = try center.arrive("v", department: "support", now: 2)
        let actions = try center.transfer(chat: 3, by: "tier1", to: "tier2", now: 10)
        #expect(actions.positions == ["v": 1])
    }

    @Test("a transfer to a department nobody serves becomes a ticket")
    func transferToNobody() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("tier1"), now: 0)
        _ = try center.arrive("v", text: "refund", now: 0)
        let actions = try center.transfer(chat: 1, by: "tier1", to: "legal", now: 1)
        #expect(actions.tickets.map(\.visitor) == ["v"])
        #expect(center.tickets.first?.department == "legal")
    }

    @Test("only the chat's agent may transfer it")
    func transferNotYours() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        _ = try center.agentLoggedIn(agent("b"), now: 0)
        _ = try center.arrive("v", now: 0)
        let owner = center.snapshot(now: 0).agents.first { $0.activeChats == 1 }!.agent
        let other = owner == "a" ? "b" : "a"
        #expect(throws: RoutingError.self) { try center.transfer(chat: 1, by: other, to: "x", now: 1) }
    }

    @Test("an agent going away puts its chats back at the head of their queues, where others take them")
    func awayRequeues() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a", capacity: 2), now: 0)
        _ = try center.arrive("v1", now: 0)
        _ = try center.arrive("v2", now: 1)
        _ = try center.arrive("v3", now: 2)  // waits
        _ = try center.agentLoggedIn(agent("b", capacity: 1), now: 3)  // takes v3 at once
        let actions = try center.setAvailability(.away, agent: "a", now: 4)
        #expect(center.counters.chatsRequeued == 2)
        // b is full with v3, so v1 and v2 wait at the head, oldest first.
        #expect(actions.positions == ["v1": 1, "v2": 2])
        #expect(center.snapshot(now: 4).queues.first?.depth == 2)
        let back = try center.setAvailability(.online, agent: "a", now: 5)
        #expect(back.assignments.map(\.visitor) == ["v1", "v2"])
    }

    @Test("without announced position changes chats put back in the queue learn their places, those behind do not")
    func awayRequeuesOncePerStay() throws {
        var center = ContactCenter(configuration: .init(announcesPositionChanges: false))
        _ = try center.agentLoggedIn(agent("a", capacity: 2), now: 0)
        _ = try center.arrive("v1", now: 0)
        _ = try center.arrive("v2", now: 1)
        _ = try center.arrive("v3", now: 2)  // waits
        let actions = try center.setAvailability(.away, agent: "a", now: 4)
        #expect(actions.positions == ["v1": 1, "v2": 2])
    }

    @Test("a disconnecting agent's chats go to the head of the queue, ahead of visitors already waiting")
    func disconnectRequeuesAtHead() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a"), now: 0)
        _ = try center.agentLoggedIn(agent("b"), now: 0)
        _ = try center.arrive("with-a", now: 0)
        _ = try center.arrive("with-b", now: 0)
        _ = try center.arrive("waiting", now: 1)
        let owner = center.snapshot(now: 1).agents.first { $0.agent == "a" }!
        #expect(owner.activeChats == 1)
        let actions = center.agentLoggedOut("a", now: 2)
        #expect(actions.positions == ["with-a": 1, "waiting": 2])
        let next = try center.end(chat: 2, by: .agent("b"), now: 3)
        #expect(next.assignments.map(\.visitor) == ["with-a"])
    }

    @Test("at shift end an agent keeps its chats but takes no new ones")
    func shiftEnd() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a", capacity: 2), now: 0)
        _ = try center.agentLoggedIn(agent("b", capacity: 2), now: 0)
        _ = try center.arrive("v1", now: 0)
        _ = try center.setAvailability(.closing, agent: "a", now: 1)
        #expect(try center.relay(chat: 1, from: .agent("a"), seq: 1) == .deliver(to: .visitor("v1"), serverSeq: 1))
        #expect(try center.arrive("v2", now: 2).assignments.map(\.agent) == ["b"])
        #expect(try center.arrive("v3", now: 3).assignments.map(\.agent) == ["b"])
        #expect(try center.arrive("v4", now: 4).positions == ["v4": 1])
        // Ending its last chat does not give it a new one.
        #expect(try center.end(chat: 1, by: .visitor("v1"), now: 5).assignments.isEmpty)
    }

    @Test("status changes need a logged-in agent")
    func unknownAgent() {
        var center = ContactCenter()
        #expect(throws: RoutingError.self) { try center.setAvailability(.online, agent: "ghost", now: 0) }
        #expect(center.agentLoggedOut("ghost", now: 0).isEmpty)
    }
}

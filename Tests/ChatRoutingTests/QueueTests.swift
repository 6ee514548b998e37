import Testing

@testable import ChatRouting

@Suite("Queues")
struct QueueTests {
    @Test("visitors wait first come first served and learn their new positions")
    func firstComeFirstServed() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a1"), now: 0)
        #expect(try center.arrive("v0", now: 0).assignments.map(\.visitor) == ["v0"])
        var positions: [String: Int] = [:]
        for (i, v) in ["v1", "v2", "v3"].enumerated() {
            positions.merge(try center.arrive(v, now: Double(i + 1)).positions) { $1 }
        }
        #expect(positions == ["v1": 1, "v2": 2, "v3": 3])

        let actions = try center.end(chat: 1, by: .agent("a1"), now: 10)
        #expect(actions.assignments.map(\.visitor) == ["v1"])
        #expect(actions.positions == ["v2": 1, "v3": 2])
        #expect(center.counters.queueWaitSeconds == 9)
    }

    @Test("an agent serving several queues takes the longest-waiting visitor first")
    func longestWaitingAcrossQueues() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("busy", departments: ["sales", "billing"]), now: 0)
        _ = try center.arrive("first", department: "sales", now: 0)
        _ = try center.arrive("billing-old", department: "billing", now: 1)
        _ = try center.arrive("sales-new", department: "sales", now: 2)
        let actions = try center.end(chat: 1, by: .visitor("first"), now: 3)
        #expect(actions.assignments.map(\.visitor) == ["billing-old"])
        #expect(try center.end(chat: 2, by: .agent("busy"), now: 4).assignments.map(\.visitor) == ["sales-new"])
    }

    @Test("leaving the queue counts as abandonment and moves those behind up")
    func abandonment() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a1"), now: 0)
        for v in ["v0", "v1", "v2", "v3"] { _ = try center.arrive(v, now: 0) }
        let actions = try center.leave(chat: 3, visitor: "v2", now: 5)
        #expect(actions.ended(to: .visitor("v2")) == [.left])
        #expect(actions.positions == ["v3": 2])
        #expect(center.counters.chatsAbandoned == 1)
        #expect(center.snapshot(now: 5).queueDepth == 2)
        #expect(throws: RoutingError.self) { try center.leave(chat: 3, visitor: "v2", now: 6) }
    }

    @Test("position updates stop at the configured limit")
    func positionUpdateLimit() throws {
        var center = ContactCenter(configuration: .init(positionUpdateLimit: 2))
        _ = try center.agentLoggedIn(agent("a1"), now: 0)
        for i in 0..<6 { _ = try center.arrive("v\(i)", now: Double(i)) }
        let actions = try center.end(chat: 1, by: .agent("a1"), now: 10)
        #expect(actions.positions == ["v2": 1, "v3": 2])
    }

    @Test("without announced position changes a visitor hears queued once per stay in the queue")
    func positionsOncePerStay() throws {
        var center = ContactCenter(configuration: .init(announcesPositionChanges: false))
        _ = try center.agentLoggedIn(agent("a1"), now: 0)
        for i in 0..<4 { _ = try center.arrive("v\(i)", now: Double(i)) }
        let assigned = try center.end(chat: 1, by: .agent("a1"), now: 10)
        #expect(assigned.assignments.map(\.visitor) == ["v1"])
        #expect(assigned.positions.isEmpty)
        #expect(try center.leave(chat: 3, visitor: "v2", now: 11).positions.isEmpty)
        #expect(center.visitorLeft("v3", now: 12).positions.isEmpty)
    }

    @Test("a visitor who disconnects while queued is counted as abandoned; mid-chat, the agent is told; both visitors too")
    func visitorDisconnects() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a1"), now: 0)
        _ = try center.arrive("chatting", now: 0)
        _ = try center.arrive("waiting", now: 1)
        _ = try center.arrive("behind", now: 2)
        let left = center.visitorLeft("waiting", now: 3)
        #expect(left.positions == ["behind": 1])
        #expect(left.ended(to: .visitor("waiting")) == [.left])
        #expect(center.counters.chatsAbandoned == 1)
        let actions = center.visitorLeft("chatting", now: 4)
        #expect(actions.ended(to: .agent("a1")) == [.disconnected])
        #expect(actions.ended(to: .visitor("chatting")) == [.disconnected])
        #expect(actions.assignments.map(\.visitor) == ["behind"])
    }

    @Test("the snapshot reports depth, oldest wait, agents and loads")
    func snapshot() throws {
        var center = ContactCenter()
        _ = try center.agentLoggedIn(agent("a1", capacity: 2, site: "lisbon"), now: 0)
        for i in 0..<4 { _ = try center.arrive("v\(i)", now: Double(i)) }
        let snapshot = center.snapshot(now: 10)
        #expect(snapshot.queues == [.init(department: "sales", language: "en", depth: 2, oldestWait: 8)])
        #expect(snapshot.agents == [.init(agent: "a1", site: "lisbon", status: "online", activeChats: 2, capacity: 2)])
        #expect(snapshot.agentsOnline == 1)
        #expect(snapshot.activeChats == 2)
        #expect(snapshot.counters.chatsRequested == 4)
    }

    /// Queue keys hash by a multiply of their two ids, not `Hasher`: distinct keys still spread (no two of a grid
    /// of ids collide, and the low bits a dictionary uses take many values).
    @Test("queue keys of distinct ids hash apart")
    func queueKeyHashesSpread() {
        var hashes = Set<Int>()
        var lowBits = Set<Int>()
        for department in Int32(0)..<64 {
            for language in Int32(0)..<64 {
                let hash = QueueKey(department: department, language: language)._rawHashValue(seed: 12345)
                hashes.insert(hash)
                lowBits.insert(hash & 1023)
            }
        }
        #expect(hashes.count == 64 * 64)
        #expect(lowBits.count > 900)
        var counts: [QueueKey: Int] = [:]
        for id in Int32(0)..<100 { counts[QueueKey(department: id % 7, language: id % 5), default: 0] += 1 }
        #expect(counts.count == 35 && counts.values.reduce(0, +) == 100)
    }
}

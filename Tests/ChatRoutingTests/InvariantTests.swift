import Testing

@testable import ChatRouting

/// Random event sequences (seeded) checked against the routing invariants after every step.
@Suite("Routing invariants")
struct InvariantTests {
    @Test(
        "capacity is never exceeded, nobody waits while a qualified agent has room, and every chat is accounted for",
        arguments: [(1 as UInt64, RoutingConfiguration.Assignment.leastLoaded), (2, .fillFirst), (3, .leastLoaded)]
    )
    func randomWalk(seed: UInt64, assignment: RoutingConfiguration.Assignment) throws {
        var rng = SeededGenerator(seed: seed)
        var center = ContactCenter(configuration: .init(assignment: assignment, bots: ["faq": .init(resolvedShare: 0.4)]))
        let languages = ["en", "es", "hi"]
        let departments = ["sales", "support", "faq"]
        var now = 0.0
        for step in 0..<4_000 {
            now += Double.random(in: 0..<2, using: &rng)
            let roll = Int.random(in: 0..<100, using: &rng)
            let snapshot = center.snapshot(now: now)
            switch roll {
            case 0..<6:
                let id = "a\(Int.random(in: 0..<12, using: &rng))"
                _ = try? center.agentLoggedIn(
                    agent(
                        id,
                        languages: Array(languages.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng))),
                        departments: Array(departments.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng))),
                        capacity: Int.random(in: 1...3, using: &rng)
                    ),
                    now: now
                )
            case 6..<9:
                _ = center.agentLoggedOut("a\(Int.random(in: 0..<12, using: &rng))", now: now)
            case 9..<12:
                let status = Availability.allCases.randomElement(using: &rng)!
                _ = try? center.setAvailability(status, agent: "a\(Int.random(in: 0..<12, using: &rng))", now: now)
            case 12..<50:
                let id = "v\(step)"
                center.visitorArrived(VisitorProfile(id: id, language: languages.randomElement(using: &rng)!, region: "r"))
                _ = try center.request(
                    visitor: id,
                    department: departments.randomElement(using: &rng)!,
                    text: step.isMultiple(of: 3) ? "question \(step)" : nil,
                    now: now,
                    using: &rng
                )
            default:
                // End, leave, transfer or disconnect a random known chat.
                guard let chat = center.chats.values.randomElement(using: &rng) else { break }
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: _ = try? center.end(chat: chat.id, by: .visitor(center.visitorID(of: chat)), now: now)
                case 1: _ = try? center.leave(chat: chat.id, visitor: center.visitorID(of: chat), now: now)
                case 2:
                    if let slot = chat.agentSlot {
                        _ = try center.transfer(
                            chat: chat.id,
                            by: center.agents[slot].id,
                            to: departments.randomElement(using: &rng)!,
                            now: now
                        )
                    }
                default: _ = center.visitorLeft(center.visitorID(of: chat), now: now)
                }
            }
            _ = snapshot
            try checkInvariants(center)
        }
        #expect(center.counters.chatsAssigned > 100, "the walk must exercise assignment")
    }

    private func checkInvariants(_ center: ContactCenter) throws {
        for agent in center.agents {
            #expect(agent.chats.count <= agent.profile.capacity)
            if agent.status == .offline || agent.status == .away { #expect(agent.chats.isEmpty) }
            for chat in agent.chats { #expect(center.chats[chat]?.agentSlot.map { center.agents[$0].id } == agent.id) }
        }
        var queued = 0
        for (key, queue) in center.queues {
            queued += queue.count
            guard let head = queue.first else { continue }
            // Work conservation: no online agent with this skill has room while the queue is not empty.
            #expect(center.selectAgent(for: key, overflow: false) == nil, "queue \(key) waits while an agent has room")
            #expect(center.canServe(key), "queue \(key) waits although nobody can serve it")
            #expect(center.chats[head.chat]?.phase == .queued)
        }
        #expect(center.queues.chatCount == queued, "the count of queued chats follows the queues")
        let active = center.agents.reduce(0) { $0 + $1.chats.count }
        #expect(queued + active == center.chats.count, "every open chat is either queued or with an agent")
        // The chat table keeps no names: an open chat's visitor is there, with this chat open, and its text is
        // kept beside the table while the chat is open, and only then.
        var withText = 0
        for chat in center.chats.values {
            #expect(center.visitors.contains(chat.visitorHandle), "chat \(chat.id) outlived its visitor")
            if center.visitors.contains(chat.visitorHandle) {
                #expect(center.visitors[chat.visitorHandle].openChat == chat.id)
            }
            #expect(chat.hasText == (center.requestTexts[chat.id] != nil))
            if chat.hasText { withText += 1 }
        }
        #expect(center.requestTexts.count == withText, "the texts of closed chats are dropped")
        let c = center.counters
        #expect(
            c.chatsRequested
                == c.botResolved + c.tickets + c.chatsAbandoned + c.chatsEnded + center.chats.count,
            "every request ends as exactly one outcome or is still open"
        )
    }
}

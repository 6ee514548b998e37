import Testing

@testable import ChatRouting

/// Random event sequences (seeded) over many agents with mixed profiles, checking after every call that the
/// pool index matches the agents and that the indexed selection picks exactly the agent the old scan picked.
@Suite("Agent pool index")
struct PoolIndexTests {
    static let languages = ["en", "es", "hi", "ja"]
    static let departments = ["sales", "support", "billing"]

    @Test(
        "the indexed selection equals the linear scan after every event",
        arguments: [
            (1 as UInt64, RoutingConfiguration.Assignment.leastLoaded, 20.0 as Double?),
            (2, .fillFirst, 20.0),
            (3, .leastLoaded, nil),
            (4, .fillFirst, nil),
        ]
    )
    func matchesLinearScan(seed: UInt64, assignment: RoutingConfiguration.Assignment, overflowAfter: Double?) throws {
        var walk = Walk(seed: seed, configuration: .init(assignment: assignment, overflowAfter: overflowAfter))
        for _ in 0..<2_000 {
            try walk.step()
            try compare(walk.center, using: &walk.rng)
        }
        #expect(walk.center.counters.chatsAssigned > 300, "the walk must exercise assignment")
        #expect(walk.center.counters.transfers > 10, "the walk must exercise transfers")
        #expect(walk.center.counters.chatsRequeued > 10, "the walk must exercise agents going away")
        if overflowAfter != nil { #expect(walk.overflowAssignments > 5, "the walk must exercise overflow") }
    }

    @Test("a pool's next best agent stands in for an excluded top")
    func excludedTop() throws {
        var center = ContactCenter()
        for (index, id) in ["a", "b", "c", "d"].enumerated() {
            _ = try center.agentLoggedIn(agent(id, capacity: 2), now: Double(index))
        }
        let key = QueueKey(department: center.departments.existing("sales")!, language: center.languages.existing("en")!)
        let oracle = LinearSelection(center)
        for excluded in [nil] + Array(center.agents.indices) {
            #expect(
                center.selectAgent(for: key, overflow: false, excluding: excluded)
                    == oracle.selectAgent(for: key, overflow: false, excluding: excluded)
            )
        }
        #expect(center.selectAgent(for: key, overflow: false, excluding: 0) == 1, "b waited longest after a")
    }

    /// Checks the index, then every queue key with and without overflow, excluding nobody, the chosen agent
    /// itself (which forces the next best) and a random agent. Mismatches are gathered and expected once per step
    /// (an `#expect` per comparison would dominate the test's time).
    private func compare(_ center: ContactCenter, using rng: inout SeededGenerator) throws {
        var problems = center.checkIndex()
        let oracle = LinearSelection(center)
        for department in center.departments.names.indices {
            for language in center.languages.names.indices {
                let key = QueueKey(department: Int32(department), language: Int32(language))
                if center.canServe(key) != oracle.canServe(key) { problems.append("canServe \(key)") }
                if center.pools.anyRoom(for: key) != oracle.anyRoom(key) { problems.append("anyRoom \(key)") }
                if center.pools.anyMember(withSkill: key, where: { center.agents[$0].status != .offline })
                    != oracle.anyLoggedIn(key)
                {
                    problems.append("anyMember \(key)")
                }
                for overflow in [false, true] {
                    let chosen = center.selectAgent(for: key, overflow: overflow)
                    let random = center.agents.indices.randomElement(using: &rng)
                    for excluded in [nil, chosen, random] {
                        let indexed = excluded == nil ? chosen : center.selectAgent(for: key, overflow: overflow, excluding: excluded)
                        let linear = oracle.selectAgent(for: key, overflow: overflow, excluding: excluded)
                        if indexed != linear {
                            problems.append(
                                "\(key) overflow \(overflow) excluding \(excluded as Int?): \(indexed as Int?) ≠ \(linear as Int?)"
                            )
                        }
                    }
                }
            }
        }
        try #require(problems.isEmpty, "\(problems)")
    }
}

/// One contact centre driven by seeded random events.
private struct Walk {
    var rng: SeededGenerator
    var center: ContactCenter
    var now = 0.0
    var visitors = 0
    /// Languages of each agent's current profile, to spot assignments through translation.
    var spoken: [String: [String]] = [:]
    var overflowAssignments = 0

    init(seed: UInt64, configuration: RoutingConfiguration) {
        rng = SeededGenerator(seed: seed)
        center = ContactCenter(configuration: configuration)
    }

    mutating func step() throws {
        // Often no time passes, so least-loaded ties on the last assignment time go to the login order.
        if Bool.random(using: &rng) { now += Double.random(in: 0..<3, using: &rng) }
        let agentID = "a\(Int.random(in: 0..<40, using: &rng))"
        var actions: [RoutingAction] = []
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<8:
            let profile = agent(
                agentID,
                languages: pick(PoolIndexTests.languages, upTo: 2),
                departments: pick(PoolIndexTests.departments, upTo: 2),
                capacity: Int.random(in: 1...3, using: &rng),
                translation: Int.random(in: 0..<4, using: &rng) == 0
            )
            if let done = try? center.agentLoggedIn(profile, now: now) {
                spoken[agentID] = profile.languages
                actions = done
            }
        case 8..<10:
            actions = center.agentLoggedOut(agentID, now: now)
        case 10..<15:
            let status = Availability.allCases.randomElement(using: &rng)!
            actions = (try? center.setAvailability(status, agent: agentID, now: now)) ?? []
        case 15..<55:
            visitors += 1
            let id = "v\(visitors)"
            center.visitorArrived(VisitorProfile(id: id, language: PoolIndexTests.languages.randomElement(using: &rng)!, region: "r"))
            actions = try center.request(
                visitor: id,
                department: PoolIndexTests.departments.randomElement(using: &rng)!,
                now: now,
                using: &rng
            )
        case 55..<60:
            actions = center.tick(now: now)
        default:
            guard let chat = center.chats.values.randomElement(using: &rng) else { break }
            switch Int.random(in: 0..<5, using: &rng) {
            case 0, 1: actions = (try? center.end(chat: chat.id, by: .visitor(center.visitorID(of: chat)), now: now)) ?? []
            case 2: actions = (try? center.leave(chat: chat.id, visitor: center.visitorID(of: chat), now: now)) ?? []
            case 3:
                guard let slot = chat.agentSlot else { break }
                let department = PoolIndexTests.departments.randomElement(using: &rng)!
                actions = try center.transfer(chat: chat.id, by: center.agents[slot].id, to: department, now: now)
            default: actions = center.visitorLeft(center.visitorID(of: chat), now: now)
            }
        }
        for case .assigned(_, _, let agent, _, let language, _) in actions where !(spoken[agent]?.contains(language) ?? true) {
            overflowAssignments += 1
        }
    }

    private mutating func pick(_ names: [String], upTo count: Int) -> [String] {
        Array(names.shuffled(using: &rng).prefix(Int.random(in: 1...count, using: &rng)))
    }
}

import ChatRouting

/// A small seeded generator for deterministic tests (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func agent(
    _ id: String,
    languages: [String] = ["en"],
    departments: [String] = ["sales"],
    capacity: Int = 1,
    site: String? = nil,
    translation: Bool = false
) -> AgentProfile {
    AgentProfile(id: id, languages: languages, departments: departments, capacity: capacity, site: site, translation: translation)
}

extension ContactCenter {
    /// Says hello for a visitor and requests a chat in one step.
    mutating func arrive(
        _ visitor: String,
        language: String = "en",
        department: String = "sales",
        previousAgent: String? = nil,
        text: String? = nil,
        now: Double
    ) throws -> [RoutingAction] {
        var rng = SeededGenerator(seed: 7)
        visitorArrived(VisitorProfile(id: visitor, language: language, region: "emea", previousAgent: previousAgent))
        return try request(visitor: visitor, department: department, text: text, now: now, using: &rng)
    }
}

extension [RoutingAction] {
    /// (chat, visitor, agent) of every `assigned` action.
    var assignments: [(chat: ChatID, visitor: String, agent: String)] {
        compactMap {
            if case .assigned(let chat, let visitor, let agent, _, _, _) = $0 { return (chat, visitor, agent) }
            return nil
        }
    }

    /// visitor → position of every `queued` action.
    var positions: [String: Int] {
        var result: [String: Int] = [:]
        for case .queued(_, let visitor, let position, _, _) in self { result[visitor] = position }
        return result
    }

    var tickets: [(id: UInt64, visitor: String)] {
        compactMap {
            if case .ticket(let id, _, let visitor, _) = $0 { return (id, visitor) }
            return nil
        }
    }

    func ended(to participant: Participant) -> [ChatEnd] {
        compactMap {
            if case .ended(_, participant, let reason) = $0 { return reason }
            return nil
        }
    }
}

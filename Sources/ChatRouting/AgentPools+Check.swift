extension AgentPools {
    /// What the index should hold for one agent slot, worked out from the agent itself.
    struct Expected: Sendable {
        var skills: [QueueKey]
        var translation: Bool
        var online: Bool
        /// The rank when the agent has room, nil otherwise.
        var rank: Rank?
    }

    /// Compares the whole index with the agents' states (slot `i` of `expected` is agent slot `i`) and returns
    /// every mismatch found, empty when the index is right. O(agents × skills): for tests only.
    func problems(expecting expected: [Expected]) -> [String] {
        var problems: [String] = []
        if poolOf.count != expected.count { problems.append("\(poolOf.count) slots placed, \(expected.count) agents") }
        var onlineSkills: [QueueKey: Int] = [:]
        var onlineDepartments: [Int32: Int] = [:]
        var withRoom = 0
        for (slot, agent) in expected.enumerated() where slot < poolOf.count {
            let pool = poolOf[slot]
            let identity = Identity(skills: Set(agent.skills), translation: agent.translation)
            guard pool >= 0, pools[pool].identity == identity else {
                problems.append("slot \(slot) is in pool \(pool), not in the pool of its profile")
                continue
            }
            if pools[pool].members.count(where: { $0 == slot }) != 1 { problems.append("slot \(slot) not once in members") }
            if isOnline[slot] != agent.online { problems.append("slot \(slot) online \(isOnline[slot]), expected \(agent.online)") }
            if agent.online {
                for key in pools[pool].skills { onlineSkills[key, default: 0] += 1 }
                for department in pools[pool].translatedDepartments { onlineDepartments[department, default: 0] += 1 }
            }
            let index = position[slot]
            if let rank = agent.rank {
                withRoom += 1
                let heap = pools[pool].heap
                if index < 0 || index >= heap.count || heap[index] != Entry(slot: slot, rank: rank) {
                    problems.append("slot \(slot) has room with \(rank) but is not at heap index \(index)")
                }
            } else if index != -1 {
                problems.append("slot \(slot) has no room but sits at heap index \(index)")
            }
        }
        if onlineSkills != onlineBySkill.filter({ $0.value != 0 }) { problems.append("online counts by skill differ") }
        if onlineDepartments != onlineTranslators.filter({ $0.value != 0 }) {
            problems.append("online translator counts differ")
        }
        if pools.reduce(0, { $0 + $1.heap.count }) != withRoom { problems.append("heaps hold agents without room") }
        for (index, pool) in pools.enumerated() {
            for (offset, entry) in pool.heap.enumerated().dropFirst() where entry.rank.precedes(pool.heap[(offset - 1) / 2].rank) {
                problems.append("pool \(index): heap order broken at \(offset)")
            }
            for member in pool.members where poolOf[member] != index { problems.append("pool \(index): stray member \(member)") }
            for key in pool.skills where !(poolsBySkill[key]?.contains(index) ?? false) {
                problems.append("pool \(index) missing from skill lookup")
            }
        }
        return problems
    }
}

/// Agents grouped by routing profile, each group keeping its agents with room in a heap, so that choosing the
/// agent for a chat reads a few heap tops instead of scanning every agent with the skill.
///
/// Agents with the same skills and the same translation flag form a *pool* (a site of a traffic profile is
/// typically one pool). Per pool, the agents that have room (online and below capacity) sit in a binary
/// min-heap by ``Rank``: the best one is read in O(1), a change of load or status costs O(log n). The rank
/// is a strict total order (login orders are unique), so the best agent over several pools does not
/// depend on the order the pools are read in.
///
/// The index knows slots, ranks and flags only; ``ContactCenter`` tells it about every change of an agent
/// through `update(_:online:rank:)` (see `ContactCenter+AgentIndex.swift`).
///
/// Hand-written rather than swift-collections' `Heap`: that heap cannot find, re-rank or remove an
/// element in the middle, which every assignment and chat end needs here.
struct AgentPools: Sendable {
    /// Orders agents with room: the one whose rank precedes takes the chat.
    struct Rank: Sendable, Hashable {
        var primary: Int
        var secondary: Double
        var loginOrder: Int

        /// Lexicographic, exactly as Swift compares the tuple `(primary, secondary, loginOrder)`.
        func precedes(_ other: Rank) -> Bool {
            if primary != other.primary { return primary < other.primary }
            if secondary != other.secondary { return secondary < other.secondary }
            return loginOrder < other.loginOrder
        }
    }

    struct Entry: Sendable, Hashable {
        var slot: Int
        var rank: Rank
    }

    /// What makes agents interchangeable for the index.
    struct Identity: Sendable, Hashable {
        var skills: Set<QueueKey>
        var translation: Bool
    }

    struct Pool: Sendable {
        var identity: Identity
        /// The distinct skills of its agents.
        var skills: [QueueKey]
        /// The departments whose chats its agents take through translation (empty when they do not translate).
        var translatedDepartments: [Int32]
        /// Every agent slot placed in the pool, whatever its status.
        var members: [Int] = []
        /// The agents with room, a binary min-heap by rank.
        var heap: [Entry] = []

        /// The best agent with room other than `excluded`.
        func top(excluding excluded: Int?) -> Entry? {
            guard let first = heap.first else { return nil }
            guard first.slot == excluded else { return first }
            // The next best of a heap is the better of the root's children.
            guard heap.count > 1 else { return nil }
            guard heap.count > 2 else { return heap[1] }
            return heap[2].rank.precedes(heap[1].rank) ? heap[2] : heap[1]
        }
    }

    let assignment: RoutingConfiguration.Assignment
    // Changed only by `place` and `update` (AgentPools+Updates.swift); `problems(expecting:)` checks them.
    var pools: [Pool] = []
    var poolByIdentity: [Identity: Int] = [:]
    /// Pools by skill, and pools by department they translate for.
    var poolsBySkill: [QueueKey: [Int]] = [:]
    var poolsByTranslatedDepartment: [Int32: [Int]] = [:]
    /// Online agents by skill, and online translating agents by department.
    var onlineBySkill: [QueueKey: Int] = [:]
    var onlineTranslators: [Int32: Int] = [:]
    /// Per agent slot: its pool (-1 before its first login), its heap index (-1 without room), whether it counts
    /// as online.
    var poolOf: [Int] = []
    var position: [Int] = []
    var isOnline: [Bool] = []

    init(assignment: RoutingConfiguration.Assignment) {
        self.assignment = assignment
    }

    /// The rank of an agent with room under the configured rule: least-loaded orders by (open chats, last
    /// assignment, login order), fill-first by (most open chats, login order).
    func rank(load: Int, lastAssigned: Double, loginOrder: Int) -> Rank {
        switch assignment {
        case .leastLoaded: Rank(primary: load, secondary: lastAssigned, loginOrder: loginOrder)
        case .fillFirst: Rank(primary: -load, secondary: 0, loginOrder: loginOrder)
        }
    }

    // MARK: Queries

    /// The agent with room that takes a chat of `key`: the best top of the pools with the skill and, with
    /// `overflow`, of the pools translating for its department.
    func best(for key: QueueKey, overflow: Bool, excluding excluded: Int?) -> Int? {
        var best: Entry?
        func consider(_ pools: [Int]) {
            for index in pools {
                guard let top = self.pools[index].top(excluding: excluded) else { continue }
                if let current = best, !top.rank.precedes(current.rank) { continue }
                best = top
            }
        }
        if let skilled = poolsBySkill[key] { consider(skilled) }
        if overflow, let translating = poolsByTranslatedDepartment[key.department] { consider(translating) }
        return best?.slot
    }

    /// True while an online agent has the skill, or (with `overflow`) translates for its department.
    func anyOnline(for key: QueueKey, overflow: Bool) -> Bool {
        if onlineBySkill[key, default: 0] > 0 { return true }
        return overflow && onlineTranslators[key.department, default: 0] > 0
    }

    /// True while an agent with the skill has room.
    func anyRoom(for key: QueueKey) -> Bool {
        poolsBySkill[key]?.contains { !pools[$0].heap.isEmpty } ?? false
    }

    /// True when some agent placed with the skill satisfies `predicate`.
    func anyMember(withSkill key: QueueKey, where predicate: (Int) -> Bool) -> Bool {
        poolsBySkill[key]?.contains { pools[$0].members.contains(where: predicate) } ?? false
    }
}

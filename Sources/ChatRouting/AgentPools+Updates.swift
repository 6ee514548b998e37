extension AgentPools {
    // MARK: Changes

    /// Puts an agent slot into the pool of its (new) profile, taking it out of its previous pool first.
    /// The slot is offline and without room afterwards until the next `update`.
    mutating func place(_ slot: Int, skills: [QueueKey], translation: Bool) {
        while poolOf.count <= slot {
            poolOf.append(-1)
            position.append(-1)
            isOnline.append(false)
        }
        if poolOf[slot] >= 0 {
            update(slot, online: false, rank: nil)
            pools[poolOf[slot]].members.removeAll { $0 == slot }
        }
        let identity = Identity(skills: Set(skills), translation: translation)
        let index = poolByIdentity[identity] ?? addPool(identity, skills: skills)
        pools[index].members.append(slot)
        poolOf[slot] = index
    }

    /// Records an agent's current state: whether it is online, and its rank when it has room (nil otherwise).
    mutating func update(_ slot: Int, online: Bool, rank: Rank?) {
        let pool = poolOf[slot]
        precondition(pool >= 0, "agent slot \(slot) was never placed")
        if online != isOnline[slot] {
            isOnline[slot] = online
            countOnline(pool, by: online ? 1 : -1)
        }
        let index = position[slot]
        switch rank {
        case let rank? where index >= 0:
            let old = pools[pool].heap[index].rank
            guard old != rank else { return }
            pools[pool].heap[index].rank = rank
            if rank.precedes(old) { siftUp(pool, from: index) } else { siftDown(pool, from: index) }
        case let rank?:
            pools[pool].heap.append(Entry(slot: slot, rank: rank))
            siftUp(pool, from: pools[pool].heap.count - 1)
        case nil where index >= 0:
            position[slot] = -1
            let last = pools[pool].heap.removeLast()
            guard index < pools[pool].heap.count else { return }
            let old = pools[pool].heap[index].rank
            pools[pool].heap[index] = last
            if last.rank.precedes(old) { siftUp(pool, from: index) } else { siftDown(pool, from: index) }
        case nil:
            break
        }
    }

    private mutating func addPool(_ identity: Identity, skills: [QueueKey]) -> Int {
        // Through sets: by the arrays' `contains` this was quadratic in an agent's skills (a language per
        // department), and one hello with a thousand of each held the server for minutes.
        var seen: Set<QueueKey> = []
        let distinct = skills.filter { seen.insert($0).inserted }
        var departments: [Int32] = []
        if identity.translation {
            var seenDepartments: Set<Int32> = []
            departments = distinct.map(\.department).filter { seenDepartments.insert($0).inserted }
        }
        let index = pools.count
        pools.append(Pool(identity: identity, skills: distinct, translatedDepartments: departments))
        poolByIdentity[identity] = index
        for key in distinct { poolsBySkill[key, default: []].append(index) }
        for department in departments { poolsByTranslatedDepartment[department, default: []].append(index) }
        return index
    }

    private mutating func countOnline(_ pool: Int, by delta: Int) {
        for key in pools[pool].skills { onlineBySkill[key, default: 0] += delta }
        for department in pools[pool].translatedDepartments { onlineTranslators[department, default: 0] += delta }
    }

    // MARK: Heap

    /// Moves the entry at `start` towards the root while it precedes its parent (a hole moves down instead of
    /// swapping), keeping `position` in step.
    private mutating func siftUp(_ pool: Int, from start: Int) {
        let entry = pools[pool].heap[start]
        var index = start
        while index > 0 {
            let parent = (index - 1) / 2
            let above = pools[pool].heap[parent]
            guard entry.rank.precedes(above.rank) else { break }
            pools[pool].heap[index] = above
            position[above.slot] = index
            index = parent
        }
        pools[pool].heap[index] = entry
        position[entry.slot] = index
    }

    /// Moves the entry at `start` towards the leaves while a child precedes it.
    private mutating func siftDown(_ pool: Int, from start: Int) {
        let entry = pools[pool].heap[start]
        let count = pools[pool].heap.count
        var index = start
        while true {
            let left = 2 * index + 1
            guard left < count else { break }
            var child = left
            var below = pools[pool].heap[left]
            if left + 1 < count {
                let right = pools[pool].heap[left + 1]
                if right.rank.precedes(below.rank) {
                    child = left + 1
                    below = right
                }
            }
            guard below.rank.precedes(entry.rank) else { break }
            pools[pool].heap[index] = below
            position[below.slot] = index
            index = child
        }
        pools[pool].heap[index] = entry
        position[entry.slot] = index
    }
}

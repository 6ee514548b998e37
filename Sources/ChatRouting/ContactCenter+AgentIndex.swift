extension ContactCenter {
    // MARK: Changing agents

    // Every change of an agent's status, open chats, last assignment or profile goes through these methods,
    // which end in `reindex`, so the pool index (`AgentPools`) never lags behind `agents`. `checkIndex()`
    // compares the two.

    /// Brings the pool index up to date with one agent slot.
    mutating func reindex(_ slot: Int) {
        let online = agents[slot].status == .online
        let rank =
            online && agents[slot].chats.count < agents[slot].profile.capacity
            ? pools.rank(load: agents[slot].chats.count, lastAssigned: agents[slot].lastAssigned, loginOrder: agents[slot].loginOrder)
            : nil
        pools.update(slot, online: online, rank: rank)
    }

    /// Stores a freshly logged-in agent, reusing its slot from an earlier login, and returns the slot.
    mutating func placeAgent(_ state: AgentState) -> Int {
        let slot: Int
        if let existing = agentSlots[state.id] {
            slot = existing
            agents[slot] = state
        } else {
            slot = agents.count
            agents.append(state)
            agentSlots[state.id] = slot
        }
        pools.place(slot, skills: state.skills, translation: state.profile.translation)
        reindex(slot)
        return slot
    }

    mutating func setStatus(_ status: AgentState.Status, of slot: Int) {
        agents[slot].status = status
        reindex(slot)
    }

    /// Gives an agent a chat, which makes it the most recently assigned.
    mutating func addChat(_ chat: ChatID, to slot: Int, now: Double) {
        agents[slot].chats.append(chat)
        agents[slot].lastAssigned = now
        reindex(slot)
    }

    mutating func removeChat(_ chat: ChatID, from slot: Int) {
        agents[slot].chats.removeAll { $0 == chat }
        reindex(slot)
    }

    /// Takes all open chats from an agent and returns them.
    mutating func removeAllChats(of slot: Int) -> [ChatID] {
        let open = agents[slot].chats
        agents[slot].chats.removeAll()
        reindex(slot)
        return open
    }

    // MARK: Checking

    /// Every difference between the pool index and a brute-force look at the agents; empty when the index is
    /// right. For tests: it is O(agents × skills).
    func checkIndex() -> [String] {
        pools.problems(
            expecting: agents.map { agent in
                AgentPools.Expected(
                    skills: agent.skills,
                    translation: agent.profile.translation,
                    online: agent.status == .online,
                    rank: agent.hasRoom
                        ? pools.rank(load: agent.chats.count, lastAssigned: agent.lastAssigned, loginOrder: agent.loginOrder)
                        : nil
                )
            }
        )
    }
}

extension ContactCenter {
    // MARK: Agent slots

    /// The agent's slot: agents are numbered from 0 in the order of their first login and keep the number across
    /// logins; nil before the first. A runner that keeps state per agent can find an agent by number instead of by
    /// name (with `agentSlot(ofChat:)`).
    public func agentSlot(of agent: String) -> Int? { agentSlots[agent] }

    /// The slot of the agent holding an active chat; nil while the chat waits, or when it is unknown or over.
    public func agentSlot(ofChat chat: ChatID) -> Int? {
        guard let bucket = chats.bucket(of: chat) else { return nil }
        return chats[bucket: bucket].agentSlot
    }
}

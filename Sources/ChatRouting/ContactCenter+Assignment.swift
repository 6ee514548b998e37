extension ContactCenter {
    /// True while some online agent could take a chat of this queue (directly, or through translation when
    /// overflow is configured).
    func canServe(_ key: QueueKey) -> Bool {
        pools.anyOnline(for: key, overflow: configuration.overflowAfter != nil)
    }

    func overflowAllowed(since: Double, now: Double) -> Bool {
        guard let after = configuration.overflowAfter else { return false }
        return now - since >= after
    }

    /// The agent that takes a chat of `key` now, by the configured rule, or nil when none has room: with
    /// least-loaded the smallest (open chats, last assignment, login order), with fill-first the most open chats,
    /// then the smallest login order, among agents with the skill (and, with `overflow`, the translating agents
    /// of the department).
    func selectAgent(for key: QueueKey, overflow: Bool, excluding excluded: Int? = nil) -> Int? {
        pools.best(for: key, overflow: overflow, excluding: excluded)
    }

    /// Starts a queued chat with an agent.
    mutating func assign(_ chatID: ChatID, to slot: Int, now: Double) -> RoutingAction {
        let bucket = chats.bucket(of: chatID)!
        chats[bucket: bucket].phase = .active(agent: slot)
        let chat = chats[bucket: bucket]
        addChat(chatID, to: slot, now: now)
        counters.chatsAssigned += 1
        counters.queueWaitSeconds += max(0, now - chat.requestedAt)
        return .assigned(
            chat: chatID,
            visitor: visitorID(of: chat),
            agent: agents[slot].profile.id,
            department: departments[chat.key.department],
            language: languages[chat.key.language],
            text: text(of: chat)
        )
    }

    /// Gives an agent with room the longest-waiting chats of the queues it can serve.
    mutating func drain(agent slot: Int, now: Double, into actions: inout [RoutingAction]) {
        var touched: [QueueKey] = []
        while queues.chatCount > 0, agents[slot].hasRoom {
            var best: (key: QueueKey, since: Double)?
            func consider(_ key: QueueKey) {
                guard let head = queues.head(of: key) else { return }
                if best == nil || head.since < best!.since { best = (key, head.since) }
            }
            for key in agents[slot].skills { consider(key) }
            if agents[slot].profile.translation, configuration.overflowAfter != nil {
                // The keys first (integers), the queue only for a key the agent could take through translation.
                for key in queues.keys
                where agents[slot].departments.contains(key.department) && !agents[slot].languages.contains(key.language) {
                    if let head = queues.head(of: key), overflowAllowed(since: head.since, now: now) { consider(key) }
                }
            }
            guard let key = best?.key, let entry = queues.popFirst(of: key) else { break }
            actions.append(assign(entry.chat, to: slot, now: now))
            if !touched.contains(key) { touched.append(key) }
        }
        for key in touched { announcePositions(key, from: 1, into: &actions) }
    }

    /// Assigns a queue's head chats while some agent has room for them.
    mutating func drain(queue key: QueueKey, now: Double, into actions: inout [RoutingAction]) {
        var moved = false
        while let head = queues.head(of: key),
            let slot = selectAgent(for: key, overflow: overflowAllowed(since: head.since, now: now))
        {
            _ = queues.popFirst(of: key)
            actions.append(assign(head.chat, to: slot, now: now))
            moved = true
        }
        if moved { announcePositions(key, from: 1, into: &actions) }
    }

    /// Sends `queued` to the visitors at `position` and behind, up to the update limit (none when position changes
    /// are not announced).
    func announcePositions(_ key: QueueKey, from position: Int, into actions: inout [RoutingAction]) {
        guard configuration.announcesPositionChanges, position <= configuration.positionUpdateLimit else { return }
        announce(key, positions: position...configuration.positionUpdateLimit, into: &actions)
    }

    /// Chats just put back at the head of a queue learn their places: with the positions of everyone behind when
    /// changes are announced, else only theirs (the first `count`).
    func announceRequeued(_ key: QueueKey, count: Int, into actions: inout [RoutingAction]) {
        if configuration.announcesPositionChanges {
            announcePositions(key, from: 1, into: &actions)
        } else {
            announce(key, positions: 1...count, into: &actions)
        }
    }

    /// Sends `queued` to the visitors at `positions` (1-based) of the queue.
    private func announce(_ key: QueueKey, positions: ClosedRange<Int>, into actions: inout [RoutingAction]) {
        guard let queue = queues[key] else { return }
        let department = departments[key.department]
        let language = languages[key.language]
        for (offset, entry) in queue.entries.enumerated().dropFirst(positions.lowerBound - 1) {
            let place = offset + 1
            guard place <= positions.upperBound else { break }
            guard let chat = chats[entry.chat] else { continue }
            actions.append(
                .queued(chat: entry.chat, visitor: visitorID(of: chat), position: place, department: department, language: language)
            )
        }
    }

    /// Takes a queued chat out of its queue and tells those behind their new positions.
    mutating func removeFromQueue(_ chat: ChatState, now: Double, into actions: inout [RoutingAction]) {
        guard let position = queues.remove(chat.id, from: chat.key) else { return }
        announcePositions(chat.key, from: position, into: &actions)
    }

    /// Turns every chat waiting in a queue that no online agent can serve into a ticket.
    mutating func ticketUnservable(_ keys: [QueueKey], now: Double, into actions: inout [RoutingAction]) {
        for key in keys where !(queues[key]?.isEmpty ?? true) && !canServe(key) {
            while let entry = queues.popFirst(of: key) {
                guard let (chat, text) = closeChat(entry.chat) else { continue }
                visitors.ifPresent(chat.visitorHandle) { $0.openChat = nil }
                actions.append(makeTicket(chat.id, visitor: visitorID(of: chat), key: key, text: text, now: now))
            }
        }
    }

    /// The id of the chat's visitor, who is there while the chat is open.
    func visitorID(of chat: ChatState) -> String {
        visitors.id(of: chat.visitorHandle)
    }

    /// The text the chat was requested with.
    func text(of chat: ChatState) -> String? {
        chat.hasText ? requestTexts[chat.id] : nil
    }

    /// Takes a chat out of the table, with the text it was requested with.
    @discardableResult
    mutating func closeChat(_ chatID: ChatID) -> (chat: ChatState, text: String?)? {
        guard let chat = chats.removeValue(forKey: chatID) else { return nil }
        return (chat, chat.hasText ? requestTexts.removeValue(forKey: chatID) : nil)
    }

    mutating func makeTicket(_ chat: ChatID, visitor: String, key: QueueKey, text: String?, now: Double) -> RoutingAction {
        let ticket = Ticket(
            id: nextTicket,
            chat: chat,
            visitor: visitor,
            department: departments[key.department],
            language: languages[key.language],
            text: text,
            createdAt: now
        )
        nextTicket += 1
        tickets.append(ticket)
        counters.tickets += 1
        return .ticket(id: ticket.id, chat: chat, visitor: visitor, department: ticket.department)
    }

    /// Closes an active chat on the agent's side and lets the agent take the next one.
    mutating func finish(_ chatID: ChatID, agentSlot slot: Int, now: Double, into actions: inout [RoutingAction]) {
        guard let (chat, _) = closeChat(chatID) else { return }
        removeChat(chatID, from: slot)
        visitors.ifPresent(chat.visitorHandle) { $0.closeOpenChat(chatID) }
        counters.chatsEnded += 1
        drain(agent: slot, now: now, into: &actions)
    }
}

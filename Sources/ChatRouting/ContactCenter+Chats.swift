extension ContactCenter {
    // MARK: Requests

    /// A visitor asks for a chat: the bot answers first where one is configured, then an agent takes it,
    /// it waits in its queue, or, when nobody online could ever serve it, it becomes a ticket.
    public mutating func request(
        visitor visitorID: String,
        department: String,
        language: String? = nil,
        text: String? = nil,
        now: Double,
        using rng: inout some RandomNumberGenerator
    ) throws(RoutingError) -> [RoutingAction] {
        var actions: [RoutingAction] = []
        try request(visitor: visitorID, department: department, language: language, text: text, now: now, using: &rng, into: &actions)
        return actions
    }

    /// `request(visitor:department:language:text:now:using:)` appending its actions to `actions` (a caller that
    /// routes many requests reuses one buffer instead of an array per call). Nothing is appended when it throws.
    public mutating func request(
        visitor visitorID: String,
        department: String,
        language: String? = nil,
        text: String? = nil,
        now: Double,
        using rng: inout some RandomNumberGenerator,
        into actions: inout [RoutingAction]
    ) throws(RoutingError) {
        guard let handle = visitors.handle(of: visitorID) else {
            throw RoutingError(.unknownParticipant, "visitor \(visitorID) has not said hello")
        }
        try checkNoOpenChat(handle)
        let key = QueueKey(
            department: departments.id(department),
            language: language.map { languages.id($0) } ?? visitors[handle].language
        )
        request(handle, key: key, text: text, now: now, using: &rng, into: &actions)
    }

    /// A queue's department and language, named once: requests that pass it (`request(visitor:queue:…)`) skip
    /// looking the names up. Valid for this contact centre (and its copies) only.
    public struct QueueName: Sendable, Hashable {
        let key: QueueKey

        /// The queue's language.
        public var language: LanguageName { LanguageName(id: key.language) }
    }

    /// A language as the routing numbers it.
    public struct LanguageName: Sendable, Hashable {
        let id: Int32
    }

    /// The queue of `department` in `language`.
    public mutating func queue(department: String, language: String) -> QueueName {
        QueueName(key: QueueKey(department: departments.id(department), language: languages.id(language)))
    }

    /// `request(visitor:department:language:text:now:using:into:)` by handle, for a queue named before.
    public mutating func request(
        visitor: VisitorHandle,
        queue: QueueName,
        text: String? = nil,
        now: Double,
        using rng: inout some RandomNumberGenerator,
        into actions: inout [RoutingAction]
    ) throws(RoutingError) {
        try checkPresent(visitor)
        try checkNoOpenChat(visitor)
        request(visitor, key: queue.key, text: text, now: now, using: &rng, into: &actions)
    }

    func checkPresent(_ visitor: VisitorHandle) throws(RoutingError) {
        guard visitors.contains(visitor) else { throw RoutingError(.unknownParticipant, "the visitor has left") }
    }

    private func checkNoOpenChat(_ visitor: VisitorHandle) throws(RoutingError) {
        if let open = visitors[visitor].openChat {
            throw RoutingError(.alreadyRequested, "visitor \(visitors.id(of: visitor)) already has chat \(open)")
        }
    }

    /// A request of a visitor that is there and has no open chat.
    private mutating func request(
        _ handle: VisitorHandle,
        key: QueueKey,
        text: String?,
        now: Double,
        using rng: inout some RandomNumberGenerator,
        into actions: inout [RoutingAction]
    ) {
        let visitorID = visitors.id(of: handle)
        let department = departments[key.department]
        let chatID = nextChat
        nextChat += 1
        counters.chatsRequested += 1

        if !configuration.bots.isEmpty, let bot = bot(of: key.department) {
            // `Double.random(in: 0..<1, using:)`'s number, computed as it does (the low 53 bits of one draw): its
            // generic code ran unspecialised here (perf: 1.6 % of a simulated day).
            let resolved = Double(rng.next() & (1 << 53 - 1)) * 0x1p-53 < bot.resolvedShare
            actions.append(.botAnswered(chat: chatID, visitor: visitorID, resolved: resolved))
            if resolved {
                counters.botResolved += 1
                visitors[handle].lastEndedChat = chatID
                visitors[handle].surveyed = false
                actions.append(.ended(chat: chatID, to: .visitor(visitorID), reason: .bot))
                return
            }
            counters.botEscalated += 1
        }

        guard canServe(key) else {
            actions.append(makeTicket(chatID, visitor: visitorID, key: key, text: text, now: now))
            return
        }
        chats[chatID] = ChatState(id: chatID, visitorHandle: handle, key: key, hasText: text != nil, requestedAt: now)
        if let text { requestTexts[chatID] = text }
        visitors[handle].openChat = chatID

        if queues[key]?.isEmpty ?? true {
            let preferred = visitors.previousAgent(of: handle).flatMap { agentSlots[$0] }.flatMap { slot in
                agents[slot].hasRoom && agents[slot].skills.contains(key) ? slot : nil
            }
            if let slot = preferred ?? selectAgent(for: key, overflow: overflowAllowed(since: now, now: now)) {
                actions.append(assign(chatID, to: slot, now: now))
                return
            }
        }
        queues.append(.init(chat: chatID, since: now), to: key)
        actions.append(
            .queued(
                chat: chatID,
                visitor: visitorID,
                position: queues[key]!.count,
                department: department,
                language: languages[key.language]
            )
        )
    }

    /// Re-examines queue heads that have waited long enough for overflow to translating agents.
    /// Call it periodically (the reference server: every second, or more often with a short resume grace) when
    /// `overflowAfter` is set.
    public mutating func tick(now: Double) -> [RoutingAction] {
        guard configuration.overflowAfter != nil else { return [] }
        var actions: [RoutingAction] = []
        for key in queues.keys {
            if let head = queues.head(of: key), overflowAllowed(since: head.since, now: now) {
                drain(queue: key, now: now, into: &actions)
            }
        }
        return actions
    }

    // MARK: Conversation

    /// A chat message from one party: where it goes and with which server sequence number.
    public mutating func relay(chat chatID: ChatID, from sender: Participant, seq: UInt64) throws(RoutingError) -> RelayDecision {
        // One lookup; the checks and the sequence numbers read and change the entry in place, field by field (the
        // hottest call of a conversation: a copy of the whole state, its strings retained and released, was 3 % of a
        // simulated day).
        let bucket = try relayBucket(chatID, seq: seq)
        let slot = chats[bucket: bucket].agentSlot
        let isParty: Bool
        switch sender {
        case .visitor(let id): isParty = visitors.id(of: chats[bucket: bucket].visitorHandle) == id
        case .agent(let id): isParty = slot.map { agents[$0].profile.id == id } ?? false
        }
        guard isParty else { throw RoutingError(.notYourChat, "chat \(chatID) is not yours") }
        guard let slot else { throw RoutingError(.invalidState, "chat \(chatID) has no agent yet") }
        switch sender {
        case .visitor:
            guard let serverSeq = accept(bucket, fromVisitor: true, seq: seq) else { return .duplicate }
            return .deliver(to: .agent(agents[slot].profile.id), serverSeq: serverSeq)
        case .agent:
            guard let serverSeq = accept(bucket, fromVisitor: false, seq: seq) else { return .duplicate }
            return .deliver(to: .visitor(visitors.id(of: chats[bucket: bucket].visitorHandle)), serverSeq: serverSeq)
        }
    }

    /// ``relay(chat:from:seq:)`` for a caller that knows the sender by the handle its hello returned: the same
    /// checks and numbers, without a string compared, retained or released (the simulator relays millions).
    /// - Returns: the server sequence number toward the agent, or nil for a duplicate.
    public mutating func relay(chat chatID: ChatID, fromVisitor visitor: VisitorHandle, seq: UInt64) throws(RoutingError) -> UInt64? {
        let bucket = try relayBucket(chatID, seq: seq)
        guard chats[bucket: bucket].visitorHandle == visitor else { throw RoutingError(.notYourChat, "chat \(chatID) is not yours") }
        guard chats[bucket: bucket].agentSlot != nil else { throw RoutingError(.invalidState, "chat \(chatID) has no agent yet") }
        return accept(bucket, fromVisitor: true, seq: seq)
    }

    /// ``relay(chat:from:seq:)`` for a caller that knows the sending agent by its slot (``agentSlot(of:)``).
    /// - Returns: the server sequence number toward the visitor, or nil for a duplicate.
    public mutating func relay(chat chatID: ChatID, fromAgentSlot agent: Int, seq: UInt64) throws(RoutingError) -> UInt64? {
        let bucket = try relayBucket(chatID, seq: seq)
        guard chats[bucket: bucket].agentSlot == agent else { throw RoutingError(.notYourChat, "chat \(chatID) is not yours") }
        return accept(bucket, fromVisitor: false, seq: seq)
    }

    @inline(__always)
    private func relayBucket(_ chatID: ChatID, seq: UInt64) throws(RoutingError) -> Int {
        guard seq > 0 else { throw RoutingError(.invalidValue, "seq starts at 1") }
        guard let bucket = chats.bucket(of: chatID) else { throw RoutingError(.notYourChat, "chat \(chatID) is not yours") }
        return bucket
    }

    /// Takes a message of one side of the chat in `bucket`: its server sequence number toward the other side, or
    /// nil when the sender repeated a number already accepted.
    @inline(__always)
    private mutating func accept(_ bucket: Int, fromVisitor: Bool, seq: UInt64) -> UInt64? {
        if fromVisitor {
            if seq <= chats[bucket: bucket].visitorSeq { return nil }
            chats[bucket: bucket].visitorSeq = seq
            chats[bucket: bucket].toAgentSeq += 1
            counters.messagesRelayed += 1
            return chats[bucket: bucket].toAgentSeq
        }
        if seq <= chats[bucket: bucket].agentSeq { return nil }
        chats[bucket: bucket].agentSeq = seq
        chats[bucket: bucket].toVisitorSeq += 1
        counters.messagesRelayed += 1
        return chats[bucket: bucket].toVisitorSeq
    }

    /// The other party of an active chat (for typing indicators).
    public func counterpart(chat chatID: ChatID, of sender: Participant) throws(RoutingError) -> Participant {
        let chat = try activeChat(chatID, of: sender)
        switch sender {
        case .visitor: return .agent(agents[chat.agentSlot!].id)
        case .agent: return .visitor(visitorID(of: chat))
        }
    }

    private func activeChat(_ chatID: ChatID, of sender: Participant) throws(RoutingError) -> ChatState {
        guard let chat = chats[chatID], isParty(sender, of: chat) else {
            throw RoutingError(.notYourChat, "chat \(chatID) is not yours")
        }
        guard chat.agentSlot != nil else { throw RoutingError(.invalidState, "chat \(chatID) has no agent yet") }
        return chat
    }

    private func isParty(_ participant: Participant, of chat: ChatState) -> Bool {
        switch participant {
        case .visitor(let id): return visitorID(of: chat) == id
        case .agent(let id): return chat.agentSlot.map { agents[$0].profile.id == id } ?? false
        }
    }

    /// A party ends a chat; a visitor ending a chat that is still queued leaves the queue.
    public mutating func end(chat chatID: ChatID, by party: Participant, now: Double) throws(RoutingError) -> [RoutingAction] {
        var actions: [RoutingAction] = []
        try end(chat: chatID, by: party, now: now, into: &actions)
        return actions
    }

    /// `end(chat:by:now:)` appending its actions to `actions`. Nothing is appended when it throws.
    public mutating func end(
        chat chatID: ChatID,
        by party: Participant,
        now: Double,
        into actions: inout [RoutingAction]
    ) throws(RoutingError) {
        guard let chat = chats[chatID], isParty(party, of: chat) else {
            throw RoutingError(.notYourChat, "chat \(chatID) is not yours")
        }
        guard let slot = chat.agentSlot else { return try leave(chat: chatID, visitor: visitorID(of: chat), now: now, into: &actions) }
        let reason: ChatEnd
        switch party {
        case .visitor: reason = .visitor
        case .agent: reason = .agent
        }
        actions.append(.ended(chat: chatID, to: .visitor(visitorID(of: chat)), reason: reason))
        actions.append(.ended(chat: chatID, to: .agent(agents[slot].profile.id), reason: reason))
        finish(chatID, agentSlot: slot, now: now, into: &actions)
    }

    /// A visitor gives up waiting (abandonment); an assigned chat is ended instead.
    public mutating func leave(chat chatID: ChatID, visitor: String, now: Double) throws(RoutingError) -> [RoutingAction] {
        var actions: [RoutingAction] = []
        try leave(chat: chatID, visitor: visitor, now: now, into: &actions)
        return actions
    }

    /// `leave(chat:visitor:now:)` appending its actions to `actions`. Nothing is appended when it throws.
    public mutating func leave(chat chatID: ChatID, visitor: String, now: Double, into actions: inout [RoutingAction]) throws(RoutingError)
    {
        guard let chat = chats[chatID], visitorID(of: chat) == visitor else {
            throw RoutingError(.notYourChat, "chat \(chatID) is not yours")
        }
        if chat.agentSlot != nil { return try end(chat: chatID, by: .visitor(visitor), now: now, into: &actions) }
        actions.append(.ended(chat: chatID, to: .visitor(visitor), reason: .left))
        removeFromQueue(chat, now: now, into: &actions)
        closeChat(chatID)
        visitors.ifPresent(chat.visitorHandle) { $0.openChat = nil }
        counters.chatsAbandoned += 1
    }

    /// An agent hands a chat to another department (tier-2 escalation). The chat keeps its id and goes to the
    /// head of the new queue, or straight to an agent with room, or becomes a ticket when nobody can serve it.
    public mutating func transfer(
        chat chatID: ChatID,
        by agent: String,
        to department: String,
        now: Double
    ) throws(RoutingError) -> [RoutingAction] {
        guard var chat = chats[chatID], let slot = chat.agentSlot, agents[slot].profile.id == agent else {
            throw RoutingError(.notYourChat, "chat \(chatID) is not yours")
        }
        removeChat(chatID, from: slot)
        counters.transfers += 1
        var actions: [RoutingAction] = [.ended(chat: chatID, to: .agent(agent), reason: .transferred)]
        chat.key = QueueKey(department: departments.id(department), language: chat.key.language)
        chat.phase = .queued
        chat.agentSeq = 0
        if !canServe(chat.key) {
            let text = closeChat(chatID)?.text
            visitors.ifPresent(chat.visitorHandle) { $0.openChat = nil }
            actions.append(makeTicket(chatID, visitor: visitorID(of: chat), key: chat.key, text: text, now: now))
        } else {
            chats[chatID] = chat
            let direct = (queues[chat.key]?.isEmpty ?? true) ? selectAgent(for: chat.key, overflow: false, excluding: slot) : nil
            if let target = direct {
                actions.append(assign(chatID, to: target, now: now))
            } else {
                queues.prepend(.init(chat: chatID, since: chat.requestedAt), to: chat.key)
                announceRequeued(chat.key, count: 1, into: &actions)
            }
        }
        drain(agent: slot, now: now, into: &actions)
        return actions
    }
}

// Chats: assignment within capacity, replies, transfers, idle ends.
extension AgentMachine {
    func slot(of chat: UInt64) -> Int? {
        chats.firstIndex { $0.chat == chat }
    }

    mutating func fire(
        _ timer: AgentTimer,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<AgentAction>
    ) {
        switch timer.kind {
        case .shiftStart:
            guard timer.id == armedShift, phase == .offline || phase == .closing else { return }
            armedShift = 0
            beginShift(into: &actions)
        case .shiftEnd:
            guard timer.id == armedShift, phase == .online else { return }
            armedShift = 0
            endShift(now: now, into: &actions)
        case .reply:
            guard let index = slot(of: timer.chat), chats[index].armed == timer.id, chats[index].replyPending else { return }
            reply(at: index, now: now, rng: &rng, into: &actions)
        case .idle:
            guard let index = slot(of: timer.chat), chats[index].armed == timer.id, !chats[index].replyPending else { return }
            actions.append(.endChat(chat: timer.chat))
            chats.remove(at: index)
            chatsEndedByAgent += 1
            logOutIfClosed(now: now, into: &actions)
        }
    }

    /// Takes a chat when logged in with room (also while closing: the server may have assigned it before it
    /// learnt the status), decides whether it will be transferred, and schedules the first reply.
    mutating func assigned(
        _ assignment: AgentAssignment,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<AgentAction>
    ) {
        guard phase == .online || phase == .closing, chats.count < capacity, slot(of: assignment.chat) == nil else {
            refusedAssignments += 1
            return
        }
        var chat = ChatSlot(chat: assignment.chat, language: assignment.messageLanguage ?? MessageLanguage(assignment.language))
        if !assignment.transferred, site.transferShare > 0, rng.nextFraction() < site.transferShare {
            chat.transferTo = transferTarget(avoiding: assignment.department, using: &rng)
        }
        chats.append(chat)
        chatsTaken += 1
        maxConcurrentChats = max(maxConcurrentChats, chats.count)
        scheduleReply(at: chats.count - 1, now: now, rng: &rng, into: &actions)
    }

    /// One of `transferTo` other than the chat's department, chosen uniformly (its place in the list); nil when
    /// there is none.
    func transferTarget(avoiding department: String, using rng: inout some RandomNumberGenerator) -> Int? {
        let candidates = site.transferTo.reduce(0) { $0 + ($1 == department ? 0 : 1) }
        guard candidates > 0 else { return nil }
        var pick = Int.random(in: 0..<candidates, using: &rng)
        for (target, name) in site.transferTo.enumerated() where name != department {
            if pick == 0 { return target }
            pick -= 1
        }
        return nil
    }

    mutating func messageReceived(
        _ chat: UInt64,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<AgentAction>
    ) {
        guard let index = slot(of: chat) else { return }
        messagesReceived += 1
        if !chats[index].replyPending {
            scheduleReply(at: index, now: now, rng: &rng, into: &actions)
        }
    }

    /// The reply comes after `replyTime × performance`; arming it disowns the chat's idle timer.
    mutating func scheduleReply(
        at index: Int,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<AgentAction>
    ) {
        let delay = max(0, site.replyTime.sample(using: &rng)) * site.performance
        chats[index].replyPending = true
        if typingIndicators { actions.append(.typing(chat: chats[index].chat, on: true)) }
        actions.append(arm(.reply, chat: chats[index].chat, at: now + delay))
        chats[index].armed = lastTimerID
    }

    /// Sends the pending reply and arms the idle timer, or transfers the chat instead of the first reply.
    mutating func reply(
        at index: Int,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<AgentAction>
    ) {
        let chat = chats[index].chat
        if let target = chats[index].transferTo {
            actions.append(.transfer(chat: chat, target: target))
            chats.remove(at: index)
            transfers += 1
            logOutIfClosed(now: now, into: &actions)
            return
        }
        chats[index].seq += 1
        chats[index].replyPending = false
        let text = MessageDraft.draw(
            language: chats[index].language,
            lead: chats[index].seq == 1 ? .greeting : .answer,
            body: .answer,
            length: replyLength,
            using: &rng
        )
        actions.append(.sendMessage(chat: chat, seq: chats[index].seq, text: text))
        repliesSent += 1
        actions.append(arm(.idle, chat: chat, at: now + idleTimeout))
        chats[index].armed = lastTimerID
    }
}

// During the chat: assignment, transfers, the alternating conversation, the planned drop, the end.
extension VisitorMachine {
    /// Queue positions are recorded. During the chat, `queued` means the chat was transferred or its agent
    /// left: the visitor drops what it was typing and waits for the next agent (with no new patience timer).
    mutating func queued(_ position: Int) {
        queuePosition = position
        switch phase {
        case .awaitingReply, .composing:
            transfers += 1
            abandonComposing()
            phase = .requeued
        case .arriving, .browsing, .form, .waiting, .requeued, .done:
            break
        }
    }

    /// The first assignment starts the conversation: the visitor draws its message count, its typing speed
    /// and whether (and before which message) its connection will drop, then awaits the agent's first
    /// message. A later assignment (transfer) waits for the new agent's first message too.
    mutating func assigned(_ agent: String, now: Double, rng: inout some RandomNumberGenerator) {
        switch phase {
        case .waiting:
            armedPatience = 0
            assignedAt = now
            messagesPlanned = max(1, Int(behaviour.messagesPerChat.sample(using: &rng).rounded()))
            typingSpeed = max(0.5, behaviour.typingSpeed.sample(using: &rng))
            if rng.nextFraction() < behaviour.reconnect.probability {
                dropBeforeMessage = Int.random(in: 1...messagesPlanned, using: &rng)
            }
        case .awaitingReply, .composing:
            transfers += 1
            abandonComposing()
        case .requeued:
            break
        case .arriving, .browsing, .form, .done:
            return
        }
        self.agent = agent
        phase = .awaitingReply
    }

    mutating func abandonComposing() {
        armedMain = 0
        deferred = nil
        draft = nil
    }

    /// An agent message: the awaited answer makes the visitor compose its next message, or, after its last
    /// message, end the chat.
    mutating func messageReceived(
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<VisitorAction>
    ) {
        switch phase {
        case .awaitingReply:
            messagesReceived += 1
            if messagesSent >= messagesPlanned {
                if connected { actions.append(.endChat) }
                endReason = .visitor
                afterChat(rng: &rng, into: &actions)
            } else {
                compose(now: now, rng: &rng, into: &actions)
            }
        case .composing, .requeued:
            messagesReceived += 1
        case .arriving, .browsing, .form, .waiting, .done:
            break
        }
    }

    /// Think, then type: one timer (`send`) without typing indicators, two (`startTyping`, `send`) with them.
    mutating func compose(now: Double, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        phase = .composing
        let think = max(0, behaviour.thinkTime.sample(using: &rng))
        let isLast = messagesSent + 1 >= messagesPlanned
        let next = MessageDraft.draw(
            language: messageLanguage,
            lead: isLast ? .thanks : .question,
            body: isLast ? .thanks : .question,
            length: messageLength,
            using: &rng
        )
        draft = next
        typingTime = Double(next.length) / typingSpeed
        if typingIndicators {
            actions.append(arm(.startTyping, at: now + think))
        } else {
            actions.append(arm(.send, at: now + think + typingTime))
        }
    }

    mutating func composeTimer(
        _ kind: VisitorTimer.Kind,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<VisitorAction>
    ) {
        guard phase == .composing, let next = draft else { return }
        if !dropped, dropBeforeMessage == messagesSent + 1 {
            // The planned drop, just before the visitor starts this message; it goes on when back.
            dropped = true
            connected = false
            deferred = kind
            actions.append(.disconnect)
            let after = max(0, behaviour.reconnect.after.sample(using: &rng))
            actions.append(arm(.reconnect, at: now + after))
            return
        }
        if kind == .startTyping {
            actions.append(.typing(on: true))
            actions.append(arm(.send, at: now + typingTime))
        } else {
            messagesSent += 1
            draft = nil
            phase = .awaitingReply
            actions.append(.sendMessage(seq: messagesSent, text: next))
        }
    }

    /// The chat ended. Before assignment that is the bot's resolution or an abandonment; after it, the
    /// visitor chatted, whoever ended it.
    mutating func ended(_ reason: ChatEndReason, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        switch phase {
        case .waiting:
            endReason = reason
            finish(reason == .bot ? .botResolved : .abandoned, into: &actions)
        case .awaitingReply, .composing, .requeued:
            endReason = reason
            afterChat(rng: &rng, into: &actions)
        case .arriving, .browsing, .form, .done:
            break
        }
    }

    /// The survey (answered with the answer rate, score rounded to 1…5; not sent while disconnected, nor for a
    /// chat that ended because the visitor was away too long: the server has forgotten it) and the conversion
    /// draw, then the outcome ``VisitorOutcome/chatted``.
    mutating func afterChat(rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        let survey = behaviour.survey
        if rng.nextFraction() < survey.answerRate {
            let score = min(5, max(1, Int(survey.score.sample(using: &rng).rounded())))
            if endReason != .disconnected {
                surveyScore = score
                if connected { actions.append(.survey(score: score)) }
            }
        }
        converted = rng.nextFraction() < conversionProbability
        finish(.chatted, into: &actions)
    }
}

// Before the chat: arrival, browsing, invitation, pre-chat form, request, patience.
extension VisitorMachine {
    mutating func start(now: Double, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        guard phase == .arriving else { return }
        arrivedAt = now
        connected = true
        actions.append(.connect)
        if let invitation = behaviour.invitation, rng.nextFraction() < invitation.browsingShare {
            phase = .browsing
            pages = max(1, Int(invitation.pages.sample(using: &rng).rounded()))
            pageInterval = max(0, invitation.browseTime.sample(using: &rng)) / Double(pages)
            cartValue = max(0, invitation.cartValue.sample(using: &rng))
            pagesViewed = 1
            actions.append(.pageView(timeOnSite: 0, pages: 1, cartValue: cartValue))
            actions.append(arm(.nextPage, at: now + pageInterval))
        } else {
            beginForm(now: now, rng: &rng, into: &actions)
        }
    }

    /// The next page view, or, after the last page, the visitor asks for a chat on its own.
    mutating func nextPage(now: Double, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        guard phase == .browsing else { return }
        if pagesViewed < pages {
            pagesViewed += 1
            actions.append(.pageView(timeOnSite: now - (arrivedAt ?? now), pages: pagesViewed, cartValue: cartValue))
            actions.append(arm(.nextPage, at: now + pageInterval))
        } else {
            beginForm(now: now, rng: &rng, into: &actions)
        }
    }

    /// The first invitation while browsing is answered (accepted with the acceptance rate: the visitor goes to
    /// the form at once); later ones, and invitations outside browsing, are ignored. A visitor who declines
    /// goes on browsing and asks on its own afterwards.
    mutating func invited(
        _ invitation: UInt64,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<VisitorAction>
    ) {
        guard phase == .browsing, !invited else { return }
        invited = true
        let rate = behaviour.invitation?.acceptanceRate ?? 0
        acceptedInvitation = rng.nextFraction() < rate
        actions.append(.answerInvitation(invitation: invitation, accepted: acceptedInvitation))
        if acceptedInvitation {
            armedMain = 0
            deferred = nil
            beginForm(now: now, rng: &rng, into: &actions)
        }
    }

    /// The pre-chat form. With `fields` fields the visitor gives up with probability
    /// `min(1, fields × abandonPerField)`, at the field whose share of that chance the draw falls in; the time
    /// spent is the sum of the field times up to there. One timer covers the whole form.
    mutating func beginForm(now: Double, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        let form = behaviour.preChatForm
        guard form.fields > 0 else {
            request(now: now, rng: &rng, into: &actions)
            return
        }
        phase = .form
        let perField = max(0, form.abandonPerField)
        let draw = rng.nextFraction()
        var fieldsFilled = form.fields
        if draw < min(1, Double(form.fields) * perField) {
            givesUpAtForm = true
            fieldsFilled = min(form.fields, Int(draw / perField) + 1)
        }
        var duration = 0.0
        for _ in 0..<fieldsFilled { duration += max(0, form.timePerField.sample(using: &rng)) }
        actions.append(arm(.formDone, at: now + duration))
    }

    mutating func formDone(now: Double, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        guard phase == .form else { return }
        if givesUpAtForm {
            finish(.leftAtForm, into: &actions)
        } else {
            request(now: now, rng: &rng, into: &actions)
        }
    }

    /// Asks for a chat with an opening question and starts the patience timer (drawn once).
    mutating func request(now: Double, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        phase = .waiting
        requestedAt = now
        let question = MessageDraft.draw(language: messageLanguage, lead: .greeting, body: .question, length: messageLength, using: &rng)
        actions.append(.request(text: question))
        let patience = max(0, behaviour.patience.sample(using: &rng))
        actions.append(arm(.patience, at: now + patience))
    }

    mutating func botAnswered(_ resolved: Bool, into actions: inout ActionBuffer<VisitorAction>) {
        guard phase == .waiting else { return }
        if resolved {
            finish(.botResolved, into: &actions)
        } else {
            botEscalated = true
        }
    }

    /// An offline ticket ends the visit, also when a transferred chat could not be served.
    mutating func offline(into actions: inout ActionBuffer<VisitorAction>) {
        switch phase {
        case .waiting, .awaitingReply, .composing, .requeued: finish(.offlineTicket, into: &actions)
        case .arriving, .browsing, .form, .done: break
        }
    }

    /// An unexpected drop: the visitor comes back after `reconnect.after`. Timers that fall due meanwhile are
    /// deferred to the reconnection, except patience, which ends the visit as abandoned.
    mutating func disconnected(now: Double, rng: inout some RandomNumberGenerator, into actions: inout ActionBuffer<VisitorAction>) {
        guard connected else { return }
        connected = false
        let after = max(0, behaviour.reconnect.after.sample(using: &rng))
        actions.append(arm(.reconnect, at: now + after))
    }
}

// After a chat and before one: the visitor's survey, and the invitations the rule sends to browsing visitors.
extension ContactCenter {
    /// A visitor rates its last ended chat from 1 to 5, once.
    public mutating func survey(chat chatID: ChatID, visitor visitorID: String, score: Int) throws(RoutingError) {
        guard let visitor = visitors.handle(of: visitorID) else {
            throw RoutingError(.notYourChat, "chat \(chatID) is not your last ended chat")
        }
        try survey(chat: chatID, visitor: visitor, score: score)
    }

    /// `survey(chat:visitor:score:)` by handle.
    public mutating func survey(chat chatID: ChatID, visitor: VisitorHandle, score: Int) throws(RoutingError) {
        guard visitors.contains(visitor), visitors[visitor].lastEndedChat == chatID else {
            throw RoutingError(.notYourChat, "chat \(chatID) is not your last ended chat")
        }
        guard (1...5).contains(score) else { throw RoutingError(.invalidValue, "score must be 1...5") }
        guard !visitors[visitor].surveyed else { throw RoutingError(.invalidState, "chat \(chatID) was already rated") }
        visitors[visitor].surveyed = true
        counters.surveys += 1
        counters.surveyScoreTotal += score
    }

    /// A visitor browsed a page: the invitation rule may invite it to chat (once per visitor, only while an agent
    /// who could serve it has room).
    public mutating func pageViewed(
        visitor visitorID: String,
        timeOnSite: Double,
        pages: Int,
        cartValue: Double
    ) throws(RoutingError) -> [RoutingAction] {
        guard let visitor = visitors.handle(of: visitorID) else {
            throw RoutingError(.unknownParticipant, "visitor \(visitorID) has not said hello")
        }
        return try pageViewed(visitor: visitor, timeOnSite: timeOnSite, pages: pages, cartValue: cartValue)
    }

    /// `pageViewed(visitor:timeOnSite:pages:cartValue:)` by handle.
    public mutating func pageViewed(
        visitor: VisitorHandle,
        timeOnSite: Double,
        pages: Int,
        cartValue: Double
    ) throws(RoutingError) -> [RoutingAction] {
        try checkPresent(visitor)
        guard let rule = configuration.invitation, !visitors[visitor].invited, visitors[visitor].openChat == nil,
            rule.matches(timeOnSite: timeOnSite, pages: pages, cartValue: cartValue),
            let department = departments.existing(rule.department),
            pools.anyRoom(for: QueueKey(department: department, language: visitors[visitor].language))
        else { return [] }
        let id = nextInvitation
        nextInvitation += 1
        visitors[visitor].invited = true
        visitors[visitor].pendingInvitation = id
        counters.invitationsSent += 1
        return [.invite(id: id, visitor: visitors.id(of: visitor))]
    }

    /// The visitor's answer to an invitation.
    public mutating func invitationAnswered(visitor visitorID: String, invitation: UInt64, accepted: Bool) throws(RoutingError) {
        guard let visitor = visitors.handle(of: visitorID) else {
            throw RoutingError(.invalidValue, "invitation \(invitation) is not pending for visitor \(visitorID)")
        }
        try invitationAnswered(visitor: visitor, invitation: invitation, accepted: accepted)
    }

    /// `invitationAnswered(visitor:invitation:accepted:)` by handle.
    public mutating func invitationAnswered(visitor: VisitorHandle, invitation: UInt64, accepted: Bool) throws(RoutingError) {
        guard visitors.contains(visitor), visitors[visitor].pendingInvitation == invitation else {
            throw RoutingError(.invalidValue, "invitation \(invitation) is not pending for the visitor")
        }
        visitors[visitor].pendingInvitation = nil
        if accepted { counters.invitationsAccepted += 1 } else { counters.invitationsDeclined += 1 }
    }
}

/// A chat, as numbered by the contact centre.
public typealias ChatID = UInt64

/// A party of a chat: who sends a frame or who an action is addressed to.
public enum Participant: Sendable, Hashable {
    case visitor(String)
    case agent(String)
}

/// Why a chat ended.
public enum ChatEnd: String, Sendable, Hashable, CaseIterable {
    case visitor
    case agent
    /// The visitor left the queue before an agent took the chat.
    case left
    /// The bot resolved it.
    case bot
    /// Sent to the agent who transferred the chat away.
    case transferred
    /// The other party disconnected.
    case disconnected
}

/// What the IO layer must do after an event: each action becomes one frame to one client.
public enum RoutingAction: Sendable, Hashable {
    /// Tell a visitor its place in the queue (1 is next).
    case queued(chat: ChatID, visitor: String, position: Int, department: String, language: String)
    /// A chat starts: tell both the visitor and the agent.
    case assigned(chat: ChatID, visitor: String, agent: String, department: String, language: String, text: String?)
    /// The department's bot answered; when `resolved`, the chat ends with it.
    case botAnswered(chat: ChatID, visitor: String, resolved: Bool)
    /// A chat ended, as seen by one of its parties.
    case ended(chat: ChatID, to: Participant, reason: ChatEnd)
    /// Nobody online can serve the request: it became a ticket.
    case ticket(id: UInt64, chat: ChatID, visitor: String, department: String)
    /// Invite a browsing visitor to chat.
    case invite(id: UInt64, visitor: String)
}

/// Where a chat message goes, or why it does not.
public enum RelayDecision: Sendable, Hashable {
    /// Deliver to the participant, numbered `serverSeq` in that direction.
    case deliver(to: Participant, serverSeq: UInt64)
    /// The sender repeated a sequence number already accepted: acknowledge, do not relay again.
    case duplicate
}

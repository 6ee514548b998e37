/// What happens to a visitor: what its client sees from the server, its own timers, and the start.
public enum VisitorEvent: Sendable, Hashable {
    /// The visitor arrives (at its arrival time).
    case started
    /// A ``VisitorAction/wake(at:timer:)`` came due; echo the timer exactly.
    case timer(VisitorTimer)
    /// The server invited the browsing visitor to chat.
    case invited(invitation: UInt64)
    /// The chat waits in a queue at `position` (1 is next); sent again when the position changes.
    case queued(position: Int)
    /// An agent took the chat (again, after a transfer or a re-queue).
    case assigned(agent: String)
    /// The department's bot answered; when `resolved` the chat is over, otherwise it goes on to a human.
    case botAnswered(resolved: Bool)
    /// Nobody could serve the request: it became a ticket.
    case offline(ticket: UInt64)
    /// An agent's message arrived.
    case messageReceived
    /// The chat ended, for `reason`.
    case ended(ChatEndReason)
    /// The connection dropped without the visitor asking for it.
    case disconnected
}

/// Why a chat ended, as a visitor or an agent learns it from the server.
public enum ChatEndReason: String, Sendable, Hashable, CaseIterable {
    case visitor
    case agent
    /// The visitor left the queue.
    case left
    /// The bot resolved the chat.
    case bot
    /// The agent transferred the chat away (told to that agent only).
    case transferred
    /// A party disconnected and did not come back in time.
    case disconnected
    /// Any other reason a server gives.
    case other
}

/// What a visitor's client does.
public enum VisitorAction: Sendable, Hashable {
    /// Open the connection and say hello (id, language, region; previous agent when returning).
    case connect
    /// A page view while browsing: seconds on the site so far, pages seen, cart value.
    case pageView(timeOnSite: Double, pages: Int, cartValue: Double)
    /// Answer a proactive invitation.
    case answerInvitation(invitation: UInt64, accepted: Bool)
    /// Ask for a chat in the machine's ``VisitorMachine/department`` and ``VisitorMachine/language``; `text` is the
    /// opening question. (No strings in an action: they copy as plain bytes.)
    case request(text: MessageDraft)
    /// Send a chat message; `seq` counts 1, 2, 3 … per chat (it goes on across transfers).
    case sendMessage(seq: Int, text: MessageDraft)
    /// Typing indicator (only with ``VisitorMachine/typingIndicators``); a message implies typing stopped.
    case typing(on: Bool)
    /// Leave the queue (patience ran out).
    case leave
    /// End the chat.
    case endChat
    /// Answer the survey of the chat that just ended, 1–5.
    case survey(score: Int)
    /// Drop the connection abruptly, without `leave` or `end` (a simulated network failure).
    case disconnect
    /// Connect again and say hello with the same visitor id; the server resumes the chat.
    case reconnect
    /// Call back with ``VisitorEvent/timer(_:)`` at `at` (simulated seconds).
    case wake(at: Double, timer: VisitorTimer)
    /// The visitor is done: close its connection, count the outcome, drop the machine.
    case finished(VisitorOutcome)
}

/// How a visitor's visit ended: exactly one per visitor that finishes. A visitor still active when the run
/// ends has none; the executor reports it as still active.
public enum VisitorOutcome: String, Sendable, Hashable, CaseIterable {
    /// Gave up on the pre-chat form (or lost its connection for good before requesting).
    case leftAtForm
    /// An agent took the chat.
    case chatted
    /// Left the queue before an agent took the chat.
    case abandoned
    /// The request became an offline ticket.
    case offlineTicket
    /// The bot resolved the request.
    case botResolved
}

/// A visitor timer: what it is for and which arming it belongs to. A timer the machine no longer expects
/// (its phase passed, or it was re-armed) is ignored, so executors need not cancel anything.
public struct VisitorTimer: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        /// Browsing: the next page view, or the end of browsing.
        case nextPage
        /// The pre-chat form is filled in (or given up).
        case formDone
        /// Patience in the queue ran out.
        case patience
        /// Thinking is over: start typing (with typing indicators).
        case startTyping
        /// The next message is typed: send it.
        case send
        /// Back online after a drop.
        case reconnect
    }

    public var kind: Kind
    /// The arming: a counter of the machine.
    public var id: UInt32

    public init(kind: Kind, id: UInt32) {
        self.kind = kind
        self.id = id
    }
}

/// What happens to an agent: the start of the run, its own timers, and what its client sees from the server.
public enum AgentEvent: Sendable, Hashable {
    /// The run starts (deliver once, at the run's start or whenever the agent is created).
    case started
    /// An ``AgentAction/wake(at:timer:)`` came due; echo the timer exactly.
    case timer(AgentTimer)
    /// The server gave the agent a chat.
    case assigned(AgentAssignment)
    /// The visitor sent a message in `chat`.
    case messageReceived(chat: UInt64)
    /// `chat` ended for this agent (the visitor ended it or left, it was transferred, …).
    case chatEnded(chat: UInt64, reason: ChatEndReason)
}

/// A chat the server gave an agent.
public struct AgentAssignment: Sendable, Hashable {
    public var chat: UInt64
    public var visitor: String
    public var department: String
    public var language: String
    /// The chat was transferred before (when the executor knows it): the agent will not transfer it again.
    public var transferred: Bool
    /// The phrases of `language`, when the executor has them at hand (a visitor machine's
    /// ``VisitorMachine/messageLanguage``); looked up by name otherwise.
    public var messageLanguage: MessageLanguage?

    public init(
        chat: UInt64,
        visitor: String,
        department: String,
        language: String,
        transferred: Bool = false,
        messageLanguage: MessageLanguage? = nil
    ) {
        self.chat = chat
        self.visitor = visitor
        self.department = department
        self.language = language
        self.transferred = transferred
        self.messageLanguage = messageLanguage
    }
}

/// What an agent's client does.
public enum AgentAction: Sendable, Hashable {
    /// Connect and say hello with the site's languages, departments and capacity (`maxChats`): online.
    case login
    /// Change the status: `closing` at the end of a shift with chats still open, `online` when the next shift
    /// starts before they are finished.
    case setStatus(AgentMachine.Status)
    /// Send a chat message; `seq` counts 1, 2, 3 … per chat from each assignment.
    case sendMessage(chat: UInt64, seq: Int, text: MessageDraft)
    /// Typing indicator (only with ``AgentMachine/typingIndicators``); the message implies typing stopped.
    case typing(chat: UInt64, on: Bool)
    /// Hand the chat to another department: the site's `transferTo[target]` (``AgentMachine/transferDepartment(_:)``
    /// names it; no strings in an action, so that actions copy as plain bytes).
    case transfer(chat: UInt64, target: Int)
    /// End the chat (the visitor went silent).
    case endChat(chat: UInt64)
    /// Log out and close the connection.
    case logout
    /// Call back with ``AgentEvent/timer(_:)`` at `at` (simulated seconds).
    case wake(at: Double, timer: AgentTimer)
    /// The agent's last shift is over: drop the machine.
    case finished
}

/// An agent timer: what it is for, the chat it concerns (0 for shift timers) and which arming it belongs to.
/// A timer the machine no longer expects is ignored, so executors need not cancel anything.
public struct AgentTimer: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable, CaseIterable {
        case shiftStart
        case shiftEnd
        /// The reply to a chat is ready (or the transfer decided).
        case reply
        /// The visitor stayed silent after the agent's last reply: the agent ends the chat.
        case idle
    }

    public var kind: Kind
    public var chat: UInt64
    /// The arming: a counter of the machine.
    public var id: UInt32

    public init(kind: Kind, chat: UInt64 = 0, id: UInt32) {
        self.kind = kind
        self.chat = chat
        self.id = id
    }
}

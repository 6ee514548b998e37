/// Native protocol v1 frames: one JSON object per WebSocket text frame, discriminated by `"type"`.
///
/// `docs/protocol.md` is the reference for every frame and field; these types mirror it exactly.
/// Identifiers chosen by clients (visitor, agent, client message ids) are strings; identifiers
/// chosen by the server (chats, tickets, invitations, sessions) are unsigned integers.

/// A chat, as numbered by the server.
public typealias ChatID = UInt64

/// The version this module speaks; `welcome` carries it.
public let protocolVersion = 1

/// Which side of a chat a frame comes from.
public enum Party: String, Sendable, Hashable, CaseIterable {
    case visitor
    case agent
    case bot
}

// MARK: - Visitor → server

/// Frames a visitor sends on `/v1/visitor`.
public enum VisitorFrame: Sendable, Hashable {
    case hello(VisitorHello)
    case pageView(PageView)
    case inviteReply(invitation: UInt64, accepted: Bool)
    case request(ChatRequest)
    case message(ChatMessage)
    case typing(chat: ChatID, on: Bool)
    case leave(chat: ChatID)
    case end(chat: ChatID)
    case survey(Survey)
}

/// `hello` from a visitor: who it is and what it speaks.
public struct VisitorHello: Sendable, Hashable {
    public var visitor: String
    public var language: String
    public var region: String
    /// The website the visitor is on, for multi-site deployments.
    public var site: String?
    /// A returning visitor's previous agent; routing prefers that agent while it can take the chat.
    public var previousAgent: String?

    public init(visitor: String, language: String, region: String, site: String? = nil, previousAgent: String? = nil) {
        self.visitor = visitor
        self.language = language
        self.region = region
        self.site = site
        self.previousAgent = previousAgent
    }
}

/// `pageView`: browsing facts that proactive-invitation rules look at.
public struct PageView: Sendable, Hashable {
    public var page: String?
    /// Seconds on the site so far.
    public var timeOnSite: Double
    /// Pages viewed so far.
    public var pages: Int
    /// Value of the visitor's cart, in the site's currency.
    public var cartValue: Double

    public init(page: String? = nil, timeOnSite: Double, pages: Int, cartValue: Double) {
        self.page = page
        self.timeOnSite = timeOnSite
        self.pages = pages
        self.cartValue = cartValue
    }
}

/// `request`: the visitor asks for a chat with a department.
public struct ChatRequest: Sendable, Hashable {
    public var department: String
    /// Language of the chat; the visitor's `hello` language when absent.
    public var language: String?
    /// The visitor's question; shown to the agent, kept as the ticket when nobody is online.
    public var text: String?

    public init(department: String, language: String? = nil, text: String? = nil) {
        self.department = department
        self.language = language
        self.text = text
    }
}

/// `message` from a visitor or an agent.
public struct ChatMessage: Sendable, Hashable {
    public var chat: ChatID
    /// Client message id, echoed in `ack` and in the relayed message.
    public var id: String
    /// Per-chat, per-sender sequence number starting at 1.
    public var seq: UInt64
    public var text: String
    /// Opaque sender timestamp, relayed unchanged (ChatStorm puts microseconds here).
    public var sentAt: Int64?

    public init(chat: ChatID, id: String, seq: UInt64, text: String, sentAt: Int64? = nil) {
        self.chat = chat
        self.id = id
        self.seq = seq
        self.text = text
        self.sentAt = sentAt
    }
}

/// `survey`: the visitor rates an ended chat from 1 to 5.
public struct Survey: Sendable, Hashable {
    public var chat: ChatID
    public var score: Int
    public var comment: String?

    public init(chat: ChatID, score: Int, comment: String? = nil) {
        self.chat = chat
        self.score = score
        self.comment = comment
    }
}

// MARK: - Agent → server

/// Frames an agent sends on `/v1/agent`.
public enum AgentFrame: Sendable, Hashable {
    case hello(AgentHello)
    case status(AgentStatus)
    case message(ChatMessage)
    case typing(chat: ChatID, on: Bool)
    case end(chat: ChatID)
    case transfer(chat: ChatID, department: String)
}

/// `hello` from an agent: credentials and skills.
public struct AgentHello: Sendable, Hashable {
    public var agent: String
    public var token: String
    public var languages: [String]
    public var departments: [String]
    /// Most chats the agent handles at once.
    public var capacity: Int
    public var site: String?
    /// The agent may take chats in other languages through machine translation (overflow).
    public var translation: Bool

    public init(
        agent: String,
        token: String,
        languages: [String],
        departments: [String],
        capacity: Int,
        site: String? = nil,
        translation: Bool = false
    ) {
        self.agent = agent
        self.token = token
        self.languages = languages
        self.departments = departments
        self.capacity = capacity
        self.site = site
        self.translation = translation
    }
}

/// An agent's availability.
public enum AgentStatus: String, Sendable, Hashable, CaseIterable {
    /// Takes new chats.
    case online
    /// Away from the desk: open chats go back to the head of their queues.
    case away
    /// Shift ending: keeps open chats, takes no new ones.
    case closing
}

// MARK: - Server → client

/// Frames the server sends to visitors and agents.
public enum ServerFrame: Sendable, Hashable {
    case welcome(session: UInt64, protocolVersion: Int)
    case queued(Queued)
    case assigned(Assignment)
    case message(RelayedMessage)
    case ack(Ack)
    case typing(chat: ChatID, from: Party, on: Bool)
    case ended(chat: ChatID, reason: EndReason)
    case bot(chat: ChatID, text: String, resolved: Bool)
    case offline(ticket: UInt64, chat: ChatID, department: String)
    case invite(invitation: UInt64, text: String)
    case error(ErrorFrame)
}

/// `queued`: the visitor waits; sent again whenever its position changes.
public struct Queued: Sendable, Hashable {
    public var chat: ChatID
    /// 1 is next.
    public var position: Int
    public var department: String
    public var language: String

    public init(chat: ChatID, position: Int, department: String, language: String) {
        self.chat = chat
        self.position = position
        self.department = department
        self.language = language
    }
}

/// `assigned`: sent to both the visitor and the agent when a chat starts.
public struct Assignment: Sendable, Hashable {
    public var chat: ChatID
    public var visitor: String
    public var agent: String
    public var department: String
    public var language: String
    /// The visitor's question from its `request`, if it gave one.
    public var text: String?

    public init(chat: ChatID, visitor: String, agent: String, department: String, language: String, text: String? = nil) {
        self.chat = chat
        self.visitor = visitor
        self.agent = agent
        self.department = department
        self.language = language
        self.text = text
    }
}

/// `message` relayed to the other party of a chat.
public struct RelayedMessage: Sendable, Hashable {
    public var chat: ChatID
    public var from: Party
    /// The sender's client message id.
    public var id: String
    /// The sender's per-chat sequence number.
    public var seq: UInt64
    /// The server's per-chat, per-direction sequence number, starting at 1.
    public var serverSeq: UInt64
    public var text: String
    public var sentAt: Int64?

    public init(chat: ChatID, from: Party, id: String, seq: UInt64, serverSeq: UInt64, text: String, sentAt: Int64? = nil) {
        self.chat = chat
        self.from = from
        self.id = id
        self.seq = seq
        self.serverSeq = serverSeq
        self.text = text
        self.sentAt = sentAt
    }
}

/// `ack`: the server accepted a message (or a survey).
public struct Ack: Sendable, Hashable {
    public var chat: ChatID
    public var id: String
    public var seq: UInt64
    /// The sequence number the relayed copy carries; 0 when nothing was relayed.
    public var serverSeq: UInt64
    /// The message repeated an already accepted sequence number and was not relayed again.
    public var duplicate: Bool

    public init(chat: ChatID, id: String, seq: UInt64, serverSeq: UInt64, duplicate: Bool = false) {
        self.chat = chat
        self.id = id
        self.seq = seq
        self.serverSeq = serverSeq
        self.duplicate = duplicate
    }
}

/// Why a chat ended, as `ended` tells both parties.
public enum EndReason: String, Sendable, Hashable, CaseIterable {
    /// The visitor ended it.
    case visitor
    /// The agent ended it.
    case agent
    /// The visitor left the queue before an agent took the chat (abandonment).
    case left
    /// The bot resolved it.
    case bot
    /// The agent transferred it to another department (sent to that agent only).
    case transferred
    /// The other party disconnected.
    case disconnected
    /// Nobody can serve it any more; the request became a ticket.
    case offline
}

/// `error`: something the client sent was refused.
public struct ErrorFrame: Sendable, Hashable {
    public var code: ErrorCode
    public var text: String
    /// What the error refers to: the client message id, the frame type or the field.
    public var ref: String?

    public init(code: ErrorCode, text: String, ref: String? = nil) {
        self.code = code
        self.text = text
        self.ref = ref
    }
}

/// Stable machine-readable error codes (see docs/protocol.md).
public enum ErrorCode: String, Sendable, Hashable, CaseIterable {
    /// The frame is not a JSON object.
    case malformed
    /// `type` names no frame of this endpoint.
    case unknownType
    /// A required field is absent.
    case missingField
    /// A field has the wrong JSON type or an impossible value.
    case invalidField
    /// A text frame is not valid UTF-8 (the connection is closed with 1007).
    case invalidUTF8
    /// A binary frame (the connection is closed with 1003).
    case binaryFrame
    /// The frame exceeds the maximum size (the connection is closed with 1009).
    case tooLarge
    /// The first frame must be `hello`, and only once.
    case helloRequired
    /// Agent token missing or wrong (the connection is closed with 4001).
    case unauthorized
    /// The chat does not exist or is not this client's.
    case notYourChat
    /// The chat is not in a state that allows this frame (e.g. message before `assigned`).
    case invalidState
    /// Too many frames per second; the frame was dropped (persisting closes with 1008).
    case rateLimited
    /// The visitor already has an open chat request.
    case alreadyRequested
}

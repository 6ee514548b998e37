/// What an agent tells the contact centre when it logs in.
public struct AgentProfile: Sendable, Hashable {
    /// The most chats, languages and departments one agent may have: far beyond a real agent's, and a bound on the
    /// routing's work per login (a skill per language and department). The profile loader has the same limits.
    public static let mostChats = 100
    public static let mostLanguages = 64
    public static let mostDepartments = 256

    public var id: String
    public var languages: [String]
    public var departments: [String]
    /// Most chats the agent handles at once (at least 1).
    public var capacity: Int
    /// The agent's site (office or outsourced partner), for breakdowns.
    public var site: String?
    /// May take chats in other languages of its departments after `overflowAfter` seconds of waiting.
    public var translation: Bool

    public init(
        id: String,
        languages: [String],
        departments: [String],
        capacity: Int,
        site: String? = nil,
        translation: Bool = false
    ) {
        self.id = id
        self.languages = languages
        self.departments = departments
        self.capacity = capacity
        self.site = site
        self.translation = translation
    }
}

/// What a visitor tells the contact centre when it connects.
public struct VisitorProfile: Sendable, Hashable {
    public var id: String
    public var language: String
    public var region: String
    public var site: String?
    /// A returning visitor's previous agent.
    public var previousAgent: String?

    public init(id: String, language: String, region: String, site: String? = nil, previousAgent: String? = nil) {
        self.id = id
        self.language = language
        self.region = region
        self.site = site
        self.previousAgent = previousAgent
    }
}

/// An agent's availability once logged in.
public enum Availability: String, Sendable, Hashable, CaseIterable {
    /// Takes new chats.
    case online
    /// Away: its open chats go back to the head of their queues.
    case away
    /// Shift ending: keeps its open chats, takes no new ones.
    case closing
}

struct AgentState: Sendable {
    enum Status: Sendable, Hashable {
        case online, away, closing, offline
    }

    var profile: AgentProfile
    var status: Status
    var skills: [QueueKey]
    var departments: [Int32]
    var languages: [Int32]
    var chats: [ChatID] = []
    /// When it last got a chat (or logged in): least-loaded ties go to the agent idle longest.
    var lastAssigned: Double
    var loginOrder: Int

    /// (Hot paths read `agents[slot].profile.id`: a computed property on an array element can copy the whole state.)
    var id: String { profile.id }
    var hasRoom: Bool { status == .online && chats.count < profile.capacity }
}

/// What the routing keeps of a visitor that is there, besides its names (which `VisitorTable` keeps apart): no
/// strings, so it copies as plain bytes.
struct VisitorState: Sendable {
    /// Of the rest of the visitor's profile only what the routing reads (and, in `VisitorTable`, its id and
    /// previous agent).
    var language: Int32
    var openChat: ChatID?
    /// The chat a survey may rate.
    var lastEndedChat: ChatID?
    var surveyed = false
    var pendingInvitation: UInt64?
    var invited = false
    /// Set by `VisitorTable`: the slot holds a visitor that is there, one calls may name by id.
    var present = false
    var findable = false
}

extension VisitorState {
    /// The visitor's open chat ended: it is the one a survey may rate now.
    mutating func closeOpenChat(_ chat: ChatID) {
        guard openChat == chat else { return }
        openChat = nil
        lastEndedChat = chat
        surveyed = false
    }
}

/// An open chat as the routing keeps it. No strings (its visitor's id is in `VisitorTable`, its text in
/// `ContactCenter.requestTexts`): the chat table reads, moves and copies it as plain bytes.
struct ChatState: Sendable {
    enum Phase: Sendable, Hashable {
        case queued
        case active(agent: Int)
    }

    var id: ChatID
    /// The chat's visitor, who is there as long as the chat is open (the visitor's departure closes it); its id
    /// is `visitors.id(of: visitorHandle)`.
    var visitorHandle: VisitorHandle
    var key: QueueKey
    /// Whether the request came with a text (kept in `ContactCenter.requestTexts`).
    var hasText: Bool
    var requestedAt: Double
    var phase: Phase = .queued
    /// Last sequence number accepted from each side (duplicates are acknowledged, not relayed).
    var visitorSeq: UInt64 = 0
    var agentSeq: UInt64 = 0
    /// Server sequence numbers per direction.
    var toAgentSeq: UInt64 = 0
    var toVisitorSeq: UInt64 = 0

    var agentSlot: Int? {
        if case .active(let agent) = phase { return agent }
        return nil
    }
}

/// A request nobody could serve, kept so that an agent can follow up.
public struct Ticket: Sendable, Hashable {
    public var id: UInt64
    public var chat: ChatID
    public var visitor: String
    public var department: String
    public var language: String
    public var text: String?
    public var createdAt: Double
}

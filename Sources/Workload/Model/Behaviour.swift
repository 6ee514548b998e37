/// How visitors behave, from landing on the site to the survey.
public struct VisitorBehaviour: Sendable, Hashable {
    public var preChatForm = PreChatForm()
    public var invitation: Invitation?
    /// How long a visitor waits in the queue before leaving (seconds).
    public var patience: Distribution = .exponential(mean: 180)
    /// Messages the visitor sends in a chat (rounded, at least 1).
    public var messagesPerChat: Distribution = .uniform(min: 2, max: 6)
    /// Time reading and thinking before typing the next message (seconds).
    public var thinkTime: Distribution = .lognormal(median: 8, p95: 40)
    /// Typing speed in characters per second.
    public var typingSpeed: Distribution = .normal(mean: 3.5, standardDeviation: 1)
    /// Message length in characters by language; `default` for languages not listed.
    public var messageLength: [String: Distribution] = [:]
    public var defaultMessageLength: Distribution = .lognormal(median: 40, p95: 160)
    public var survey = Survey()
    /// Department → probability that a chat ends in a sale.
    public var conversion: [String: Double] = [:]
    public var reconnect = Reconnect()

    public init() {}

    public struct PreChatForm: Sendable, Hashable {
        /// Fields the visitor fills in before the chat starts.
        public var fields: Int = 0
        /// Chance to give up added by each field.
        public var abandonPerField: Double = 0.03
        /// Time to fill one field (seconds).
        public var timePerField: Distribution = .uniform(min: 3, max: 10)

        public init() {}
    }

    public struct Invitation: Sendable, Hashable {
        /// Share of visitors who browse (and may be invited) before any chat.
        public var browsingShare: Double = 0.5
        public var browseTime: Distribution = .exponential(mean: 90)
        public var pages: Distribution = .uniform(min: 1, max: 8)
        public var cartValue: Distribution = .constant(0)
        /// Share of invited visitors who accept.
        public var acceptanceRate: Double = 0.2

        public init() {}
    }

    public struct Survey: Sendable, Hashable {
        /// Share of visitors who answer the survey after a chat.
        public var answerRate: Double = 0.3
        /// Score from 1 to 5.
        public var score: Distribution = .weighted([
            .init(value: 1, weight: 0.05), .init(value: 2, weight: 0.05), .init(value: 3, weight: 0.15),
            .init(value: 4, weight: 0.35), .init(value: 5, weight: 0.4),
        ])

        public init() {}
    }

    public struct Reconnect: Sendable, Hashable {
        /// Chance that a visitor's connection drops once during a chat.
        public var probability: Double = 0
        /// Time offline before reconnecting (seconds).
        public var after: Distribution = .uniform(min: 1, max: 8)

        public init() {}
    }
}

/// Who answers: agent sites with shifts.
public struct AgentRoster: Sendable, Hashable {
    public var sites: [Site]

    public init(sites: [Site]) { self.sites = sites }
}

/// An office or an outsourced partner.
public struct Site: Sendable, Hashable {
    public var name: String
    public var timeZone: String
    /// Agents when a shift does not give its own head count.
    public var headcount: Int
    public var shifts: [Shift]
    public var languages: [String]
    public var departments: [String]
    /// Most chats an agent handles at once.
    public var maxChats: Int = 3
    /// Time an agent takes to reply (seconds), before the performance factor.
    public var replyTime: Distribution = .lognormal(median: 20, p95: 60)
    /// Share of chats an agent transfers to another department.
    public var transferShare: Double = 0
    /// Where transfers go (department names).
    public var transferTo: [String] = []
    /// Factor on reply times: 1 for the reference site, 1.3 for a slower partner.
    public var performance: Double = 1
    /// Agents may take chats in other languages through translation (overflow).
    public var translation: Bool = false

    public init(name: String, timeZone: String, headcount: Int, shifts: [Shift], languages: [String], departments: [String]) {
        self.name = name
        self.timeZone = timeZone
        self.headcount = headcount
        self.shifts = shifts
        self.languages = languages
        self.departments = departments
    }
}

/// Working hours in the site's local time; `end` before `start` crosses midnight.
public struct Shift: Sendable, Hashable {
    public var start: TimeOfDay
    public var end: TimeOfDay
    /// Days the shift starts on.
    public var days: [Weekday] = Weekday.allCases
    /// Agents on this shift; the site's head count when nil.
    public var headcount: Int?

    public init(start: TimeOfDay, end: TimeOfDay, days: [Weekday] = Weekday.allCases, headcount: Int? = nil) {
        self.start = start
        self.end = end
        self.days = days
        self.headcount = headcount
    }
}

/// A bot that answers some departments first.
public struct Bot: Sendable, Hashable {
    public var departments: [String]
    /// Share of its chats it resolves without a human.
    public var resolvedShare: Double
    /// Time to answer (seconds).
    public var answerTime: Distribution = .constant(1)

    public init(departments: [String], resolvedShare: Double) {
        self.departments = departments
        self.resolvedShare = resolvedShare
    }
}

/// For capacity work: chat handling times by the agent's concurrency instead of message-level behaviour.
public struct HandlingModel: Sendable, Hashable {
    /// Element k is the handling-time distribution (seconds) when the agent holds k + 1 chats.
    public var byConcurrency: [Distribution]

    public init(byConcurrency: [Distribution]) { self.byConcurrency = byConcurrency }
}

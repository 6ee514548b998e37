/// The metrics a threshold can name: the figures of `run.json` (docs/results.md), snake_case.
public enum ThresholdMetric: String, Sendable, Hashable, CaseIterable {
    case messageLatency = "message_latency"
    case queueWait = "queue_wait"
    case firstResponse = "first_response"
    case connectTime = "connect_time"
    case queueDepth = "queue_depth"
    case agentConcurrency = "agent_concurrency"
    case abandonmentRate = "abandonment_rate"
    case serviceLevel = "service_level"
    case errors
    case messagesLost = "messages_lost"
    case messagesRefused = "messages_refused"
    case messagesDuplicated = "messages_duplicated"
    case messagesReordered = "messages_reordered"
    case messagesSent = "messages_sent"
    case messagesReceived = "messages_received"
    case visitorsArrived = "visitors_arrived"
    case chatsRequested = "chats_requested"
    case chatsAssigned = "chats_assigned"
    case chatsCompleted = "chats_completed"
    case chatsAbandoned = "chats_abandoned"
    case offlineTickets = "offline_tickets"
    case botResolved = "bot_resolved"
    case leftAtForm = "left_at_form"
    case stillActive = "still_active"
    case transfers
    case lateArrivals = "late_arrivals"

    /// How a metric's data look, which decides its aggregates and units.
    public enum Kind: Sendable, Hashable {
        /// A latency histogram in milliseconds.
        case latency
        /// Visitors waiting, sampled once a second.
        case queueDepth
        /// Active chats per agent.
        case concurrency
        /// A share between 0 and 1.
        case rate
        /// A count of events.
        case counter
    }

    public var kind: Kind {
        switch self {
        case .messageLatency, .queueWait, .firstResponse, .connectTime: .latency
        case .queueDepth: .queueDepth
        case .agentConcurrency: .concurrency
        case .abandonmentRate, .serviceLevel: .rate
        default: .counter
        }
    }

    /// The aggregates the metric has, by the names an expression uses (`avg` and `mean` are the same).
    public var aggregateNames: [String] {
        switch kind {
        case .latency: ["p(N)", "avg", "mean", "med", "min", "max", "count"]
        case .queueDepth: ["avg", "mean", "max"]
        case .concurrency: ["avg", "mean", "max", "occupancy"]
        case .rate: ["rate", "value"]
        case .counter: ["count", "value"]
        }
    }

    /// Whether `aggregate` applies to this metric.
    public func accepts(_ aggregate: ThresholdAggregate) -> Bool {
        switch (kind, aggregate) {
        case (.latency, .percentile), (.latency, .mean), (.latency, .median), (.latency, .min), (.latency, .max),
            (.latency, .count):
            true
        case (.queueDepth, .mean), (.queueDepth, .max): true
        case (.concurrency, .mean), (.concurrency, .max), (.concurrency, .occupancy): true
        case (.rate, .rate), (.rate, .value): true
        case (.counter, .count), (.counter, .value): true
        default: false
        }
    }

    /// The tag keys the metric takes besides the breakdown dimensions.
    public var ownTags: [ThresholdTag.Key] {
        switch self {
        case .messageLatency: [.direction]
        case .errors: [.kind]
        default: []
        }
    }

    /// Whether the metric is broken down by region, language, department and site (the generator's late
    /// arrivals are not).
    public var hasBreakdowns: Bool { self != .lateArrivals }
}

/// A metric with the tags that select part of its data: `message_latency{direction:visitor_to_agent}`,
/// `queue_wait{region:apac}`, `errors{kind:connect}`.
public struct MetricSelector: Sendable, Hashable, CustomStringConvertible {
    public var metric: ThresholdMetric
    /// The tags in the order written; at most one of each key and at most one breakdown dimension.
    public var tags: [ThresholdTag]

    public init(metric: ThresholdMetric, tags: [ThresholdTag] = []) {
        self.metric = metric
        self.tags = tags
    }

    /// The value of tag `key`, if given.
    public subscript(key: ThresholdTag.Key) -> String? {
        tags.first { $0.key == key }?.value
    }

    /// The breakdown tag (region, language, department or site), if any.
    public var breakdown: ThresholdTag? {
        tags.first { $0.key.isBreakdown }
    }

    public var description: String {
        tags.isEmpty ? metric.rawValue : metric.rawValue + "{" + tags.map { "\($0.key.rawValue):\($0.value)" }.joined(separator: ",") + "}"
    }
}

/// One `key:value` tag of a metric selector.
public struct ThresholdTag: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable, CaseIterable {
        /// `message_latency` only: `visitor_to_agent` or `agent_to_visitor`.
        case direction
        case region, language, department, site
        /// `errors` only: the error kind (`connect`, `protocol`, …).
        case kind

        /// A breakdown dimension of `run.json`.
        public var isBreakdown: Bool {
            switch self {
            case .region, .language, .department, .site: true
            case .direction, .kind: false
            }
        }
    }

    /// The two values of `direction`.
    public static let directions = ["visitor_to_agent", "agent_to_visitor"]

    public var key: Key
    public var value: String

    public init(_ key: Key, _ value: String) {
        self.key = key
        self.value = value
    }
}

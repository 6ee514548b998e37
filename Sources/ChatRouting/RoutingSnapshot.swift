/// Totals since the contact centre started.
public struct RoutingCounters: Sendable, Hashable {
    public var chatsRequested = 0
    public var chatsAssigned = 0
    public var chatsEnded = 0
    /// Visitors who left the queue (or disconnected) before an agent took their chat.
    public var chatsAbandoned = 0
    /// Active chats put back at the head of their queue because their agent went away or disconnected.
    public var chatsRequeued = 0
    public var transfers = 0
    public var tickets = 0
    public var botResolved = 0
    public var botEscalated = 0
    public var messagesRelayed = 0
    public var invitationsSent = 0
    public var invitationsAccepted = 0
    public var invitationsDeclined = 0
    public var surveys = 0
    public var surveyScoreTotal = 0
    /// Sum of request-to-assignment times of assigned chats, in seconds.
    public var queueWaitSeconds = 0.0

    public init() {}
}

/// What the contact centre looks like at one moment, for `/metrics` and tests.
public struct RoutingSnapshot: Sendable, Hashable {
    public struct Queue: Sendable, Hashable {
        public var department: String
        public var language: String
        public var depth: Int
        /// How long the longest-waiting visitor has waited, in seconds (0 when empty).
        public var oldestWait: Double
    }

    public struct AgentLoad: Sendable, Hashable {
        public var agent: String
        public var site: String?
        public var status: String
        public var activeChats: Int
        public var capacity: Int
    }

    public var queues: [Queue]
    /// Logged-in agents (online, away or closing), with their load.
    public var agents: [AgentLoad]
    public var counters: RoutingCounters

    public var agentsOnline: Int { agents.count { $0.status == Availability.online.rawValue } }
    public var activeChats: Int { agents.reduce(0) { $0 + $1.activeChats } }
    public var queueDepth: Int { queues.reduce(0) { $0 + $1.depth } }
}

extension ContactCenter {
    /// The queues (non-empty ones and those of logged-in agents' skills) and the logged-in agents at `now`.
    public func snapshot(now: Double) -> RoutingSnapshot {
        let queueList = queues.compactMap { key, queue -> RoutingSnapshot.Queue? in
            guard !queue.isEmpty || pools.anyMember(withSkill: key, where: { agents[$0].status != .offline }) else {
                return nil
            }
            return .init(
                department: departments[key.department],
                language: languages[key.language],
                depth: queue.count,
                oldestWait: queue.oldestSince.map { max(0, now - $0) } ?? 0
            )
        }
        .sorted { ($0.department, $0.language) < ($1.department, $1.language) }
        let agentList = agents.compactMap { agent -> RoutingSnapshot.AgentLoad? in
            let status: String
            switch agent.status {
            case .online: status = Availability.online.rawValue
            case .away: status = Availability.away.rawValue
            case .closing: status = Availability.closing.rawValue
            case .offline: return nil
            }
            return .init(
                agent: agent.id,
                site: agent.profile.site,
                status: status,
                activeChats: agent.chats.count,
                capacity: agent.profile.capacity
            )
        }
        return RoutingSnapshot(queues: queueList, agents: agentList, counters: counters)
    }

    /// Number of visitors said hello and not gone.
    public var visitorCount: Int { visitors.count }
}

/// The `metrics` object of `run.json` (and of each breakdown key). Latencies in milliseconds.
public struct Metrics: Codable, Sendable, Equatable {
    public struct MessageLatency: Codable, Sendable, Equatable {
        public var visitorToAgent: LatencySummary
        public var agentToVisitor: LatencySummary

        enum CodingKeys: String, CodingKey {
            case visitorToAgent = "visitor_to_agent"
            case agentToVisitor = "agent_to_visitor"
        }
    }

    public struct QueueDepth: Codable, Sendable, Equatable {
        public var max: Int
        public var mean: Double
    }

    public struct AgentConcurrency: Codable, Sendable, Equatable {
        public var mean: Double
        public var max: Int
        public var occupancy: Double
        /// Share of agent time with at least one chat (0 in files written before it was added).
        public var busyShare: Double

        public init(mean: Double, max: Int, occupancy: Double, busyShare: Double) {
            self.mean = mean
            self.max = max
            self.occupancy = occupancy
            self.busyShare = busyShare
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            mean = try c.decode(Double.self, forKey: .mean)
            max = try c.decode(Int.self, forKey: .max)
            occupancy = try c.decode(Double.self, forKey: .occupancy)
            busyShare = try c.decodeIfPresent(Double.self, forKey: .busyShare) ?? 0
        }

        enum CodingKeys: String, CodingKey {
            case mean, max, occupancy, busyShare
        }
    }

    public struct ServiceLevel: Codable, Sendable, Equatable {
        public var thresholdSeconds: Double
        public var value: Double
    }

    public var messageLatency: MessageLatency
    public var queueWait: LatencySummary
    public var firstResponse: LatencySummary
    public var connectTime: LatencySummary
    public var queueDepth: QueueDepth
    public var agentConcurrency: AgentConcurrency
    public var abandonmentRate: Double
    public var serviceLevel: ServiceLevel

    enum CodingKeys: String, CodingKey {
        case messageLatency = "message_latency"
        case queueWait = "queue_wait"
        case firstResponse = "first_response"
        case connectTime = "connect_time"
        case queueDepth = "queue_depth"
        case agentConcurrency = "agent_concurrency"
        case abandonmentRate = "abandonment_rate"
        case serviceLevel = "service_level"
    }
}

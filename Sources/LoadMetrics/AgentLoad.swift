/// One agent's concurrency over time: how many chats it had open, weighted by how long.
///
/// Fed with `(time, newConcurrency)` changes in non-decreasing time (seconds since the run start,
/// simulated time); an earlier time is treated as the last one seen. Observation starts at the
/// first change (usually login, with 0 chats) and ends at `finish(at:)`.
public struct AgentLoad: Sendable, Equatable, Codable {
    /// Maximum concurrent chats this agent accepts.
    public var capacity: Int
    /// Seconds spent at each concurrency level: index = number of active chats.
    public private(set) var secondsAtLevel: [Double] = []
    /// The highest concurrency seen.
    public private(set) var max = 0
    private var current = 0
    private var since: Double?

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Records that from `time` on the agent has `active` chats.
    public mutating func change(at time: Double, active: Int) {
        accumulate(until: time)
        current = Swift.max(0, active)
        max = Swift.max(max, current)
    }

    /// Closes the observation at `time` (end of shift or of the run); the agent holds no chat after it.
    public mutating func finish(at time: Double) {
        accumulate(until: time)
        since = nil
        current = 0
    }

    /// The chats the agent holds now (0 once finished).
    public var active: Int { current }

    /// Total observed seconds.
    public var observedSeconds: Double { secondsAtLevel.reduce(0, +) }

    /// Chat-seconds: the integral of concurrency over time.
    public var chatSeconds: Double {
        secondsAtLevel.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
    }

    /// Time-weighted mean concurrency (0 when nothing was observed).
    public var mean: Double {
        let observed = observedSeconds
        return observed > 0 ? chatSeconds / observed : 0
    }

    /// Mean concurrency divided by capacity (0 when the capacity is 0).
    public var occupancy: Double { capacity > 0 ? mean / Double(capacity) : 0 }

    /// Share of observed time with at least one chat.
    public var busyShare: Double {
        let observed = observedSeconds
        guard observed > 0 else { return 0 }
        return (observed - (secondsAtLevel.first ?? 0)) / observed
    }

    private mutating func accumulate(until time: Double) {
        guard let start = since else {
            since = time
            return
        }
        let elapsed = time - start
        if elapsed > 0 {
            if secondsAtLevel.count <= current {
                secondsAtLevel.append(contentsOf: repeatElement(0, count: current + 1 - secondsAtLevel.count))
            }
            secondsAtLevel[current] += elapsed
            since = time
        }
    }
}

/// Concurrency of a group of agents (all of them, or one site), summed so that it merges.
public struct ConcurrencyTotals: Sendable, Equatable, Codable {
    /// Agent-seconds at each concurrency level.
    public var secondsAtLevel: [Double] = []
    /// Capacity × observed seconds, summed over agents.
    public var capacitySeconds = 0.0
    /// The highest concurrency of any agent.
    public var max = 0

    public init() {}

    /// Adds one agent's observation.
    public mutating func add(_ agent: AgentLoad) {
        add(levels: agent.secondsAtLevel, capacitySeconds: Double(agent.capacity) * agent.observedSeconds, max: agent.max)
    }

    /// Adds another group.
    public mutating func merge(_ other: ConcurrencyTotals) {
        add(levels: other.secondsAtLevel, capacitySeconds: other.capacitySeconds, max: other.max)
    }

    /// Time-weighted mean concurrency per agent.
    public var mean: Double {
        let observed = secondsAtLevel.reduce(0, +)
        guard observed > 0 else { return 0 }
        return secondsAtLevel.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element } / observed
    }

    /// Share of agent-seconds with at least one chat.
    public var busyShare: Double {
        let observed = secondsAtLevel.reduce(0, +)
        guard observed > 0 else { return 0 }
        return (observed - (secondsAtLevel.first ?? 0)) / observed
    }

    /// Chat-seconds over capacity-seconds.
    public var occupancy: Double {
        guard capacitySeconds > 0 else { return 0 }
        let chatSeconds = secondsAtLevel.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
        return chatSeconds / capacitySeconds
    }

    private mutating func add(levels: [Double], capacitySeconds: Double, max: Int) {
        if secondsAtLevel.count < levels.count {
            secondsAtLevel.append(contentsOf: repeatElement(0, count: levels.count - secondsAtLevel.count))
        }
        for (level, seconds) in levels.enumerated() {
            secondsAtLevel[level] += seconds
        }
        self.capacitySeconds += capacitySeconds
        self.max = Swift.max(self.max, max)
    }
}

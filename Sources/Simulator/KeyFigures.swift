public import LoadMetrics

/// The figures a capacity planner compares across replications, read from one run's result.
///
/// Definitions are the report's: the service level, abandonment and P(wait) are shares of the requests offered to
/// the agents (`Counts.chatsOffered`: all but those a bot resolved), the service level counting every one not
/// answered within T (abandoned, ticketed) as a failure; queue wait is over answered chats; occupancy is mean
/// active chats over capacity.
public struct KeyFigures: Sendable, Equatable, Codable {
    public var serviceLevel: Double
    public var abandonmentRate: Double
    /// Mean queue wait of answered chats, in seconds.
    public var meanQueueWait: Double
    /// 90th percentile of the queue wait of answered chats, in seconds.
    public var p90QueueWait: Double
    public var occupancy: Double
    /// Share of agent time with at least one chat.
    public var busyShare: Double
    /// Share of requests that waited in a queue (`chatsQueued / chatsRequested`).
    public var waitProbability: Double

    public init(_ result: RunResult) {
        let metrics = result.metrics
        let counts = result.counts
        serviceLevel = metrics.serviceLevel.value
        abandonmentRate = metrics.abandonmentRate
        meanQueueWait = metrics.queueWait.mean / 1_000
        p90QueueWait = metrics.queueWait.p90 / 1_000
        occupancy = metrics.agentConcurrency.occupancy
        busyShare = metrics.agentConcurrency.busyShare
        waitProbability = counts.chatsOffered > 0 ? Double(counts.chatsQueued) / Double(counts.chatsOffered) : 0
    }

    /// The figures by name, in report order, each with the values it can take (shares 0…1, waits 0 or more).
    public var named: [(name: String, value: Double, possible: ClosedRange<Double>)] {
        let share = 0.0...1
        let wait = 0.0...Double.infinity
        return [
            ("service_level", serviceLevel, share), ("abandonment_rate", abandonmentRate, share),
            ("queue_wait_mean_seconds", meanQueueWait, wait), ("queue_wait_p90_seconds", p90QueueWait, wait),
            ("occupancy", occupancy, share), ("busy_share", busyShare, share), ("wait_probability", waitProbability, share),
        ]
    }
}

public import LoadMetrics

/// The figures a capacity planner compares across replications, read from one run's result.
///
/// Definitions are the report's: the service level counts every request not answered within T (abandoned,
/// ticketed, bot-resolved) as a failure; queue wait is over answered chats; occupancy is mean active chats over
/// capacity; P(wait) is the share of requests that waited in a queue.
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
        waitProbability = counts.chatsRequested > 0 ? Double(counts.chatsQueued) / Double(counts.chatsRequested) : 0
    }

    /// The figures by name, in report order.
    public var named: [(name: String, value: Double)] {
        [
            ("service_level", serviceLevel), ("abandonment_rate", abandonmentRate),
            ("queue_wait_mean_seconds", meanQueueWait), ("queue_wait_p90_seconds", p90QueueWait),
            ("occupancy", occupancy), ("busy_share", busyShare), ("wait_probability", waitProbability),
        ]
    }
}

/// A mean over independent replications with its 95 % confidence interval (Student t).
public struct Estimate: Sendable, Equatable, Codable {
    public var mean: Double
    /// Standard error of the mean: sample standard deviation / √n (0 for fewer than two values).
    public var standardError: Double
    /// Half the width of the 95 % confidence interval: t(0.975, n − 1) × standard error.
    public var halfWidth: Double
    public var values: [Double]

    public init(_ values: [Double]) {
        self.values = values
        let n = Double(values.count)
        mean = values.isEmpty ? 0 : values.reduce(0, +) / n
        guard values.count > 1 else {
            standardError = 0
            halfWidth = 0
            return
        }
        let m = mean
        let variance = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)
        standardError = (variance / n).squareRoot()
        halfWidth = StudentT.quantile975(degreesOfFreedom: values.count - 1) * standardError
    }

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }
}

public import Histogram

/// Everything measured for the whole run or for one breakdown key; merges by adding.
public struct MetricSet: Sendable, Equatable {
    public var counts = Counts()
    /// `message_latency{direction=visitor_to_agent}` (µs, corrected and uncorrected).
    public var visitorToAgent: LatencyRecorder
    /// `message_latency{direction=agent_to_visitor}` (µs, corrected and uncorrected).
    public var agentToVisitor: LatencyRecorder
    /// `queue_wait` (µs).
    public var queueWait: Histogram<UInt64>
    /// `first_response` (µs).
    public var firstResponse: Histogram<UInt64>
    /// `connect_time` (µs).
    public var connectTime: Histogram<UInt64>
    /// Per-second samples of `queue_depth`.
    public var queueDepth = QueueDepthStats()
    /// `agent_concurrency` of the agents counted here.
    public var concurrency = ConcurrencyTotals()
    /// Visitors waiting right now (requested, not assigned, not gone).
    public internal(set) var waiting = 0

    public init() {
        visitorToAgent = LatencyRecorder()
        agentToVisitor = LatencyRecorder()
        queueWait = LatencyRecorder.makeHistogram()
        firstResponse = LatencyRecorder.makeHistogram()
        connectTime = LatencyRecorder.makeHistogram()
    }

    /// An empty set whose histograms start small and grow to the values recorded (see
    /// `LatencyRecorder.init(growing:)`), for the many sparse sets of `BreakdownCells`.
    init(growing: Void) {
        visitorToAgent = LatencyRecorder(growing: ())
        agentToVisitor = LatencyRecorder(growing: ())
        queueWait = LatencyRecorder.makeGrowingHistogram()
        firstResponse = LatencyRecorder.makeGrowingHistogram()
        connectTime = LatencyRecorder.makeGrowingHistogram()
    }

    /// Adds everything of `other` (its live `waiting` level too).
    public mutating func merge(_ other: MetricSet) {
        counts.merge(other.counts)
        visitorToAgent.merge(other.visitorToAgent)
        agentToVisitor.merge(other.agentToVisitor)
        // `add` sums every bucket (about 23,000); an empty histogram adds nothing.
        if other.queueWait.totalCount > 0 { queueWait.add(other.queueWait) }
        if other.firstResponse.totalCount > 0 { firstResponse.add(other.firstResponse) }
        if other.connectTime.totalCount > 0 { connectTime.add(other.connectTime) }
        queueDepth.merge(other.queueDepth)
        concurrency.merge(other.concurrency)
        waiting += other.waiting
    }

    /// The report's figures. Message latency is the corrected one (wrk2's rule); `abandonment_rate`
    /// is abandoned / offered; `service_level` is the share of requests assigned within the threshold
    /// (assigned with a `queue_wait` ≤ threshold, to HDR precision) / offered (`Counts.chatsOffered`: requests
    /// less the ones a bot resolved; abandoned and ticketed ones count as missed).
    public func metrics(serviceLevelThresholdSeconds threshold: Double) -> Metrics {
        let offered = Double(counts.chatsOffered)
        // Up to 10^12 s: a threshold read from a run.json may be any number, and beyond UInt64 the conversion traps.
        let thresholdMicros = UInt64((threshold.isNaN ? 0 : Swift.min(Swift.max(0, threshold), 1e12)) * 1_000_000)
        let withinThreshold = queueWait.totalCount > 0 ? queueWait.count(within: 0...thresholdMicros) : 0
        return Metrics(
            messageLatency: .init(visitorToAgent: visitorToAgent.summary(), agentToVisitor: agentToVisitor.summary()),
            queueWait: LatencySummary(queueWait, unitsPerOutputUnit: 1_000),
            firstResponse: LatencySummary(firstResponse, unitsPerOutputUnit: 1_000),
            connectTime: LatencySummary(connectTime, unitsPerOutputUnit: 1_000),
            queueDepth: .init(max: queueDepth.max, mean: queueDepth.mean),
            agentConcurrency: .init(
                mean: concurrency.mean,
                max: concurrency.max,
                occupancy: concurrency.occupancy,
                busyShare: concurrency.busyShare
            ),
            abandonmentRate: offered > 0 ? Double(counts.chatsAbandoned) / offered : 0,
            serviceLevel: .init(thresholdSeconds: threshold, value: offered > 0 ? Double(withinThreshold) / offered : 0)
        )
    }
}

/// Per-second queue-depth samples, kept as sums so that they merge.
public struct QueueDepthStats: Codable, Sendable, Equatable {
    public var samples = 0
    public var sum = 0
    public var max = 0

    public init() {}

    public mutating func add(_ depth: Int) {
        samples += 1
        sum += depth
        max = Swift.max(max, depth)
    }

    public mutating func merge(_ other: QueueDepthStats) {
        samples += other.samples
        sum += other.sum
        max = Swift.max(max, other.max)
    }

    public var mean: Double { samples > 0 ? Double(sum) / Double(samples) : 0 }
}

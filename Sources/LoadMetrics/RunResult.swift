public import Histogram

/// Everything a run measured, the same whether the live engine or the simulator produced it.
///
/// Encoded as `run.json` (see `docs/results.md`): the figures (`counts`, `metrics`, `breakdowns`)
/// are derived from the mergeable state kept here (counts, histograms, sums), so `merge(_:)` and a
/// decode → encode round trip give the same figures as recording everything into one run.
public struct RunResult: Sendable, Equatable {
    /// The version of the `run.json` layout.
    public static let schemaVersion = 1

    /// Which runner produced the result.
    public enum Mode: String, Codable, Sendable {
        case live, sim
    }

    /// The profile that was run, by name and content hash.
    public struct Profile: Codable, Sendable, Equatable {
        public var name: String
        public var sha256: String
        /// The factor every region's arrival rate was multiplied by (`--scale`); nil (left out of `run.json`) for
        /// the profile's own rates.
        public var arrivalScale: Double?

        public init(name: String, sha256: String, arrivalScale: Double? = nil) {
            self.name = name
            self.sha256 = sha256
            self.arrivalScale = arrivalScale
        }

        /// The name, and the scale when there is one (`quickstart ×3`): runs of one profile at different scales
        /// are different loads, told apart in the history, comparisons and reports.
        public var label: String {
            guard let arrivalScale else { return name }
            return "\(name) ×\(Self.factor(arrivalScale))"
        }

        /// A scale as people write it: 3, 0.5, 1.25.
        public static func factor(_ scale: Double) -> String {
            scale == scale.rounded() && abs(scale) < 1e15 ? String(Int(scale)) : "\(scale)"
        }
    }

    /// The load generator's own health.
    public struct Generator: Sendable, Equatable {
        public var cpuSeconds = 0.0
        public var peakRSSBytes = 0
        /// Resident memory when the run began, before any session: `(peakRSSBytes − baseRSSBytes) / peakSessions`
        /// is the memory per session.
        public var baseRSSBytes = 0
        /// Message events the generator handled (sent, received, duplicated).
        public var messageEvents = 0
        public var peakSessions = 0
        /// The most sessions opened within any one second (sliding, in tenths of a second).
        public var peakConnectsPerSecond = 0
        /// Arrivals started later than intended (counted, never silently shifted).
        public var lateArrivals = 0
        /// Scheduling lag of the event loops (µs).
        public var schedulingLag = LatencyRecorder.makeHistogram()

        public init() {}

        /// Adds times and counts; peaks are the largest of the two.
        public mutating func merge(_ other: Generator) {
            cpuSeconds += other.cpuSeconds
            peakRSSBytes = Swift.max(peakRSSBytes, other.peakRSSBytes)
            baseRSSBytes = Swift.max(baseRSSBytes, other.baseRSSBytes)
            messageEvents += other.messageEvents
            peakSessions = Swift.max(peakSessions, other.peakSessions)
            peakConnectsPerSecond = Swift.max(peakConnectsPerSecond, other.peakConnectsPerSecond)
            lateArrivals += other.lateArrivals
            schedulingLag.add(other.schedulingLag)
        }
    }

    public var mode: Mode
    public var profile: Profile
    public var seed: UInt64
    /// False when the run was interrupted or failed before its end.
    public var complete: Bool
    public var toolVersion: String
    public var generator: Generator
    /// The `T` of `service_level(T)`.
    public var serviceLevelThresholdSeconds: Double
    /// The whole run.
    public var total: MetricSet
    /// The run broken down by each dimension.
    public var breakdowns: [Dimension: Breakdown]
    /// The per-second series (nil when no second was sampled, or in a `run.json` written before it).
    public var series: RunSeries?
    /// Each agent's time at each concurrency level (empty in a `run.json` written before it).
    public var agents: [AgentSummary] = []

    public init(
        mode: Mode,
        profile: Profile,
        seed: UInt64,
        complete: Bool,
        toolVersion: String,
        generator: Generator = Generator(),
        serviceLevelThresholdSeconds: Double,
        total: MetricSet = MetricSet(),
        breakdowns: [Dimension: Breakdown] = [:]
    ) {
        self.mode = mode
        self.profile = profile
        self.seed = seed
        self.complete = complete
        self.toolVersion = toolVersion
        self.generator = generator
        self.serviceLevelThresholdSeconds = serviceLevelThresholdSeconds
        self.total = total
        self.breakdowns = breakdowns
    }

    /// The run's counts.
    public var counts: Counts { total.counts }

    /// The run's figures.
    public var metrics: Metrics { total.metrics(serviceLevelThresholdSeconds: serviceLevelThresholdSeconds) }

    /// The figures of one breakdown key.
    public func metrics(_ dimension: Dimension, _ name: String) -> Metrics? {
        breakdowns[dimension]?[name]?.metrics(serviceLevelThresholdSeconds: serviceLevelThresholdSeconds)
    }

    /// Adds another run of the same profile (a simulation replication, or another generator
    /// process): counts add, histograms merge, peaks take the larger; `complete` holds only if both
    /// are complete. Identity fields (mode, profile, seed, tool version, threshold), the series and the
    /// agents stay `self`'s (the other's when `self` has none).
    public mutating func merge(_ other: RunResult) {
        complete = complete && other.complete
        if series == nil { series = other.series }
        if agents.isEmpty { agents = other.agents }
        generator.merge(other.generator)
        total.merge(other.total)
        for (dimension, breakdown) in other.breakdowns {
            breakdowns[dimension, default: Breakdown()].merge(breakdown)
        }
    }
}

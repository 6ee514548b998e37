public import Foundation

extension RunResult: Codable {
    /// `histograms.encoding`: how each histogram is written (see `HistogramPairs`).
    public static let histogramEncoding = "hdr-value-count-pairs"

    private struct Wire: Codable {
        var schemaVersion: Int
        var mode: Mode
        var profile: Profile
        var seed: UInt64
        var complete: Bool
        var toolVersion: String
        var generator: GeneratorWire
        var counts: Counts
        var metrics: Metrics
        var breakdowns: [String: [String: Entry]]
        var histograms: HistogramsWire
        var series: RunSeries?
        var agents: [AgentSummary]?
    }

    private struct GeneratorWire: Codable {
        var cpuSeconds: Double
        var peakRSSBytes: Int
        /// Absent in files written before it was added.
        var baseRSSBytes: Int?
        var messageEvents: Int
        var peakSessions: Int
        /// Absent in files written before it was added.
        var peakConnectsPerSecond: Int?
        var lateArrivals: Int
        var schedulingLagMicros: LatencySummary
    }

    private struct Entry: Codable {
        var metrics: Metrics
        var counts: Counts
    }

    private struct HistogramsWire: Codable {
        var encoding: String
        var unit: String
        var schedulingLag: HistogramPairs
        var total: SetWire
        var breakdowns: [String: [String: SetWire]]
    }

    private struct LatencyWire: Codable {
        var corrected: HistogramPairs
        var uncorrected: HistogramPairs
    }

    private struct SetWire: Codable {
        var messageLatency: [String: LatencyWire]
        var queueWait: HistogramPairs
        var firstResponse: HistogramPairs
        var connectTime: HistogramPairs
        var queueDepth: QueueDepthStats
        var agentConcurrency: ConcurrencyTotals

        enum CodingKeys: String, CodingKey {
            case messageLatency = "message_latency"
            case queueWait = "queue_wait"
            case firstResponse = "first_response"
            case connectTime = "connect_time"
            case queueDepth = "queue_depth"
            case agentConcurrency = "agent_concurrency"
        }

        init(_ set: MetricSet) {
            let v2a = set.visitorToAgent.pairs
            let a2v = set.agentToVisitor.pairs
            messageLatency = [
                "visitor_to_agent": LatencyWire(corrected: v2a.corrected, uncorrected: v2a.uncorrected),
                "agent_to_visitor": LatencyWire(corrected: a2v.corrected, uncorrected: a2v.uncorrected),
            ]
            queueWait = HistogramPairs(set.queueWait)
            firstResponse = HistogramPairs(set.firstResponse)
            connectTime = HistogramPairs(set.connectTime)
            queueDepth = set.queueDepth
            agentConcurrency = set.concurrency
        }

        func metricSet(counts: Counts) -> MetricSet {
            var set = MetricSet()
            set.counts = counts
            if let wire = messageLatency["visitor_to_agent"] {
                set.visitorToAgent = LatencyRecorder(corrected: wire.corrected, uncorrected: wire.uncorrected)
            }
            if let wire = messageLatency["agent_to_visitor"] {
                set.agentToVisitor = LatencyRecorder(corrected: wire.corrected, uncorrected: wire.uncorrected)
            }
            set.queueWait = queueWait.histogram()
            set.firstResponse = firstResponse.histogram()
            set.connectTime = connectTime.histogram()
            set.queueDepth = queueDepth
            set.concurrency = agentConcurrency
            return set
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var figures: [String: [String: Entry]] = [:]
        var histograms: [String: [String: SetWire]] = [:]
        for dimension in Dimension.allCases {
            let breakdown = breakdowns[dimension] ?? Breakdown()
            var entries: [String: Entry] = [:]
            var sets: [String: SetWire] = [:]
            for (name, set) in zip(breakdown.names, breakdown.sets) {
                entries[name] = Entry(metrics: set.metrics(serviceLevelThresholdSeconds: serviceLevelThresholdSeconds), counts: set.counts)
                sets[name] = SetWire(set)
            }
            figures[dimension.rawValue] = entries
            histograms[dimension.rawValue] = sets
        }
        let wire = Wire(
            schemaVersion: Self.schemaVersion,
            mode: mode,
            profile: profile,
            seed: seed,
            complete: complete,
            toolVersion: toolVersion,
            generator: GeneratorWire(
                cpuSeconds: generator.cpuSeconds,
                peakRSSBytes: generator.peakRSSBytes,
                baseRSSBytes: generator.baseRSSBytes,
                messageEvents: generator.messageEvents,
                peakSessions: generator.peakSessions,
                peakConnectsPerSecond: generator.peakConnectsPerSecond,
                lateArrivals: generator.lateArrivals,
                schedulingLagMicros: LatencySummary(generator.schedulingLag, unitsPerOutputUnit: 1)
            ),
            counts: counts,
            metrics: metrics,
            breakdowns: figures,
            histograms: HistogramsWire(
                encoding: Self.histogramEncoding,
                unit: "us",
                schedulingLag: HistogramPairs(generator.schedulingLag),
                total: SetWire(total),
                breakdowns: histograms
            ),
            series: series,
            agents: agents.isEmpty ? nil : agents
        )
        try wire.encode(to: encoder)
    }

    public init(from decoder: any Decoder) throws {
        let wire = try Wire(from: decoder)
        guard wire.schemaVersion == Self.schemaVersion, wire.histograms.encoding == Self.histogramEncoding else {
            // Not a `DecodingError`: that would send the reader looking for a number that does not fit instead.
            throw RunFileProblem(
                description: wire.schemaVersion == Self.schemaVersion
                    ? "unsupported histograms.encoding \"\(wire.histograms.encoding)\" (this chatstorm reads \"\(Self.histogramEncoding)\")"
                    : "unsupported run.json schemaVersion \(wire.schemaVersion) (this chatstorm reads \(Self.schemaVersion))"
            )
        }
        if let problem = RunFileProblem.negativeCount(wire.counts, path: "counts") { throw problem }
        for (dimension, entries) in wire.breakdowns.sorted(by: { $0.key < $1.key }) {
            for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
                if let problem = RunFileProblem.negativeCount(entry.counts, path: "breakdowns.\(dimension).\(name).counts") {
                    throw problem
                }
            }
        }
        var generator = Generator()
        generator.cpuSeconds = wire.generator.cpuSeconds
        generator.peakRSSBytes = wire.generator.peakRSSBytes
        generator.baseRSSBytes = wire.generator.baseRSSBytes ?? 0
        generator.messageEvents = wire.generator.messageEvents
        generator.peakSessions = wire.generator.peakSessions
        generator.peakConnectsPerSecond = wire.generator.peakConnectsPerSecond ?? 0
        generator.lateArrivals = wire.generator.lateArrivals
        generator.schedulingLag = wire.histograms.schedulingLag.histogram()
        var breakdowns: [Dimension: Breakdown] = [:]
        for dimension in Dimension.allCases {
            let entries = wire.breakdowns[dimension.rawValue] ?? [:]
            let sets = wire.histograms.breakdowns[dimension.rawValue] ?? [:]
            var breakdown = Breakdown()
            for name in entries.keys.sorted() {
                let id = Int(breakdown.intern(name))
                breakdown.sets[id] = (sets[name] ?? SetWire(MetricSet())).metricSet(counts: entries[name]!.counts)
            }
            breakdowns[dimension] = breakdown
        }
        self.init(
            mode: wire.mode,
            profile: wire.profile,
            seed: wire.seed,
            complete: wire.complete,
            toolVersion: wire.toolVersion,
            generator: generator,
            serviceLevelThresholdSeconds: wire.metrics.serviceLevel.thresholdSeconds,
            total: wire.histograms.total.metricSet(counts: wire.counts),
            breakdowns: breakdowns
        )
        series = wire.series
        agents = wire.agents ?? []
    }

    /// `run.json`: pretty-printed with sorted keys, so equal results give equal bytes; arrays of
    /// numbers (histograms, series columns) on one line each, so that a day of seconds stays compact.
    public func jsonData() throws -> Data {
        var document = self
        document.series = nil
        return try runJSON(of: document)
    }

    /// A result read from `run.json` bytes (the series by hand, as `RunDocument(jsonData:)` reads it).
    public init(jsonData data: Data) throws {
        self = try RunSeries.decode(RunResult.self, fromRunJSON: data, series: \.series)
    }
}

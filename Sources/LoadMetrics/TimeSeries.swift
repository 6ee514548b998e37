public import Foundation

/// Per-second rows of counts and gauges, written as `timeseries.csv`.
///
/// Counters accumulate into the open bucket; `sample(second:simulatedTime:gauges:)` closes it as a
/// row keyed by the elapsed real second (the simulator passes its own notion of a real second),
/// with the simulated time at that moment and the gauges read then. Recording never allocates
/// except when a row is appended.
public struct TimeSeries: Sendable, Equatable {
    /// What is counted per second.
    public enum Counter: Int, Sendable, CaseIterable {
        case arrivals, chatsRequested, chatsAssigned, chatsCompleted, chatsAbandoned
        case messagesSent, messagesReceived, errors
    }

    /// Levels read at the end of each second.
    public struct Gauges: Sendable, Equatable {
        /// Open visitor and agent sessions.
        public var sessions: Int
        /// Chats assigned and not ended.
        public var activeChats: Int
        /// Agents logged in.
        public var agentsOnline: Int
        /// The queue depth the server reports, when it reports one.
        public var serverQueueDepth: Int?

        public init(sessions: Int = 0, activeChats: Int = 0, agentsOnline: Int = 0, serverQueueDepth: Int? = nil) {
            self.sessions = sessions
            self.activeChats = activeChats
            self.agentsOnline = agentsOnline
            self.serverQueueDepth = serverQueueDepth
        }
    }

    /// Message-latency percentiles of the messages delivered during one second, in milliseconds.
    public struct IntervalPercentiles: Sendable, Equatable {
        public var p50: Double
        public var p90: Double
        public var p99: Double

        public init(p50: Double, p90: Double, p99: Double) {
            self.p50 = p50
            self.p90 = p90
            self.p99 = p99
        }
    }

    /// One closed second.
    public struct Row: Sendable, Equatable {
        /// Elapsed real seconds since the run start at the end of this bucket.
        public var second: Int
        /// The simulated instant at the end of this bucket.
        public var simulatedTime: Date
        /// Counts during the second, indexed by `Counter.rawValue`.
        public var counts: [Int]
        /// Visitors waiting (requested, not assigned, not gone) as the harness sees them.
        public var queueDepth: Int
        public var gauges: Gauges
        /// Visitors waiting per department at the end of the second, indexed by interned id (shorter
        /// than the department list when later departments were not seen yet: they were at 0).
        public var departmentQueueDepth: [Int] = []
        /// Visitors waiting per language, like `departmentQueueDepth`.
        public var languageQueueDepth: [Int] = []
        /// Agents logged in per site at the end of the second, by interned site id (as registered
        /// with the recorder).
        public var siteAgentsOnline: [Int] = []
        /// The capacities (most chats at once) of the agents logged in, summed.
        public var chatCapacity = 0
        /// Latency percentiles of the second's visitor → agent deliveries (nil: none).
        public var visitorToAgent: IntervalPercentiles?
        /// Latency percentiles of the second's agent → visitor deliveries (nil: none).
        public var agentToVisitor: IntervalPercentiles?

        /// The count of one counter in this row.
        public subscript(counter: Counter) -> Int { counts[counter.rawValue] }
    }

    public private(set) var rows: [Row] = []
    private var open = [Int](repeating: 0, count: Counter.allCases.count)
    /// The open second's latencies (µs, coordinated-omission corrected like the run's), emptied at
    /// each sample: the series keeps only their percentiles.
    private var openVisitorToAgent = SecondLatencies()
    private var openAgentToVisitor = SecondLatencies()

    public init() {}

    /// Adds `amount` to a counter of the open second.
    public mutating func count(_ counter: Counter, by amount: Int = 1) {
        open[counter.rawValue] += amount
    }

    /// Records a delivered message's latency into the open second.
    public mutating func recordLatency(_ direction: RunRecorder.Direction, micros: UInt64, expectedIntervalMicros: UInt64) {
        let value = Swift.min(micros, LatencyRecorder.highestTrackableMicros)
        switch direction {
        case .visitorToAgent: openVisitorToAgent.record(value, expectedInterval: expectedIntervalMicros)
        case .agentToVisitor: openAgentToVisitor.record(value, expectedInterval: expectedIntervalMicros)
        }
    }

    /// Closes the open second as a row.
    public mutating func sample(
        second: Int,
        simulatedTime: Date,
        queueDepth: Int,
        gauges: Gauges,
        departmentQueueDepth: [Int] = [],
        languageQueueDepth: [Int] = []
    ) {
        var row = Row(second: second, simulatedTime: simulatedTime, counts: open, queueDepth: queueDepth, gauges: gauges)
        row.departmentQueueDepth = departmentQueueDepth
        row.languageQueueDepth = languageQueueDepth
        row.visitorToAgent = openVisitorToAgent.close()
        row.agentToVisitor = openAgentToVisitor.close()
        rows.append(row)
        for index in open.indices { open[index] = 0 }
    }

    /// Adds the agents online per site and the chat capacity online to the last row.
    mutating func recordAgents(bySite: [Int], chatCapacity: Int) {
        guard !rows.isEmpty else { return }
        rows[rows.count - 1].siteAgentsOnline = bySite
        rows[rows.count - 1].chatCapacity = chatCapacity
    }

    /// The CSV header of `timeseries.csv`.
    public static let csvHeader =
        "second,simulated_time,arrivals,chats_requested,chats_assigned,chats_completed,chats_abandoned,"
        + "messages_sent,messages_received,errors,queue_depth,server_queue_depth,sessions,active_chats,agents_online"

    /// The whole series as CSV text (header, one line per row, `\n` line ends). Simulated time is
    /// ISO 8601 in UTC with milliseconds; a server queue depth that was not reported is empty.
    public func csv() -> String {
        var text = Self.csvHeader + "\n"
        let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        for row in rows {
            var fields = [String(row.second), row.simulatedTime.formatted(format)]
            fields += row.counts.map { String($0) }
            fields += [
                String(row.queueDepth), row.gauges.serverQueueDepth.map { String($0) } ?? "",
                String(row.gauges.sessions), String(row.gauges.activeChats), String(row.gauges.agentsOnline),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}

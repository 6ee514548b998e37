public import Foundation

/// Per-second rows of counts and gauges, written as `timeseries.csv` and as `run.json`'s `series`.
///
/// Counters accumulate into the open bucket; `sample(second:simulatedTime:queueDepth:gauges:...)` closes it as
/// a row keyed by the elapsed real second (the simulator passes its own notion of a real second), with the
/// simulated time at that moment and the gauges read then. Rows are stored as columns (one array per field, as
/// `RunSeries` writes them): a simulated day closes 86,400 seconds in well under a second of work, and a row of
/// arrays per second cost four allocations per row plus a second pass to turn rows into columns. Recording never
/// allocates except when a column grows.
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

    /// Elapsed real seconds at the end of each row.
    public private(set) var seconds: [Int] = []
    /// The simulated instant at the end of each row.
    public private(set) var simulatedTimes: [Date] = []
    /// One column per `Counter` (by raw value).
    private(set) var counterColumns = [[Int]](repeating: [], count: Counter.allCases.count)
    private(set) var queueDepths: [Int] = []
    private(set) var sessions: [Int] = []
    private(set) var activeChats: [Int] = []
    private(set) var agentsOnline: [Int] = []
    private(set) var serverQueueDepths: [Int?] = []
    private(set) var chatCapacities: [Int] = []
    /// Columns by interned id; a column that appears later starts with zeros for the earlier rows.
    private(set) var siteAgentsOnline: [[Int]] = []
    private(set) var departmentQueueDepths: [[Int]] = []
    private(set) var languageQueueDepths: [[Int]] = []
    private(set) var visitorToAgent = RunSeries.Percentiles()
    private(set) var agentToVisitor = RunSeries.Percentiles()

    private var open = [Int](repeating: 0, count: Counter.allCases.count)
    /// The open second's latencies (µs, coordinated-omission corrected like the run's), emptied at
    /// each sample: the series keeps only their percentiles.
    private var openVisitorToAgent = SecondLatencies()
    private var openAgentToVisitor = SecondLatencies()

    public init() {}

    /// The number of rows.
    public var count: Int { seconds.count }

    /// Makes room for `rows` rows (a simulator knows how many seconds it will sample), so that the columns do
    /// not grow by copying.
    public mutating func reserve(rows: Int) {
        seconds.reserveCapacity(rows)
        simulatedTimes.reserveCapacity(rows)
        for index in counterColumns.indices { counterColumns[index].reserveCapacity(rows) }
        queueDepths.reserveCapacity(rows)
        sessions.reserveCapacity(rows)
        activeChats.reserveCapacity(rows)
        agentsOnline.reserveCapacity(rows)
        chatCapacities.reserveCapacity(rows)
        serverQueueDepths.reserveCapacity(rows)
        visitorToAgent.reserve(rows)
        agentToVisitor.reserve(rows)
    }

    /// The gauges of the last row.
    public var lastGauges: Gauges? {
        guard let last = seconds.indices.last else { return nil }
        return gauges(last)
    }

    private func gauges(_ row: Int) -> Gauges {
        Gauges(
            sessions: sessions[row],
            activeChats: activeChats[row],
            agentsOnline: agentsOnline[row],
            serverQueueDepth: serverQueueDepths[row]
        )
    }

    /// The rows one by one (for tests and readers that think in rows).
    public var rows: [Row] {
        seconds.indices.map { index in
            var row = Row(
                second: seconds[index],
                simulatedTime: simulatedTimes[index],
                counts: counterColumns.map { $0[index] },
                queueDepth: queueDepths[index],
                gauges: gauges(index)
            )
            row.departmentQueueDepth = departmentQueueDepths.map { $0[index] }
            row.languageQueueDepth = languageQueueDepths.map { $0[index] }
            row.siteAgentsOnline = siteAgentsOnline.map { $0[index] }
            row.chatCapacity = chatCapacities[index]
            row.visitorToAgent = visitorToAgent.row(index)
            row.agentToVisitor = agentToVisitor.row(index)
            return row
        }
    }

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

    /// Closes the open second as a row. Per-id arrays (queue depth per department and language, agents online per
    /// site, by interned id) may be shorter than the ids seen so far: missing ids count 0.
    public mutating func sample(
        second: Int,
        simulatedTime: Date,
        queueDepth: Int,
        gauges: Gauges,
        departmentQueueDepth: [Int] = [],
        languageQueueDepth: [Int] = [],
        siteAgentsOnline bySite: [Int] = [],
        chatCapacity: Int = 0
    ) {
        let row = seconds.count
        seconds.append(second)
        simulatedTimes.append(simulatedTime)
        for index in open.indices {
            counterColumns[index].append(open[index])
            open[index] = 0
        }
        queueDepths.append(queueDepth)
        sessions.append(gauges.sessions)
        activeChats.append(gauges.activeChats)
        agentsOnline.append(gauges.agentsOnline)
        serverQueueDepths.append(gauges.serverQueueDepth)
        chatCapacities.append(chatCapacity)
        Self.append(departmentQueueDepth, to: &departmentQueueDepths, row: row)
        Self.append(languageQueueDepth, to: &languageQueueDepths, row: row)
        Self.append(bySite, to: &siteAgentsOnline, row: row)
        visitorToAgent.append(openVisitorToAgent.close())
        agentToVisitor.append(openAgentToVisitor.close())
    }

    /// Appends row `row` of per-id columns: a new id gets a column of zeros for the earlier rows.
    private static func append(_ values: [Int], to columns: inout [[Int]], row: Int) {
        while columns.count < values.count { columns.append([Int](repeating: 0, count: row)) }
        for id in columns.indices { columns[id].append(id < values.count ? values[id] : 0) }
    }

    /// The CSV header of `timeseries.csv`.
    public static let csvHeader =
        "second,simulated_time,arrivals,chats_requested,chats_assigned,chats_completed,chats_abandoned,"
        + "messages_sent,messages_received,errors,queue_depth,server_queue_depth,sessions,active_chats,agents_online"

    /// The whole series as CSV text (header, one line per row, `\n` line ends). Simulated time is
    /// ISO 8601 in UTC with milliseconds; a server queue depth that was not reported is empty.
    public func csv() -> String {
        var text = TextBytes(capacity: (seconds.count + 1) * (64 + 4 * counterColumns.count))
        text.append(Self.csvHeader)
        text.append(byte: UInt8(ascii: "\n"))
        let comma = UInt8(ascii: ",")
        for row in seconds.indices {
            text.append(seconds[row])
            text.append(byte: comma)
            text.appendISO8601(simulatedTimes[row])
            for column in counterColumns {
                text.append(byte: comma)
                text.append(column[row])
            }
            text.append(byte: comma)
            text.append(queueDepths[row])
            text.append(byte: comma)
            if let depth = serverQueueDepths[row] { text.append(depth) }
            text.append(byte: comma)
            text.append(sessions[row])
            text.append(byte: comma)
            text.append(activeChats[row])
            text.append(byte: comma)
            text.append(agentsOnline[row])
            text.append(byte: UInt8(ascii: "\n"))
        }
        return text.string
    }
}

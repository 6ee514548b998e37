public import Foundation

/// The per-second series of a run in `run.json` (`series`), stored as columns so that a day at one
/// row per second stays compact, and complete enough to draw the report from `run.json` alone.
///
/// Every column has one value per row (`second.count` rows). Latency percentiles are those of the
/// messages delivered during that second (`null` when none was), coordinated-omission corrected like
/// the run's figures, in milliseconds with three decimals. Queue depths per department and language
/// are the visitors waiting at the end of the second.
public struct RunSeries: Codable, Sendable, Equatable {
    /// One direction's per-second percentiles (milliseconds, `nil`: no delivery that second).
    public struct Percentiles: Codable, Sendable, Equatable {
        public var p50: [Double?] = []
        public var p90: [Double?] = []
        public var p99: [Double?] = []

        public init() {}

        mutating func append(_ value: TimeSeries.IntervalPercentiles?) {
            p50.append(value?.p50)
            p90.append(value?.p90)
            p99.append(value?.p99)
        }

        mutating func reserve(_ rows: Int) {
            p50.reserveCapacity(rows)
            p90.reserveCapacity(rows)
            p99.reserveCapacity(rows)
        }

        /// The percentiles of one row.
        func row(_ index: Int) -> TimeSeries.IntervalPercentiles? {
            guard let p50 = p50[index], let p90 = p90[index], let p99 = p99[index] else { return nil }
            return .init(p50: p50, p90: p90, p99: p99)
        }
    }

    /// The simulated instant of the first row, ISO 8601 UTC with milliseconds.
    public var simulatedOrigin: String
    /// Elapsed real seconds at the end of each row (a simulator passes its own second).
    public var second: [Int] = []
    /// Simulated seconds after `simulatedOrigin` at the end of each row (three decimals).
    public var simulatedSeconds: [Double] = []
    public var arrivals: [Int] = []
    public var chatsRequested: [Int] = []
    public var chatsAssigned: [Int] = []
    public var chatsCompleted: [Int] = []
    public var chatsAbandoned: [Int] = []
    public var messagesSent: [Int] = []
    public var messagesReceived: [Int] = []
    public var errors: [Int] = []
    public var queueDepth: [Int] = []
    /// The server's own queue depth; absent when the server never reported one.
    public var serverQueueDepth: [Int?]?
    public var sessions: [Int] = []
    public var activeChats: [Int] = []
    public var agentsOnline: [Int] = []
    /// Site → agents logged in there (from the agents the recorder registered).
    public var agentsOnlineBySite: [String: [Int]] = [:]
    /// The summed capacities of the agents logged in: how many chats could run at once.
    public var chatCapacity: [Int] = []
    public var queueDepthByDepartment: [String: [Int]] = [:]
    public var queueDepthByLanguage: [String: [Int]] = [:]
    /// `visitor_to_agent` and `agent_to_visitor`.
    public var messageLatency: [String: Percentiles] = [:]
    /// IANA time zone of each region by name (may be empty when the runner did not know them).
    public var regionTimeZones: [String: String] = [:]
    /// IANA time zone of each agent site by name.
    public var siteTimeZones: [String: String] = [:]

    /// The number of rows.
    public var count: Int { second.count }

    /// The simulated instant of `simulatedOrigin`.
    public var origin: Date? { try? Date(simulatedOrigin, strategy: Self.isoFormat) }

    /// The simulated instant of a row.
    public func simulatedTime(_ row: Int) -> Date? {
        origin.map { $0.addingTimeInterval(simulatedSeconds[row]) }
    }

    static let isoFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    /// The columns of `series`; department, language and site names are given by interned id.
    /// Returns nil when there is no row.
    public init?(_ series: TimeSeries, departments: [String], languages: [String], sites: [String] = []) {
        guard let first = series.simulatedTimes.first else { return nil }
        simulatedOrigin = first.formatted(Self.isoFormat)
        let origin = (try? Date(simulatedOrigin, strategy: Self.isoFormat)) ?? first
        second = series.seconds
        simulatedSeconds = series.simulatedTimes.map { Self.milli($0.timeIntervalSince(origin)) }
        let counters = series.counterColumns
        arrivals = counters[TimeSeries.Counter.arrivals.rawValue]
        chatsRequested = counters[TimeSeries.Counter.chatsRequested.rawValue]
        chatsAssigned = counters[TimeSeries.Counter.chatsAssigned.rawValue]
        chatsCompleted = counters[TimeSeries.Counter.chatsCompleted.rawValue]
        chatsAbandoned = counters[TimeSeries.Counter.chatsAbandoned.rawValue]
        messagesSent = counters[TimeSeries.Counter.messagesSent.rawValue]
        messagesReceived = counters[TimeSeries.Counter.messagesReceived.rawValue]
        errors = counters[TimeSeries.Counter.errors.rawValue]
        queueDepth = series.queueDepths
        serverQueueDepth = series.serverQueueDepths.contains { $0 != nil } ? series.serverQueueDepths : nil
        sessions = series.sessions
        activeChats = series.activeChats
        agentsOnline = series.agentsOnline
        chatCapacity = series.chatCapacities
        func columns(_ names: [String], _ columns: [[Int]]) -> [String: [Int]] {
            let zeros = [Int](repeating: 0, count: series.count)
            return Dictionary(uniqueKeysWithValues: names.indices.map { (names[$0], $0 < columns.count ? columns[$0] : zeros) })
        }
        queueDepthByDepartment = columns(departments, series.departmentQueueDepths)
        queueDepthByLanguage = columns(languages, series.languageQueueDepths)
        agentsOnlineBySite = columns(sites, series.siteAgentsOnline)
        messageLatency = ["visitor_to_agent": series.visitorToAgent, "agent_to_visitor": series.agentToVisitor]
    }

    /// Seconds rounded to milliseconds, so that the JSON round trip is exact.
    static func milli(_ value: Double) -> Double {
        (value * 1_000).rounded() / 1_000
    }
}

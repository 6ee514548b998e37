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

    /// The columns of `series`' rows; department and language names are given by interned id.
    /// Returns nil when there is no row.
    public init?(_ series: TimeSeries, departments: [String], languages: [String], sites: [String] = []) {
        guard let first = series.rows.first else { return nil }
        simulatedOrigin = first.simulatedTime.formatted(Self.isoFormat)
        let origin = (try? Date(simulatedOrigin, strategy: Self.isoFormat)) ?? first.simulatedTime
        var byDepartment = [[Int]](repeating: [], count: departments.count)
        var byLanguage = [[Int]](repeating: [], count: languages.count)
        var bySite = [[Int]](repeating: [], count: sites.count)
        var v2a = Percentiles()
        var a2v = Percentiles()
        var server: [Int?] = []
        for row in series.rows {
            second.append(row.second)
            simulatedSeconds.append(Self.milli(row.simulatedTime.timeIntervalSince(origin)))
            arrivals.append(row[.arrivals])
            chatsRequested.append(row[.chatsRequested])
            chatsAssigned.append(row[.chatsAssigned])
            chatsCompleted.append(row[.chatsCompleted])
            chatsAbandoned.append(row[.chatsAbandoned])
            messagesSent.append(row[.messagesSent])
            messagesReceived.append(row[.messagesReceived])
            errors.append(row[.errors])
            queueDepth.append(row.queueDepth)
            server.append(row.gauges.serverQueueDepth)
            sessions.append(row.gauges.sessions)
            activeChats.append(row.gauges.activeChats)
            agentsOnline.append(row.gauges.agentsOnline)
            chatCapacity.append(row.chatCapacity)
            for id in bySite.indices {
                bySite[id].append(id < row.siteAgentsOnline.count ? row.siteAgentsOnline[id] : 0)
            }
            for id in byDepartment.indices {
                byDepartment[id].append(id < row.departmentQueueDepth.count ? row.departmentQueueDepth[id] : 0)
            }
            for id in byLanguage.indices {
                byLanguage[id].append(id < row.languageQueueDepth.count ? row.languageQueueDepth[id] : 0)
            }
            v2a.append(row.visitorToAgent)
            a2v.append(row.agentToVisitor)
        }
        serverQueueDepth = server.contains { $0 != nil } ? server : nil
        queueDepthByDepartment = Dictionary(uniqueKeysWithValues: zip(departments, byDepartment))
        queueDepthByLanguage = Dictionary(uniqueKeysWithValues: zip(languages, byLanguage))
        agentsOnlineBySite = Dictionary(uniqueKeysWithValues: zip(sites, bySite))
        messageLatency = ["visitor_to_agent": v2a, "agent_to_visitor": a2v]
    }

    /// Seconds rounded to milliseconds, so that the JSON round trip is exact.
    static func milli(_ value: Double) -> Double {
        (value * 1_000).rounded() / 1_000
    }
}

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

        /// The count of one counter in this row.
        public subscript(counter: Counter) -> Int { counts[counter.rawValue] }
    }

    public private(set) var rows: [Row] = []
    private var open = [Int](repeating: 0, count: Counter.allCases.count)

    public init() {}

    /// Adds `amount` to a counter of the open second.
    public mutating func count(_ counter: Counter, by amount: Int = 1) {
        open[counter.rawValue] += amount
    }

    /// Closes the open second as a row.
    public mutating func sample(second: Int, simulatedTime: Date, queueDepth: Int, gauges: Gauges) {
        rows.append(Row(second: second, simulatedTime: simulatedTime, counts: open, queueDepth: queueDepth, gauges: gauges))
        for index in open.indices { open[index] = 0 }
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

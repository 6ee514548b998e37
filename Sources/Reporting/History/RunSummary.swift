public import Foundation
public import GRDB
import LoadMetrics

/// One run's line in the history database: identity, verdicts and the key figures trends are drawn from.
public struct RunSummary: Sendable, Equatable, Codable {
    /// The database's row id (nil before the summary is stored).
    public var id: Int64?
    /// The results folder, as the run named it.
    public var folder: String
    /// When the run was recorded.
    public var recordedAt: Date
    public var profile: String
    public var profileSha256: String
    /// The seed, as text: SQLite integers are signed 64-bit, seeds unsigned.
    public var seed: String
    public var mode: String
    public var complete: Bool
    public var stopReason: String?
    /// Nil when the run had no thresholds.
    public var thresholdsPassed: Bool?
    public var thresholdsFailed: Int
    /// Milliseconds; nil without samples.
    public var visitorToAgentP99: Double?
    public var agentToVisitorP99: Double?
    public var queueWaitP90: Double?
    public var queueWaitP99: Double?
    public var firstResponseP90: Double?
    /// Nil without chat requests.
    public var abandonmentRate: Double?
    public var serviceLevel: Double?
    public var visitorsArrived: Int
    public var messagesSent: Int
    public var messagesLost: Int
    public var errors: Int

    /// The summary of a finished run's document.
    public init(_ document: RunDocument, folder: String, recordedAt: Date) {
        let result = document.result
        func latency(_ name: String) -> Double? {
            KeyMetric.all.first { $0.name == name }?.value(in: result)
        }
        id = nil
        self.folder = folder
        self.recordedAt = recordedAt
        profile = result.profile.label
        profileSha256 = result.profile.sha256
        seed = String(result.seed)
        mode = result.mode.rawValue
        complete = result.complete
        stopReason = document.stopReason?.rawValue
        thresholdsPassed = document.thresholds.map { $0.allSatisfy(\.passed) }
        thresholdsFailed = document.thresholds?.filter { !$0.passed }.count ?? 0
        visitorToAgentP99 = latency("message_latency.visitor_to_agent.p99")
        agentToVisitorP99 = latency("message_latency.agent_to_visitor.p99")
        queueWaitP90 = latency("queue_wait.p90")
        queueWaitP99 = latency("queue_wait.p99")
        firstResponseP90 = latency("first_response.p90")
        let requested = result.counts.chatsOffered > 0
        abandonmentRate = requested ? result.metrics.abandonmentRate : nil
        serviceLevel = requested ? result.metrics.serviceLevel.value : nil
        visitorsArrived = result.counts.visitorsArrived
        messagesSent = result.counts.messagesSent
        messagesLost = result.counts.messagesLost
        errors = result.counts.errors
    }

    /// A passing run: complete, and no threshold failed.
    public var passed: Bool { complete && thresholdsPassed != false }
}

extension RunSummary: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

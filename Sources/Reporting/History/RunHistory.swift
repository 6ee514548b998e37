import Foundation
import GRDB

/// The run history: an SQLite database (`Results/history.sqlite` by default) with one ``RunSummary`` per run,
/// for `chatstorm history` and `chatstorm compare --baseline last-passing`.
///
/// GRDB does the SQLite work (schema migrations, records, queries); the schema is created on first use.
public final class RunHistory: Sendable {
    /// Where `chatstorm run` records runs unless told otherwise.
    public static let defaultPath = "Results/history.sqlite"

    private let queue: DatabaseQueue

    /// Opens (and creates if needed) the database at `path`, creating its folder too.
    public init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: path)
        try Self.migrator.migrate(queue)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs") { db in
            try db.create(table: RunSummary.databaseTableName) { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("folder", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
                t.column("profile", .text).notNull().indexed()
                t.column("profileSha256", .text).notNull()
                t.column("seed", .text).notNull()
                t.column("mode", .text).notNull()
                t.column("complete", .boolean).notNull()
                t.column("stopReason", .text)
                t.column("thresholdsPassed", .boolean)
                t.column("thresholdsFailed", .integer).notNull()
                for name in ["visitorToAgentP99", "agentToVisitorP99", "queueWaitP90", "queueWaitP99", "firstResponseP90"] {
                    t.column(name, .double)
                }
                t.column("abandonmentRate", .double)
                t.column("serviceLevel", .double)
                for name in ["visitorsArrived", "messagesSent", "messagesLost", "errors"] {
                    t.column(name, .integer).notNull()
                }
            }
        }
        return migrator
    }

    /// Stores a run; returns it with its id.
    @discardableResult
    public func record(_ summary: RunSummary) throws -> RunSummary {
        try queue.write { db in
            var summary = summary
            try summary.insert(db)
            return summary
        }
    }

    /// The newest runs first, of one profile or of all.
    public func runs(profile: String? = nil, limit: Int = 20) throws -> [RunSummary] {
        try queue.read { db in
            var request = RunSummary.all()
            if let profile { request = request.filter(Column("profile") == profile) }
            return try request.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }

    /// The newest passing run (complete, no failed threshold) of `profile`, other than the run in `folder`.
    public func lastPassing(profile: String, excluding folder: String? = nil) throws -> RunSummary? {
        try queue.read { db in
            var request = RunSummary.filter(Column("profile") == profile && Column("complete") == true)
                .filter(Column("thresholdsPassed") == nil || Column("thresholdsPassed") == true)
            if let folder { request = request.filter(Column("folder") != folder) }
            return try request.order(Column("id").desc).fetchOne(db)
        }
    }
}

import ArgumentParser
import Foundation
import LoadMetrics
import Reporting
import Synchronization

/// The files of a results folder (`run.json`, `timeseries.csv`, `agents.csv`, `.hgrm`, `report.html`), written
/// the same way for a live run and a simulation.
enum ResultsFolder {
    /// `Results/<yyyyMMdd-HHmmss>-<profile>-<mode>` in UTC, the profile's name made safe for one path component;
    /// made by ``newFolder(profile:kind:)``.
    static func defaultPath(profile: String, mode: RunResult.Mode) -> String {
        newFolder(profile: profile, kind: mode.rawValue)
    }

    /// A new folder `Results/<yyyyMMdd-HHmmss>-<profile>-<kind>` (UTC), created here so that it is this process's:
    /// when the name is taken (a simulation ends within a second, and a script starts the next one in the same
    /// second, or another process took it), `-2`, `-3`… is added. Before, the second run wrote over the first's
    /// files. When the folder cannot be made (no permission, a file in the way) the plain name is returned, and
    /// writing the results there reports why.
    static func newFolder(profile: String, kind: String) -> String {
        let parent = "Results"
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let base = "\(parent)/\(formatter.string(from: Date()))-\(folderName(profile))-\(kind)"
        guard (try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)) != nil else {
            return base
        }
        for attempt in 1...1_000 {
            let path = attempt == 1 ? base : "\(base)-\(attempt)"
            // mkdir(2) fails with EEXIST when the name is taken, atomically: two processes never get the same one.
            if mkdir(path, 0o755) == 0 { return path }
            guard errno == EEXIST else { return base }
        }
        return base
    }

    /// A profile's name as part of a folder name: letters, digits, `-`, `_` and `.` kept, anything else (a `/`
    /// that would lead out of `Results/`, spaces, control characters) as `_`, at most 64 characters.
    static func folderName(_ name: String) -> String {
        let safe = String(
            name.unicodeScalars.prefix(64).map { scalar -> Character in
                let kept = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
                return kept ? Character(scalar) : "_"
            }
        )
        return safe.isEmpty ? "profile" : safe
    }

    /// Writes the result and its tables into `folder` (created when missing); on failure reports it and exits
    /// with ``ExitCode/cannotWrite``.
    ///
    /// `run.json`, `report.html` and the tables are made and written side by side on the machine's cores: each is
    /// made from the result alone, and one after the other they took as long as simulating a follow-the-sun day.
    static func write(
        _ document: RunDocument,
        timeSeriesCSV: @escaping @Sendable () -> String,
        agentsCSV: @escaping @Sendable () -> String,
        to folder: String
    ) throws {
        let url = URL(fileURLWithPath: folder)
        let result = document.result
        let files: [@Sendable () throws -> Void] = [
            { try document.jsonData().write(to: url.appendingPathComponent("run.json")) },
            { try document.report.write(toFolder: url) },
            { try Data(timeSeriesCSV().utf8).write(to: url.appendingPathComponent("timeseries.csv")) },
            {
                try Data(agentsCSV().utf8).write(to: url.appendingPathComponent("agents.csv"))
                let latency = [("visitor_to_agent", result.total.visitorToAgent), ("agent_to_visitor", result.total.agentToVisitor)]
                for (direction, recorder) in latency {
                    for corrected in [true, false] {
                        let name = "message_latency_\(direction)\(corrected ? "" : "_uncorrected").hgrm"
                        try Data(recorder.percentileDistribution(corrected: corrected).utf8).write(to: url.appendingPathComponent(name))
                    }
                }
            },
        ]
        let failures = Mutex<[String]>([])
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                do {
                    try files[index]()
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        } catch {
            failures.withLock { $0.append("\(error)") }
        }
        let failed = failures.withLock { $0 }
        guard failed.isEmpty else {
            FileHandle.standardError.write(Data("cannot write results to \(folder): \(failed.joined(separator: "; "))\n".utf8))
            throw ExitCode.cannotWrite
        }
    }

    /// Writes any file of the folder (e.g. `replications.json`).
    static func write(_ data: Data, named name: String, to folder: String) throws {
        do {
            try data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
        } catch {
            FileHandle.standardError.write(Data("cannot write \(name) to \(folder): \(error)\n".utf8))
            throw ExitCode.cannotWrite
        }
    }
}

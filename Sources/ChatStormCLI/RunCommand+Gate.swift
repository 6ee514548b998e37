import ArgumentParser
import Foundation
import LoadEngine
import LoadMetrics
import Reporting
import Workload

/// Thresholds, CI outputs and the run history of `chatstorm run`.
extension RunCommand {
    /// The profile's thresholds followed by those of `--threshold`; a flag's tag value must name something
    /// in the profile.
    func thresholds(of profile: Profile) throws -> [Threshold] {
        var result = profile.thresholds
        for flag in thresholdFlags {
            let threshold = try Self.threshold(flag: flag)
            if let problem = profile.unknownTagValue(in: threshold.selector) {
                throw ValidationError("--threshold '\(flag)': \(problem)")
            }
            result.append(threshold)
        }
        return result
    }

    /// One `--threshold` value, its errors naming the flag.
    static func threshold(flag: String) throws -> Threshold {
        do {
            return try ThresholdParser.threshold(flag: flag)
        } catch {
            throw ValidationError("--threshold '\(flag)': \(error.message)")
        }
    }

    /// While the run lasts, evaluates the `abortOnFail` thresholds on a snapshot once a second (each once its
    /// `delayAbortEval` has passed) and stops the run when one fails. Nil when there are none.
    static func watchAbortThresholds(_ thresholds: [Threshold], live: LiveRun, aborted: Flag) -> Task<Void, Never>? {
        let watched = thresholds.filter(\.abortOnFail)
        guard !watched.isEmpty else { return nil }
        return Task {
            let start = ContinuousClock.now
            while !Task.isCancelled {
                do { try await Task.sleep(for: .seconds(1)) } catch { return }
                let elapsed = Double((ContinuousClock.now - start).components.seconds)
                let due = watched.filter { elapsed >= $0.delayAbortEval }
                guard !due.isEmpty, let snapshot = try? await live.snapshot() else { continue }
                if let failed = ThresholdEvaluator.evaluate(due, on: snapshot).first(where: { !$0.passed }) {
                    let line =
                        "threshold \(failed.metric): \(failed.threshold.expression) failed (measured \(failed.measured)); stopping the run (abortOnFail)\n"
                    FileHandle.standardError.write(Data(line.utf8))
                    aborted.set()
                    live.stop()
                    return
                }
            }
        }
    }

    /// Runs `write`; on failure reports the flag and path (exit 73).
    static func writeCIOutput(flag: String, path: String, _ write: () throws -> Void) throws {
        do {
            try write()
        } catch {
            FileHandle.standardError.write(Data("\(flag): cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode.cannotWrite
        }
    }

    /// Prints the threshold table, writes `--junit` and `--summary-md`, records the run in the history.
    /// - Parameter seconds: The run's real length, for the JUnit suite's `time`.
    func report(_ document: RunDocument, folder: String, seconds: Double) throws {
        if let thresholds = document.thresholds, !thresholds.isEmpty {
            print("")
            print(ThresholdTable.text(thresholds), terminator: "")
        }
        // Each output named by its flag and path in the error (the results are written already).
        if let junit {
            let xml = JUnitReport.xml(document.thresholds ?? [], profile: document.result.profile.label, seconds: seconds)
            try Self.writeCIOutput(flag: "--junit", path: junit) { try Data(xml.utf8).write(to: URL(fileURLWithPath: junit)) }
        }
        if let summaryMarkdown {
            try Self.writeCIOutput(flag: "--summary-md", path: summaryMarkdown) {
                try Self.append(MarkdownSummary.render(document, folder: folder), to: summaryMarkdown)
            }
        }
        guard !noHistory else { return }
        do {
            try RunHistory(path: history).record(RunSummary(document, folder: folder, recordedAt: Date()))
        } catch {
            // The history is a convenience: a run's verdict does not depend on it.
            FileHandle.standardError.write(Data("warning: the run was not recorded in \(history): \(error)\n".utf8))
        }
    }

    /// Appends to a file (creating it): `$GITHUB_STEP_SUMMARY` collects several steps' summaries.
    static func append(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) {
            try Data().write(to: url)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Why the run ended, from what the command saw.
    static func stopReason(targetDied: Bool, output: LiveRun.Output, aborted: Bool, interrupted: Bool) -> RunDocument.StopReason {
        if targetDied || output.stopReason == .targetUnreachable { return .targetUnreachable }
        if aborted { return .thresholdAborted }
        if interrupted || !output.result.complete { return .interrupted }
        return .finished
    }
}

import ArgumentParser
import Foundation
import Workload

/// The exit codes `chatstorm` documents (README, `chatstorm --help`); scripts and CI jobs rely on them.
extension ExitCode {
    /// A profile or other input is invalid (EX_DATAERR).
    static let invalidInput = ExitCode(65)
    /// The target refused connections or died during the run (EX_UNAVAILABLE).
    static let targetUnavailable = ExitCode(69)
    /// A results file could not be written (EX_CANTCREAT).
    static let cannotWrite = ExitCode(73)
    /// A performance gate failed: a threshold of `run` (also when `abortOnFail` stopped the run early), or a
    /// regression past its tolerance in `compare` (k6 uses 99 for failed thresholds too).
    static let thresholdsFailed = ExitCode(99)
    /// The run was interrupted by SIGINT or SIGTERM (128 + SIGINT).
    static let interrupted = ExitCode(130)
}

/// Loads a profile for a command; on failure prints every issue to standard error and exits with
/// ``ExitCode/invalidInput``.
/// - Parameter recordsPerSecond: the command records a row per simulated second of the profile's own duration
///   (not overridden by `--duration`): its `calendar.duration` may be at most ``CalendarSettings/longestDuration``.
func loadProfile(_ path: String, recordsPerSecond: Bool = false) throws -> Profile {
    do {
        return try ProfileLoader.load(contentsOf: path, longestDuration: recordsPerSecond ? CalendarSettings.longestDuration : nil)
    } catch {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        throw ExitCode.invalidInput
    }
}

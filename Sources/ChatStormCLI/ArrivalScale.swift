import ArgumentParser
import Foundation
import LoadMetrics
import Workload

/// `--scale FACTOR`: the profile's traffic at another volume, every region's arrival rate multiplied (curves,
/// events, behaviour and agents as written). For `run`, `simulate`, `plan` and `schedule`.
struct ArrivalScale: ParsableArguments {
    static let range = 0.001...1_000.0

    @Option(
        help: ArgumentHelp(
            "Multiply every region's arrival rate by this factor (0.001 to 1000; 3: three times the traffic).",
            valueName: "factor"
        )
    )
    var scale = 1.0

    func validate() throws {
        guard Self.range.contains(scale) else {
            throw ValidationError("--scale must be a factor from 0.001 to 1000, got \(scale)")
        }
    }

    /// What a result records: nil for the profile's own rates.
    var recorded: Double? { scale == 1 ? nil : scale }

    /// `profile` at this scale (`Profile.scalingArrivals(by:)`); a rate past what a profile may hold is a
    /// command-line error.
    func applied(to profile: Profile) throws -> Profile {
        guard scale != 1 else { return profile }
        do {
            return try profile.scalingArrivals(by: scale)
        } catch {
            FileHandle.standardError.write(Data("--scale: \(error)\n".utf8))
            throw ExitCode.validationFailure
        }
    }

    /// " at ×3", or nothing for the profile's own rates: for the lines that name the profile.
    var suffix: String { recorded.map { " at ×" + RunResult.Profile.factor($0) } ?? "" }
}

import ArgumentParser
import Foundation
import Workload

/// `chatstorm validate PROFILE…`: checks profiles and reports every problem with its position and key path.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check traffic profiles and report every problem at once.",
        discussion: """
            Problems go to standard error, one per line: FILE:LINE:COLUMN: KEYPATH: MESSAGE. Each valid profile \
            gets a one-line summary on standard output. Exit code 0 when every profile is valid, 65 when any is \
            not. The format is described in docs/profile.md.
            """
    )

    @Argument(help: "Profile files (YAML), at least one.")
    var profiles: [String]

    func run() throws {
        var anyInvalid = false
        for path in profiles {
            do {
                let profile = try ProfileLoader.load(contentsOf: path)
                print("\(path): ok (\(Self.summary(of: profile)))")
            } catch {
                anyInvalid = true
                let lines = error.issues.map { $0.description + "\n" }.joined()
                FileHandle.standardError.write(Data(lines.utf8))
            }
        }
        if anyInvalid {
            throw ExitCode.invalidInput
        }
    }

    /// `3 regions, 4 languages, 2 sites`.
    static func summary(of profile: Profile) -> String {
        let languages = Set(profile.regions.flatMap(\.languages.keys))
        return [
            count(profile.regions.count, "region"),
            count(languages.count, "language"),
            count(profile.agents.sites.count, "site"),
            count(profile.thresholds.count, "threshold"),
        ]
        .joined(separator: ", ")
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}

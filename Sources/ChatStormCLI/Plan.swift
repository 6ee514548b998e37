import ArgumentParser
import Foundation
import LoadMetrics
import Planning
import Reporting
import Workload

/// `chatstorm plan PROFILE`: the fewest agents per site and interval that meet the profile's goals.
struct Plan: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Capacity planning: the fewest agents per site and hour that meet the profile's service goals.",
        discussion: """
            Demand per interval comes from the profile's calendar (regions, curves, events) and behaviour; each \
            site's staffing is the exact chat model's minimum for the profile's goals: section (without one: 80% \
            within 30s, at most 5% abandoning, occupancy at most 0.85). Prints the table and writes plan.csv and \
            plan.html to --out (default Results/<yyyyMMdd-HHmmss>-<profile>-plan). --verify simulates the planned \
            staffing and adds the achieved figures per interval. --confirm then searches, interval by interval, the \
            fewest agents above the model's minimum with which the simulation (--replications, 10 by default, \
            pooled) meets every goal, one simulation of the whole plan per step (at most --rounds). \
            docs/capacity.md explains the derivation. Exit codes: 0 done; 64 invalid command line; 65 invalid profile or a \
            model that cannot be solved; 73 an output file cannot be written.
            """
    )

    @Argument(help: "The traffic profile (YAML).")
    var profile: String

    @Option(help: "Folder for plan.csv and plan.html (default: Results/<yyyyMMdd-HHmmss>-<profile>-plan).")
    var out: String?

    @Option(help: "Planning interval, e.g. 15m, 30m, 1h30m (default 1h; from 1 minute to 31 days).")
    var interval = "1h"

    @OptionGroup var arrivalScale: ArrivalScale

    @Option(help: "The most agents tried per site and interval.")
    var maxAgents = 10_000

    @ArgumentParser.Flag(help: "Simulate the planned staffing and show the achieved figures next to the model's.")
    var verify = false

    @ArgumentParser.Flag(help: "Simulate the plan and add agents where the simulation falls short of a goal (implies --verify).")
    var confirm = false

    @Option(help: "Replications per simulation of --verify (default 1) or --confirm (default 10).")
    var replications: Int?

    @Option(help: "The most simulations --confirm runs (default 30).")
    var rounds: Int?

    func validate() throws {
        if try RunCommand.validateDuration(interval, flag: "--interval") < 60 {
            throw ValidationError(
                "--interval: \(interval) is shorter than a minute; each interval is planned with a stationary model, "
                    + "which needs intervals long against a chat (staffing tables use 15 minutes to an hour)"
            )
        }
        guard maxAgents >= 1 else { throw ValidationError("--max-agents must be at least 1") }
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications)") }
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be at least 1, got \(rounds)") }
        if replications != nil, !verify, !confirm { throw ValidationError("--replications needs --verify or --confirm") }
        if rounds != nil, !confirm { throw ValidationError("--rounds needs --confirm") }
    }

    func run() throws {
        let loaded = try arrivalScale.applied(to: loadProfile(profile, recordsPerSecond: verify || confirm))
        var plan: StaffingPlan
        do {
            let planner = try Planner(profile: loaded, interval: RunCommand.seconds(interval) ?? 3600, maxAgentsPerSite: maxAgents)
            plan = try planner.plan()
            plan.profileName = RunResult.Profile(name: loaded.name, sha256: "", arrivalScale: arrivalScale.recorded).label
            var note: String?
            if confirm {
                note = try Self.confirmPlan(
                    &plan,
                    planner: planner,
                    profile: loaded,
                    replications: replications ?? 10,
                    rounds: rounds ?? 30
                )
            } else if verify {
                note = try Self.verifyPlan(&plan, profile: loaded, replications: replications ?? 1)
            }
            if let note { FileHandle.standardError.write(Data((note + "\n").utf8)) }
        } catch {
            FileHandle.standardError.write(Data("\(profile): \(error)\n".utf8))
            throw ExitCode.invalidInput
        }
        print(PlanTable(plan: plan).render(), terminator: "")
        let folder = out ?? Self.defaultFolder(profile: loaded.name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let url = URL(fileURLWithPath: folder)
            try PlanCSV(plan: plan).write(toFolder: url)
            try PlanPage(plan: plan).write(toFolder: url)
        } catch {
            FileHandle.standardError.write(Data("cannot write the plan to \(folder): \(error)\n".utf8))
            throw ExitCode.cannotWrite
        }
        print("Wrote \(folder)/\(PlanCSV.fileName) and \(folder)/\(PlanPage.fileName).")
    }

    static func defaultFolder(profile: String) -> String {
        ResultsFolder.newFolder(profile: profile, kind: "plan")
    }
}

import Foundation
import Testing

/// `chatstorm plan` end to end through the built binary.
@Suite("chatstorm plan", .enabled(if: CLI.binary != nil, "the chatstorm binary is not built"))
struct PlanCommandTests {
    @Test("plan Profiles/quickstart.yaml --out DIR prints the table and writes plan.csv and plan.html")
    func quickstart() async throws {
        let folder = try CLI.temporaryFolder("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("tmp")
        let result = try await CLI.run(["plan", "Profiles/quickstart.yaml", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.error)")
        #expect(result.output.contains("Plan for quickstart"))
        #expect(result.output.contains("2025-03-11 14:00"))
        #expect(result.output.contains("Agent-hours: planned"))

        let csv = try String(contentsOf: out.appendingPathComponent("plan.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        #expect(header.first == "interval_start_utc")
        // One simulated hour, two sites: a row per site and the total.
        #expect(rows.count == 4)
        let column = { (name: String) in header.firstIndex(of: name)! }
        #expect(rows[1][column("site")] == "riga" && rows[2][column("site")] == "austin" && rows[3][column("site")] == "all")
        #expect(rows[1][column("local_start")] == "2025-03-11T16:00:00+02:00")
        let agents = rows.dropFirst().map { Int($0[column("agents")]) ?? -1 }
        #expect(agents[0] > 0 && agents[1] > 0 && agents[2] == agents[0] + agents[1])
        let demand = rows.dropFirst().map { Double($0[column("demand_per_hour")]) ?? -1 }
        // 300 visitors an hour, no form, no bots: every one asks for a chat and some site serves it.
        #expect(abs(demand[2] - 300) < 0.01 && abs(demand[0] + demand[1] - 300) < 0.01)
        for row in rows.dropFirst() {
            let level = try #require(Double(row[column("service_level")]))
            #expect(level >= 0.8)
        }

        let html = try String(contentsOf: out.appendingPathComponent("plan.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("data-chart=\"plan-staffing\"") && html.contains("data-chart=\"plan-demand\""))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }

    @Test("plan --verify adds the simulated service level and abandonment per hour")
    func verify() async throws {
        let folder = try CLI.temporaryFolder("plan-verify")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try await CLI.run(["plan", "Profiles/quickstart.yaml", "--out", folder.path, "--verify"])
        #expect(result.status == 0, "stderr: \(result.error)")
        #expect(result.output.contains("sim SL"))
        let csv = try String(contentsOf: folder.appendingPathComponent("plan.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let total = try #require(rows.last)
        let level = try #require(Double(total[header.firstIndex(of: "sim_service_level")!]))
        let abandonment = try #require(Double(total[header.firstIndex(of: "sim_abandonment")!]))
        #expect(level >= 0 && level <= 1 && abandonment >= 0 && abandonment <= 1)
        let html = try String(contentsOf: folder.appendingPathComponent("plan.html"), encoding: .utf8)
        #expect(html.contains("data-chart=\"plan-service-level\""))
    }

    /// Two hours; in the first, every visitor of the hour comes in its last ten minutes. The model takes the hour
    /// as stationary at its mean rate and staffs it like the second.
    private static let rush = """
        schemaVersion: 1
        name: rush
        seed: 11
        calendar: { start: 2025-10-14T10:00:00Z, duration: 2h }
        regions:
          - { name: here, timeZone: UTC, peakPerHour: 600, curve: flat, languages: { en: 1 }, departments: { support: 1 } }
        events:
          - { name: quiet, timeZone: UTC, start: 2025-10-14T10:00, end: 2025-10-14T10:50, multiplier: 0 }
          - { name: rush, timeZone: UTC, start: 2025-10-14T10:50, end: 2025-10-14T11:00, multiplier: 6 }
        visitors:
          patience: { exponential: 3m }
          messagesPerChat: { uniform: [2, 4] }
          thinkTime: { uniform: [5s, 15s] }
        agents:
          sites:
            - name: desk
              timeZone: UTC
              headcount: 10
              shifts: [{ start: "00:00", end: "24:00" }]
              languages: [en]
              departments: [support]
              maxChats: 2
              replyTime: { uniform: [5s, 20s] }
        goals: { serviceLevel: { target: 0.8, within: 30s }, maxAbandonment: 0.05 }

        """

    /// The `all` rows of a plan.csv, by column name.
    private func totals(_ folder: URL) throws -> [[String: String]] {
        let csv = try String(contentsOf: folder.appendingPathComponent("plan.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        return rows.dropFirst().filter { $0[1] == "all" }.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test("plan --confirm adds agents where the simulation falls short (a rush within an hour), and only there")
    func confirm() async throws {
        let folder = try CLI.temporaryFolder("plan-confirm")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("rush.yaml")
        try Data(Self.rush.utf8).write(to: profile)

        let verified = folder.appendingPathComponent("verified")
        let verify = try await CLI.run(["plan", profile.path, "--out", verified.path, "--verify", "--replications", "4"])
        #expect(verify.status == 0, "stderr: \(verify.error)")
        let model = try totals(verified)
        // The model's staffing for the rush hour: most of its visitors wait too long.
        #expect(try #require(Double(model[0]["sim_service_level"] ?? "")) < 0.5)

        let confirmed = folder.appendingPathComponent("confirmed")
        let confirm = try await CLI.run(["plan", profile.path, "--out", confirmed.path, "--confirm", "--replications", "4"])
        #expect(confirm.status == 0, "stderr: \(confirm.error)")
        #expect(confirm.output.contains("the last simulation meets every goal"), "\(confirm.output)")
        let plan = try totals(confirmed)
        for row in plan {
            #expect(try #require(Double(row["sim_service_level"] ?? "")) >= 0.8, "\(row)")
            #expect(try #require(Double(row["sim_abandonment"] ?? "")) <= 0.05, "\(row)")
        }
        let added = plan.map { Int($0["added_by_simulation"] ?? "") ?? -1 }
        #expect(added[0] > 10, "the rush hour needs several times the model's staffing")
        #expect(added[1] == 0, "the hour after it, as the model says, once the rush is staffed")
        #expect(Int(plan[0]["agents"] ?? "") == Int(model[0]["agents"] ?? "")! + added[0])
    }

    @Test(
        "a bad interval is a command-line error (64) naming the flag",
        arguments: ["soon", "inf", "1e400", "1e-300", "0x10", "30s", "32d"]
    )
    func badInterval(interval: String) async throws {
        let result = try await CLI.run(["plan", "Profiles/quickstart.yaml", "--interval", interval])
        #expect(result.status == 64)
        #expect(result.error.contains("--interval"), "\(result.error)")
    }

    @Test(
        "simulation options without a simulation are command-line errors (64)",
        arguments: [["--replications", "3"], ["--rounds", "5"]]
    )
    func optionWithoutSimulation(option: [String]) async throws {
        let result = try await CLI.run(["plan", "Profiles/quickstart.yaml"] + option)
        #expect(result.status == 64)
        #expect(result.error.contains(option[0]))
    }
}

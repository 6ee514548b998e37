import Foundation
import Testing

/// `chatstorm plan` end to end through the built binary.
@Suite("chatstorm plan", .enabled(if: CLI.binary != nil, "the chatstorm binary is not built"))
struct PlanCommandTests {
    @Test("plan Profiles/quickstart.yaml --out DIR prints the table and writes plan.csv and plan.html")
    func quickstart() throws {
        let folder = try CLI.temporaryFolder("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("tmp")
        let result = try CLI.run(["plan", "Profiles/quickstart.yaml", "--out", out.path])
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
    func verify() throws {
        let folder = try CLI.temporaryFolder("plan-verify")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["plan", "Profiles/quickstart.yaml", "--out", folder.path, "--verify"])
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

    @Test("a bad interval is a command-line error (64)")
    func badInterval() throws {
        let result = try CLI.run(["plan", "Profiles/quickstart.yaml", "--interval", "soon"])
        #expect(result.status == 64)
        #expect(result.error.contains("--interval"))
    }
}

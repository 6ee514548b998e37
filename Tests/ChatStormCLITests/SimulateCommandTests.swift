import Foundation
import Testing

@Suite("chatstorm simulate", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct SimulateCommandTests {
    @Test("replications write a sim run.json, the tables and replications.json with an interval per figure")
    func replications() throws {
        let binary = try #require(chatstormBinary)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chatstorm-simulate-\(getpid())")
        try? FileManager.default.removeItem(at: out)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = repository
        process.arguments = ["simulate", "Profiles/quickstart.yaml", "--duration", "20m", "--replications", "3", "--out", out.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(printed.contains("wait_probability") && printed.contains("95% confidence interval"))

        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
        )
        #expect(run["mode"] as? String == "sim")
        #expect(run["seed"] as? Int == 42)
        let counts = try #require(run["counts"] as? [String: Any])
        #expect((counts["visitorsArrived"] as? Int ?? 0) > 100)

        let file = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("replications.json"))) as? [String: Any]
        )
        #expect(file["replications"] as? Int == 3)
        let seeds = try #require(file["seeds"] as? [Any])
        #expect(seeds.count == 3 && (seeds.first as? Int) == 42)
        let figures = try #require(file["figures"] as? [String: [String: Any]])
        #expect(
            Set(figures.keys) == [
                "service_level", "abandonment_rate", "queue_wait_mean_seconds", "queue_wait_p90_seconds", "occupancy",
                "busy_share", "wait_probability",
            ]
        )
        let occupancy = try #require(figures["occupancy"])
        let values = try #require(occupancy["values"] as? [Double])
        let mean = try #require(occupancy["mean"] as? Double)
        #expect(values.count == 3 && abs(mean - values.reduce(0, +) / 3) < 1e-12)
        let lower = try #require(occupancy["lower95"] as? Double)
        let upper = try #require(occupancy["upper95"] as? Double)
        #expect(lower < mean && mean < upper)
        for name in ["timeseries.csv", "agents.csv", "message_latency_visitor_to_agent.hgrm"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) written")
        }
        let rows = try String(contentsOf: out.appendingPathComponent("timeseries.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + 1_200)
    }
}

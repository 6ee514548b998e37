import Foundation
import Testing

@Suite(
    "--scale: the profile's traffic at another volume",
    .timeLimit(.minutes(1)),
    .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built")
)
struct ArrivalScaleTests {
    /// The expected arrivals per region of the schedule's one hour (its `total` line).
    private func expectedArrivals(_ arguments: [String]) async throws -> [Int] {
        let result = try await CLI.run(["schedule", "Profiles/quickstart.yaml"] + arguments)
        #expect(result.status == 0, "\(result.error)")
        let total = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("total") })
        // "total | exp plan exp plan exp plan | …": every other number is a region's expectation.
        let numbers = total.split(separator: " ").compactMap { Int($0) }
        return stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
    }

    @Test("every region's expected arrivals are multiplied by the factor, and the schedule says so")
    func schedule() async throws {
        let plain = try await expectedArrivals([])
        let scaled = try await expectedArrivals(["--scale", "2.5"])
        #expect(plain.count == 3 && plain.allSatisfy { $0 > 0 })
        #expect(scaled == plain.map { Int((Double($0) * 2.5).rounded()) }, "\(plain) → \(scaled)")
        let header = try await CLI.run(["schedule", "Profiles/quickstart.yaml", "--scale", "2.5"]).output
        #expect(header.hasPrefix("quickstart at ×2.5: seed 42"), "\(header.prefix(80))")
    }

    @Test("a simulated run records its scale in run.json and its report; the profile's own rates record none")
    func simulate() async throws {
        let folder = try CLI.temporaryFolder("scale-simulate")
        defer { try? FileManager.default.removeItem(at: folder) }
        func run(_ name: String, _ extra: [String]) async throws -> (printed: String, json: [String: Any], report: String) {
            let out = folder.appendingPathComponent(name)
            let result = try await CLI.run(["simulate", "Profiles/quickstart.yaml", "--out", out.path] + extra)
            #expect(result.status == 0, "\(result.error)")
            let json = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
            )
            let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            return (result.output, json, report)
        }
        let plain = try await run("plain", [])
        let tripled = try await run("tripled", ["--scale", "3"])
        #expect(tripled.printed.hasPrefix("simulating 1 × 1 h of quickstart at ×3…"), "\(tripled.printed.prefix(80))")
        let plainProfile = try #require(plain.json["profile"] as? [String: Any])
        let tripledProfile = try #require(tripled.json["profile"] as? [String: Any])
        #expect(plainProfile["arrivalScale"] == nil)
        #expect(tripledProfile["arrivalScale"] as? Double == 3)
        #expect(tripled.report.contains("<h1>ChatStorm run: quickstart ×3</h1>"))
        // About 600 arrivals in the plain hour: three times as many within a wide margin of their Poisson spread.
        let arrived = { (json: [String: Any]) in (json["counts"] as? [String: Any])?["visitorsArrived"] as? Int ?? 0 }
        let ratio = Double(arrived(tripled.json)) / Double(max(1, arrived(plain.json)))
        #expect(ratio > 2.6 && ratio < 3.4, "\(arrived(plain.json)) → \(arrived(tripled.json))")
    }

    @Test("a live run at another scale is recorded under its label, which history --profile takes as 'NAME x2' too")
    func history() async throws {
        let folder = try CLI.temporaryFolder("scale-history")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("history.sqlite").path
        let run = try await CLI.run([
            "run", "Profiles/quickstart.yaml", "--duration", "30s", "--scale", "2", "--history", database, "--out",
            folder.appendingPathComponent("run").path,
        ])
        #expect(run.status == 0, "\(run.error)")
        for spelling in ["quickstart x2", "quickstart ×2", "quickstart *2"] {
            let listed = try await CLI.run(["history", "--history", database, "--profile", spelling])
            #expect(listed.output.contains("quickstart ×2"), "\(spelling): \(listed.output)")
        }
        let plain = try await CLI.run(["history", "--history", database, "--profile", "quickstart"])
        #expect(!plain.output.contains("quickstart"), "\(plain.output)")
        // A profile whose own name ends so is listed by that name.
        let quickstart = try String(contentsOf: CLI.repository.appendingPathComponent("Profiles/quickstart.yaml"), encoding: .utf8)
        let named = quickstart.replacingOccurrences(of: "name: quickstart", with: "name: \"quickstart x2\"")
        try named.write(to: folder.appendingPathComponent("named.yaml"), atomically: true, encoding: .utf8)
        let second = try await CLI.run(
            ["run", "named.yaml", "--duration", "30s", "--history", database, "--out", folder.appendingPathComponent("named").path],
            in: folder
        )
        #expect(second.status == 0, "\(second.error)")
        let literal = try await CLI.run(["history", "--history", database, "--profile", "quickstart x2"])
        #expect(literal.output.contains("quickstart x2") && !literal.output.contains("quickstart ×2"), "\(literal.output)")
    }

    @Test(
        "a factor out of range is a command-line error naming --scale, for every command that takes it",
        arguments: [["simulate", "0"], ["plan", "1001"], ["schedule", "nan"], ["run", "-0.5"]]
    )
    func outOfRange(command: [String]) async throws {
        let result = try await CLI.run([command[0], "Profiles/quickstart.yaml", "--scale=\(command[1])", "--out", "/nonexistent"])
        #expect(result.status == 64)
        #expect(result.error.contains("--scale"), "\(result.error)")
    }

    @Test("a scale that takes a rate past a profile's largest number is refused, naming the flag and the region")
    func pastTheLargestNumber() async throws {
        let folder = try CLI.temporaryFolder("scale-large")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quickstart = try String(contentsOf: CLI.repository.appendingPathComponent("Profiles/quickstart.yaml"), encoding: .utf8)
        let profile = quickstart.replacingOccurrences(of: "peakPerHour: 120", with: "peakPerHour: 1e15")
        #expect(profile != quickstart)
        try profile.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let result = try await CLI.run(["schedule", "p.yaml", "--scale", "2"], in: folder)
        #expect(result.status == 64)
        #expect(result.error.contains("--scale") && result.error.contains("baltics"), "\(result.error)")
    }
}

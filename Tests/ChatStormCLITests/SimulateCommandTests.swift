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

    @Test(
        "--duration takes a profile's durations, units and sums included, and refuses what is not one",
        arguments: [
            ("500ms", true), ("1m30s", true), ("90", true), ("inf", false), ("0x10", false), ("1e400", false), ("0s", false),
            ("32d", false),
        ]
    )
    func durations(duration: String, valid: Bool) async throws {
        let out = try CLI.temporaryFolder("simulate-duration")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try await CLI.run(["simulate", "Profiles/quickstart.yaml", "--duration", duration, "--out", out.path])
        if valid {
            #expect(result.status == 0, "\(result.error)")
        } else {
            #expect(result.status == 64)
            #expect(result.error.contains("--duration"), "\(result.error)")
        }
    }

    @Test("the default results folder keeps a profile's name inside Results/, whatever the name holds")
    func profileNameInFolder() async throws {
        let folder = try CLI.temporaryFolder("simulate-name")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quickstart = try String(contentsOf: CLI.repository.appendingPathComponent("Profiles/quickstart.yaml"), encoding: .utf8)
        let profile = quickstart.replacingOccurrences(of: "name: quickstart", with: "name: \"a/../../../escaped\"")
        try profile.write(to: folder.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        let result = try await CLI.run(["simulate", "p.yaml", "--duration", "1m"], in: folder)
        #expect(result.status == 0, "\(result.error)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Results").path)
        #expect(written.count == 1 && written[0].hasSuffix("-a_.._.._.._escaped-sim"), "\(written)")
        let outside = folder.deletingLastPathComponent().appendingPathComponent("escaped-sim")
        #expect(!FileManager.default.fileExists(atPath: outside.path))
    }

    @Test("the service level is measured within the profile's goals.serviceLevel.within (30 s without goals)")
    func serviceLevelWithinGoal() async throws {
        let folder = try CLI.temporaryFolder("simulate-goal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let quickstart = try String(contentsOf: CLI.repository.appendingPathComponent("Profiles/quickstart.yaml"), encoding: .utf8)
        #expect(!quickstart.contains("goals:"))
        try (quickstart + "\ngoals:\n  serviceLevel: { target: 0.8, within: 2m }\n")
            .write(to: folder.appendingPathComponent("goal.yaml"), atomically: true, encoding: .utf8)
        // At five times the quickstart's traffic, so that enough chats wait for 30 s and 2 min to differ.
        func serviceLevel(_ profile: String) async throws -> (seconds: Double, value: Double, printed: String) {
            let out = folder.appendingPathComponent(profile == "goal.yaml" ? "goal" : "standard")
            let result = try await CLI.run(
                ["simulate", profile, "--duration", "20m", "--scale", "5", "--out", out.path],
                in: profile == "goal.yaml" ? folder : CLI.repository
            )
            #expect(result.status == 0, "\(result.error)")
            let run = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
            )
            let metrics = try #require(run["metrics"] as? [String: Any])
            let level = try #require(metrics["service_level"] as? [String: Any])
            return (try #require(level["thresholdSeconds"] as? Double), try #require(level["value"] as? Double), result.output)
        }
        let standard = try await serviceLevel("Profiles/quickstart.yaml")
        let goal = try await serviceLevel("goal.yaml")
        #expect(standard.seconds == 30)
        #expect(goal.seconds == 120)
        #expect(goal.printed.contains("within 120 s"), "\(goal.printed)")
        // The same seed, the same chats: only the time they are counted within differs.
        #expect(goal.value > standard.value, "within 2 min \(goal.value), within 30 s \(standard.value)")
    }

    @Test("one seed, one result, from one process to the next (follow-the-sun's day, with overflow to translators)")
    func sameSeedAcrossProcesses() async throws {
        let folder = try CLI.temporaryFolder("simulate-twice")
        defer { try? FileManager.default.removeItem(at: folder) }
        var runs: [Data] = []
        for name in ["first", "second", "third"] {
            let out = folder.appendingPathComponent(name)
            let result = try await CLI.run(["simulate", "Profiles/follow-the-sun.yaml", "--out", out.path])
            #expect(result.status == 0, "\(result.error)")
            runs.append(try Data(contentsOf: out.appendingPathComponent("timeseries.csv")))
        }
        // A dictionary's order differs between processes: the overflow rule drained queues in it, and the runs'
        // message counts differed by up to 130 of 200,900.
        // Compared outside the expectation: a failing `==` of two files of megabytes would be diffed byte by byte.
        let identical = runs.allSatisfy { $0 == runs[0] }
        #expect(identical, "the time series of runs of one seed differ (\(runs.map(\.count)) bytes)")
    }

    @Test("a results file that cannot be written fails the command with 73, naming the folder; the other files are written")
    func unwritableResults() async throws {
        let out = try CLI.temporaryFolder("unwritable")
        defer { try? FileManager.default.removeItem(at: out) }
        // A directory where run.json should go: that file alone cannot be written.
        try FileManager.default.createDirectory(at: out.appendingPathComponent("run.json"), withIntermediateDirectories: true)
        let result = try await CLI.run(["simulate", "Profiles/quickstart.yaml", "--duration", "5m", "--out", out.path])
        #expect(result.status == 73)
        #expect(result.error.contains("cannot write results to \(out.path)"), "\(result.error)")
        for name in ["report.html", "timeseries.csv", "agents.csv", "message_latency_visitor_to_agent.hgrm"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name) written")
        }
    }

    @Test("--delay takes a distribution as a profile writes it; the simulated message latency follows it")
    func delayDistribution() throws {
        let binary = try #require(chatstormBinary)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chatstorm-delay-\(getpid())")
        defer { try? FileManager.default.removeItem(at: out) }
        func simulate(_ delay: String) throws -> (status: Int32, stderr: String) {
            let process = Process()
            process.executableURL = binary
            process.currentDirectoryURL = repository
            process.arguments = ["simulate", "Profiles/quickstart.yaml", "--duration", "20m", "--delay", delay, "--out", out.path]
            let stderr = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = stderr
            try process.run()
            let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        #expect(try simulate("{lognormal: {median: 20ms, p95: 80ms}}").status == 0)
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
        )
        let metrics = try #require(run["metrics"] as? [String: Any])
        let latency = try #require(metrics["message_latency"] as? [String: [String: Any]])
        let p50 = try #require(latency["visitor_to_agent"]?["p50"] as? Double)
        // One delivery's delay, lognormal with a 20 ms median (frames of a connection keep their order, which can
        // only hold one back).
        #expect(p50 > 15 && p50 < 30, "p50 \(p50) ms")

        let wrong = try simulate("{expo: 30ms}")
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("--delay") && wrong.stderr.contains("did you mean \"exponential\""))
    }
}

@Suite(
    "chatstorm simulate, interrupted",
    .timeLimit(.minutes(1)),
    .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built")
)
struct SimulateInterruptTests {
    @Test("SIGINT ends the simulation where it got to: exit code 130, results written and marked incomplete")
    func interrupt() throws {
        let binary = try #require(chatstormBinary)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("chatstorm-simulate-interrupt-\(getpid())")
        try? FileManager.default.removeItem(at: out)
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = binary
        process.currentDirectoryURL = repository
        // The benchmark day: seconds of simulation even in a release build, so it is still running when interrupted.
        process.arguments = ["simulate", "Profiles/sim-1m.yaml", "--out", out.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is printed once the interrupt handlers are in place; progress lines follow, once a
        // second, while the day is being simulated.
        var seen = ""
        while !seen.contains(" simulated (") {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        #expect(seen.hasPrefix("simulating 1 × 24 h of sim-1m"), "first lines: \(seen)")
        #expect(seen.contains("s simulated ("), "a progress line: \(seen)")
        process.interrupt()
        let printed = seen + String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(printed.contains("(interrupted at "), "summary: \(printed)")
        let run = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("run.json"))) as? [String: Any]
        )
        #expect(run["complete"] as? Bool == false)
        #expect(run["stopReason"] as? String == "interrupted")
        let counts = try #require(run["counts"] as? [String: Any])
        #expect((counts["stillActive"] as? Int ?? 0) > 0)
        // One row per simulated second completed, fewer than the day's.
        let rows = try String(contentsOf: out.appendingPathComponent("timeseries.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count > 1 && rows.count < 1 + 86_400)
    }
}

/// The default results folder is the run's own, even when runs start within the same second.
@Suite("results folders", .timeLimit(.minutes(1)), .enabled(if: chatstormBinary != nil, "the chatstorm binary is not built"))
struct ResultsFolderTests {
    @Test("a run whose default folder is taken writes to NAME-2 and leaves the other folder alone")
    func takenFolder() async throws {
        let directory = try CLI.temporaryFolder("results-folder")
        defer { try? FileManager.default.removeItem(at: directory) }
        let profile = directory.appendingPathComponent("quickstart.yaml")
        try FileManager.default.copyItem(at: CLI.repository.appendingPathComponent("Profiles/quickstart.yaml"), to: profile)
        // The folders a run starting in the next few seconds would take, made first, each with a file of its own.
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let now = Date()
        var taken: [URL] = []
        for second in 0..<30 {
            let name = "\(formatter.string(from: now.addingTimeInterval(Double(second))))-quickstart-sim"
            let folder = directory.appendingPathComponent("Results/\(name)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("someone else's\n".utf8).write(to: folder.appendingPathComponent("marker"))
            taken.append(folder)
        }
        let result = try await CLI.run(["simulate", profile.path, "--duration", "1m"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        for folder in taken {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(files == ["marker"], "\(folder.lastPathComponent) was written into: \(files)")
        }
        let folders = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("Results").path)
        let written = folders.filter { $0.hasSuffix("-quickstart-sim-2") }
        #expect(written.count == 1, "\(folders)")
        if let written = written.first {
            let runJSON = directory.appendingPathComponent("Results/\(written)/run.json")
            #expect(FileManager.default.fileExists(atPath: runJSON.path))
            #expect(result.output.contains("Results/\(written)"), "\(result.output)")
        }
    }
}

import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `chatstorm run` as a CI gate, end to end through the built binary against the reference server it starts:
/// thresholds, exit code 99, abortOnFail, JUnit, Markdown, the history and `compare`. Serialized: one
/// generator and server pair at a time, so that these runs do not crowd the engine's timing test on two cores.
@Suite(
    "chatstorm run as a CI gate",
    .serialized,
    .timeLimit(.minutes(2)),
    .enabled(if: CLI.binary != nil, "the chatstorm binary is not built")
)
struct ThresholdGateTests {
    /// `Profiles/ci-smoke.yaml` with a shorter simulated duration (at its speed 30: `minutes` × 2 s real).
    private func smokeProfile(minutes: Int, in folder: URL, thresholds: String? = nil) throws -> String {
        var text = try String(contentsOf: CLI.repository.appendingPathComponent("Profiles/ci-smoke.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "duration: 20m", with: "duration: \(minutes)m")
        if let thresholds, let range = text.range(of: "thresholds:") {
            text = String(text[..<range.lowerBound]) + "thresholds:\n" + thresholds
        }
        let path = folder.appendingPathComponent("smoke.yaml")
        try Data(text.utf8).write(to: path)
        return path.path
    }

    private func json(_ url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test("a healthy ci-smoke run passes every threshold, writes the CI outputs and the history")
    func passing() async throws {
        let folder = try CLI.temporaryFolder("gate-pass")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try smokeProfile(minutes: 3, in: folder)
        let out = folder.appendingPathComponent("run")
        let history = folder.appendingPathComponent("history.sqlite").path
        let junit = folder.appendingPathComponent("junit.xml")
        let summary = folder.appendingPathComponent("summary.md")
        let run = try await CLI.run([
            "run", profile, "--out", out.path, "--junit", junit.path, "--summary-md", summary.path, "--history", history,
        ])
        #expect(run.status == 0, "\(run.output)\n\(run.error)")
        #expect(run.output.contains("thresholds passed"))
        let result = try json(out.appendingPathComponent("run.json"))
        #expect(result["stopReason"] as? String == "finished")
        let thresholds = try #require(result["thresholds"] as? [[String: Any]])
        #expect(thresholds.count == 13)
        #expect(thresholds.allSatisfy { $0["passed"] as? Bool == true })
        let document = try XMLDocument(contentsOf: junit, options: [])
        #expect(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase").count == 13)
        #expect(try String(contentsOf: summary, encoding: .utf8).contains("✅ all 13 thresholds passed"))

        let listed = try await CLI.run(["history", "--history", history])
        #expect(listed.status == 0)
        #expect(listed.output.contains("ci-smoke") && listed.output.contains("pass"), "\(listed.output)")
        // A run compared with itself has no regression; the history has no other passing run to compare with.
        #expect(try await CLI.run(["compare", out.path, out.path]).status == 0)
        // The same run with one error more regresses (errors: +0 by default).
        var edited = try json(out.appendingPathComponent("run.json"))
        var counts = try #require(edited["counts"] as? [String: Any])
        counts["errors"] = (counts["errors"] as? Int ?? 0) + 1
        edited["counts"] = counts
        let worse = folder.appendingPathComponent("worse.json")
        try JSONSerialization.data(withJSONObject: edited).write(to: worse)
        let regression = try await CLI.run(["compare", out.path, worse.path, "--format", "json"])
        #expect(regression.status == 99, "\(regression.output)\n\(regression.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(regression.output.utf8)) as? [String: Any])
        #expect(report["regressions"] as? [String] == ["errors"])
        let noBaseline = try await CLI.run(["compare", "--baseline", "last-passing", out.path, "--history", history])
        #expect(noBaseline.status == 65, "\(noBaseline.error)")
    }

    @Test("an impossible threshold fails the run with exit code 99 and the measured value")
    func failing() async throws {
        let folder = try CLI.temporaryFolder("gate-fail")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try smokeProfile(minutes: 2, in: folder)
        let out = folder.appendingPathComponent("run")
        let junit = folder.appendingPathComponent("junit.xml")
        let run = try await CLI.run([
            "run", profile, "--out", out.path, "--junit", junit.path, "--no-history",
            "--threshold", "messages_sent: count > 1000000",
        ])
        #expect(run.status == 99, "\(run.output)\n\(run.error)")
        #expect(run.output.contains("FAIL"))
        let thresholds = try #require(try json(out.appendingPathComponent("run.json"))["thresholds"] as? [[String: Any]])
        let failed = thresholds.filter { $0["passed"] as? Bool == false }
        #expect(failed.count == 1)
        #expect(failed.first?["metric"] as? String == "messages_sent")
        let document = try XMLDocument(contentsOf: junit, options: [])
        let failures = try document.nodes(forXPath: "//testcase/failure")
        #expect(failures.count == 1)
        #expect((failures.first as? XMLElement)?.attribute(forName: "message")?.stringValue?.hasPrefix("measured ") == true)
    }

    /// A profile whose threshold fails, with abortOnFail, as soon as the first visitor arrives; it would otherwise
    /// run 40 s.
    func abortingProfile(in folder: URL) throws -> String {
        try smokeProfile(
            minutes: 20,
            in: folder,
            thresholds: "  visitors_arrived:\n    - { threshold: \"count < 1\", abortOnFail: true }\n"
        )
    }

    @Test("abortOnFail stops the run early, marked thresholdAborted, with exit code 99")
    func abort() async throws {
        let folder = try CLI.temporaryFolder("gate-abort")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try abortingProfile(in: folder)
        let out = folder.appendingPathComponent("run")
        let run = try await CLI.run(["run", profile, "--out", out.path, "--no-history"])
        #expect(run.status == 99, "\(run.output)\n\(run.error)")
        #expect(run.error.contains("abortOnFail"))
        let result = try json(out.appendingPathComponent("run.json"))
        #expect(result["stopReason"] as? String == "thresholdAborted")
        #expect(result["complete"] as? Bool == false)
    }

    @Test("a CI output that cannot be written is named by its flag and path (73); the results are written")
    func unwritableSummary() async throws {
        let folder = try CLI.temporaryFolder("gate-unwritable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = try abortingProfile(in: folder)
        let out = folder.appendingPathComponent("run")
        // A folder where the summary file should go.
        let run = try await CLI.run(["run", profile, "--out", out.path, "--no-history", "--summary-md", folder.path])
        #expect(run.status == 73, "\(run.output)\n\(run.error)")
        #expect(run.error.contains("--summary-md: cannot write \(folder.path)"), "\(run.error)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("run.json").path))
    }

    @Test("the reference server that run starts keeps a dropped visitor's chat 15 s of the profile's time, not 15 real s")
    func resumeGraceInProfileTime() async throws {
        let folder = try CLI.temporaryFolder("gate-grace")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Every chat drops once for 30–60 simulated seconds (1–2 s real at speed 30): past a 15 s grace in the
        // profile's time, within 15 real seconds.
        var text = try String(contentsOf: URL(fileURLWithPath: try smokeProfile(minutes: 3, in: folder)), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "visitors:\n",
            with: "visitors:\n  reconnect: { probability: 1, after: { uniform: [30s, 60s] } }\n"
        )
        let profile = folder.appendingPathComponent("dropping.yaml")
        try Data(text.utf8).write(to: profile)
        let out = folder.appendingPathComponent("run")
        let run = try await CLI.run(["run", profile.path, "--out", out.path, "--no-history"])
        #expect(run.status == 0, "\(run.output)\n\(run.error)")
        let counts = try #require(try json(out.appendingPathComponent("run.json"))["counts"] as? [String: Any])
        // Back after the grace, a visitor learns that its chat ended, and the message it was about to send is
        // refused; a visitor back within the grace would have resumed its chat (no refusal).
        #expect((counts["messagesRefused"] as? Int ?? 0) > 0, "\(counts)")
        #expect(counts["errors"] as? Int == 0, "\(counts)")
    }

    @Test("a malformed --threshold is a command-line error naming the flag")
    func badFlag() async throws {
        let run = try await CLI.run(["run", "Profiles/ci-smoke.yaml", "--threshold", "queue_wait: p(90) < 60 parsecs"])
        #expect(run.status == 64)
        #expect(run.error.contains("--threshold 'queue_wait: p(90) < 60 parsecs'"), "\(run.error)")
        let tag = try await CLI.run(["run", "Profiles/ci-smoke.yaml", "--threshold", "queue_wait{region:baltic}: p(90) < 60s"])
        #expect(tag.status == 64)
        #expect(tag.error.contains("did you mean \"baltics\"?"), "\(tag.error)")
    }
}

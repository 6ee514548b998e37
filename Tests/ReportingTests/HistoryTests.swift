import Foundation
import LoadMetrics
import Reporting
import Testing
import Workload

@Suite("Run history (SQLite)")
struct HistoryTests {
    private let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("chatstorm-history-\(UUID().uuidString)/history.sqlite").path

    private func document(
        profile: String = "fixture",
        scale: Double? = nil,
        latency: Double,
        passed: Bool?,
        complete: Bool = true
    ) throws -> RunDocument {
        var run = RunFixtures.run([RunFixtures.Visit(toAgent: [latency], toVisitor: [latency])])
        run.profile.name = profile
        run.profile.arrivalScale = scale
        run.complete = complete
        let thresholds = try passed.map { passed in
            [ThresholdResult(threshold: try ThresholdParser.threshold(flag: "errors: count == 0"), value: 0, passed: passed)]
        }
        return RunDocument(result: run, stopReason: complete ? .finished : .interrupted, thresholds: thresholds)
    }

    @Test("runs are stored and listed newest first, by profile, with a limit")
    func insertAndQuery() throws {
        let history = try RunHistory(path: path)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        let stored = try history.record(
            RunSummary(try document(latency: 10, passed: true), folder: "r1", recordedAt: Date(timeIntervalSince1970: 1))
        )
        #expect(stored.id != nil)
        try history.record(RunSummary(try document(profile: "other", latency: 20, passed: true), folder: "r2", recordedAt: Date()))
        try history.record(RunSummary(try document(latency: 30, passed: false), folder: "r3", recordedAt: Date()))
        #expect(try history.runs().map(\.folder) == ["r3", "r2", "r1"])
        #expect(try history.runs(profile: "fixture").map(\.folder) == ["r3", "r1"])
        #expect(try history.runs(limit: 1).map(\.folder) == ["r3"])
        let first = try #require(try history.runs(profile: "fixture").last)
        #expect(first.recordedAt == Date(timeIntervalSince1970: 1))
        #expect(first.thresholdsPassed == true)
        #expect(abs((first.visitorToAgentP99 ?? 0) - 10) < 0.01)
        #expect(first.seed == "9")
        // A reopened database keeps the runs.
        #expect(try RunHistory(path: path).runs().count == 3)
    }

    @Test("last passing: newest complete run of the profile without failed thresholds, not the run itself")
    func lastPassing() throws {
        let history = try RunHistory(path: path)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        #expect(try history.lastPassing(profile: "fixture") == nil)
        try history.record(RunSummary(try document(latency: 10, passed: true), folder: "good", recordedAt: Date()))
        try history.record(RunSummary(try document(latency: 10, passed: nil), folder: "no-thresholds", recordedAt: Date()))
        try history.record(RunSummary(try document(latency: 10, passed: false), folder: "failed", recordedAt: Date()))
        try history.record(RunSummary(try document(latency: 10, passed: true, complete: false), folder: "cut", recordedAt: Date()))
        try history.record(RunSummary(try document(profile: "other", latency: 10, passed: true), folder: "other", recordedAt: Date()))
        #expect(try history.lastPassing(profile: "fixture")?.folder == "no-thresholds")
        #expect(try history.lastPassing(profile: "fixture", excluding: "no-thresholds")?.folder == "good")
    }

    @Test("a run at another --scale is another load: listed and compared under its name with the factor")
    func scaledRuns() throws {
        let history = try RunHistory(path: path)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        try history.record(RunSummary(try document(latency: 10, passed: true), folder: "plain", recordedAt: Date()))
        try history.record(RunSummary(try document(scale: 3, latency: 10, passed: true), folder: "tripled", recordedAt: Date()))
        try history.record(RunSummary(try document(scale: 0.25, latency: 10, passed: true), folder: "quarter", recordedAt: Date()))
        #expect(try history.runs().map(\.profile) == ["fixture ×0.25", "fixture ×3", "fixture"])
        #expect(try history.lastPassing(profile: "fixture")?.folder == "plain")
        #expect(try history.lastPassing(profile: "fixture ×3")?.folder == "tripled")
    }

    @Test("the table shows verdicts and trend arrows against the previous run of the profile")
    func table() throws {
        let runs = [
            RunSummary(try document(latency: 30, passed: false), folder: "r3", recordedAt: Date()),
            RunSummary(try document(latency: 10.2, passed: true), folder: "r2", recordedAt: Date()),
            RunSummary(try document(latency: 10, passed: true), folder: "r1", recordedAt: Date()),
        ]
        let lines = HistoryTable.text(runs).split(separator: "\n").map(String.init)
        #expect(lines[1].contains("FAIL (1)") && lines[1].contains("ms ↑"))
        #expect(lines[2].contains("pass") && lines[2].contains("ms →"))
        #expect(!lines[3].contains("↑") && !lines[3].contains("→"))
        let limited = HistoryTable.text(runs, limit: 2).split(separator: "\n")
        #expect(limited.count == 4)  // header, two runs, legend (split drops the blank line)
    }
}

import Foundation
import LoadMetrics
import Reporting
import Testing

@Suite("chatstorm compare rules")
struct CompareTests {
    /// A run whose visitor→agent messages all took `latency` ms, with `errors` errors and `abandoned` of
    /// four chat requests abandoned.
    private func run(latency: Double, errors: Int = 0, abandoned: Int = 0, wait: Double = 1, serviceLevelSeconds: Double = 30) -> RunResult
    {
        var visits = (0..<(4 - abandoned)).map { _ in
            RunFixtures.Visit(wait: wait, toAgent: Array(repeating: latency, count: 50))
        }
        visits += (0..<abandoned).map { _ in RunFixtures.Visit(wait: nil) }
        visits[0].errors = Array(repeating: "protocol", count: errors)
        return RunFixtures.run(visits, serviceLevelSeconds: serviceLevelSeconds)
    }

    private func row(_ comparison: RunComparison, _ metric: String) throws -> RunComparison.Row {
        try #require(comparison.rows.first { $0.metric == metric })
    }

    @Test("latency percentiles: +10% by default, both ways")
    func latencyDefaults() throws {
        let baseline = run(latency: 100)
        let worse = RunComparison(baseline: baseline, current: run(latency: 115))
        let p99 = try row(worse, "message_latency.visitor_to_agent.p99")
        #expect(p99.verdict == .regression)
        #expect(p99.tolerance == "+10%")
        #expect(abs((p99.relativeChange ?? 0) - 0.15) < 0.002)
        #expect(worse.regressions.map(\.metric).contains("message_latency.visitor_to_agent.p50"))
        #expect(
            try row(RunComparison(baseline: baseline, current: run(latency: 105)), "message_latency.visitor_to_agent.p99").verdict == .ok
        )
        #expect(
            try row(RunComparison(baseline: baseline, current: run(latency: 50)), "message_latency.visitor_to_agent.p99").verdict
                == .improved
        )
    }

    @Test("a latency change under 1 ms is noise under a relative tolerance")
    func noiseFloor() throws {
        let comparison = RunComparison(baseline: run(latency: 0.4), current: run(latency: 0.9))
        #expect(try row(comparison, "message_latency.visitor_to_agent.p99").verdict == .ok)
        #expect(comparison.regressions.isEmpty)
        // An absolute tolerance is taken as given.
        let strict = RunComparison(baseline: run(latency: 0.4), current: run(latency: 0.9), tolerances: [try Tolerance.parse("p99 +0.1ms")])
        #expect(try row(strict, "message_latency.visitor_to_agent.p99").verdict == .regression)
    }

    @Test("errors regress at +1; abandonment at +0.01; service level when it drops")
    func countsAndRates() throws {
        let comparison = RunComparison(baseline: run(latency: 10), current: run(latency: 10, errors: 1, abandoned: 1, wait: 40))
        #expect(try row(comparison, "errors").verdict == .regression)
        #expect(try row(comparison, "abandonment_rate").verdict == .regression)
        #expect(try row(comparison, "service_level").verdict == .regression)
        #expect(try row(comparison, "visitors_arrived").verdict == .info)
        #expect(try row(comparison, "visitors_arrived").tolerance == nil)
        let same = RunComparison(baseline: run(latency: 10, errors: 2), current: run(latency: 10, errors: 2))
        #expect(same.regressions.isEmpty)
        #expect(try row(same, "errors").change == 0)
    }

    @Test("service levels within different times are not compared: no verdict, and a note in every format")
    func serviceLevelWithinDifferentTimes() throws {
        let baseline = run(latency: 10)
        // Answered after 40 s: a regression within 30 s, all answered within 60 s.
        #expect(try row(RunComparison(baseline: baseline, current: run(latency: 10, wait: 40)), "service_level").verdict == .regression)
        let current = run(latency: 10, wait: 40, serviceLevelSeconds: 60)
        let comparison = RunComparison(baseline: baseline, current: current)
        let serviceLevel = try row(comparison, "service_level")
        #expect(serviceLevel.verdict == .info)
        #expect(serviceLevel.tolerance == nil)
        // The waits themselves are compared: 1 s → 40 s regresses.
        #expect(!comparison.regressions.map(\.metric).contains("service_level"))
        #expect(comparison.regressions.map(\.metric).contains("queue_wait.p50"))
        #expect(comparison.notes.count == 1)
        let note = try #require(comparison.notes.first)
        #expect(note.contains("within 30 s") && note.contains("within 60 s"), "\(note)")
        for format in RunComparison.Format.allCases {
            let rendered = try comparison.rendered(format, baseline: "a", current: "b")
            #expect(rendered.contains("service_level not compared"), "\(format)")
        }
        #expect(RunComparison(baseline: baseline, current: baseline).notes.isEmpty)
    }

    @Test("another profile, scale, profile version or mode, and incomplete runs, are noted without changing a verdict")
    func differencesNoted() throws {
        let baseline = run(latency: 10)
        #expect(RunComparison(baseline: baseline, current: baseline).notes.isEmpty)
        func notes(_ change: (inout RunResult) -> Void) -> [String] {
            var current = run(latency: 10)
            change(&current)
            let comparison = RunComparison(baseline: baseline, current: current)
            #expect(comparison.regressions.isEmpty)
            return comparison.notes
        }
        #expect(notes { $0.profile.arrivalScale = 3 } == ["different loads: the baseline ran fixture, the run fixture ×3"])
        #expect(notes { $0.profile.name = "other" } == ["different loads: the baseline ran fixture, the run other"])
        #expect(notes { $0.profile.sha256 = "def" } == ["the profile fixture changed between the runs (its sha256 differs)"])
        #expect(notes { $0.mode = .live } == ["the baseline is a simulation, the run a live run"])
        #expect(notes { $0.complete = false } == ["the run is incomplete (interrupted or its target stopped): its counts cover less time"])
    }

    @Test("tolerances: the most specific wins; later ones win ties")
    func tolerances() throws {
        let baseline = run(latency: 100)
        let current = run(latency: 130)
        let loose = RunComparison(baseline: baseline, current: current, tolerances: [try Tolerance.parse("p99 +50%")])
        #expect(try row(loose, "message_latency.visitor_to_agent.p99").verdict == .ok)
        #expect(try row(loose, "message_latency.visitor_to_agent.p90").verdict == .regression)
        let specific = RunComparison(
            baseline: baseline,
            current: current,
            tolerances: [try Tolerance.parse("message_latency.visitor_to_agent.p99 +5%"), try Tolerance.parse("p99 +50%")]
        )
        #expect(try row(specific, "message_latency.visitor_to_agent.p99").verdict == .regression)
        let prefix = RunComparison(baseline: baseline, current: current, tolerances: [try Tolerance.parse("message_latency +40%")])
        #expect(prefix.regressions.filter { $0.metric.hasPrefix("message_latency") }.isEmpty)
        let all = RunComparison(baseline: baseline, current: current, tolerances: [try Tolerance.parse("default +35%")])
        #expect(all.regressions.isEmpty)
        #expect(try Tolerance.parse("queue_wait.p90 +5s") == Tolerance(selector: "queue_wait.p90", amount: 5_000, relative: false))
    }

    @Test("tolerance errors name the problem")
    func toleranceErrors() {
        #expect(throws: ToleranceError.self) { try Tolerance.parse("p99") }
        #expect(throws: ToleranceError.self) { try Tolerance.parse("p99 +ten%") }
        #expect(throws: ToleranceError.self) { try Tolerance.parse("p99 +10furlongs") }
        // A time only for latencies: "errors +2s" was read as +2000 errors.
        #expect(throws: ToleranceError.self) { try Tolerance.parse("errors +2s") }
        #expect(throws: ToleranceError.self) { try Tolerance.parse("abandonment_rate +5ms") }
        #expect(throws: ToleranceError.self) { try Tolerance.parse("default +5ms") }
        #expect((try? Tolerance.parse("queue_wait +2s"))?.amount == 2_000)
        let error = #expect(throws: ToleranceError.self) { try Tolerance.parse("queue_wiat.p99 +10%") }
        #expect(error?.message.contains("did you mean \"queue_wait.p99\"?") == true)
    }

    @Test("formats: JSON lists rows and regressions; Markdown and text mark them")
    func formats() throws {
        let comparison = RunComparison(baseline: run(latency: 100), current: run(latency: 130))
        let json = try comparison.rendered(.json, baseline: "a", current: "b")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["baseline"] as? String == "a")
        let regressions = try #require(object["regressions"] as? [String])
        #expect(regressions == comparison.regressions.map(\.metric))
        #expect((object["rows"] as? [Any])?.count == comparison.rows.count)
        let markdown = comparison.markdown(baseline: "a", current: "b")
        #expect(markdown.contains("| ❌ | **`message_latency.visitor_to_agent.p99`** |"))
        let text = comparison.text(baseline: "a", current: "b")
        #expect(text.contains("REGRESSION"))
        #expect(text.hasSuffix("\(regressions.count) regressions: " + regressions.joined(separator: ", ") + "\n"))
    }
}

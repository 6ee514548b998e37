import Foundation
import LoadMetrics
import Reporting
import Testing
import Workload

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("CI outputs: JUnit, Markdown, run.json")
struct CIOutputTests {
    /// Three thresholds on a run with v→a latencies 1…100 ms: one passes, one fails, one has no data.
    private func results() throws -> (RunResult, [ThresholdResult]) {
        let run = RunFixtures.run([RunFixtures.Visit(region: "emea", toAgent: (1...100).map(Double.init))])
        let thresholds = try [
            "message_latency{direction:visitor_to_agent}: p(99) < 250ms",
            "message_latency{direction:visitor_to_agent}: p(50) < 10ms",
            "queue_wait{region:apac}: p(90) < 60s",
        ].map { try ThresholdParser.threshold(flag: $0) }
        return (run, ThresholdEvaluator.evaluate(thresholds, on: run))
    }

    @Test("JUnit: valid XML, one test case per threshold, failures carry the measured value")
    func junit() throws {
        let (_, results) = try results()
        let xml = JUnitReport.xml(results, profile: "ci & <smoke>", seconds: 40)
        let document = try XMLDocument(xmlString: xml, options: [])
        let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
        #expect(suite.attribute(forName: "tests")?.stringValue == "3")
        #expect(suite.attribute(forName: "failures")?.stringValue == "1")
        #expect(suite.attribute(forName: "skipped")?.stringValue == "1")
        #expect(suite.attribute(forName: "name")?.stringValue == "chatstorm thresholds (ci & <smoke>)")
        let cases = suite.elements(forName: "testcase")
        #expect(cases.count == 3)
        #expect(
            cases.map { $0.attribute(forName: "name")?.stringValue ?? "" } == results.map { "\($0.metric): \($0.threshold.expression)" }
        )
        #expect(cases[0].children == nil || cases[0].children?.isEmpty == true)
        let failure = try #require(cases[1].elements(forName: "failure").first)
        let message = try #require(failure.attribute(forName: "message")?.stringValue)
        #expect(message.hasPrefix("measured 50"), "\(message)")
        #expect(message.hasSuffix("expected p(50) < 10ms"))
        #expect(cases[2].elements(forName: "skipped").count == 1)
    }

    @Test("XML escaping keeps markup characters as text and drops what XML cannot hold")
    func escaping() throws {
        let threshold = try ThresholdParser.threshold(flag: "queue_wait{region:a&b\"<c>'}: p(90) < 60s")
        let result = ThresholdResult(threshold: threshold, value: 70_000, passed: false)
        let xml = JUnitReport.xml([result], profile: "p\u{1}q")
        let document = try XMLDocument(xmlString: xml, options: [])
        let testcase = try #require(document.rootElement()?.elements(forName: "testsuite").first?.elements(forName: "testcase").first)
        #expect(testcase.attribute(forName: "name")?.stringValue == "queue_wait{region:a&b\"<c>'}: p(90) < 60s")
        #expect(testcase.attribute(forName: "classname")?.stringValue == "chatstorm.thresholds.pq")
    }

    @Test("Markdown summary: verdict, one row per threshold, key metrics and counts")
    func markdown() throws {
        let (run, results) = try results()
        let text = MarkdownSummary.render(RunDocument(result: run, stopReason: .finished, thresholds: results), folder: "Results/x")
        #expect(text.contains("**❌ 1 of 3 thresholds failed**"))
        #expect(text.contains("| ❌ | `message_latency{direction:visitor_to_agent}` | `p(50) < 10ms` |"))
        #expect(text.contains("| ➖ | `queue_wait{region:apac}` | `p(90) < 60s` | no data |"))
        #expect(text.contains("### Key metrics"))
        #expect(text.contains("| message_latency visitor→agent | 100 |"))
        #expect(text.contains("| visitors arrived | 1 |"))
        #expect(text.contains("`Results/x`"))
        let passing = MarkdownSummary.render(RunDocument(result: run, stopReason: .thresholdAborted, thresholds: [results[0]]))
        #expect(passing.contains("all 1 thresholds passed"))
        #expect(passing.contains("stopped early"))
    }

    @Test("run.json: thresholds and stopReason beside the result, readable both ways")
    func runJSON() throws {
        let (run, results) = try results()
        let document = RunDocument(result: run, stopReason: .thresholdAborted, thresholds: results)
        let data = try document.jsonData()
        #expect(try RunDocument(jsonData: data) == document)
        // A reader that knows only RunResult still reads it.
        #expect(try RunResult(jsonData: data) == run)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["stopReason"] as? String == "thresholdAborted")
        #expect(json["schemaVersion"] as? Int == 1)
        let entries = try #require(json["thresholds"] as? [[String: Any]])
        #expect(entries.count == 3)
        #expect(Set(entries[0].keys) == ["metric", "expression", "passed", "value"])
        #expect(entries[1]["metric"] as? String == "message_latency{direction:visitor_to_agent}")
        #expect(entries[1]["expression"] as? String == "p(50) < 10ms")
        #expect(entries[1]["passed"] as? Bool == false)
        #expect(entries[1]["value"] as? Double == results[1].value)
        #expect(entries[2]["value"] is NSNull)
        // Without thresholds, the keys are left out.
        let plain = try JSONSerialization.jsonObject(with: RunDocument(result: run).jsonData()) as? [String: Any]
        #expect(plain?["thresholds"] == nil && plain?["stopReason"] == nil)
    }

    @Test("the terminal table lists every threshold and the verdict")
    func table() throws {
        let (_, results) = try results()
        let lines = ThresholdTable.text(results).split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[2].hasPrefix("pass "))
        #expect(lines[3].hasPrefix("FAIL "))
        #expect(lines[4].hasPrefix("pass (no data)"))
        #expect(lines[5] == "1 of 3 thresholds FAILED")
    }
}

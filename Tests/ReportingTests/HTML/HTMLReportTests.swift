import Foundation
import LoadMetrics
import Reporting
import Testing

/// The structure of `report.html`: every chart, nothing loaded from outside, the figures of `run.json`.
@Suite struct HTMLReportTests {
    /// Built once: recording and summarising HDR histograms is slow in debug builds.
    static let fixture = ReportFixtures.result()
    static let page = HTMLReport(result: fixture).render()
    var result: RunResult { Self.fixture }

    /// Every occurrence of `pattern`'s first capture group.
    func captures(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test func everyChartIsPresentOnce() throws {
        let html = Self.page
        let charts = try captures("<svg [^>]*data-chart=\"([^\"]+)\"", in: html)
        #expect(charts.sorted() == HTMLReport.chartIDs.sorted())
        #expect(html.components(separatedBy: "<svg").count - 1 == HTMLReport.chartIDs.count)
        // Each chart has an accessible title.
        for id in HTMLReport.chartIDs {
            #expect(html.contains("<title id=\"chart-\(id)-title\">"), "\(id)")
        }
        // Lines were drawn: every line chart has at least one non-empty path.
        let paths = try captures("<path class=\"line[^\"]*\" d=\"([^\"]*)\"", in: html)
        #expect(paths.filter { !$0.isEmpty }.count >= 15)
    }

    @Test func nothingIsLoadedFromOutside() throws {
        let html = HTMLReport(result: result, thresholds: [.init(metric: "errors", expression: "count == 0", passed: false, value: 1)])
            .render()
        for forbidden in ["http://", "https://", "@import", "src=", "url(", "<script", "<link", "href=", "<iframe", "<img"] {
            #expect(!html.lowercased().contains(forbidden), "\(forbidden)")
        }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<style>"))
    }

    /// A shown latency ("0.712 ms", "45.1 ms", "3.0 s") in milliseconds, with half its last digit.
    func milliseconds(_ shown: String) throws -> (value: Double, tolerance: Double) {
        let parts = shown.split(separator: " ")
        let number = try #require(Double(parts[0]))
        let decimals = parts[0].split(separator: ".").dropFirst().first?.count ?? 0
        let scale: Double = ["ms": 1, "s": 1_000, "min": 60_000, "h": 3_600_000][String(parts[1])]!
        return (number * scale, 0.5 * pow(10, -Double(decimals)) * scale)
    }

    func shown(_ metric: String, in html: String) throws -> String {
        try #require(try captures("data-metric=\"\(NSRegularExpression.escapedPattern(for: metric))\">([^<]*)<", in: html).first)
    }

    @Test func figuresMatchTheResult() throws {
        let html = Self.page
        let metrics = result.metrics
        let latencies: [(String, Double)] = [
            ("message_latency.visitor_to_agent.p99", metrics.messageLatency.visitorToAgent.p99),
            ("message_latency.visitor_to_agent.p50", metrics.messageLatency.visitorToAgent.p50),
            ("message_latency.agent_to_visitor.p99", metrics.messageLatency.agentToVisitor.p99),
            ("queue_wait.p90", metrics.queueWait.p90),
        ]
        for (metric, expected) in latencies {
            let (value, tolerance) = try milliseconds(try shown(metric, in: html))
            #expect(abs(value - expected) <= tolerance + 1e-9, "\(metric): shown \(value), run.json \(expected)")
        }
        #expect(metrics.messageLatency.visitorToAgent.p99 > 0)
        let serviceLevel = try #require(Double(try shown("service_level.value", in: html).dropLast(2)))
        #expect(abs(serviceLevel - metrics.serviceLevel.value * 100) <= 0.05)
        #expect(try shown("counts.visitorsArrived", in: html) == String(result.counts.visitorsArrived))
        #expect(try shown("counts.errors", in: html) == "1")
        #expect(try shown("seed", in: html) == "42")
        #expect(html.contains("data-metric=\"profile.sha256\"><code>\(result.profile.sha256)</code>"))
    }

    @Test("a simulation without a modelled delay shows waits instead of latencies of 0, and no real-time schedule")
    func simulationWithoutDelay() throws {
        let undelayed = ReportFixtures.result(mode: .sim, messageLatency: false)
        #expect(undelayed.metrics.messageLatency.visitorToAgent.max == 0)
        let html = HTMLReport(result: undelayed).render()
        #expect(html.contains("data-latency=\"not-modelled\""))
        let charts = try captures("<svg [^>]*data-chart=\"([^\"]+)\"", in: html)
        #expect(charts.sorted() == HTMLReport.chartIDs.filter { !$0.hasPrefix("latency-") }.sorted())
        #expect(!html.contains("data-metric=\"message_latency."))
        #expect(!html.contains("latency v→a") && html.contains("<th scope=\"col\">first response p90</th>"))
        let firstResponse = try milliseconds(try shown("first_response.p50", in: html))
        #expect(abs(firstResponse.value - undelayed.metrics.firstResponse.p50) <= firstResponse.tolerance + 1e-9)
        #expect(try shown("queue_wait.p50", in: html).hasSuffix("s"))
        #expect(!html.contains("real time") && !html.contains("real second") && !html.contains("late arrivals"))
        #expect(!html.contains("scheduling lag") && html.contains("per simulated second"))
        #expect(html.contains("simulated 2025-03-11"))

        // A simulation with a modelled delay charts it; a live run always does, and keeps its real-time figures.
        let delayed = HTMLReport(result: ReportFixtures.result(mode: .sim)).render()
        #expect(!delayed.contains("not-modelled") && delayed.contains("data-metric=\"message_latency.visitor_to_agent.p99\""))
        #expect(delayed.contains("<th scope=\"col\">latency v→a p99</th>"))
        #expect(try captures("<svg [^>]*data-chart=\"([^\"]+)\"", in: delayed).count == HTMLReport.chartIDs.count)
        #expect(Self.page.contains("s of real time") && Self.page.contains("late arrivals"))
        #expect(!HTMLReport(result: ReportFixtures.result(messageLatency: false)).render().contains("not-modelled"))
    }

    @Test func aReportFromRunJSONIsTheReportOfTheRun() throws {
        let atRunTime = Self.page
        let decoded = try RunResult(jsonData: result.jsonData())
        #expect(HTMLReport(result: decoded).render() == atRunTime)
        // And the comparison can fail: another run gives another page.
        #expect(HTMLReport(result: ReportFixtures.result(seconds: 29)).render() != atRunTime)
    }

    /// `run.json` read with the series taken out by hand gives what `JSONDecoder` reads from the whole file.
    @Test func runJSONReadsTheSameWithTheSeriesReader() throws {
        let data = try RunDocument(result: result).jsonData()
        #expect(RunSeries.extract(fromRunJSON: data) != nil, "the series reader takes what run.json holds")
        let whole = try JSONDecoder().decode(RunDocument.self, from: data)
        #expect(whole.result.series != nil)
        #expect(try RunDocument(jsonData: data) == whole)
        #expect(try RunResult(jsonData: data) == whole.result)
    }

    @Test func runJSONWithoutSeriesStillRenders() throws {
        var object = try #require(try JSONSerialization.jsonObject(with: result.jsonData()) as? [String: Any])
        object["series"] = nil
        object["agents"] = nil
        let old = try RunResult(jsonData: JSONSerialization.data(withJSONObject: object))
        #expect(old.series == nil && old.agents.isEmpty)
        #expect(old.metrics == result.metrics)
        let html = HTMLReport(result: old).render()
        #expect(html.contains("data-series=\"none\""))
        let charts = try captures("data-chart=\"([^\"]+)\"", in: html)
        // Distributions still come from the histograms: per-site concurrency, queue wait, service.
        #expect(Set(charts) == ["agent-concurrency", "queue-wait-cdf", "service-region", "service-language", "service-department"])
    }

    @Test func thresholdsAtTheTop() throws {
        let none = Self.page
        #expect(none.contains("data-thresholds=\"none\""))
        let outcomes = [
            ThresholdOutcome(metric: "message_latency{direction:visitor_to_agent}", expression: "p(99) < 250ms", passed: true, value: 0.9),
            ThresholdOutcome(metric: "errors", expression: "count == 0", passed: false, value: 1),
        ]
        let failed = HTMLReport(result: result, thresholds: outcomes).render()
        #expect(failed.contains("data-thresholds=\"failed\"") && failed.contains("1 of 2"))
        #expect(failed.range(of: "id=\"thresholds\"")!.lowerBound < failed.range(of: "id=\"figures\"")!.lowerBound)
        #expect(failed.contains("<code>message_latency{direction:visitor_to_agent}</code>"))
        #expect(failed.contains("p(99) &lt; 250ms"))
        let passed = HTMLReport(result: result, thresholds: [outcomes[0]]).render()
        #expect(passed.contains("data-thresholds=\"passed\""))
    }

    @Test func namesAreEscaped() {
        let html = HTMLReport(result: ReportFixtures.result(regionName: "<b>\"x\"&y</b>")).render()
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;b&gt;&quot;x&quot;&amp;y&lt;/b&gt;"))
    }

    @Test func concurrencyHeatMapMarksEachAgentsCapacity() throws {
        let html = Self.page
        let svg = try #require(try captures("(<svg id=\"chart-agent-concurrency\".*?</svg>)", in: html).first)
        #expect(svg.components(separatedBy: "class=\"capacity\"").count - 1 == result.agents.count)
        for agent in result.agents { #expect(svg.contains(">\(agent.name)</text>")) }
    }

    @Test func manyAgentsAreDrawnPerSite() throws {
        var many = result
        for index in 0..<40 {
            many.agents.append(AgentSummary(name: "extra-\(index)", site: "riga", capacity: 2, max: 1, secondsAtLevel: [10, 20]))
        }
        let html = HTMLReport(result: many).render()
        let svg = try #require(try captures("(<svg id=\"chart-agent-concurrency\".*?</svg>)", in: html).first)
        #expect(svg.components(separatedBy: "class=\"capacity\"").count - 1 == 2)
        #expect(svg.contains(">riga</text>") && svg.contains(">austin</text>") && !svg.contains(">riga-1</text>"))
    }

    @Test func regionsLocalTimesUnderTheAgentsChart() throws {
        let html = Self.page
        let svg = try #require(try captures("(<svg id=\"chart-agents-online\".*?</svg>)", in: html).first)
        // 14:00 UTC is 16:00 in Riga and 19:30 in Kolkata; Austin's site adds Chicago (09:00, daylight time since 9 March).
        #expect(svg.contains(">baltics</text>") && svg.contains(">india-west</text>") && svg.contains(">site austin</text>"))
        #expect(svg.contains(">16:") && svg.contains(">19:") && svg.contains(">09:"))
        #expect(!svg.contains(">site riga</text>"))
        #expect(svg.contains(">online at riga</text>") && svg.contains(">online at austin</text>"))
    }

    @Test func incompleteRunsSayso() {
        let html = HTMLReport(result: ReportFixtures.result(complete: false)).render()
        #expect(html.contains("data-status=\"incomplete\""))
    }
}

import LoadMetrics
import Reporting
import Testing
import Workload

@Suite("Threshold evaluation")
struct ThresholdEvaluatorTests {
    private func evaluate(_ flag: String, on run: RunResult) throws -> ThresholdResult {
        let threshold = try ThresholdParser.threshold(flag: flag)
        return try #require(ThresholdEvaluator.evaluate([threshold], on: run).first)
    }

    /// Within HDR's 3 significant digits.
    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= max(0.001, expected * 0.001)
    }

    /// 100 messages visitor→agent of 1…100 ms, 100 agent→visitor of 500 ms.
    private var latencies: RunResult {
        RunFixtures.run([RunFixtures.Visit(toAgent: (1...100).map(Double.init), toVisitor: Array(repeating: 500, count: 100))])
    }

    @Test("latency aggregates come from the histogram, in milliseconds")
    func latencyAggregates() throws {
        let run = latencies
        let v2a = "message_latency{direction:visitor_to_agent}"
        #expect(close(try evaluate("\(v2a): p(99) < 1s", on: run).value, 99))
        #expect(close(try evaluate("\(v2a): p(50) < 1s", on: run).value, 50))
        #expect(close(try evaluate("\(v2a): med < 1s", on: run).value, 50))
        #expect(close(try evaluate("\(v2a): p(99.9) < 1s", on: run).value, 100))
        #expect(try evaluate("\(v2a): min < 1s", on: run).value == 1)
        #expect(close(try evaluate("\(v2a): max < 1s", on: run).value, 100))
        #expect(close(try evaluate("\(v2a): avg < 1s", on: run).value, 50.5))
        #expect(try evaluate("\(v2a): count == 100", on: run).value == 100)
    }

    @Test("the comparison decides: pass below the bound, fail above it")
    func verdicts() throws {
        let run = latencies
        #expect(try evaluate("message_latency{direction:visitor_to_agent}: p(99) < 250ms", on: run).passed)
        #expect(try !evaluate("message_latency{direction:visitor_to_agent}: p(99) < 50ms", on: run).passed)
        #expect(try evaluate("message_latency{direction:agent_to_visitor}: p(50) > 0.4s", on: run).passed)
        #expect(try !evaluate("message_latency{direction:agent_to_visitor}: p(50) < 0.4s", on: run).passed)
    }

    @Test("message_latency without a direction merges both directions")
    func bothDirections() throws {
        let run = latencies
        #expect(try evaluate("message_latency: count == 200", on: run).passed)
        #expect(close(try evaluate("message_latency: max < 1s", on: run).value, 500))
        #expect(close(try evaluate("message_latency: min < 1s", on: run).value, 1))
    }

    @Test("tags select a breakdown key")
    func breakdowns() throws {
        let run = RunFixtures.run([
            RunFixtures.Visit(region: "apac", language: "mr", wait: 60),
            RunFixtures.Visit(region: "emea", language: "en", wait: 1),
            RunFixtures.Visit(region: "emea", language: "en", wait: 2),
        ])
        let apac = try evaluate("queue_wait{region:apac}: p(90) < 30s", on: run)
        #expect(!apac.passed)
        #expect(close(apac.value, 60_000))
        #expect(try evaluate("queue_wait{region:emea}: max < 30s", on: run).passed)
        #expect(try evaluate("queue_wait{language:mr}: count == 1", on: run).passed)
        #expect(try evaluate("queue_wait{site:riga}: count == 3", on: run).passed)
        #expect(try evaluate("queue_wait{department:sales}: count == 3", on: run).passed)
        #expect(try evaluate("chats_requested{region:emea}: count == 2", on: run).passed)
    }

    @Test("no data passes without a value; a count of nothing is 0")
    func noData() throws {
        let run = RunFixtures.run([RunFixtures.Visit(region: "emea", wait: 1)])
        let absent = try evaluate("queue_wait{region:latam}: p(90) < 1ms", on: run)
        #expect(absent.passed && absent.noData && absent.value == nil)
        #expect(absent.measured == "no data")
        let noSamples = try evaluate("message_latency: p(99) < 1ms", on: run)
        #expect(noSamples.passed && noSamples.noData)
        let count = try evaluate("message_latency: count > 0", on: run)
        #expect(count.value == 0 && !count.passed)
        let empty = RunFixtures.run([])
        #expect(try evaluate("abandonment_rate: rate < 0.01", on: empty).noData)
        #expect(try evaluate("service_level: rate > 0.99", on: empty).noData)
        #expect(try evaluate("errors: count == 0", on: empty).value == 0)
    }

    @Test("rates: abandonment and service level from the counts and queue waits")
    func rates() throws {
        let run = RunFixtures.run([
            RunFixtures.Visit(wait: 1), RunFixtures.Visit(wait: 10), RunFixtures.Visit(wait: 90), RunFixtures.Visit(wait: nil),
        ])
        let abandonment = try evaluate("abandonment_rate: rate < 5%", on: run)
        #expect(abandonment.value == 0.25 && !abandonment.passed)
        // Two of four requests were assigned within the 30 s of the fixture's service level.
        #expect(try evaluate("service_level: rate >= 0.5", on: run).value == 0.5)
        #expect(try !evaluate("service_level: value > 0.5", on: run).passed)
    }

    @Test("counters: errors by kind, lost messages, late arrivals")
    func counters() throws {
        let run = RunFixtures.run(
            [RunFixtures.Visit(errors: ["connect", "connect", "protocol"], lost: 2)],
            lateArrivals: 3
        )
        #expect(try evaluate("errors: count == 3", on: run).passed)
        #expect(try evaluate("errors{kind:connect}: count == 2", on: run).passed)
        #expect(try evaluate("errors{kind:timeout}: count == 0", on: run).passed)
        #expect(try !evaluate("messages_lost: count == 0", on: run).passed)
        #expect(try evaluate("messages_lost: value == 2", on: run).passed)
        #expect(try evaluate("late_arrivals: count == 3", on: run).passed)
        #expect(try evaluate("messages_sent: count == 2", on: run).passed)
    }

    @Test("queue depth and agent concurrency")
    func levels() throws {
        let run = RunFixtures.run([], waiting: 4)
        #expect(try evaluate("queue_depth: max == 4", on: run).passed)
        #expect(try evaluate("queue_depth: avg == 2", on: run).passed)
        #expect(try evaluate("queue_depth{region:emea}: max == 4", on: run).passed)
        // One agent of capacity 2 with one chat for 50 of its 100 s.
        #expect(try evaluate("agent_concurrency: max == 1", on: run).passed)
        #expect(try evaluate("agent_concurrency: mean == 0.5", on: run).passed)
        #expect(try evaluate("agent_concurrency: occupancy == 0.25", on: run).passed)
        #expect(try evaluate("agent_concurrency{site:riga}: occupancy == 0.25", on: run).passed)
        #expect(try evaluate("agent_concurrency{region:emea}: max < 1", on: run).noData)
    }
}

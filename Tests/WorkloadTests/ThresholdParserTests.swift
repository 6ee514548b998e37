import Testing
import Workload

@Suite("Threshold expressions")
struct ThresholdParserTests {
    private func parse(_ metric: String, _ expression: String) throws -> Threshold {
        try ThresholdParser.threshold(metric: metric, expression: expression)
    }

    @Test("every comparison operator", arguments: ThresholdComparison.allCases)
    func operators(_ comparison: ThresholdComparison) throws {
        let threshold = try parse("queue_wait", "p(90) \(comparison.rawValue) 60s")
        #expect(threshold.comparison == comparison)
        #expect(threshold.bound == 60_000)
        // Without spaces too.
        #expect(try parse("queue_wait", "p(90)\(comparison.rawValue)60s").comparison == comparison)
    }

    @Test("operators hold as written")
    func holds() {
        #expect(ThresholdComparison.less.holds(1, 2) && !ThresholdComparison.less.holds(2, 2))
        #expect(ThresholdComparison.lessOrEqual.holds(2, 2) && !ThresholdComparison.lessOrEqual.holds(3, 2))
        #expect(ThresholdComparison.greater.holds(3, 2) && !ThresholdComparison.greater.holds(2, 2))
        #expect(ThresholdComparison.greaterOrEqual.holds(2, 2) && !ThresholdComparison.greaterOrEqual.holds(1, 2))
        #expect(ThresholdComparison.equal.holds(0, 0) && !ThresholdComparison.equal.holds(1, 0))
        #expect(ThresholdComparison.notEqual.holds(1, 0) && !ThresholdComparison.notEqual.holds(0, 0))
    }

    @Test(
        "latency aggregates",
        arguments: [
            ("p(99)", ThresholdAggregate.percentile(99)), ("p(99.9)", .percentile(99.9)), ("p(50)", .percentile(50)),
            ("p( 95 )", .percentile(95)), ("p(100)", .percentile(100)), ("avg", .mean), ("mean", .mean), ("med", .median),
            ("min", .min), ("max", .max), ("count", .count),
        ]
    )
    func latencyAggregates(_ text: String, _ aggregate: ThresholdAggregate) throws {
        #expect(try parse("connect_time", "\(text) < 5").aggregate == aggregate)
    }

    @Test("aggregates of the other metric kinds")
    func otherAggregates() throws {
        #expect(try parse("queue_depth", "max <= 10").aggregate == .max)
        #expect(try parse("queue_depth", "avg < 2.5").aggregate == .mean)
        #expect(try parse("agent_concurrency", "max <= 3").aggregate == .max)
        #expect(try parse("agent_concurrency", "occupancy < 0.9").aggregate == .occupancy)
        #expect(try parse("agent_concurrency", "mean > 1").aggregate == .mean)
        #expect(try parse("abandonment_rate", "rate < 0.05").aggregate == .rate)
        #expect(try parse("service_level", "value >= 0.8").aggregate == .value)
        #expect(try parse("messages_lost", "count == 0").aggregate == .count)
        #expect(try parse("late_arrivals", "value < 10").aggregate == .value)
        #expect(throws: ThresholdSyntaxError.self) { try parse("errors", "rate < 0.1") }
        #expect(throws: ThresholdSyntaxError.self) { try parse("abandonment_rate", "count < 3") }
        #expect(throws: ThresholdSyntaxError.self) { try parse("queue_wait", "occupancy < 3") }
    }

    @Test(
        "latency units, in milliseconds",
        arguments: [
            ("250ms", 250.0), ("250", 250), ("1.5s", 1_500), ("2m", 120_000), ("1h", 3_600_000), ("500us", 0.5), ("500µs", 0.5),
            ("2 s", 2_000),
        ]
    )
    func latencyUnits(_ text: String, _ milliseconds: Double) throws {
        #expect(try parse("message_latency", "p(99) < \(text)").bound == milliseconds)
    }

    @Test("rates take shares or percentages; counts plain numbers")
    func otherUnits() throws {
        #expect(try parse("abandonment_rate", "rate < 0.05").bound == 0.05)
        #expect(try parse("abandonment_rate", "rate < 5%").bound == 0.05)
        #expect(try parse("queue_wait", "count > 100").bound == 100)
        #expect(throws: ThresholdSyntaxError.self) { try parse("queue_wait", "count > 100ms") }
        #expect(throws: ThresholdSyntaxError.self) { try parse("queue_depth", "max < 5%") }
        #expect(throws: ThresholdSyntaxError.self) { try parse("service_level", "rate > 80s") }
    }

    @Test("tags: direction, each breakdown dimension, error kind")
    func tags() throws {
        let latency = try ThresholdParser.selector("message_latency{direction:agent_to_visitor}")
        #expect(latency[.direction] == "agent_to_visitor")
        for key in ["region", "language", "department", "site"] {
            let selector = try ThresholdParser.selector("queue_wait{\(key):x}")
            #expect(selector.breakdown == ThresholdTag(ThresholdTag.Key(rawValue: key)!, "x"))
        }
        let both = try ThresholdParser.selector("message_latency{ direction:visitor_to_agent , language:mr }")
        #expect(both.tags == [ThresholdTag(.direction, "visitor_to_agent"), ThresholdTag(.language, "mr")])
        #expect(both.description == "message_latency{direction:visitor_to_agent,language:mr}")
        #expect(try ThresholdParser.selector("errors{kind:connect}")[.kind] == "connect")
        #expect(throws: ThresholdSyntaxError.self) { try ThresholdParser.selector("late_arrivals{region:x}") }
        #expect(throws: ThresholdSyntaxError.self) { try ThresholdParser.selector("queue_wait{region:x,region:y}") }
        #expect(throws: ThresholdSyntaxError.self) { try ThresholdParser.selector("queue_wait{region}") }
        #expect(throws: ThresholdSyntaxError.self) { try ThresholdParser.selector("queue_wait{region:x") }
    }

    @Test("the --threshold form splits at the first colon outside the braces")
    func flag() throws {
        let threshold = try ThresholdParser.threshold(flag: "message_latency{direction:visitor_to_agent}: p(99.9) <= 1.5s")
        #expect(threshold.selector.metric == .messageLatency)
        #expect(threshold.selector[.direction] == "visitor_to_agent")
        #expect(threshold.aggregate == .percentile(99.9))
        #expect(threshold.comparison == .lessOrEqual)
        #expect(threshold.bound == 1_500)
        #expect(threshold.expression == "p(99.9) <= 1.5s")
        #expect(threshold.description == "message_latency{direction:visitor_to_agent}: p(99.9) <= 1.5s")
        let error = #expect(throws: ThresholdSyntaxError.self) { try ThresholdParser.threshold(flag: "queue_wait p(90) < 60s") }
        #expect(error?.message.contains("write METRIC: EXPRESSION") == true)
    }

    @Test("messages name the problem and suggest a fix")
    func messages() {
        func message(_ metric: String, _ expression: String) -> String {
            do {
                _ = try ThresholdParser.threshold(metric: metric, expression: expression)
                return "no error"
            } catch { return error.message }
        }
        #expect(message("queue_wait", "") == "the expression is empty; write e.g. \"p(99) < 250ms\"")
        #expect(message("queue_wait", "p(0) < 5") == "\"p(0)\": the percentile must be above 0 and at most 100")
        #expect(message("queue_wait", "p(abc) < 5") == "\"p(abc)\": the percentile must be a number, e.g. p(99) or p(99.9)")
        #expect(message("queue_wait", "p(99 < 5").contains("no closing"))
        #expect(message("queue_wait", "< 5") == "the expression must start with an aggregate: p(N), avg, mean, med, min, max, count")
        #expect(message("queu_depth", "max < 5") == "unknown metric \"queu_depth\"; did you mean \"queue_depth\"?")
    }
}

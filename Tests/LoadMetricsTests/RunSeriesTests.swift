import Foundation
import LoadMetrics
import Testing

/// `run.json`'s `series` and `agents`: what a report draws from, without timeseries.csv or agents.csv.
@Suite struct RunSeriesTests {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    /// Three seconds: deliveries in the first and the last, queues in two departments and languages.
    static func recorded() -> RunRecorder {
        var recorder = RunRecorder(serviceLevelThresholdSeconds: 20)
        recorder.regionTimeZones = ["emea": "Europe/Berlin"]
        let agent = recorder.agentJoined(name: "a1", site: "pune", capacity: 3, at: .zero)
        let sales = recorder.keys(region: "emea", language: "de", department: "sales")
        recorder.chatRequested(sales)
        for millis in 1...100 {
            recorder.messageDelivered(sales, direction: .visitorToAgent, latency: .milliseconds(millis))
        }
        recorder.agentConcurrency(agent: agent, at: .seconds(10), active: 2)
        recorder.sample(second: 0, simulatedTime: start.addingTimeInterval(60), gauges: .init(sessions: 2, agentsOnline: 1))
        let support = recorder.keys(region: "emea", language: "hi", department: "support")
        recorder.chatRequested(support)
        recorder.chatRequested(support)
        recorder.sample(second: 1, simulatedTime: start.addingTimeInterval(120.25), gauges: .init(serverQueueDepth: 3))
        recorder.messageDelivered(sales, direction: .agentToVisitor, latency: .milliseconds(7))
        recorder.agentLeft(agent: agent, at: .seconds(150))
        recorder.sample(second: 2, simulatedTime: start.addingTimeInterval(180), gauges: .init())
        return recorder
    }

    static func result() -> RunResult {
        var recorder = recorded()
        return recorder.finish(
            mode: .sim,
            profile: .init(name: "s", sha256: ""),
            seed: 1,
            complete: true,
            toolVersion: "t",
            at: .seconds(180)
        )
    }

    @Test func columnsHoldEverySecond() throws {
        let series = try #require(Self.result().series)
        #expect(series.count == 3)
        #expect(series.simulatedOrigin == "2023-11-14T22:14:20.000Z")
        #expect(series.simulatedSeconds == [0, 60.25, 120])
        #expect(series.queueDepth == [1, 3, 3])
        #expect(series.queueDepthByDepartment == ["sales": [1, 1, 1], "support": [0, 2, 2]])
        #expect(series.queueDepthByLanguage == ["de": [1, 1, 1], "hi": [0, 2, 2]])
        #expect(series.serverQueueDepth == [nil, 3, nil])
        #expect(series.sessions == [2, 0, 0])
        // Active chats come from the agents' concurrency: 2 from second 10 until the agent left.
        #expect(series.activeChats == [2, 2, 0])
        // The agent (capacity 3) was online for the first two seconds.
        #expect(series.agentsOnlineBySite == ["pune": [1, 1, 0]] && series.chatCapacity == [3, 3, 0])
        #expect(series.regionTimeZones == ["emea": "Europe/Berlin"])
    }

    @Test("an agent back for its next shift is online at its site again, with its capacity, observed from then on")
    func agentRejoined() throws {
        var recorder = RunRecorder(serviceLevelThresholdSeconds: 20)
        let agent = recorder.agentJoined(name: "a1", site: "pune", capacity: 3, at: .zero)
        recorder.agentConcurrency(agent: agent, at: .seconds(10), active: 2)
        recorder.sample(second: 0, simulatedTime: Self.start.addingTimeInterval(60), gauges: .init())
        recorder.agentLeft(agent: agent, at: .seconds(100))
        recorder.sample(second: 1, simulatedTime: Self.start.addingTimeInterval(120), gauges: .init())
        recorder.agentRejoined(agent: agent, at: .seconds(1_000))
        // A console reconnecting within the shift changes nothing.
        recorder.agentRejoined(agent: agent, at: .seconds(1_010))
        recorder.agentConcurrency(agent: agent, at: .seconds(1_050), active: 1)
        recorder.sample(second: 2, simulatedTime: Self.start.addingTimeInterval(1_080), gauges: .init())
        recorder.agentLeft(agent: agent, at: .seconds(1_100))
        recorder.sample(second: 3, simulatedTime: Self.start.addingTimeInterval(1_140), gauges: .init())
        let result = recorder.finish(
            mode: .live,
            profile: .init(name: "s", sha256: ""),
            seed: 1,
            complete: true,
            toolVersion: "t",
            at: .seconds(1_200)
        )
        let series = try #require(result.series)
        #expect(series.agentsOnlineBySite == ["pune": [1, 0, 1, 0]])
        #expect(series.chatCapacity == [3, 0, 3, 0])
        #expect(series.activeChats == [2, 0, 1, 0])
        #expect(recorder.agentRecords.count == 1)
        let load = try #require(recorder.agentRecords.first?.load)
        // Observed 0–100 s and 1,000–1,100 s: 2 chats for 90 s, 1 for 50 s, over 200 s.
        #expect(load.observedSeconds == 200)
        #expect(load.chatSeconds == 2 * 90 + 50)
    }

    @Test func latencyPercentilesArePerSecond() throws {
        let series = try #require(Self.result().series)
        let v2a = try #require(series.messageLatency["visitor_to_agent"])
        // 1 … 100 ms in the first second, none later; exact (the nearest-rank value).
        let p50 = try #require(v2a.p50[0])
        let p99 = try #require(v2a.p99[0])
        #expect(p50 == 50 && p99 == 99)
        #expect(v2a.p90[1] == nil && v2a.p99[2] == nil)
        let a2v = try #require(series.messageLatency["agent_to_visitor"])
        let a2vP99 = try #require(a2v.p99[2])
        #expect(a2v.p50[0] == nil && a2vP99 == 7)
    }

    @Test func agentsKeepTheirTimeAtLoad() throws {
        let agents = Self.result().agents
        #expect(agents.count == 1)
        #expect(agents[0].name == "a1" && agents[0].site == "pune" && agents[0].capacity == 3 && agents[0].max == 2)
        #expect(agents[0].secondsAtLevel == [10, 0, 140])
        #expect(abs(agents[0].occupancy - 280.0 / 150 / 3) < 1e-12)
    }

    @Test func jsonRoundTripAndCompactArrays() throws {
        let result = Self.result()
        let data = try result.jsonData()
        let decoded = try RunResult(jsonData: data)
        #expect(decoded.series == result.series && decoded.agents == result.agents)
        #expect(try decoded.jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"queueDepth\" : [1,3,3]"))
        #expect(text.contains("\"serverQueueDepth\" : [null,3,null]"))
        // Objects keep their pretty layout.
        #expect(text.contains("\"series\" : {\n"))
    }

    /// The hand-written series text reads back to the same series, also with values JSONEncoder would have
    /// written differently (fractions, tiny numbers, escapes, empty objects, no server queue depth).
    @Test func handWrittenSeriesReadsBack() throws {
        var result = Self.result()
        var series = try #require(result.series)
        series.simulatedSeconds = [0, 60.25, 1e-05]
        series.serverQueueDepth = nil
        series.siteTimeZones = [:]
        series.regionTimeZones = ["odd \"zone\"\n\\": "Europe/Berlin", "tab\t": "UTC"]
        series.messageLatency["visitor_to_agent"]?.p99 = [0.001, nil, 123_456.789]
        result.series = series
        let data = try result.jsonData()
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
        let decoded = try RunResult(jsonData: data)
        #expect(decoded.series == result.series && decoded.agents == result.agents)
        #expect(try decoded.jsonData() == data, "equal results give equal bytes")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"simulatedSeconds\" : [0,60.25,1e-05]") && !text.contains("serverQueueDepth"))
    }

    @Test func stringsWithBracketsSurviveTheCompactArrays() throws {
        var result = Self.result()
        result.profile.name = "odd [1, 2]\n\"[3]\" \\"
        result.agents[0].name = "[a, b]"
        let decoded = try RunResult(jsonData: result.jsonData())
        #expect(decoded.profile.name == result.profile.name && decoded.agents == result.agents)
    }

    @Test func mergeKeepsTheFirstSeries() throws {
        var merged = Self.result()
        var other = Self.result()
        other.series?.queueDepth = [9, 9, 9]
        merged.merge(other)
        #expect(merged.series == Self.result().series && merged.agents.count == 1)
        var empty = RunResult(
            mode: .sim,
            profile: .init(name: "e", sha256: ""),
            seed: 1,
            complete: true,
            toolVersion: "t",
            serviceLevelThresholdSeconds: 20
        )
        empty.merge(other)
        #expect(empty.series == other.series && empty.agents == other.agents)
    }

    @Test func aRunWithoutSecondsHasNoSeries() throws {
        var recorder = RunRecorder(serviceLevelThresholdSeconds: 20)
        let result = recorder.finish(
            mode: .live,
            profile: .init(name: "e", sha256: ""),
            seed: 1,
            complete: false,
            toolVersion: "t",
            at: .zero
        )
        #expect(result.series == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: result.jsonData()) as? [String: Any])
        #expect(json["series"] == nil && json["agents"] == nil)
    }
}

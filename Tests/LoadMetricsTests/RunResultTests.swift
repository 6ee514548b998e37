import Foundation
import LoadMetrics
import Testing

@Suite struct RunResultTests {
    static let profile = RunResult.Profile(name: "tiny", sha256: String(repeating: "ab", count: 32))

    /// A small run: three visitors in two regions, one agent at one site.
    static func recordedRun(latencyOffset: Int = 0) -> RunRecorder {
        var recorder = RunRecorder(serviceLevelThresholdSeconds: 20)
        let site = recorder.site("pune")
        let agent = recorder.agentJoined(name: "agent-1", site: "pune", capacity: 2, at: .zero)
        var anna = recorder.keys(region: "emea", language: "de", department: "sales")
        let ravi = recorder.keys(region: "apac", language: "hi", department: "support")
        let form = recorder.keys(region: "apac", language: "te", department: "support")
        for keys in [anna, ravi, form] { recorder.visitorArrived(keys) }
        recorder.connected(anna, connectTime: .milliseconds(3))
        recorder.chatRequested(anna)
        recorder.chatRequested(ravi)
        recorder.sample(second: 1, simulatedTime: Date(timeIntervalSince1970: 1_700_000_000), gauges: .init(sessions: 3))
        anna.site = site
        recorder.chatAssigned(anna, wait: .seconds(5))
        recorder.agentConcurrency(agent: agent, at: .seconds(5), active: 1)
        for index in 0..<10 {
            recorder.messageSent(anna)
            recorder.messageDelivered(anna, direction: .visitorToAgent, latency: .milliseconds(40 + index + latencyOffset))
        }
        recorder.messageSent(anna)
        recorder.messageIntegrity(anna, lost: 1)
        recorder.firstResponse(anna, after: .seconds(9))
        recorder.outcome(.chatted, anna)
        recorder.agentConcurrency(agent: agent, at: .seconds(25), active: 0)
        recorder.outcome(.abandoned, ravi)
        recorder.outcome(.leftAtForm, form)
        recorder.error(ravi, kind: "timeout")
        recorder.sample(second: 2, simulatedTime: Date(timeIntervalSince1970: 1_700_000_060), gauges: .init(sessions: 1))
        return recorder
    }

    static func result(_ recorder: RunRecorder, seed: UInt64 = 42) -> RunResult {
        var recorder = recorder
        return recorder.finish(mode: .sim, profile: profile, seed: seed, complete: true, toolVersion: "0.1.0", at: .seconds(50))
    }

    @Test func figuresOfASmallRun() {
        let result = Self.result(Self.recordedRun())
        #expect(result.accountingProblems() == [])
        #expect(result.counts.visitorsArrived == 3 && result.counts.chatsCompleted == 1)
        let metrics = result.metrics
        #expect(metrics.abandonmentRate == 0.5)
        #expect(metrics.serviceLevel.value == 0.5)
        #expect(metrics.queueDepth.max == 2 && metrics.queueDepth.mean == 1)
        // One agent, capacity 2, one chat for 20 of 50 s.
        #expect(abs(metrics.agentConcurrency.mean - 0.4) < 1e-12)
        #expect(abs(metrics.agentConcurrency.occupancy - 0.2) < 1e-12)
        #expect(metrics.messageLatency.visitorToAgent.count == 10)
        #expect(metrics.queueWait.p50 >= 5_000 && metrics.queueWait.p50 <= 5_005)
        #expect(result.metrics(.site, "pune")?.agentConcurrency.max == 1)
    }

    @Test("service level, abandonment and P(wait) are shares of the requests offered to the agents: a bot's are left out")
    func botResolvedRequestsAreNotOffered() {
        var recorder = RunRecorder(serviceLevelThresholdSeconds: 30)
        let keys = recorder.keys(region: "emea", language: "en", department: "orders")
        // Five requests: one resolved by the bot, one abandoned after waiting, one ticketed, two answered (10 s, 40 s).
        for _ in 0..<5 {
            recorder.visitorArrived(keys)
            recorder.chatRequested(keys)
        }
        recorder.outcome(.botResolved, keys, wasWaiting: true)
        recorder.chatQueued(keys)
        recorder.outcome(.abandoned, keys, wasWaiting: true)
        recorder.outcome(.offlineTicket, keys, wasWaiting: true)
        recorder.chatAssigned(keys, wait: .seconds(10))
        recorder.chatAssigned(keys, wait: .seconds(40))
        recorder.outcome(.chatted, keys)
        recorder.outcome(.chatted, keys)
        let result = Self.result(recorder)
        #expect(result.accountingProblems() == [])
        #expect(result.counts.chatsRequested == 5 && result.counts.chatsOffered == 4)
        #expect(result.metrics.serviceLevel.value == 0.25)
        #expect(result.metrics.abandonmentRate == 0.25)
    }

    @Test func breakdownsSumToTotals() {
        let result = Self.result(Self.recordedRun())
        for dimension in [Dimension.region, .language, .department] {
            let sets = result.breakdowns[dimension]!.sets
            var sum = Counts()
            for set in sets { sum.merge(set.counts) }
            #expect(sum == result.counts, "\(dimension)")
        }
        #expect(result.breakdowns[.region]!["apac"]!.counts.visitorsArrived == 2)
        let pune = result.breakdowns[.site]!["pune"]!
        #expect(pune.counts.messagesReceived == 10 && pune.counts.chatsAssigned == 1)
        #expect(pune.queueDepth.max == 0 && result.metrics(.site, "pune")?.queueWait.count == 1)
    }

    @Test func jsonRoundTripKeepsEverything() throws {
        let result = Self.result(Self.recordedRun())
        let data = try result.jsonData()
        let decoded = try RunResult(jsonData: data)
        #expect(decoded.counts == result.counts)
        #expect(decoded.metrics == result.metrics)
        #expect(decoded.total == result.total)
        #expect(decoded.generator == result.generator)
        for dimension in Dimension.allCases {
            #expect(decoded.breakdowns[dimension]!.byName == result.breakdowns[dimension]!.byName)
        }
        #expect(try decoded.jsonData() == data)
    }

    @Test("a run at another --scale keeps its factor through run.json, and is labelled with it")
    func arrivalScale() throws {
        var result = Self.result(Self.recordedRun())
        #expect(result.profile.label == "tiny")
        for (scale, label) in [(3.0, "tiny ×3"), (0.25, "tiny ×0.25"), (1.5, "tiny ×1.5"), (1_000, "tiny ×1000")] {
            result.profile.arrivalScale = scale
            #expect(result.profile.label == label)
            let decoded = try RunResult(jsonData: result.jsonData())
            #expect(decoded.profile == result.profile)
        }
        let json = try #require(try JSONSerialization.jsonObject(with: result.jsonData()) as? [String: Any])
        #expect((json["profile"] as? [String: Any])?["arrivalScale"] as? Double == 1_000)
    }

    @Test(
        "a run.json number that does not fit its count is named by its key path; a syntax error by line and column",
        arguments: [
            ("counts.visitorsArrived", "1.5", "counts.visitorsArrived: 1.5 does not fit"),
            ("counts.visitorsArrived", "-1", "counts.visitorsArrived: -1 does not fit: a count is 0 or more"),
            ("counts.errorsByKind", "{\"timeout\": 1e30}", "counts.errorsByKind.timeout: 1e+30 does not fit"),
            ("breakdowns.region.emea.counts.chatsQueued", "0.25", "breakdowns.region.emea.counts.chatsQueued: 0.25 does not fit"),
            ("generator.peakSessions", "2.5", "generator.peakSessions: 2.5 does not fit"),
            ("counts.visitorsArrived", "12 x", "not valid JSON at line "),
        ]
    )
    func runFileProblems(path: String, value: String, message: String) throws {
        // The fixture's run.json with one value written over, found by its key path's last two keys.
        let keys = path.split(separator: ".").map(String.init)
        var text = String(decoding: try Self.result(Self.recordedRun()).jsonData(), as: UTF8.self)
        var searchFrom = text.startIndex
        for (depth, key) in keys.dropLast().enumerated() {
            // The first key at the top level (pretty-printed, two spaces in): "counts" also names each breakdown's.
            let pattern = depth == 0 ? "\n  \"\(key)\"" : "\"\(key)\""
            searchFrom = try #require(text.range(of: pattern, range: searchFrom..<text.endIndex)).upperBound
        }
        let field = try #require(text.range(of: "\"\(keys.last!)\" : ", range: searchFrom..<text.endIndex))
        let end = try #require(text[field.upperBound...].firstIndex { $0 == "," || $0 == "\n" })
        // An object value (errorsByKind) runs to its closing brace.
        let valueEnd = text[field.upperBound] == "{" ? text.index(after: try #require(text[field.upperBound...].firstIndex(of: "}"))) : end
        text.replaceSubrange(field.upperBound..<valueEnd, with: value)
        do {
            _ = try RunResult(jsonData: Data(text.utf8))
            Issue.record("\(path) = \(value) was read")
        } catch let problem as RunFileProblem {
            #expect(problem.description.hasPrefix(message), "\(problem)")
        }
    }

    @Test("a breakdown's negative messagesLost reads; an unknown schemaVersion is named as such, whatever else is in the file")
    func schemaVersionAndLateMessages() throws {
        var text = String(decoding: try Self.result(Self.recordedRun()).jsonData(), as: UTF8.self)
        let breakdowns = try #require(text.range(of: "\"breakdowns\""))
        let lost = try #require(text.range(of: "\"messagesLost\" : 0", range: breakdowns.upperBound..<text.endIndex))
        text.replaceSubrange(lost, with: "\"messagesLost\" : -1")
        _ = try RunResult(jsonData: Data(text.utf8))
        text = text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 2")
        #expect(throws: RunFileProblem.self) { try RunResult(jsonData: Data(text.utf8)) }
        do {
            _ = try RunResult(jsonData: Data(text.utf8))
        } catch {
            #expect("\(error)" == "unsupported run.json schemaVersion 2 (this chatstorm reads 1)")
        }
    }

    @Test func mergeEqualsRecordingTogether() throws {
        var merged = Self.result(Self.recordedRun())
        merged.merge(Self.result(Self.recordedRun(latencyOffset: 100), seed: 43))
        #expect(merged.counts.visitorsArrived == 6)
        #expect(merged.metrics.messageLatency.visitorToAgent.count == 20)
        #expect(merged.accountingProblems() == [])
        // Merging decoded results gives the same figures as merging the recorded ones.
        var fromJSON = try RunResult(jsonData: Self.result(Self.recordedRun()).jsonData())
        fromJSON.merge(try RunResult(jsonData: Self.result(Self.recordedRun(latencyOffset: 100)).jsonData()))
        #expect(fromJSON.metrics == merged.metrics)
        #expect(fromJSON.metrics(.region, "emea") == merged.metrics(.region, "emea"))
    }

    @Test func accountingProblemsAreFound() {
        var result = Self.result(Self.recordedRun())
        result.total.counts.visitorsArrived += 1
        result.total.counts.messagesReceived += 5
        result.total.counts.errors += 1
        let problems = result.accountingProblems()
        #expect(problems.count == 6)  // three in the totals, one per visitor dimension
        #expect(problems.contains { $0.hasPrefix("4 visitors arrived but 3 outcomes") })
        #expect(problems.contains { $0.contains("exceed 11 messages sent") })
        #expect(problems.contains { $0.contains("errorsByKind sums to 1") })
        #expect(problems.contains { $0.hasPrefix("region breakdown has 3 arrivals, the total 4") })
    }

    @Test("messages refused because their chat had ended count toward the sent ones, like received and lost")
    func refusedMessagesAreAccounted() {
        var counts = Counts()
        counts.messagesSent = 10
        counts.messagesReceived = 7
        counts.messagesLost = 1
        counts.messagesRefused = 2
        #expect(counts.accountingProblems().isEmpty)
        counts.messagesRefused = 1
        #expect(counts.accountingProblems() == ["10 messages sent but only 7 received + 1 lost + 1 refused, with no chat in flight"])
        counts.messagesRefused = 3
        #expect(counts.accountingProblems() == ["7 received + 1 lost + 3 refused exceed 10 messages sent"])
    }

    @Test func timeSeriesRowsAndCSV() {
        let recorder = Self.recordedRun()
        let rows = recorder.timeSeries.rows
        #expect(rows.count == 2)
        #expect(rows[0][.arrivals] == 3 && rows[0].queueDepth == 2)
        #expect(rows[1][.messagesReceived] == 10 && rows[1][.errors] == 1 && rows[1].queueDepth == 0)
        let lines = recorder.timeSeries.csv().split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("1,2023-11-14T22:13:20.000Z,3,2,0,"))
        let columns = lines[0].split(separator: ",").count
        #expect(lines.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns })
    }

    @Test func agentsCSV() {
        var recorder = Self.recordedRun()
        _ = recorder.finish(mode: .live, profile: Self.profile, seed: 1, complete: false, toolVersion: "x", at: .seconds(50))
        let lines = recorder.agentsCSV().split(separator: "\n")
        #expect(
            lines[0]
                == "agent,site,capacity,observed_seconds,mean_concurrency,max_concurrency,occupancy,busy_share,seconds_at_0,seconds_at_1"
        )
        #expect(lines[1] == "agent-1,pune,2,50.000,0.400,1,0.200,0.400,30.000,20.000")
    }
}

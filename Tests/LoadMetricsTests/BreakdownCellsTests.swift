import LoadMetrics
import Testing

@Suite struct BreakdownCellsTests {
    /// The same random traffic into a recorder that updates the five metric sets at every message and into one
    /// that records per combination of keys and folds at `finish`: the results are equal, keys without a site or
    /// region included, and latencies from zero to past the histograms' hour (the growing histograms resize), some back-filled.
    @Test func foldingAtFinishGivesTheSameResult() {
        var direct = RunRecorder(serviceLevelThresholdSeconds: 20)
        var folding = RunRecorder(serviceLevelThresholdSeconds: 20, foldsAtFinish: true)
        var rng = SplitMix64(state: 7)
        var combinations: [BreakdownKeys] = [.none]
        for region in ["emea", "apac", "amer"] {
            for language in ["en", "de", "hi"] {
                for department in ["sales", "support"] {
                    let keys = direct.keys(region: region, language: language, department: department)
                    #expect(folding.keys(region: region, language: language, department: department) == keys)
                    combinations.append(keys)
                    for site in ["pune", "riga"] {
                        var assigned = keys
                        assigned.site = direct.site(site)
                        #expect(folding.site(site) == assigned.site)
                        combinations.append(assigned)
                    }
                }
            }
        }
        // More than half the table's first 64 slots: the table grows.
        #expect(combinations.count > 32)
        for _ in 0..<20_000 {
            let keys = combinations[Int(rng.next() % UInt64(combinations.count))]
            // Without an interval up to two hours (clamped to one); with a 200 µs interval up to 3 ms (back-filled).
            let corrected = rng.next() % 3 == 0
            let latency = Duration.microseconds(
                Int64(corrected ? rng.next() % 3_000 : rng.next() % 5 == 0 ? rng.next() % 7_200_000_000 : rng.next() % 300)
            )
            let direction: RunRecorder.Direction = rng.next() % 2 == 0 ? .visitorToAgent : .agentToVisitor
            let interval = Duration.microseconds(corrected ? 200 : 0)
            for recorder in [0, 1] {
                if recorder == 0 {
                    direct.messageSent(keys)
                    direct.messageDelivered(keys, direction: direction, latency: latency, expectedInterval: interval)
                } else {
                    folding.messageSent(keys)
                    folding.messageDelivered(keys, direction: direction, latency: latency, expectedInterval: interval)
                }
            }
        }
        // Until `finish` the folding recorder's totals lack the messages.
        #expect(folding.total.counts.messagesReceived == 0)
        #expect(direct.total.counts.messagesReceived == 20_000)
        let expected = RunResultTests.result(direct)
        let folded = RunResultTests.result(folding)
        #expect(folded.total == expected.total)
        for dimension in Dimension.allCases {
            #expect(folded.breakdowns[dimension]?.byName == expected.breakdowns[dimension]?.byName)
        }
    }
}

@Suite struct RecorderSecondsTests {
    /// The simulator's overloads taking seconds record what the `Duration` ones record: whole microseconds, negative
    /// as zero, beyond an hour clamped, and the agent's concurrency at the same instants.
    @Test func secondsRecordLikeDurations() {
        var byDuration = RunRecorder(serviceLevelThresholdSeconds: 20)
        var bySeconds = RunRecorder(serviceLevelThresholdSeconds: 20)
        let values = [
            0, 0.000_000_4, 0.000_000_7, 0.000_001, 0.001_500_6, 0.012_345_678, 1.5, 29.999_999_9, 59.25, 3_599.999_999, 7_200, -3,
        ]
        for recorder in [0, 1] {
            let keys =
                recorder == 0
                ? byDuration.keys(region: "emea", language: "de", department: "sales")
                : bySeconds.keys(region: "emea", language: "de", department: "sales")
            let agent =
                recorder == 0
                ? byDuration.agentJoined(name: "a", site: "riga", capacity: 2, at: .zero)
                : bySeconds.agentJoined(name: "a", site: "riga", capacity: 2, at: .zero)
            for (index, value) in values.enumerated() {
                let at = Double(index) * 1.25
                if recorder == 0 {
                    byDuration.chatRequested(keys)
                    byDuration.chatAssigned(keys, wait: .seconds(value))
                    byDuration.firstResponse(keys, after: .seconds(value))
                    byDuration.messageDelivered(keys, direction: .agentToVisitor, latency: .seconds(value))
                    byDuration.agentConcurrency(agent: agent, at: .seconds(at), active: index % 3)
                } else {
                    bySeconds.chatRequested(keys)
                    bySeconds.chatAssigned(keys, waitSeconds: value)
                    bySeconds.firstResponse(keys, afterSeconds: value)
                    bySeconds.messageDelivered(keys, direction: .agentToVisitor, latencySeconds: value)
                    bySeconds.agentConcurrency(agent: agent, atSeconds: at, active: index % 3)
                }
            }
        }
        let expected = RunResultTests.result(byDuration)
        let result = RunResultTests.result(bySeconds)
        #expect(result.total == expected.total)
        #expect(result.total.agentToVisitor.count == UInt64(values.count))
        #expect(result.agents == expected.agents)
    }
}

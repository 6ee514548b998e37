import Foundation
import LoadMetrics
import Testing

/// `chatsQueued` (P(wait)) and `busyShare`, added within schema version 1: recorded, merged, written, and
/// absent from older files without breaking them.
@Suite struct WaitAndBusyTests {
    @Test func queuedChatsAndBusyShareAreRecorded() throws {
        var recorder = RunResultTests.recordedRun()
        let keys = recorder.keys(region: "emea", language: "de", department: "sales")
        recorder.chatQueued(keys)
        let result = RunResultTests.result(recorder)
        #expect(result.counts.chatsQueued == 1)
        #expect(result.breakdowns[.region]?["emea"]?.counts.chatsQueued == 1)
        // One agent with a chat for 20 of its 50 observed seconds.
        #expect(abs(result.metrics.agentConcurrency.busyShare - 0.4) < 1e-12)
        let decoded = try RunResult(jsonData: result.jsonData())
        #expect(decoded.counts.chatsQueued == 1)
        #expect(abs(decoded.metrics.agentConcurrency.busyShare - 0.4) < 1e-12)
        var twice = result
        twice.merge(result)
        #expect(twice.counts.chatsQueued == 2)
    }

    @Test func olderFilesWithoutTheNewKeysStillRead() throws {
        let result = RunResultTests.result(RunResultTests.recordedRun())
        var json = try #require(try JSONSerialization.jsonObject(with: result.jsonData()) as? [String: Any])
        var counts = try #require(json["counts"] as? [String: Any])
        counts["chatsQueued"] = nil
        json["counts"] = counts
        var metrics = try #require(json["metrics"] as? [String: Any])
        var concurrency = try #require(metrics["agent_concurrency"] as? [String: Any])
        concurrency["busyShare"] = nil
        metrics["agent_concurrency"] = concurrency
        json["metrics"] = metrics
        let decoded = try RunResult(jsonData: JSONSerialization.data(withJSONObject: json))
        #expect(decoded.counts.chatsQueued == 0)
        #expect(decoded.counts.chatsCompleted == result.counts.chatsCompleted)
    }
}

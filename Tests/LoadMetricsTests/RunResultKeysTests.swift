import Foundation
import LoadMetrics
import Testing

/// The key names of `run.json` are an interface: users' CI scripts read them.
@Suite struct RunResultKeysTests {
    func object(_ value: Any?) throws -> [String: Any] {
        try #require(value as? [String: Any])
    }

    func keys(_ value: Any?) throws -> Set<String> {
        Set(try object(value).keys)
    }

    let summaryKeys: Set = ["count", "min", "mean", "p50", "p90", "p95", "p99", "p999", "max"]
    let countKeys: Set = [
        "visitorsArrived", "chatsRequested", "chatsQueued", "chatsAssigned", "chatsCompleted", "chatsAbandoned", "offlineTickets",
        "botResolved", "leftAtForm", "stillActive", "transfers", "messagesSent", "messagesReceived", "messagesLost",
        "messagesRefused", "messagesDuplicated", "messagesReordered", "errors", "errorsByKind",
    ]

    func checkMetrics(_ value: Any?) throws {
        let metrics = try object(value)
        #expect(
            Set(metrics.keys) == [
                "message_latency", "queue_wait", "first_response", "connect_time", "queue_depth", "agent_concurrency",
                "abandonment_rate", "service_level",
            ]
        )
        #expect(try keys(metrics["message_latency"]) == ["visitor_to_agent", "agent_to_visitor"])
        let latency = try object(metrics["message_latency"])
        for summary in [latency["visitor_to_agent"], latency["agent_to_visitor"], metrics["queue_wait"], metrics["connect_time"]] {
            #expect(try keys(summary) == summaryKeys)
        }
        #expect(try keys(metrics["first_response"]) == summaryKeys)
        #expect(try keys(metrics["queue_depth"]) == ["max", "mean"])
        #expect(try keys(metrics["agent_concurrency"]) == ["mean", "max", "occupancy", "busyShare"])
        #expect(try keys(metrics["service_level"]) == ["thresholdSeconds", "value"])
    }

    @Test func goldenKeyNames() throws {
        let result = RunResultTests.result(RunResultTests.recordedRun())
        let json = try object(JSONSerialization.jsonObject(with: result.jsonData()))
        #expect(
            Set(json.keys) == [
                "schemaVersion", "mode", "profile", "seed", "complete", "toolVersion", "generator", "counts", "metrics",
                "breakdowns", "histograms", "series", "agents",
            ]
        )
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["mode"] as? String == "sim")
        #expect(try keys(json["profile"]) == ["name", "sha256"])
        #expect(
            try keys(json["generator"]) == [
                "cpuSeconds", "peakRSSBytes", "baseRSSBytes", "messageEvents", "peakSessions", "peakConnectsPerSecond", "lateArrivals",
                "schedulingLagMicros",
            ]
        )
        #expect(try keys(object(json["generator"])["schedulingLagMicros"]) == summaryKeys)
        #expect(try keys(json["counts"]) == countKeys)
        #expect(try object(json["counts"])["errorsByKind"] as? [String: Int] == ["timeout": 1])
        try checkMetrics(json["metrics"])

        let breakdowns = try object(json["breakdowns"])
        #expect(Set(breakdowns.keys) == ["region", "language", "department", "site"])
        #expect(try keys(breakdowns["region"]) == ["emea", "apac"])
        #expect(try keys(breakdowns["language"]) == ["de", "hi", "te"])
        #expect(try keys(breakdowns["site"]) == ["pune"])
        let emea = try object(object(breakdowns["region"])["emea"])
        #expect(Set(emea.keys) == ["metrics", "counts"])
        #expect(try keys(emea["counts"]) == countKeys)
        try checkMetrics(emea["metrics"])

        let histograms = try object(json["histograms"])
        #expect(Set(histograms.keys) == ["encoding", "unit", "schedulingLag", "total", "breakdowns"])
        #expect(histograms["encoding"] as? String == "hdr-value-count-pairs")
        #expect(histograms["unit"] as? String == "us")
        let total = try object(histograms["total"])
        #expect(
            Set(total.keys) == [
                "message_latency", "queue_wait", "first_response", "connect_time", "queue_depth", "agent_concurrency",
            ]
        )
        let pairs = try #require(try object(object(total["message_latency"])["visitor_to_agent"])["uncorrected"] as? [Int])
        #expect(pairs.count == 20)
    }
}

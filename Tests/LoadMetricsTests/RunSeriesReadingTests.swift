import Foundation
import Testing

@testable import LoadMetrics

/// The hand-written reader of `run.json`'s series against `JSONDecoder`, which it stands in for.
@Suite struct RunSeriesReadingTests {
    struct Wrapper: Codable, Equatable {
        var before: Int
        var series: RunSeries?
        var after: String
    }

    /// A series with every kind of member: negative and large integers, fractions and exponents, nulls, names
    /// with escapes and characters outside the BMP, an absent or present server queue depth.
    static func randomSeries(_ rng: inout SplitMix64, rows: Int) -> RunSeries {
        func ints() -> [Int] {
            (0..<rows).map { _ in
                switch rng.next() % 5 {
                case 0: -Int(rng.next() % 1_000)
                case 1: Int(rng.next() >> 2)
                default: Int(rng.next() % 100)
                }
            }
        }
        func doubles() -> [Double?] {
            (0..<rows).map { _ in
                switch rng.next() % 5 {
                case 0: nil
                case 1: Double(rng.next() % 1_000)
                case 2: Double(rng.next() % 1_000_000) / 1_000
                case 3: Double(bitPattern: 0x3FF0_0000_0000_0000 | rng.next() >> 12) * 1e-9
                default: Double(rng.next() % 1_000) * 1e20
                }
            }
        }
        var series = RunSeries(simulatedOrigin: "2025-06-04T00:00:00.000Z")
        series.second = ints()
        series.simulatedSeconds = doubles().map { $0 ?? 0 }
        series.arrivals = ints()
        series.chatsRequested = ints()
        series.chatsAssigned = ints()
        series.chatsCompleted = ints()
        series.chatsAbandoned = ints()
        series.messagesSent = ints()
        series.messagesReceived = ints()
        series.errors = ints()
        series.queueDepth = ints()
        // Written as numbers that may have an exponent: up to 2⁵³, where every whole `Double` is its decimal.
        series.serverQueueDepth = rng.next() % 2 == 0 ? nil : ints().map { $0 % 3 == 0 ? nil : $0 % (1 << 53) }
        series.sessions = ints()
        series.activeChats = ints()
        series.agentsOnline = ints()
        series.agentsOnlineBySite = ["pune": ints(), "mexico \"city\"": ints()]
        series.chatCapacity = ints()
        series.queueDepthByDepartment = ["sales": ints(), "back\\slash": ints()]
        series.queueDepthByLanguage = ["日本語": ints(), "emoji 🎧": ints(), "tab\there": ints()]
        var latency = RunSeries.Percentiles()
        latency.p50 = doubles()
        latency.p90 = doubles()
        latency.p99 = doubles()
        series.messageLatency = ["visitorToAgent": latency, "agentToVisitor": RunSeries.Percentiles()]
        series.regionTimeZones = ["india": "Asia/Kolkata", "slash/zone": "Europe/Riga"]
        series.siteTimeZones = ["quote\"d": "America/Mexico_City"]
        return series
    }

    /// Series written both ways (`run.json`'s own hand-written layout, and `JSONEncoder` compact and pretty) read
    /// back equal to what `JSONDecoder` reads, and the rest of the file is left for `JSONDecoder` with `null` in
    /// the series' place.
    @Test func readsWhatJSONDecoderReads() throws {
        var rng = SplitMix64(state: 21)
        for round in 0..<40 {
            let series = Self.randomSeries(&rng, rows: round % 4 == 0 ? 0 : Int(rng.next() % 300))
            let wrapper = Wrapper(before: round, series: series, after: "end")
            let encoder = JSONEncoder()
            encoder.outputFormatting = round.isMultiple(of: 2) ? [.sortedKeys] : [.prettyPrinted]
            let handWritten = Data("{\"before\": \(round), \"series\" : \(series.jsonText(indent: 2)), \"after\": \"end\"}".utf8)
            for data in [try encoder.encode(wrapper), handWritten] {
                let expected = try JSONDecoder().decode(Wrapper.self, from: data)
                let (rest, read) = try #require(RunSeries.extract(fromRunJSON: data))
                #expect(read == expected.series)
                let remainder = try JSONDecoder().decode(Wrapper.self, from: rest)
                #expect(remainder == Wrapper(before: round, series: nil, after: "end"))
            }
        }
    }

    /// Unknown members are skipped, as the synthesised `Decodable` skips them.
    @Test func skipsUnknownMembers() throws {
        var rng = SplitMix64(state: 22)
        let series = Self.randomSeries(&rng, rows: 5)
        var text = series.jsonText(indent: 2)
        text.removeFirst()
        let data = Data("{\"series\": {\"future\": [1, {\"a\": [true, false, null, \"x\"]}], \(text)}".utf8)
        let (_, read) = try #require(RunSeries.extract(fromRunJSON: data))
        #expect(read == series)
    }

    /// What `JSONDecoder` would refuse is declined and left to it, for its error: a missing member, a fraction in an
    /// integer column, a leading zero, a series that ends early, no series at all.
    @Test func declinesWhatItDoesNotTake() throws {
        var rng = SplitMix64(state: 23)
        let text = Self.randomSeries(&rng, rows: 3).jsonText(indent: 2)
        let broken = [
            text.replacingOccurrences(of: "\"chatCapacity\"", with: "\"chatCapacityRenamed\""),
            text.replacingOccurrences(of: "\"arrivals\" : [", with: "\"arrivals\" : [3.5,"),
            text.replacingOccurrences(of: "\"arrivals\" : [", with: "\"arrivals\" : [01,"),
            String(text.prefix(text.count / 2)),
            // Beyond 2⁵³ a whole number with an exponent may not be the `Double` nearest to it.
            text.replacingOccurrences(of: "\"arrivals\" : [", with: "\"arrivals\" : [4.400173677483739e+18,"),
        ]
        for series in broken {
            let data = Data("{\"series\": \(series)}".utf8)
            #expect(RunSeries.extract(fromRunJSON: data) == nil, "\(series.prefix(80))")
            #expect(throws: (any Error).self) { try JSONDecoder().decode(Wrapper.self, from: data) }
        }
        #expect(RunSeries.extract(fromRunJSON: Data("{\"other\": 1}".utf8)) == nil)
    }
}

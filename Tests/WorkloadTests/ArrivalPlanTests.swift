import Foundation
import Testing
import Workload

@Suite("Arrival plan")
struct ArrivalPlanTests {
    /// Three regions in three zones over two days with a sale in one of them.
    static func profile() -> Profile {
        let start = CalendarFixtures.date("UTC", 2026, 3, 7, 18)
        let regions = [
            CalendarFixtures.region(
                "us",
                zone: "America/New_York",
                peak: 900,
                curve: .preset(.businessDay),
                languages: ["en": 0.7, "es": 0.3],
                departments: ["sales": 0.4, "support": 0.6]
            ),
            CalendarFixtures.region("lv", zone: "Europe/Riga", peak: 400, curve: .preset(.eveningPeak), languages: ["lv": 0.5, "ru": 0.5]),
            CalendarFixtures.region(
                "in",
                zone: "Asia/Kolkata",
                peak: 1200,
                curve: .weekly([.sun: Array(repeating: 1, count: 24)], otherDays: Array(repeating: 0.5, count: 24)),
                languages: ["hi": 0.6, "te": 0.2, "en": 0.2]
            ),
        ]
        let sale = Event(
            name: "sale",
            timeZone: "America/New_York",
            start: LocalDateTime(year: 2026, month: 3, day: 8, hour: 9, minute: 30),
            end: LocalDateTime(year: 2026, month: 3, day: 8, hour: 11),
            multiplier: 4,
            regions: ["us"]
        )
        var profile = CalendarFixtures.profile(start: start, duration: 2 * 86_400, regions: regions, events: [sale])
        profile.regions[0].returningShare = 0.25
        return profile
    }

    @Test("counts over windows match ∫λ within Poisson bounds, per region and summed", arguments: [1, 2, 3, 42, 9_001] as [UInt64])
    func counts(seed: UInt64) throws {
        let plan = try ArrivalPlan(profile: Self.profile(), seed: seed)
        let arrivals = plan.arrivals
        let windows: [(Double, Double)] = [(0, 172_800), (0, 21_600), (21_600, 43_200), (50_000, 50_000 + 5_400), (120_000, 172_800)]
        for (from, to) in windows {
            var total = 0
            var expectedTotal = 0.0
            for region in 0..<3 {
                let observed = CalendarFixtures.count(arrivals, region: region, from: from, to: to)
                let expected = plan.expectedArrivals(region: region, from: from, to: to)
                #expect(CalendarFixtures.poissonClose(observed, expected), "region \(region) [\(from), \(to)): \(observed) vs \(expected)")
                total += observed
                expectedTotal += expected
            }
            // Superposition: the merged stream is Poisson with the summed rate.
            let merged = arrivals.reduce(0) { $1.time >= from && $1.time < to ? $0 + 1 : $0 }
            #expect(merged == total)
            #expect(CalendarFixtures.poissonClose(merged, expectedTotal), "all [\(from), \(to)): \(merged) vs \(expectedTotal)")
        }
    }

    @Test("every local hour's count follows its rate (chi-square over the run's hours)")
    func hourlyShape() throws {
        let plan = try ArrivalPlan(profile: Self.profile(), seed: 5)
        var counts = [Int](repeating: 0, count: 48)
        for arrival in plan where arrival.regionIndex == 0 { counts[Int(arrival.time / 3600)] += 1 }
        var chiSquare = 0.0
        var cells = 0
        for hour in 0..<48 {
            let expected = plan.expectedArrivals(region: 0, from: Double(hour) * 3600, to: Double(hour + 1) * 3600)
            guard expected >= 5 else { continue }
            chiSquare += pow(Double(counts[hour]) - expected, 2) / expected
            cells += 1
        }
        // Mean `cells`, standard deviation √(2 cells): a generous bound.
        #expect(chiSquare < Double(cells) + 5 * Double(2 * cells).squareRoot(), "χ² \(chiSquare) over \(cells) hours")
    }

    @Test("arrivals are in time order, inside the run, numbered per region")
    func order() throws {
        let plan = try ArrivalPlan(profile: Self.profile(), seed: 8)
        let arrivals = plan.arrivals
        #expect(!arrivals.isEmpty)
        #expect(zip(arrivals, arrivals.dropFirst()).allSatisfy { $0.time <= $1.time })
        #expect(arrivals.allSatisfy { $0.time >= 0 && $0.time < 2 * 86_400 })
        for region in 0..<3 {
            let own = arrivals.filter { $0.regionIndex == region }
            #expect(own.map(\.sequence) == Array(0..<own.count))
            #expect(own.allSatisfy { $0.regionName == plan.regions[region].name })
        }
        #expect(Set(arrivals.map(\.visitorID)).count == arrivals.count)
        #expect(Set(arrivals.map(\.streamKey)).count == arrivals.count, "each visitor draws from its own stream")
        #expect(arrivals.first { $0.regionName == "lv" }?.visitorID == "lv-v0")
        #expect(Set(arrivals.map(\.compactID)).count == arrivals.count)
    }

    @Test("compact ids: region and sequence in hexadecimal, at most 15 bytes up to sequence 16^11 − 1")
    func compactIDs() {
        func arrival(region: Int, sequence: Int) -> Arrival {
            Arrival(
                time: 0,
                regionIndex: region,
                regionName: "everywhere",
                language: "en",
                department: "d",
                returning: false,
                sequence: sequence
            )
        }
        #expect(arrival(region: 0, sequence: 0).compactID == "0.0")
        #expect(arrival(region: 2, sequence: 86_399).compactID == "2.1517f")
        #expect(arrival(region: 255, sequence: 0xABC_DEF0_1234).compactID == "ff.abcdef01234")
        #expect(arrival(region: 999, sequence: (1 << 44) - 1).compactID.utf8.count == 15)
        // Unique: region and sequence cannot run into each other across the dot.
        var seen = Set<String>()
        for region in [0, 1, 16, 17, 255] {
            for sequence in [0, 1, 15, 16, 255, 4_096, 65_535] { seen.insert(arrival(region: region, sequence: sequence).compactID) }
        }
        #expect(seen.count == 5 * 7)
    }

    @Test("the same seed gives the same plan, another seed another")
    func determinism() throws {
        let profile = Self.profile()
        let a = try ArrivalPlan(profile: profile, seed: 77).arrivals
        let b = try ArrivalPlan(profile: profile, seed: 77).arrivals
        let c = try ArrivalPlan(profile: profile, seed: 78).arrivals
        #expect(a == b)
        #expect(a != c)
        #expect(a.prefix(10).map(\.time) != c.prefix(10).map(\.time))
        var seeded = profile
        seeded.seed = 77
        #expect(try ArrivalPlan(profile: seeded).arrivals == a)
    }

    @Test("adding or reordering regions and changing a mix leave the other arrivals alone")
    func independentStreams() throws {
        let profile = Self.profile()
        let before = try ArrivalPlan(profile: profile, seed: 3).arrivals
        var changed = profile
        changed.regions.insert(CalendarFixtures.region("de", zone: "Europe/Berlin", peak: 500), at: 0)
        changed.regions.swapAt(2, 3)
        changed.regions[1].languages = ["en": 0.1, "es": 0.9]
        let after = try ArrivalPlan(profile: changed, seed: 3).arrivals
        for name in ["us", "lv", "in"] {
            let old = before.filter { $0.regionName == name }
            let new = after.filter { $0.regionName == name }
            #expect(old.map(\.time) == new.map(\.time), "\(name)")
            if name != "us" {
                #expect(old.map(\.language) == new.map(\.language))
            }
            #expect(old.map(\.department) == new.map(\.department))
        }
    }

    @Test("languages, departments and returning visitors follow the region's shares")
    func mixes() throws {
        let arrivals = try ArrivalPlan(profile: Self.profile(), seed: 12).arrivals
        let us = arrivals.filter { $0.regionIndex == 0 }
        let n = Double(us.count)
        func share(_ predicate: (Arrival) -> Bool) -> Double { Double(us.filter(predicate).count) / n }
        let bound = 4 * (0.25 / n).squareRoot()
        #expect(abs(share { $0.language == "es" } - 0.3) < bound)
        #expect(abs(share { $0.department == "sales" } - 0.4) < bound)
        #expect(abs(share { $0.returning } - 0.25) < bound)
        #expect(arrivals.allSatisfy { $0.regionIndex == 0 || !$0.returning })
        #expect(arrivals.filter { $0.regionIndex == 1 }.allSatisfy { $0.department == "support" })
    }

    @Test("iterating and collecting give the same arrivals; an empty run has none")
    func streaming() throws {
        let plan = try ArrivalPlan(profile: Self.profile(), seed: 4)
        var iterator = plan.makeIterator()
        var streamed: [Arrival] = []
        while let next = iterator.next() { streamed.append(next) }
        #expect(streamed == plan.arrivals)
        #expect(iterator.next() == nil)
        var empty = Self.profile()
        empty.calendar.duration = 0
        #expect(try ArrivalPlan(profile: empty).arrivals.isEmpty)
        var silent = Self.profile()
        for i in silent.regions.indices { silent.regions[i].peakPerHour = 0 }
        #expect(try ArrivalPlan(profile: silent).arrivals.isEmpty)
    }

    @Test("an event window holds its multiplied share of arrivals")
    func eventWindow() throws {
        var plain = Self.profile()
        plain.events = []
        let saleStart = CalendarFixtures.date("America/New_York", 2026, 3, 8, 9, 30).timeIntervalSince(plain.calendar.start)
        let saleEnd = saleStart + 5_400
        for seed in 1...4 as ClosedRange<UInt64> {
            let busy = try ArrivalPlan(profile: Self.profile(), seed: seed)
            let quiet = try ArrivalPlan(profile: plain, seed: seed)
            let expectedBusy = busy.expectedArrivals(region: 0, from: saleStart, to: saleEnd)
            #expect(abs(expectedBusy - 4 * quiet.expectedArrivals(region: 0, from: saleStart, to: saleEnd)) < 1e-6)
            let observed = CalendarFixtures.count(busy.arrivals, region: 0, from: saleStart, to: saleEnd)
            #expect(CalendarFixtures.poissonClose(observed, expectedBusy))
            #expect(
                busy.expectedArrivals(region: 0, from: saleEnd, to: 2 * 86_400)
                    == quiet.expectedArrivals(region: 0, from: saleEnd, to: 2 * 86_400)
            )
            #expect(busy.expectedArrivals(region: 1, from: 0, to: 2 * 86_400) == quiet.expectedArrivals(region: 1, from: 0, to: 2 * 86_400))
        }
    }
}

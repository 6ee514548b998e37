import Foundation
import Testing
import Workload

@Suite("Arrival rate in local time")
struct CalendarRateTests {
    /// Weight h + 1 for local hour h: every local hour has its own rate.
    static let rising = DiurnalCurve.hourly((0..<24).map { Double($0 + 1) })

    struct LocalDay: Sendable, CustomTestStringConvertible {
        var zone: String
        var year: Int
        var month: Int
        var day: Int
        var hours: Int
        /// The local hour that is skipped (23-hour day) or repeated (25-hour day).
        var oddHour: Int?

        var testDescription: String { "\(zone) \(year)-\(month)-\(day) (\(hours) h)" }
    }

    static let days: [LocalDay] = [
        .init(zone: "America/New_York", year: 2026, month: 3, day: 8, hours: 23, oddHour: 2),
        .init(zone: "America/New_York", year: 2026, month: 11, day: 1, hours: 25, oddHour: 1),
        .init(zone: "Europe/Riga", year: 2026, month: 3, day: 29, hours: 23, oddHour: 3),
        .init(zone: "Europe/Riga", year: 2026, month: 10, day: 25, hours: 25, oddHour: 3),
        .init(zone: "Asia/Kolkata", year: 2026, month: 3, day: 8, hours: 24, oddHour: nil),
        .init(zone: "America/New_York", year: 2026, month: 6, day: 1, hours: 24, oddHour: nil),
    ]

    @Test("a local day has 23, 24 or 25 hours and the curve is read in local time", arguments: days)
    func localDay(day: LocalDay) throws {
        let start = CalendarFixtures.date(day.zone, day.year, day.month, day.day)
        let end = CalendarFixtures.date(day.zone, day.year, day.month, day.day + 1)
        let length = end.timeIntervalSince(start)
        #expect(length == Double(day.hours) * 3600)
        let region = CalendarFixtures.region("r", zone: day.zone, peak: 2400, curve: Self.rising)
        let calendar = try RunCalendar(profile: CalendarFixtures.profile(start: start, duration: length, regions: [region]))
        // Each hour of the run is one local hour, and its rate is that local hour's weight.
        var expected = 0.0
        var seen: [Int] = []
        for k in 0..<day.hours {
            let middle = Double(k) * 3600 + 1800
            let hour = calendar.regionClocks[0].localTime(at: middle).hour
            seen.append(hour)
            #expect(abs(calendar.rate(region: 0, at: middle) - 2400.0 / 3600 * Double(hour + 1) / 24) < 1e-12)
            expected += 2400 * Double(hour + 1) / 24
        }
        var hours = Array(0..<24)
        if let odd = day.oddHour {
            if day.hours == 23 { hours.removeAll { $0 == odd } } else { hours.insert(odd, at: odd + 1) }
        }
        #expect(seen == hours)
        #expect(abs(calendar.expectedArrivals(region: 0, from: 0, to: length) - expected) < 1e-6)
    }

    @Test("Kolkata's local hours start at half past the UTC hour")
    func halfHourZone() throws {
        let start = CalendarFixtures.date("UTC", 2026, 3, 9)
        let region = CalendarFixtures.region("in", zone: "Asia/Kolkata", peak: 3600, curve: Self.rising)
        let calendar = try RunCalendar(profile: CalendarFixtures.profile(start: start, duration: 86_400, regions: [region]))
        // 00:00Z is 05:30 local: weight 6/24 until 00:30Z, then 7/24.
        #expect(abs(calendar.rate(region: 0, at: 1799) - 6.0 / 24) < 1e-12)
        #expect(abs(calendar.rate(region: 0, at: 1800) - 7.0 / 24) < 1e-12)
        #expect(calendar.rates[0].starts.prefix(3) == [0, 1800, 5400])
        #expect(calendar.rate(region: 0, at: 86_400) == 0)
        #expect(calendar.rate(region: 0, at: -1) == 0)
    }

    @Test("events multiply the rate of their regions in their window only; overlapping events multiply")
    func events() throws {
        let start = CalendarFixtures.date("America/New_York", 2026, 11, 27)
        let regions = [
            CalendarFixtures.region("us", zone: "America/New_York", peak: 1000, curve: .preset(.businessDay)),
            CalendarFixtures.region("eu", zone: "Europe/Riga", peak: 500, curve: .preset(.eveningPeak)),
        ]
        let sale = Event(
            name: "black-friday",
            timeZone: "America/New_York",
            start: LocalDateTime(year: 2026, month: 11, day: 27, hour: 10),
            end: LocalDateTime(year: 2026, month: 11, day: 27, hour: 14),
            multiplier: 3,
            regions: ["us"]
        )
        let outage = Event(
            name: "outage",
            timeZone: "UTC",
            start: LocalDateTime(year: 2026, month: 11, day: 27, hour: 17, minute: 30),
            end: LocalDateTime(year: 2026, month: 11, day: 27, hour: 18, minute: 15),
            multiplier: 2
        )
        let plain = try RunCalendar(profile: CalendarFixtures.profile(start: start, duration: 86_400, regions: regions))
        let busy = try RunCalendar(
            profile: CalendarFixtures.profile(start: start, duration: 86_400, regions: regions, events: [sale, outage])
        )
        // The sale runs 10:00–14:00 New York time (15:00–19:00Z); the outage 17:30–18:15Z, for all regions.
        let saleStart = 10 * 3600.0
        let outageStart = saleStart + 2.5 * 3600
        let outageEnd = outageStart + 45 * 60
        for t in stride(from: 0.0, to: 86_400, by: 300) {
            let inSale = t >= saleStart && t < saleStart + 4 * 3600
            let inOutage = t >= outageStart && t < outageEnd
            let us = (inSale ? 3.0 : 1) * (inOutage ? 2 : 1)
            let eu = inOutage ? 2.0 : 1
            #expect(busy.rate(region: 0, at: t) == plain.rate(region: 0, at: t) * us, "us at \(t)")
            #expect(busy.rate(region: 1, at: t) == plain.rate(region: 1, at: t) * eu, "eu at \(t)")
            #expect(busy.eventMultiplier(region: 0, at: t) == us)
        }
        let extra = busy.expectedArrivals(region: 0, from: 0, to: 86_400) - plain.expectedArrivals(region: 0, from: 0, to: 86_400)
        let windowed =
            2 * plain.expectedArrivals(region: 0, from: saleStart, to: saleStart + 4 * 3600)
            + 3 * plain.expectedArrivals(region: 0, from: outageStart, to: outageEnd)
        #expect(abs(extra - windowed) < 1e-6)
    }

    @Test("the integral is additive and matches a fine Riemann sum")
    func integral() throws {
        let start = CalendarFixtures.date("UTC", 2026, 3, 28, 13, 20)
        let region = CalendarFixtures.region("eu", zone: "Europe/Riga", peak: 700, curve: .preset(.businessDay))
        let calendar = try RunCalendar(profile: CalendarFixtures.profile(start: start, duration: 3 * 86_400, regions: [region]))
        var sum = 0.0
        for t in stride(from: 0.5, to: 3 * 86_400, by: 1) { sum += calendar.rate(region: 0, at: t) }
        let total = calendar.expectedArrivals(region: 0, from: 0, to: 3 * 86_400)
        #expect(abs(sum - total) < 1e-6 * total)
        let split =
            calendar.expectedArrivals(region: 0, from: -50, to: 40_000.25)
            + calendar.expectedArrivals(region: 0, from: 40_000.25, to: 1e9)
        #expect(abs(split - total) < 1e-9 * total)
    }

    @Test("unknown zones and negative numbers are all reported")
    func problems() {
        var region = CalendarFixtures.region("x", zone: "Mars/Olympus", peak: -1)
        region.curve = .preset(.flat)
        let event = Event(
            name: "e",
            timeZone: "Nowhere",
            start: LocalDateTime(year: 2026, month: 1, day: 1),
            end: LocalDateTime(year: 2026, month: 1, day: 2),
            multiplier: -2
        )
        let profile = CalendarFixtures.profile(start: Date(timeIntervalSince1970: 0), duration: -5, regions: [region], events: [event])
        #expect {
            try RunCalendar(profile: profile)
        } throws: { error in
            let keyPaths = (error as? CalendarError)?.problems.map(\.keyPath) ?? []
            return keyPaths == [
                "calendar.duration", "regions[0].timeZone", "regions[0].peakPerHour", "events[0].multiplier", "events[0].timeZone",
            ]
        }
    }
}

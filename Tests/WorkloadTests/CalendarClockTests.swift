import Foundation
import Testing
import Workload

@Suite("Zone clock")
struct CalendarClockTests {
    static let zones = ["America/New_York", "Europe/Riga", "Asia/Kolkata", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"]

    @Test("local time matches Foundation's Calendar over a whole year", arguments: zones)
    func matchesFoundation(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let start = CalendarFixtures.date("UTC", 2026, 1, 1)
        let clock = ZoneClock(timeZone: timeZone, start: start, covering: 0..<(366 * 86_400))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var t = 0.0
        while t < 365 * 86_400 {
            let local = clock.localTime(at: t)
            let expected = calendar.dateComponents(
                [.year, .month, .day, .hour, .minute, .second, .weekday],
                from: start.addingTimeInterval(t)
            )
            #expect(local.year == expected.year && local.month == expected.month && local.day == expected.day)
            #expect(local.hour == expected.hour && local.minute == expected.minute && local.second == expected.second)
            #expect(local.weekday.gregorianNumber == expected.weekday)
            #expect(local.utcOffset == timeZone.secondsFromGMT(for: start.addingTimeInterval(t)))
            t += 2_437  // about 40 minutes, drifting over every minute of the hour
        }
    }

    @Test("local wall times convert back as Foundation does, across gaps and repeats", arguments: zones)
    func wallTimesBack(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let start = CalendarFixtures.date("UTC", 2026, 1, 1)
        let clock = ZoneClock(timeZone: timeZone, start: start, covering: 0..<(366 * 86_400))
        for (month, firstDay) in [(3, 7), (3, 28), (4, 3), (10, 3), (10, 24), (10, 31)] {
            for day in firstDay...(firstDay + 2) {
                for minutes in stride(from: 0, to: 1440, by: 15) {
                    let wall = LocalDateTime(year: 2026, month: month, day: day, hour: minutes / 60, minute: minutes % 60)
                    let oracle = CalendarFixtures.date(zone, 2026, month, day, minutes / 60, minutes % 60)
                    #expect(clock.instant(of: wall) == oracle.timeIntervalSince(start), "\(zone) \(wall)")
                }
            }
        }
    }

    @Test("New York's spring-forward night skips 02:00 and its fall-back night repeats 01:00")
    func newYorkTransitions() throws {
        let start = CalendarFixtures.date("UTC", 2026, 3, 1)
        let clock = ZoneClock(
            timeZone: try #require(TimeZone(identifier: "America/New_York")),
            start: start,
            covering: 0..<(300 * 86_400)
        )
        #expect(clock.transitions.count == 2)
        let spring = CalendarFixtures.date("UTC", 2026, 3, 8, 7).timeIntervalSince(start)
        #expect(clock.transitions.first == spring)
        #expect(clock.localTime(at: spring - 1).description == "2026-03-08T01:59:59-05:00")
        #expect(clock.localTime(at: spring).description == "2026-03-08T03:00:00-04:00")
        let fall = CalendarFixtures.date("UTC", 2026, 11, 1, 6).timeIntervalSince(start)
        #expect(clock.localTime(at: fall - 1).description == "2026-11-01T01:59:59-04:00")
        #expect(clock.localTime(at: fall).description == "2026-11-01T01:00:00-05:00")
        // 02:30 does not exist: read with the offset before the change, it is 03:30 daylight time.
        let skipped = clock.instant(of: LocalDateTime(year: 2026, month: 3, day: 8, hour: 2, minute: 30))
        #expect(clock.localTime(at: skipped).description == "2026-03-08T03:30:00-04:00")
        // 01:30 happens twice: the first is meant.
        let repeated = clock.instant(of: LocalDateTime(year: 2026, month: 11, day: 1, hour: 1, minute: 30))
        #expect(clock.localTime(at: repeated).description == "2026-11-01T01:30:00-04:00")
    }

    @Test("Kolkata has no offset changes and sits at +05:30")
    func kolkata() throws {
        let start = CalendarFixtures.date("UTC", 2026, 1, 1)
        let clock = ZoneClock(
            timeZone: try #require(TimeZone(identifier: "Asia/Kolkata")),
            start: start,
            covering: 0..<(366 * 86_400)
        )
        #expect(clock.transitions.isEmpty)
        #expect(clock.localTime(at: 0).description == "2026-01-01T05:30:00+05:30")
        #expect(clock.hourOfWeek(at: 0) == 3 * 24 + 5)  // a Thursday
    }

    @Test("instants outside the cached range fall back to Foundation")
    func outsideCache() throws {
        let start = CalendarFixtures.date("UTC", 2026, 1, 1)
        let clock = ZoneClock(
            timeZone: try #require(TimeZone(identifier: "Europe/Riga")),
            start: start,
            covering: 0..<86_400
        )
        let july = CalendarFixtures.date("UTC", 2026, 7, 1).timeIntervalSince(start)
        #expect(clock.utcOffset(at: july) == 3 * 3600)
        #expect(clock.utcOffset(at: -86_400 * 200) == 3 * 3600)
        #expect(clock.localTime(at: july).hour == 3)
    }
}

import Foundation
import Testing
import Workload

@Suite("Agent shifts")
struct ShiftScheduleTests {
    static func site(_ name: String, zone: String, headcount: Int, shifts: [Shift]) -> Site {
        var site = Site(name: name, timeZone: zone, headcount: headcount, shifts: shifts, languages: ["en"], departments: ["support"])
        site.maxChats = 4
        site.performance = 1.3
        site.translation = true
        return site
    }

    /// `[from, to)` given in hours of the run.
    static func hours(_ from: Double, _ to: Double) -> Range<Double> { (from * 3600)..<(to * 3600) }

    static func schedule(start: Date, days: Double, sites: [Site]) throws -> AgentSchedule {
        let region = CalendarFixtures.region("r", zone: "UTC", peak: 1)
        return try AgentSchedule(profile: CalendarFixtures.profile(start: start, duration: days * 86_400, regions: [region], sites: sites))
    }

    @Test("a night shift across spring forward lasts 7 hours, across fall back 9, otherwise 8")
    func nightShiftOverDST() throws {
        let night = Shift(start: TimeOfDay(hour: 22), end: TimeOfDay(hour: 6))
        let site = Self.site("nyc", zone: "America/New_York", headcount: 1, shifts: [night])
        for (month, day, hours) in [(3, 7, 7.0), (10, 31, 9.0), (6, 1, 8.0)] {
            let start = CalendarFixtures.date("America/New_York", 2026, month, day)
            let schedule = try Self.schedule(start: start, days: 3, sites: [site])
            let shifts = try #require(schedule.agents.first).onShift
            // The shift that began the evening before the run is clipped to its start.
            #expect(shifts.first == Self.hours(0, 6))
            let login = CalendarFixtures.date("America/New_York", 2026, month, day, 22).timeIntervalSince(start)
            let logout = CalendarFixtures.date("America/New_York", 2026, month, day + 1, 6).timeIntervalSince(start)
            #expect(shifts[1] == login..<logout)
            #expect(shifts[1].upperBound - shifts[1].lowerBound == hours * 3600, "\(month)-\(day)")
            #expect(shifts.count == 4)
            #expect(shifts.last?.upperBound == Self.hours(0, 72).upperBound)
        }
    }

    @Test("shifts run on their days only, in the site's local time")
    func weekdaysAndZones() throws {
        // Monday 2026-03-02, a week; Kolkata office hours 09:00–17:30 on weekdays.
        let start = CalendarFixtures.date("UTC", 2026, 3, 2)
        let office = Shift(start: TimeOfDay(hour: 9), end: TimeOfDay(hour: 17, minute: 30), days: [.mon, .tue, .wed, .thu, .fri])
        let schedule = try Self.schedule(
            start: start,
            days: 7,
            sites: [Self.site("hyd", zone: "Asia/Kolkata", headcount: 2, shifts: [office])]
        )
        #expect(schedule.agents.count == 2)
        let shifts = schedule.agents[0].onShift
        #expect(shifts.count == 5)
        #expect(shifts.first == Self.hours(3.5, 12))
        #expect(shifts.last == Self.hours(96 + 3.5, 96 + 12))
        #expect(schedule.onShiftCount(site: 0, at: 4 * 3600) == 2)
        #expect(schedule.onShiftCount(site: 0, at: 12 * 3600) == 0)
        #expect(schedule.onShiftCount(site: 0, at: 5 * 86_400 + 4 * 3600) == 0)  // Saturday
        #expect(schedule.meanOnShift(site: 0, from: 3 * 3600, to: 4 * 3600) == 1)
        let perHour = schedule.meanOnShiftPerHour()
        #expect(perHour.count == 1 && perHour[0].count == 7 * 24)
        let monday: [Double] = Array(perHour[0][3...12])
        #expect(monday == [1, 2, 2, 2, 2, 2, 2, 2, 2, 0])
        let total: Double = perHour[0].reduce(0, +)
        #expect(total == 85)
    }

    @Test("agents are numbered through the site and carry its skills")
    func agents() throws {
        let start = CalendarFixtures.date("UTC", 2026, 5, 4)
        let sites = [
            Self.site(
                "riga",
                zone: "Europe/Riga",
                headcount: 3,
                shifts: [
                    Shift(start: TimeOfDay(hour: 8), end: TimeOfDay(hour: 16)),
                    Shift(start: TimeOfDay(hour: 16), end: TimeOfDay(hour: 24), headcount: 2),
                ]
            ),
            Self.site("nyc", zone: "America/New_York", headcount: 1, shifts: [Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 0))]),
        ]
        let schedule = try Self.schedule(start: start, days: 2, sites: sites)
        #expect(schedule.agents.map(\.id) == ["riga-1", "riga-2", "riga-3", "riga-4", "riga-5", "nyc-1"])
        #expect(schedule.agents.map(\.shiftIndex) == [0, 0, 0, 1, 1, 0])
        let agent = schedule.agents[3]
        #expect(agent.site == "riga" && agent.siteIndex == 0 && agent.capacity == 4 && agent.performance == 1.3 && agent.translation)
        #expect(agent.languages == ["en"] && agent.departments == ["support"])
        // 16:00–24:00 Riga summer time (+03:00) is 13:00–21:00Z.
        #expect(agent.onShift.first == Self.hours(13, 21))
        // A 24-hour shift every day is one interval over the whole run.
        #expect(schedule.agents[5].onShift == [Self.hours(0, 48)])
        #expect(schedule.agentsOnShift(at: 14 * 3600).map(\.id) == ["riga-4", "riga-5", "nyc-1"])
        #expect(schedule.agentsOnShift(at: 6 * 3600).map(\.id) == ["riga-1", "riga-2", "riga-3", "nyc-1"])
    }

    @Test("logins and logouts come in time order, logouts first at the same second")
    func changes() throws {
        let start = CalendarFixtures.date("UTC", 2026, 5, 4)
        let shifts = [
            Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 8)), Shift(start: TimeOfDay(hour: 8), end: TimeOfDay(hour: 16)),
        ]
        let schedule = try Self.schedule(start: start, days: 1, sites: [Self.site("utc", zone: "UTC", headcount: 1, shifts: shifts)])
        let changes = schedule.changes
        let times: [Double] = [0, 8, 8, 16].map { $0 * 3600 }
        #expect(changes.map(\.time) == times)
        #expect(changes.map(\.kind) == [.login, .logout, .login, .logout])
        #expect(changes.map(\.agent) == [0, 0, 1, 1])
    }
}

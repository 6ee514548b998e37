import Foundation
import Planning
import Testing
import Workload

@Suite("Demand per interval and its split over sites")
struct DemandTests {
    /// Weight of local hour h, before the curve is normalised to its peak (h = 23 → 1).
    static func weight(_ h: Int) -> Double { Double(h + 1) / 24 }

    static func profile() -> Profile {
        let curve = DiurnalCurve.hourly((0..<24).map(weight))
        var riga = Region(
            name: "baltics",
            timeZone: "Europe/Riga",
            peakPerHour: 100,
            languages: ["lv": 0.5, "en": 0.5],
            departments: ["support": 1]
        )
        riga.curve = curve
        var mumbai = Region(
            name: "india",
            timeZone: "Asia/Kolkata",
            peakPerHour: 60,
            languages: ["hi": 0.5, "en": 0.5],
            departments: ["support": 1]
        )
        mumbai.curve = curve
        var profile = Profile(
            name: "demand",
            calendar: CalendarSettings(start: Fixtures.start, duration: 4 * 3600),
            regions: [riga, mumbai],
            agents: AgentRoster(sites: [
                Fixtures.site("riga-office", zone: "Europe/Riga", headcount: 6, languages: ["lv", "en"]),
                Fixtures.site("remote", headcount: 2, languages: ["en"]),
            ])
        )
        // 05:00–06:00 in Riga (EEST, UTC+3) is 02:00–03:00 UTC.
        profile.events = [
            Event(
                name: "sale",
                timeZone: "Europe/Riga",
                start: LocalDateTime(year: 2025, month: 6, day: 4, hour: 5),
                end: LocalDateTime(year: 2025, month: 6, day: 4, hour: 6),
                multiplier: 3,
                regions: ["baltics"]
            )
        ]
        profile.visitors.preChatForm.fields = 2
        profile.visitors.preChatForm.abandonPerField = 0.1
        profile.bots = [Bot(departments: ["support"], resolvedShare: 0.25)]
        return profile
    }

    @Test("Hourly means of the calendar's rates, less the form and the bot, split by language and roster")
    func split() throws {
        let plan = try Planner(profile: Self.profile()).plan()
        #expect(plan.intervals.count == 4)
        for (i, interval) in plan.intervals.enumerated() {
            // Riga is at local hour i + 3; Kolkata (UTC+5:30) spans the second half of 5 + i and the first of 6 + i.
            let baltics = 100 * Self.weight(i + 3) * (i == 2 ? 3 : 1) / 3600
            let india = 60 * (Self.weight(5 + i) + Self.weight(6 + i)) / 2 / 3600
            #expect(abs(interval.arrivals[0] - baltics) < 1e-12)
            #expect(abs(interval.arrivals[1] - india) < 1e-12)
            let toAgents = 0.8 * 0.75  // two form fields at 10 % each; the bot resolves a quarter
            let english = toAgents * 0.5 * (baltics + india)
            #expect(abs(interval.sites[0].demand - (toAgents * 0.5 * baltics + english * 6 / 8)) < 1e-12)
            #expect(abs(interval.sites[1].demand - english * 2 / 8) < 1e-12)
            #expect(abs(interval.unserved - toAgents * 0.5 * india) < 1e-12)
            #expect(interval.sites[0].localStart.hour == i + 3)
            #expect(interval.sites[1].localStart.hour == i)
            #expect(interval.sites[0].roster == 6 && interval.sites[1].roster == 2)
        }
        #expect(abs(plan.requestShare - 0.8) < 1e-12)
    }

    @Test("Hours nobody is rostered go to the sites in local daytime")
    func daytimeFallback() throws {
        var region = Region(name: "world", timeZone: "UTC", peakPerHour: 100, languages: ["en": 1], departments: ["support": 1])
        region.curve = .preset(.flat)
        let office = [Shift(start: TimeOfDay(hour: 8), end: TimeOfDay(hour: 16))]
        let profile = Profile(
            name: "handover",
            calendar: CalendarSettings(start: Fixtures.start, duration: 9 * 3600),
            regions: [region],
            agents: AgentRoster(sites: [
                Fixtures.site("london", headcount: 4, shifts: office),
                Fixtures.site("tokyo", zone: "Asia/Tokyo", headcount: 3, shifts: office),  // 23:00–07:00 UTC
            ])
        )
        let plan = try Planner(profile: profile).plan()
        let share = { (hour: Int) in plan.intervals[hour].sites.map { $0.demand / plan.intervals[hour].demand } }
        #expect(share(0) == [0, 1])  // Tokyo on shift
        #expect(share(7) == [0, 1])  // nobody on shift; 16:30 in Tokyo, 07:30 in London
        #expect(share(8) == [1, 0])  // London on shift
        #expect(plan.intervals[7].sites.allSatisfy { $0.roster == 0 })
        #expect(plan.intervals[7].sites[1].agents ?? 0 > 0)
    }
}

import Foundation
import Workload

/// Profiles built in code for the planner's tests.
enum Fixtures {
    /// 2025-06-04T00:00:00Z, a Wednesday.
    static let start = Date(timeIntervalSince1970: 1_748_995_200)

    static func site(_ name: String, zone: String = "UTC", headcount: Int, shifts: [Shift]? = nil, languages: [String] = ["en"]) -> Site {
        Site(
            name: name,
            timeZone: zone,
            headcount: headcount,
            shifts: shifts ?? [Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 24))],
            languages: languages,
            departments: ["support"]
        )
    }

    /// One UTC region with a flat curve, one site on duty around the clock: a stationary desk.
    static func stationary(perHour: Double, capacity: Int, hours: Double = 3) -> Profile {
        var region = Region(name: "here", timeZone: "UTC", peakPerHour: perHour, languages: ["en": 1], departments: ["support": 1])
        region.curve = .preset(.flat)
        var site = site("hq", headcount: 10)
        site.maxChats = capacity
        return Profile(
            name: "stationary",
            calendar: CalendarSettings(start: start, duration: hours * 3600),
            regions: [region],
            agents: AgentRoster(sites: [site])
        )
    }
}

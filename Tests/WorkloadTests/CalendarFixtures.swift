import Foundation
import Workload

/// Profiles and Foundation oracles for the calendar, arrival and shift tests.
enum CalendarFixtures {
    /// The instant of a local wall time in `zone`, by Foundation's `Calendar` (the oracle the clock is checked
    /// against).
    static func date(_ zone: String, _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    static func region(
        _ name: String,
        zone: String,
        peak: Double,
        curve: DiurnalCurve = .preset(.flat),
        languages: [String: Double] = ["en": 1],
        departments: [String: Double] = ["support": 1]
    ) -> Region {
        var region = Region(name: name, timeZone: zone, peakPerHour: peak, languages: languages, departments: departments)
        region.curve = curve
        return region
    }

    static func profile(
        start: Date,
        duration: Double,
        regions: [Region],
        events: [Event] = [],
        sites: [Site] = []
    ) -> Profile {
        var profile = Profile(
            name: "calendar-test",
            calendar: CalendarSettings(start: start, duration: duration),
            regions: regions,
            agents: AgentRoster(sites: sites)
        )
        profile.events = events
        return profile
    }

    /// Counts of `arrivals` per region index within `[from, to)`.
    static func count(_ arrivals: [Arrival], region: Int, from: Double, to: Double) -> Int {
        arrivals.reduce(0) { $1.regionIndex == region && $1.time >= from && $1.time < to ? $0 + 1 : $0 }
    }

    /// Whether an observed Poisson count is within four standard deviations of its mean.
    static func poissonClose(_ observed: Int, _ expected: Double) -> Bool {
        abs(Double(observed) - expected) <= 4 * expected.squareRoot() + 1
    }
}

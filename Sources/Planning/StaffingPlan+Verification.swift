import Foundation
public import LoadMetrics
public import Workload

// `--verify`: the profile replayed in the simulator with the planned staffing instead of its roster.
//
// So that the simulator's ordinary per-region breakdown yields figures per interval, each region is split into
// one copy per interval, `<region>@<n>`, whose arrivals are switched off outside its interval by two UTC events
// with multiplier 0. Arrivals, curves and events are otherwise the profile's; the copies' requests are
// attributed to the interval they arrive in.
extension StaffingPlan {
    /// The longest calendar the verification profile can express: shifts repeat weekly.
    public static let longestVerifiedDuration = 7 * 86_400.0

    /// The region copy of region `region` for interval `interval`.
    public static func verificationRegion(_ region: String, interval: Int) -> String { "\(region)@\(interval)" }

    /// `profile` with one region per original region and interval, and per site one shift per interval staffed
    /// with the planned agents (the site's `maxAgentsPerSite` where the goals were out of reach). Thresholds are
    /// dropped (they name the original regions). Nil when the calendar is longer than a week.
    public func verificationProfile(of profile: Profile) -> Profile? {
        guard profile.calendar.duration <= Self.longestVerifiedDuration, let utc = TimeZone(identifier: "UTC") else { return nil }
        var verified = profile
        verified.thresholds = []
        verified.regions = []
        verified.events = []
        for event in profile.events {
            var copy = event
            copy.regions = event.regions.map { names in
                names.flatMap { name in intervals.indices.map { Self.verificationRegion(name, interval: $0) } }
            }
            verified.events.append(copy)
        }
        let end = profile.calendar.duration
        for (i, interval) in intervals.enumerated() {
            let names = profile.regions.map { Self.verificationRegion($0.name, interval: i) }
            for region in profile.regions {
                var copy = region
                copy.name = Self.verificationRegion(region.name, interval: i)
                verified.regions.append(copy)
            }
            let before = LocalDateTime(date(of: interval).addingTimeInterval(-Self.longestVerifiedDuration - 86_400), in: utc)
            let after = LocalDateTime(date(of: interval).addingTimeInterval(end + 86_400), in: utc)
            let from = LocalDateTime(date(of: interval), in: utc)
            let to = LocalDateTime(date(of: interval).addingTimeInterval(interval.duration), in: utc)
            if interval.start > 0 {
                verified.events.append(
                    Event(name: "before interval \(i)", timeZone: "UTC", start: before, end: from, multiplier: 0, regions: names)
                )
            }
            if interval.start + interval.duration < end {
                verified.events.append(
                    Event(name: "after interval \(i)", timeZone: "UTC", start: to, end: after, multiplier: 0, regions: names)
                )
            }
        }
        for (s, site) in profile.agents.sites.enumerated() {
            var shifts: [Shift] = []
            let zone = TimeZone(identifier: site.timeZone) ?? utc
            for interval in intervals {
                let agents = interval.sites[s].agents ?? maxAgentsPerSite
                guard agents > 0 else { continue }
                let start = LocalDateTime(date(of: interval), in: zone)
                let stop = LocalDateTime(date(of: interval).addingTimeInterval(interval.duration), in: zone)
                let weekday = Weekday(gregorianNumber: Calendar.gregorian(zone).component(.weekday, from: date(of: interval))) ?? .mon
                shifts.append(
                    Shift(
                        start: TimeOfDay(hour: start.hour, minute: start.minute),
                        end: TimeOfDay(hour: stop.hour, minute: stop.minute),
                        days: [weekday],
                        headcount: agents
                    )
                )
            }
            verified.agents.sites[s].shifts = shifts
            verified.agents.sites[s].headcount = 0
        }
        return verified
    }

    /// Fills in each interval's ``SimulatedFigures`` from a simulation of ``verificationProfile(of:)``.
    public mutating func applySimulated(_ result: RunResult, regions: [String]) {
        for i in intervals.indices {
            var requested = 0
            var answered = 0.0
            var abandoned = 0
            for region in regions {
                let name = Self.verificationRegion(region, interval: i)
                guard let set = result.breakdowns[.region]?[name], let metrics = result.metrics(.region, name) else { continue }
                requested += set.counts.chatsRequested
                answered += metrics.serviceLevel.value * Double(set.counts.chatsRequested)
                abandoned += set.counts.chatsAbandoned
            }
            guard requested > 0 else { continue }
            intervals[i].simulated = SimulatedFigures(
                requests: requested,
                serviceLevel: answered / Double(requested),
                abandonment: Double(abandoned) / Double(requested)
            )
        }
    }
}

extension LocalDateTime {
    /// The wall-clock date and time of `date` in `zone`.
    init(_ date: Date, in zone: TimeZone) {
        let parts = Calendar.gregorian(zone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }
}

extension Calendar {
    static func gregorian(_ zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }
}

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

    /// `profile` with one region per original region and interval, and per site shifts that put the planned agents
    /// on duty in each interval (``StaffingPlan/maxAgentsPerSite`` where the goals were out of reach). Thresholds
    /// are dropped (they name the original regions). Nil when the calendar is longer than a week.
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
            verified.agents.sites[s].shifts = shifts(site: s, zone: TimeZone(identifier: site.timeZone) ?? utc)
            verified.agents.sites[s].headcount = 0
        }
        return verified
    }

    /// The planned agents of site `site` as shifts in its local time, in layers: the j-th agent works every run
    /// of consecutive intervals that need at least j agents (cut into pieces of at most a day, the longest a
    /// shift can be), so that agents carry their chats on from one interval into the next as a real roster's do
    /// instead of a fresh set of agents logging in every interval.
    func shifts(site: Int, zone: TimeZone) -> [Shift] {
        let needed = intervals.map { $0.sites[site].agents ?? maxAgentsPerSite }
        var headcounts: [ShiftKey: Int] = [:]
        for layer in stride(from: 1, through: needed.max() ?? 0, by: 1) {
            var first = 0
            while first < intervals.count {
                guard needed[first] >= layer else {
                    first += 1
                    continue
                }
                var last = first
                while last + 1 < intervals.count, needed[last + 1] >= layer,
                    intervals[last + 1].start + intervals[last + 1].duration - intervals[first].start <= 86_400
                {
                    last += 1
                }
                let from = date(of: intervals[first])
                let to = date(of: intervals[last]).addingTimeInterval(intervals[last].duration)
                headcounts[ShiftKey(from: from, to: to, zone: zone), default: 0] += 1
                first = last + 1
            }
        }
        return headcounts.keys.sorted().map { key in
            Shift(
                start: TimeOfDay(minutes: key.start),
                end: TimeOfDay(minutes: key.end),
                days: [Weekday.allCases[key.weekday]],
                headcount: headcounts[key]
            )
        }
    }

    /// A shift's local start and end (minutes after midnight) and the weekday it starts on (Monday = 0).
    struct ShiftKey: Hashable, Comparable {
        var weekday: Int
        var start: Int
        var end: Int

        init(from: Date, to: Date, zone: TimeZone) {
            let calendar = Calendar.gregorian(zone)
            let begin = calendar.dateComponents([.weekday, .hour, .minute], from: from)
            let finish = calendar.dateComponents([.hour, .minute], from: to)
            weekday = ((begin.weekday ?? 2) + 5) % 7  // Foundation's Sunday = 1 → Monday = 0
            start = (begin.hour ?? 0) * 60 + (begin.minute ?? 0)
            end = (finish.hour ?? 0) * 60 + (finish.minute ?? 0)
        }

        static func < (a: ShiftKey, b: ShiftKey) -> Bool { (a.weekday, a.start, a.end) < (b.weekday, b.start, b.end) }
    }

    /// What one simulation of ``verificationProfile(of:)`` achieved in one interval: the chat requests that reached
    /// the agents (requests a bot resolved left out, as the plan leaves them out of the demand), those answered
    /// within the goal's time, and those abandoned, by the interval the request arrived in.
    public struct SimulatedTally: Sendable, Equatable {
        public var requested: Int
        public var answered: Double
        public var abandoned: Int

        public init(requested: Int, answered: Double, abandoned: Int) {
            self.requested = requested
            self.answered = answered
            self.abandoned = abandoned
        }
    }

    /// One simulation's tallies, per interval (nil for an interval without requests).
    public func tallies(of result: RunResult, regions: [String]) -> [SimulatedTally?] {
        intervals.indices.map { i in
            var tally = SimulatedTally(requested: 0, answered: 0, abandoned: 0)
            for region in regions {
                let name = Self.verificationRegion(region, interval: i)
                guard let set = result.breakdowns[.region]?[name], let metrics = result.metrics(.region, name) else { continue }
                // Both the run's service level and the plan's are over the requests that reach an agent.
                tally.requested += set.counts.chatsOffered
                tally.answered += metrics.serviceLevel.value * Double(set.counts.chatsOffered)
                tally.abandoned += set.counts.chatsAbandoned
            }
            return tally.requested > 0 ? tally : nil
        }
    }

    /// Fills in each interval's ``SimulatedFigures`` from a simulation of ``verificationProfile(of:)``.
    public mutating func applySimulated(_ result: RunResult, regions: [String]) {
        applySimulated(tallies: [tallies(of: result, regions: regions)])
    }

    /// Fills in each interval's ``SimulatedFigures`` from independent replications (``tallies(of:regions:)`` of
    /// each): their requests pooled, and standard errors from the spread of the replications' own figures.
    public mutating func applySimulated(tallies replications: [[SimulatedTally?]]) {
        for i in intervals.indices {
            let tallies = replications.compactMap { i < $0.count ? $0[i] : nil }
            let requested = tallies.reduce(0) { $0 + $1.requested }
            guard requested > 0 else { continue }
            intervals[i].simulated = SimulatedFigures(
                requests: requested,
                serviceLevel: tallies.reduce(0) { $0 + $1.answered } / Double(requested),
                abandonment: Double(tallies.reduce(0) { $0 + $1.abandoned }) / Double(requested),
                replications: tallies.count,
                serviceLevelError: Self.standardError(tallies.map { $0.answered / Double($0.requested) }),
                abandonmentError: Self.standardError(tallies.map { Double($0.abandoned) / Double($0.requested) })
            )
        }
    }

    /// The standard error of the mean of `values` (nil for fewer than two).
    static func standardError(_ values: [Double]) -> Double? {
        values.count >= 2 ? Estimate(values).standardError : nil
    }

    /// The intervals whose simulated figures fall short of a goal: the service level below its target, or the
    /// abandonment above its ceiling (the figures pooled over the replications; occupancy only falls as agents
    /// are added, and the model already keeps it under its ceiling).
    public func shortIntervals() -> [Int] {
        intervals.indices.filter { i in
            guard let simulated = intervals[i].simulated else { return false }
            if let target = goals.serviceLevel?.target, simulated.serviceLevel < target { return true }
            if let ceiling = goals.maxAbandonment, simulated.abandonment > ceiling { return true }
            return false
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

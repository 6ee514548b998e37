public import Foundation

/// A profile's simulated calendar resolved for fast evaluation: each region's and site's local clock, the
/// regions' curves, the events as run-second windows and each region's arrival rate.
///
/// Run seconds count from `calendar.start`. Build it once per run; every query afterwards is arithmetic.
public struct RunCalendar: Sendable {
    /// How far before the run and past its end the clocks cache offset changes (shifts that began the day before).
    public static let margin = 3 * 86_400.0

    public let start: Date
    /// The run's length in seconds.
    public let duration: Double
    public let regionNames: [String]
    public let siteNames: [String]
    /// The clock of each region's zone, in profile order.
    public let regionClocks: [ZoneClock]
    /// The clock of each site's zone, in profile order.
    public let siteClocks: [ZoneClock]
    public let curves: [WeeklyCurve]
    public let events: [EventWindow]
    /// λ of each region.
    public let rates: [RegionRate]

    /// Resolves `profile`'s calendar, regions, events and sites.
    /// - Throws: every unknown time zone and every negative or non-finite duration, peak rate or multiplier.
    public init(profile: Profile) throws(CalendarError) {
        var problems = CalendarProblems()
        let duration = profile.calendar.duration
        if !duration.isFinite || duration < 0 { problems.add("calendar.duration", "must be a finite number ≥ 0") }
        let covering = -Self.margin..<(max(0, duration.isFinite ? duration : 0) + Self.margin)
        var clocks: [String: ZoneClock] = [:]
        func clock(_ identifier: String, at keyPath: String) -> ZoneClock? {
            if let known = clocks[identifier] { return known }
            guard let zone = problems.zone(identifier, at: keyPath) else { return nil }
            let made = ZoneClock(timeZone: zone, start: profile.calendar.start, covering: covering)
            clocks[identifier] = made
            return made
        }
        var regionClocks: [ZoneClock] = []
        for (i, region) in profile.regions.enumerated() {
            if let made = clock(region.timeZone, at: "regions[\(i)].timeZone") { regionClocks.append(made) }
            if !region.peakPerHour.isFinite || region.peakPerHour < 0 {
                problems.add("regions[\(i)].peakPerHour", "must be a finite number ≥ 0")
            }
        }
        var siteClocks: [ZoneClock] = []
        for (i, site) in profile.agents.sites.enumerated() {
            if let made = clock(site.timeZone, at: "agents.sites[\(i)].timeZone") { siteClocks.append(made) }
        }
        let regionNames = profile.regions.map(\.name)
        var events: [EventWindow] = []
        for (i, event) in profile.events.enumerated() {
            if !event.multiplier.isFinite || event.multiplier < 0 {
                problems.add("events[\(i)].multiplier", "must be a finite number ≥ 0")
            }
            if let made = clock(event.timeZone, at: "events[\(i)].timeZone") {
                events.append(EventWindow(event, clock: made, regionNames: regionNames))
            }
        }
        try problems.check()

        self.start = profile.calendar.start
        self.duration = duration
        self.regionNames = regionNames
        self.siteNames = profile.agents.sites.map(\.name)
        self.regionClocks = regionClocks
        self.siteClocks = siteClocks
        let curves = profile.regions.map(\.curve.weekly)
        self.curves = curves
        self.events = events
        self.rates = profile.regions.indices.map { i in
            RegionRate(
                region: profile.regions[i],
                index: i,
                clock: regionClocks[i],
                curve: curves[i],
                events: events,
                duration: duration
            )
        }
    }

    /// λ of region `region` at run second `t`, arrivals per second.
    public func rate(region: Int, at t: Double) -> Double { rates[region].rate(at: t) }

    /// Expected arrivals of region `region` over `[from, to)`: ∫λ.
    public func expectedArrivals(region: Int, from: Double, to: Double) -> Double {
        rates[region].integral(from: from, to: to)
    }

    /// The product of the multipliers of the events active for `region` at run second `t` (1 when none is).
    public func eventMultiplier(region: Int, at t: Double) -> Double {
        events.reduce(1) { $1.applies(toRegion: region, at: t) ? $0 * $1.multiplier : $0 }
    }
}

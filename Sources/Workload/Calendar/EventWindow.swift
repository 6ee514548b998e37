/// An event resolved to run seconds: the rate of the regions it names is multiplied by `multiplier` during
/// `[start, end)`. Overlapping windows multiply.
public struct EventWindow: Sendable, Hashable {
    public var name: String
    /// Run seconds (may lie before 0 or after the run's end).
    public var start: Double
    public var end: Double
    public var multiplier: Double
    /// Indices of the regions it applies to (every region when the event names none).
    public var regions: Set<Int>

    public init(name: String, start: Double, end: Double, multiplier: Double, regions: Set<Int>) {
        self.name = name
        self.start = start
        self.end = end
        self.multiplier = multiplier
        self.regions = regions
    }

    /// Whether the window raises or lowers `region`'s rate at run second `t`.
    public func applies(toRegion region: Int, at t: Double) -> Bool {
        start <= t && t < end && regions.contains(region)
    }

    /// Resolves `event`'s local window in its own zone.
    /// - Parameters:
    ///   - clock: the clock of `event.timeZone`.
    ///   - regionNames: the profile's regions in order; names the event lists but the profile lacks are ignored.
    init(_ event: Event, clock: ZoneClock, regionNames: [String]) {
        let indices: Set<Int>
        if let names = event.regions {
            indices = Set(regionNames.indices.filter { names.contains(regionNames[$0]) })
        } else {
            indices = Set(regionNames.indices)
        }
        self.init(
            name: event.name,
            start: clock.instant(of: event.start),
            end: clock.instant(of: event.end),
            multiplier: event.multiplier,
            regions: indices
        )
    }
}

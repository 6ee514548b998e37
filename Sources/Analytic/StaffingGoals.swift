/// What a staffing level must achieve; a goal left `nil` is not checked.
public struct StaffingGoals: Sendable, Equatable {
    /// The least share of all arrivals answered within ``threshold`` (abandoners count as failures).
    public var serviceLevel: Double?
    /// t, the answer-time threshold of the service level, in the rates' time unit.
    public var threshold: Double
    /// The largest share of arrivals allowed to abandon.
    public var maxAbandonment: Double?
    /// The largest occupancy (mean busy slots over all slots) allowed.
    public var maxOccupancy: Double?

    /// Creates goals, e.g. `StaffingGoals(serviceLevel: 0.8, within: 30, maxAbandonment: 0.05)`.
    public init(serviceLevel: Double? = nil, within threshold: Double = 0, maxAbandonment: Double? = nil, maxOccupancy: Double? = nil) {
        precondition(threshold >= 0, "a service-level threshold is ≥ 0")
        self.serviceLevel = serviceLevel
        self.threshold = threshold
        self.maxAbandonment = maxAbandonment
        self.maxOccupancy = maxOccupancy
    }

    /// Whether `figures` meet every goal; an unstable queue meets none.
    public func isMet(by figures: QueueFigures) -> Bool {
        guard figures.stability == .stable else { return false }
        if let serviceLevel, figures.serviceLevel < serviceLevel { return false }
        if let maxAbandonment, figures.abandonment > maxAbandonment { return false }
        if let maxOccupancy, figures.occupancy > maxOccupancy { return false }
        return true
    }
}

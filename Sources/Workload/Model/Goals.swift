/// What `chatstorm plan` staffs for: the service goals of a profile's `goals:` section.
///
/// Every goal is optional; a profile without `goals:` gets ``standard`` (80 % of chats answered within 30 s,
/// at most 5 % abandoning, agents' chat slots at most 85 % busy).
public struct Goals: Sendable, Hashable {
    /// The service level: the share of all chat requests answered within a time (abandoners count as failures).
    public struct ServiceLevel: Sendable, Hashable {
        /// The least share answered within ``within``, 0…1.
        public var target: Double
        /// The answer-time limit, in seconds.
        public var within: Double

        public init(target: Double, within: Double) {
            self.target = target
            self.within = within
        }
    }

    public var serviceLevel: ServiceLevel?
    /// The largest share of chat requests allowed to leave the queue unanswered, 0…1.
    public var maxAbandonment: Double?
    /// The largest occupancy (mean active chats over chat slots), 0…1.
    public var maxOccupancy: Double?

    public init(serviceLevel: ServiceLevel? = nil, maxAbandonment: Double? = nil, maxOccupancy: Double? = nil) {
        self.serviceLevel = serviceLevel
        self.maxAbandonment = maxAbandonment
        self.maxOccupancy = maxOccupancy
    }

    /// The goals a profile without `goals:` is planned for: 80 % within 30 s, ≤ 5 % abandoning, ≤ 85 % occupancy.
    public static let standard = Goals(
        serviceLevel: ServiceLevel(target: 0.8, within: standardServiceLevelSeconds),
        maxAbandonment: 0.05,
        maxOccupancy: 0.85
    )
}

extension Profile {
    /// `T` of the run's `service_level(T)`, in seconds: the profile's `goals.serviceLevel.within`, so that `run`,
    /// `simulate` and `plan` measure the service level the planner set a goal for; the standard 30 s without one.
    public var serviceLevelSeconds: Double {
        goals?.serviceLevel?.within ?? Goals.standardServiceLevelSeconds
    }
}

extension Goals {
    /// The service-level time of ``standard``: 30 s.
    public static let standardServiceLevelSeconds = 30.0
}

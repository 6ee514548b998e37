public import Analytic
public import Foundation
public import Workload

/// The staffing `chatstorm plan` recommends: for each interval of the profile's calendar (an hour by default)
/// and each agent site, the demand the site gets, the fewest agents that meet the goals and the figures the
/// exact chat model gives for them, next to the agents the profile's roster has on shift.
public struct StaffingPlan: Sendable {
    /// One agent site as the plan sees it.
    public struct SiteInfo: Sendable, Equatable {
        public var name: String
        /// IANA zone of the site's local times.
        public var timeZone: String
        /// K, the most chats an agent holds at once.
        public var capacity: Int
    }

    /// One site in one interval.
    public struct SiteStaffing: Sendable, Equatable {
        /// Chat requests the site is given, per second.
        public var demand: Double
        /// Mean seconds an agent holds one of these chats alone (demand-weighted over their languages).
        public var handling: HandlingTime
        /// The fewest agents meeting the goals; nil when even ``StaffingPlan/maxAgentsPerSite`` do not.
        public var agents: Int?
        /// The model's figures with ``agents`` agents (nil without demand or without a staffing).
        public var figures: QueueFigures?
        /// Mean agents of the profile's roster on shift during the interval.
        public var roster: Double
        /// The site's local date and time at the interval's start.
        public var localStart: LocalTime
        /// Agents added to the model's minimum (counted in ``agents``) because a simulation of the plan fell
        /// short of a goal (`chatstorm plan --confirm`).
        public var addedBySimulation = 0
    }

    /// One interval of the calendar.
    public struct Interval: Sendable, Equatable {
        /// Run seconds the interval starts at.
        public var start: Double
        /// Its length in seconds (the last one may be shorter).
        public var duration: Double
        /// Visitors arriving per second over the interval, per region in profile order.
        public var arrivals: [Double]
        /// Per site, in profile order.
        public var sites: [SiteStaffing]
        /// Chat requests per second that no site serves (no site speaks the language or serves the department).
        public var unserved: Double
        /// Simulated figures for this interval, filled in by `--verify`.
        public var simulated: SimulatedFigures?
    }

    /// What a simulation of the planned staffing achieved in one interval (over several replications: their
    /// requests pooled, with the standard errors of the figures from their spread).
    public struct SimulatedFigures: Sendable, Equatable {
        /// Chat requests in the interval that reached the agents (not resolved by a bot), over all replications.
        public var requests: Int
        /// Share of those requests answered within the goal's time.
        public var serviceLevel: Double
        /// Share of requests that abandoned.
        public var abandonment: Double
        /// Replications with requests in the interval.
        public var replications: Int
        /// Standard errors of ``serviceLevel`` and ``abandonment`` (the replications' standard deviation over
        /// √replications); nil with fewer than two.
        public var serviceLevelError: Double?
        public var abandonmentError: Double?

        public init(
            requests: Int,
            serviceLevel: Double,
            abandonment: Double,
            replications: Int = 1,
            serviceLevelError: Double? = nil,
            abandonmentError: Double? = nil
        ) {
            self.requests = requests
            self.serviceLevel = serviceLevel
            self.abandonment = abandonment
            self.replications = replications
            self.serviceLevelError = serviceLevelError
            self.abandonmentError = abandonmentError
        }
    }

    /// How `--confirm` went: the simulations of the plan, and whether the last found every interval meeting
    /// its goals.
    public struct Confirmation: Sendable, Equatable {
        /// Replications per simulation.
        public var replications: Int
        /// Simulations run (each after raising the intervals the one before found short).
        public var rounds: Int
        /// Intervals the last simulation found short of a goal (``StaffingPlan/shortIntervals()``).
        public var shortIntervals: [Int]

        public init(replications: Int, rounds: Int, shortIntervals: [Int]) {
            self.replications = replications
            self.rounds = rounds
            self.shortIntervals = shortIntervals
        }
    }

    public var profileName: String
    /// The calendar's start instant.
    public var start: Date
    /// The interval length in seconds.
    public var intervalLength: Double
    /// The goals planned for.
    public var goals: Goals
    /// Whether ``goals`` come from the profile (else ``Goals/standard``).
    public var goalsFromProfile: Bool
    /// The assignment rule of the profile.
    public var routing: RoutingRule
    /// θ, the rate at which waiting visitors give up (1 / mean patience), per second.
    public var patienceRate: Double
    /// Share of arriving visitors who ask for a chat (the rest leave at the pre-chat form).
    public var requestShare: Double
    /// The largest staffing tried per site and interval.
    public var maxAgentsPerSite: Int
    public var regionNames: [String]
    public var sites: [SiteInfo]
    public var intervals: [Interval]
    /// Set by `chatstorm plan --confirm`.
    public var confirmation: Confirmation?
}

extension StaffingPlan.Interval {
    /// Chat requests per second for the agents, served or not.
    public var demand: Double { sites.reduce(unserved) { $0 + $1.demand } }

    /// Agents the plan needs over all sites; nil when some site cannot meet the goals.
    public var agents: Int? {
        var total = 0
        for site in sites {
            guard let agents = site.agents else { return nil }
            total += agents
        }
        return total
    }

    /// Mean roster agents on shift over all sites.
    public var roster: Double { sites.reduce(0) { $0 + $1.roster } }

    /// The model's service level over all chat requests: unserved ones count as failures.
    public var serviceLevel: Double? { weighted(\.serviceLevel) }

    /// The model's abandonment over the served requests (unserved ones get offline tickets, not a queue).
    public var abandonment: Double? {
        let served = sites.filter { $0.figures != nil }
        let demand = served.reduce(0) { $0 + $1.demand }
        guard demand > 0 else { return nil }
        return served.reduce(0) { $0 + $1.demand * $1.figures!.abandonment } / demand
    }

    /// Mean busy chat slots over all planned slots.
    public func occupancy(capacities: [Int]) -> Double? {
        var busy = 0.0
        var slots = 0.0
        for (site, capacity) in zip(sites, capacities) {
            guard let figures = site.figures, let agents = site.agents else { continue }
            busy += figures.occupancy * Double(agents * capacity)
            slots += Double(agents * capacity)
        }
        return slots > 0 ? busy / slots : nil
    }

    private func weighted(_ figure: KeyPath<QueueFigures, Double>) -> Double? {
        let total = demand
        guard total > 0 else { return nil }
        return sites.reduce(0) { $0 + $1.demand * ($1.figures?[keyPath: figure] ?? 0) } / total
    }
}

extension StaffingPlan {
    /// Agent-hours the plan needs, over all sites and intervals (sites that cannot meet the goals left out).
    public var plannedAgentHours: Double {
        intervals.reduce(0) { total, interval in
            interval.sites.reduce(total) { $0 + Double($1.agents ?? 0) * interval.duration / 3600 }
        }
    }

    /// Agent-hours the profile's roster has on shift.
    public var rosterAgentHours: Double {
        intervals.reduce(0) { total, interval in total + interval.roster * interval.duration / 3600 }
    }

    /// Planned agent-hours of one site.
    public func plannedAgentHours(site: Int) -> Double {
        intervals.reduce(0) { $0 + Double($1.sites[site].agents ?? 0) * $1.duration / 3600 }
    }

    /// Roster agent-hours of one site.
    public func rosterAgentHours(site: Int) -> Double {
        intervals.reduce(0) { $0 + $1.sites[site].roster * $1.duration / 3600 }
    }

    /// The instant an interval starts.
    public func date(of interval: Interval) -> Date { start.addingTimeInterval(interval.start) }
}

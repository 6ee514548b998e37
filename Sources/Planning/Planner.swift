public import Analytic
import Foundation
public import Workload

/// Makes a ``StaffingPlan`` for a profile: demand per interval from the profile's calendar, split over the sites,
/// and for each site the fewest agents that meet the goals under the exact chat model (``ChatModel``, capacity K
/// = the site's `maxChats`, the profile's routing, exponential patience with the visitors' mean patience).
///
/// Pure: no clock, no randomness; the same profile always gives the same plan. The model assumes each interval
/// is stationary (Poisson arrivals at the interval's mean rate, exponential handling and patience, one FCFS
/// queue per site); `chatstorm plan --verify` checks the plan in the simulator, which assumes none of that.
public struct Planner: Sendable {
    public let profile: Profile
    public let goals: Goals
    /// Interval length in seconds.
    public let interval: Double
    /// The largest staffing tried per site and interval.
    public let maxAgentsPerSite: Int
    let calendar: RunCalendar
    let schedule: AgentSchedule
    /// Share of arrivals that send a chat request (the rest give up at the pre-chat form).
    let requestShare: Double
    /// Department → share of its requests a bot resolves.
    let botResolved: [String: Double]
    /// θ per second.
    let patienceRate: Double

    /// A planner for `profile`.
    /// - Parameters:
    ///   - profile: the profile; its `goals` are used unless `goals` is given, ``Goals/standard`` when neither is.
    ///   - goals: goals that replace the profile's.
    ///   - interval: seconds per planning interval (3600: hourly).
    ///   - maxAgentsPerSite: the largest staffing tried per site and interval.
    /// - Throws: ``PlanningError`` when the calendar cannot be resolved or the interval is not positive.
    public init(profile: Profile, goals: Goals? = nil, interval: Double = 3600, maxAgentsPerSite: Int = 10_000) throws(PlanningError) {
        guard interval > 0, interval.isFinite else { throw .interval(interval) }
        self.profile = profile
        self.goals = goals ?? profile.goals ?? .standard
        self.interval = interval
        self.maxAgentsPerSite = max(1, maxAgentsPerSite)
        do {
            calendar = try RunCalendar(profile: profile)
        } catch {
            throw .calendar(error)
        }
        schedule = AgentSchedule(calendar: calendar, roster: profile.agents)
        let form = profile.visitors.preChatForm
        requestShare = 1 - min(1, Double(form.fields) * max(0, form.abandonPerField))
        var botResolved: [String: Double] = [:]
        for bot in profile.bots {
            for department in bot.departments { botResolved[department] = bot.resolvedShare }
        }
        self.botResolved = botResolved
        patienceRate = 1 / max(Expectation.duration(profile.visitors.patience), 1e-9)
    }

    /// The goals as the queue models take them.
    public var staffingGoals: StaffingGoals {
        StaffingGoals(
            serviceLevel: goals.serviceLevel?.target,
            within: goals.serviceLevel?.within ?? 0,
            maxAbandonment: goals.maxAbandonment,
            maxOccupancy: goals.maxOccupancy
        )
    }

    /// The plan, interval by interval.
    /// - Throws: ``PlanningError`` when the chat model cannot be solved for a site (a `handling` model whose
    ///   means differ by concurrency needs the full chain, which has a size limit; docs/capacity.md).
    public func plan() throws(PlanningError) -> StaffingPlan {
        var intervals: [StaffingPlan.Interval] = []
        var memo: [StaffingKey: Staffing.Result?] = [:]
        var start = 0.0
        while start < calendar.duration {
            let end = min(start + interval, calendar.duration)
            intervals.append(try planInterval(from: start, to: end, memo: &memo))
            start = end
        }
        return StaffingPlan(
            profileName: profile.name,
            start: profile.calendar.start,
            intervalLength: interval,
            goals: goals,
            goalsFromProfile: profile.goals != nil,
            routing: profile.routing,
            patienceRate: patienceRate,
            requestShare: requestShare,
            maxAgentsPerSite: maxAgentsPerSite,
            regionNames: profile.regions.map(\.name),
            sites: profile.agents.sites.map { .init(name: $0.name, timeZone: $0.timeZone, capacity: max(1, $0.maxChats)) },
            intervals: intervals
        )
    }

    /// What decides a site's staffing; equal keys (a flat curve's hours) are solved once.
    struct StaffingKey: Hashable {
        var demand: Double
        var means: [Double]
        var capacity: Int
    }

    func planInterval(
        from: Double,
        to: Double,
        memo: inout [StaffingKey: Staffing.Result?]
    ) throws(PlanningError)
        -> StaffingPlan.Interval
    {
        let sites = profile.agents.sites
        var demand = [Double](repeating: 0, count: sites.count)
        var handlingWork = [Double](repeating: 0, count: sites.count)  // Σ rate × mean handling
        var unserved = 0.0
        let (flows, arrivals) = streams(from: from, to: to)
        for (stream, rate) in flows where rate > 0 {
            let shares = split(stream, from: from, to: to)
            if shares.isEmpty { unserved += rate }
            for (site, share) in shares {
                demand[site] += rate * share
                handlingWork[site] += rate * share * handling(site: site, language: stream.language).mean
            }
        }
        var staffing: [StaffingPlan.SiteStaffing] = []
        for (s, site) in sites.enumerated() {
            let capacity = max(1, site.maxChats)
            var siteHandling = handling(site: s, language: nil)
            if profile.handling == nil, demand[s] > 0 { siteHandling = HandlingTime(mean: handlingWork[s] / demand[s]) }
            var result: Staffing.Result?
            if demand[s] > 0 {
                let key = StaffingKey(demand: demand[s], means: siteHandling.meanByConcurrency, capacity: capacity)
                if let known = memo[key] {
                    result = known
                } else {
                    result = try minimumAgents(
                        demand: demand[s],
                        handling: siteHandling,
                        capacity: capacity,
                        site: site.name,
                        start: from
                    )
                    memo[key] = result
                }
            }
            staffing.append(
                StaffingPlan.SiteStaffing(
                    demand: demand[s],
                    handling: siteHandling,
                    agents: demand[s] > 0 ? result?.agents : 0,
                    figures: result?.figures,
                    roster: schedule.meanOnShift(site: s, from: from, to: to),
                    localStart: calendar.siteClocks[s].localTime(at: from)
                )
            )
        }
        return StaffingPlan.Interval(
            start: from,
            duration: to - from,
            arrivals: arrivals,
            sites: staffing,
            unserved: unserved,
            simulated: nil
        )
    }

    /// The handling time at site `site`: the profile's `handling` model when it has one, else the conversation
    /// for visitors speaking `language` (the default message length when nil).
    public func handling(site: Int, language: String?) -> HandlingTime {
        if let model = profile.handling, !model.byConcurrency.isEmpty { return HandlingTime(model: model) }
        return HandlingTime(visitors: profile.visitors, site: profile.agents.sites[site], language: language ?? "")
    }

    /// The chat model of one site and interval, with one agent (the search sets the count).
    public func chatModel(demand: Double, handling: HandlingTime, capacity: Int) -> ChatModel {
        ChatModel(
            agents: 1,
            capacity: capacity,
            arrivalRate: demand,
            perChatRates: handling.perChatRates(capacity: capacity),
            patienceRate: patienceRate,
            routing: profile.routing == .fillFirst ? .fillFirst : .leastLoaded
        )
    }

    func minimumAgents(
        demand: Double,
        handling: HandlingTime,
        capacity: Int,
        site: String,
        start: Double
    ) throws(PlanningError)
        -> Staffing.Result?
    {
        let rates = handling.perChatRates(capacity: capacity)
        guard demand.isFinite, demand >= 0, rates.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw .unsolvable(site: site, interval: start, demand: demand, perChatRates: rates)
        }
        let model = chatModel(demand: demand, handling: handling, capacity: capacity)
        do {
            return try Staffing.minimumAgents(chat: model, goals: staffingGoals, maxAgents: maxAgentsPerSite)
        } catch {
            throw .model(site: site, interval: start, error)
        }
    }
}

// `chatstorm plan --confirm`: raising the staffing where a simulation of the plan falls short.
extension Planner {
    /// Puts `added` agents on top of the model's minimum in interval `interval`, one at a time to the busiest site
    /// (the most offered work per planned chat slot, among the sites with demand that the model could staff, and
    /// below ``maxAgentsPerSite``), and recomputes the figures of the sites whose staffing changed.
    ///
    /// - Returns: the agents actually added (fewer than `added` when every site is full).
    /// - Throws: ``PlanningError`` when the chat model cannot be solved with the new staffing.
    @discardableResult
    public func setAdded(_ added: Int, in plan: inout StaffingPlan, interval: Int) throws(PlanningError) -> Int {
        let sites = plan.intervals[interval].sites
        var counts = sites.map { site in site.agents.map { $0 - site.addedBySimulation } }
        var placed = 0
        while placed < added {
            var busiest: (site: Int, load: Double)?
            for (s, site) in sites.enumerated() {
                guard site.demand > 0, let agents = counts[s], agents < maxAgentsPerSite else { continue }
                let load = site.demand * site.handling.mean / Double(agents * plan.sites[s].capacity)
                if busiest.map({ load > $0.load }) ?? true { busiest = (s, load) }
            }
            guard let s = busiest?.site else { break }
            counts[s]! += 1
            placed += 1
        }
        for (s, site) in sites.enumerated() {
            guard let count = counts[s], let agents = site.agents, count != agents else { continue }
            var model = chatModel(demand: site.demand, handling: site.handling, capacity: plan.sites[s].capacity)
            model.agents = count
            do {
                plan.intervals[interval].sites[s].figures = try model.figures(serviceLevelWithin: goals.serviceLevel?.within ?? 0)
            } catch {
                throw .model(site: plan.sites[s].name, interval: plan.intervals[interval].start, error)
            }
            plan.intervals[interval].sites[s].agents = count
            plan.intervals[interval].sites[s].addedBySimulation += count - agents
        }
        return placed
    }
}

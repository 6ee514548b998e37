/// The agents of a run and when each is on shift: the roster's sites and shifts resolved to run seconds,
/// DST-correct in each site's zone.
///
/// Each shift of a site staffs its own agents (the shift's head count, or the site's when it gives none), numbered
/// through the site: `<site>-1`, `<site>-2`, … in shift order. An agent works its shift on each listed day it
/// starts on; a shift whose end is not after its start crosses midnight, so 22:00–06:00 over a spring-forward
/// night lasts 7 hours and over a fall-back night 9.
public struct AgentSchedule: Sendable, Hashable {
    /// One agent with its skills and the times it is logged in.
    public struct Agent: Sendable, Hashable, Identifiable {
        /// `<site>-<n>`, n from 1 within the site.
        public var id: String
        public var site: String
        public var siteIndex: Int
        /// Index of the agent's shift in the site's `shifts`.
        public var shiftIndex: Int
        public var languages: [String]
        public var departments: [String]
        /// Most chats at once (the site's `maxChats`).
        public var capacity: Int
        /// Factor on reply times.
        public var performance: Double
        /// May take chats in other languages through translation.
        public var translation: Bool
        /// `[login, logout)` in run seconds, ascending, disjoint, clipped to the run.
        public var onShift: [Range<Double>]

        /// Whether the agent is logged in at run second `t`.
        public func isOnShift(at t: Double) -> Bool {
            onShift.contains { $0.contains(t) }
        }

        /// Seconds the agent is on shift within `[from, to)`.
        public func secondsOnShift(from: Double, to: Double) -> Double {
            onShift.reduce(0) { $0 + max(0, min($1.upperBound, to) - max($1.lowerBound, from)) }
        }
    }

    /// A login or logout.
    public struct Change: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case logout, login }

        /// Run second.
        public var time: Double
        /// Index into ``AgentSchedule/agents``.
        public var agent: Int
        public var kind: Kind
    }

    /// All agents, site by site in profile order.
    public let agents: [Agent]
    public let siteNames: [String]
    /// The run's length in seconds.
    public let duration: Double

    /// The schedule of `profile`'s roster.
    /// - Throws: unknown time zones and the other problems ``RunCalendar`` reports.
    public init(profile: Profile) throws(CalendarError) {
        self.init(calendar: try RunCalendar(profile: profile), roster: profile.agents)
    }

    /// The schedule of `roster`, whose sites are the calendar's, in the same order.
    public init(calendar: RunCalendar, roster: AgentRoster) {
        precondition(roster.sites.count == calendar.siteClocks.count, "one clock per site")
        var agents: [Agent] = []
        for (s, site) in roster.sites.enumerated() {
            let clock = calendar.siteClocks[s]
            var number = 0
            for (k, shift) in site.shifts.enumerated() {
                let intervals = Self.intervals(of: shift, clock: clock, duration: calendar.duration)
                for _ in 0..<max(0, shift.headcount ?? site.headcount) {
                    number += 1
                    agents.append(
                        Agent(
                            id: "\(site.name)-\(number)",
                            site: site.name,
                            siteIndex: s,
                            shiftIndex: k,
                            languages: site.languages,
                            departments: site.departments,
                            capacity: site.maxChats,
                            performance: site.performance,
                            translation: site.translation,
                            onShift: intervals
                        )
                    )
                }
            }
        }
        self.agents = agents
        self.siteNames = roster.sites.map(\.name)
        self.duration = calendar.duration
    }

    /// The agents logged in at run second `t`.
    public func agentsOnShift(at t: Double) -> [Agent] {
        agents.filter { $0.isOnShift(at: t) }
    }

    /// How many agents of site `site` are logged in at run second `t`.
    public func onShiftCount(site: Int, at t: Double) -> Int {
        agents.reduce(0) { $1.siteIndex == site && $1.isOnShift(at: t) ? $0 + 1 : $0 }
    }

    /// The mean number of site `site`'s agents logged in over `[from, to)`: agent-seconds over seconds.
    public func meanOnShift(site: Int, from: Double, to: Double) -> Double {
        guard to > from else { return 0 }
        let seconds = agents.reduce(0) { $1.siteIndex == site ? $0 + $1.secondsOnShift(from: from, to: to) : $0 }
        return seconds / (to - from)
    }

    /// The mean number of agents on shift per site (outer, profile order) and run hour (inner; the last hour may
    /// be partial).
    public func meanOnShiftPerHour() -> [[Double]] {
        let hours = Int((duration / 3600).rounded(.up))
        var table = [[Double]](repeating: [Double](repeating: 0, count: hours), count: siteNames.count)
        for agent in agents {
            for interval in agent.onShift {
                var hour = Int(interval.lowerBound / 3600)
                while hour < hours, Double(hour) * 3600 < interval.upperBound {
                    let from = Double(hour) * 3600
                    let to = min(from + 3600, duration)
                    let overlap = min(interval.upperBound, to) - max(interval.lowerBound, from)
                    if overlap > 0 { table[agent.siteIndex][hour] += overlap / (to - from) }
                    hour += 1
                }
            }
        }
        return table
    }

    /// Every login and logout in time order (at the same second logouts first, then by agent).
    public var changes: [Change] {
        var changes: [Change] = []
        for (i, agent) in agents.enumerated() {
            for interval in agent.onShift {
                changes.append(Change(time: interval.lowerBound, agent: i, kind: .login))
                if interval.upperBound < duration {
                    changes.append(Change(time: interval.upperBound, agent: i, kind: .logout))
                }
            }
        }
        return changes.sorted {
            ($0.time, $0.kind == .login ? 1 : 0, $0.agent) < ($1.time, $1.kind == .login ? 1 : 0, $1.agent)
        }
    }

    /// A shift's `[login, logout)` intervals over the run, clipped to `[0, duration)`, touching ones joined.
    static func intervals(of shift: Shift, clock: ZoneClock, duration: Double) -> [Range<Double>] {
        guard duration > 0 else { return [] }
        let crossesMidnight = shift.end.minutes <= shift.start.minutes
        var intervals: [Range<Double>] = []
        // A shift that started the day before the run may still be running at its start.
        for day in (clock.localDay(at: 0) - 1)...clock.localDay(at: duration) {
            let weekday = Weekday.allCases[CivilDays.weekdayIndex(days: day)]
            guard shift.days.contains(weekday) else { continue }
            let login = max(0, clock.instant(localDay: day, minutes: shift.start.minutes))
            let logout = min(duration, clock.instant(localDay: crossesMidnight ? day + 1 : day, minutes: shift.end.minutes))
            guard login < logout else { continue }
            if let last = intervals.last, last.upperBound >= login {
                intervals[intervals.count - 1] = last.lowerBound..<max(last.upperBound, logout)
            } else {
                intervals.append(login..<logout)
            }
        }
        return intervals
    }
}

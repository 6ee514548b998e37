import Foundation
import Simulator
import Workload

/// Profiles built in code for the simulator's tests: one UTC region with a flat curve, one site on duty around
/// the clock.
enum Fixtures {
    /// 2025-06-04T00:00:00Z, a Wednesday.
    static let start = Date(timeIntervalSince1970: 1_748_995_200)

    /// A stationary chat desk: `perHour` arrivals, `agents` agents of capacity `capacity`, no pre-chat form.
    static func desk(
        perHour: Double,
        agents: Int,
        capacity: Int = 1,
        hours: Double = 2,
        languages: [String: Double] = ["en": 1],
        departments: [String: Double] = ["sales": 1]
    ) -> Profile {
        var region = Region(name: "here", timeZone: "UTC", peakPerHour: perHour, languages: languages, departments: departments)
        region.curve = .preset(.flat)
        var site = Site(
            name: "hq",
            timeZone: "UTC",
            headcount: agents,
            shifts: [Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 24))],
            languages: Array(languages.keys).sorted(),
            departments: Array(departments.keys).sorted()
        )
        site.maxChats = capacity
        var profile = Profile(
            name: "desk",
            calendar: CalendarSettings(start: start, duration: hours * 3600),
            regions: [region],
            agents: AgentRoster(sites: [site])
        )
        profile.seed = 7
        return profile
    }

    /// An M/M/N(+M) desk under the handling model: exponential handling with `handlingMean` seconds, patience
    /// exponential with `patienceMean` (nil: nobody leaves the queue).
    static func erlang(
        arrivalsPerSecond: Double,
        handlingMean: Double,
        agents: Int,
        capacity: Int = 1,
        patienceMean: Double? = nil,
        seconds: Double
    ) -> Profile {
        var profile = desk(perHour: arrivalsPerSecond * 3600, agents: agents, capacity: capacity, hours: seconds / 3600)
        profile.handling = HandlingModel(byConcurrency: [.exponential(mean: handlingMean)])
        profile.visitors.patience = patienceMean.map { .exponential(mean: $0) } ?? .constant(1e12)
        profile.visitors.survey.answerRate = 0
        return profile
    }

    /// A busy conversational day part with every behaviour switched on: form, bots, transfers, reconnects.
    static func busy(hours: Double = 1) -> Profile {
        var profile = desk(
            perHour: 400,
            agents: 6,
            capacity: 3,
            hours: hours,
            languages: ["en": 0.7, "lv": 0.3],
            departments: ["sales": 0.6, "billing": 0.4]
        )
        profile.visitors.preChatForm.fields = 2
        profile.visitors.reconnect.probability = 0.1
        profile.visitors.patience = .exponential(mean: 120)
        profile.agents.sites[0].transferShare = 0.1
        profile.agents.sites[0].transferTo = ["billing", "sales"]
        profile.bots = [Bot(departments: ["billing"], resolvedShare: 0.3)]
        return profile
    }

    static func simulate(_ profile: Profile, seed: UInt64? = nil, delay: Distribution = .constant(0)) throws -> Simulation.Output {
        var simulation = try Simulation(configuration: SimulationConfiguration(profile: profile, seed: seed, delay: delay))
        return simulation.run()
    }
}

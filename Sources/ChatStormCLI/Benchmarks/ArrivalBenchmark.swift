import ArgumentParser
import Foundation
import Workload

/// `chatstorm bench arrivals`: how fast a profile's arrival plan is generated (the simulator and the engine
/// stream it in time order).
struct ArrivalsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrivals",
        abstract: "Time the generation of a profile's arrival plan (build with -c release).",
        discussion: """
            Without a profile, a synthetic 24-hour day of about 1,000,000 arrivals in three regions \
            (New York, Riga, Kolkata; business-day curves) is used.
            """
    )

    @Argument(help: "A profile; omit it for the synthetic million-arrival day.")
    var profile: String?

    @Option(help: "Seed of the plan.")
    var seed: UInt64 = 1

    @Option(help: "Repetitions; the fastest is reported.")
    var repetitions = 3

    func run() throws {
        let loaded = try profile.map { try loadProfile($0) } ?? Self.millionDay
        let plan = try ArrivalPlan(profile: loaded, seed: seed)
        let expected = (0..<loaded.regions.count).reduce(0.0) {
            $0 + plan.expectedArrivals(region: $1, from: 0, to: loaded.calendar.duration)
        }
        var best = Double.infinity
        var count = 0
        var checksum = 0.0
        for _ in 0..<max(1, repetitions) {
            let started = ContinuousClock.now
            count = 0
            for arrival in plan {
                count += 1
                checksum += arrival.time
            }
            let elapsed = ContinuousClock.now - started
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        print("profile            \(loaded.name), seed \(seed), \(Int(loaded.calendar.duration / 3600)) h simulated")
        print("arrivals           \(count) planned, \(Int(expected.rounded())) expected")
        print(
            String(
                format: "generation         %.1f ms, %.1f ns per arrival (%.1f M arrivals/s)",
                best * 1e3,
                best / Double(max(1, count)) * 1e9,
                Double(count) / best / 1e6
            )
        )
        if checksum.isNaN { print("checksum NaN") }
    }

    /// Three regions peaking at 34,400 visitors per hour each on a business-day curve: about a million a day.
    static var millionDay: Profile {
        func region(_ name: String, _ zone: String) -> Region {
            var region = Region(name: name, timeZone: zone, peakPerHour: 34_400, languages: ["en": 1], departments: ["sales": 1])
            region.curve = .preset(.businessDay)
            return region
        }
        let site = Site(
            name: "hq",
            timeZone: "UTC",
            headcount: 1,
            shifts: [Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 24))],
            languages: ["en"],
            departments: ["sales"]
        )
        return Profile(
            name: "million-day",
            calendar: CalendarSettings(start: Date(timeIntervalSince1970: 1_764_201_600), duration: 86_400),
            regions: [region("new-york", "America/New_York"), region("riga", "Europe/Riga"), region("kolkata", "Asia/Kolkata")],
            agents: AgentRoster(sites: [site])
        )
    }
}

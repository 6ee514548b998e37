import Foundation
import Planning
import Testing
import Workload

@Suite("The profile --verify simulates")
struct VerificationProfileTests {
    @Test("Region copies carry each interval's arrivals and the sites the planned agents")
    func copies() throws {
        let profile = DemandTests.profile()
        let plan = try Planner(profile: profile).plan()
        let verified = try #require(plan.verificationProfile(of: profile))
        #expect(verified.regions.count == profile.regions.count * plan.intervals.count)
        #expect(verified.thresholds.isEmpty)

        let original = try RunCalendar(profile: profile)
        let copied = try RunCalendar(profile: verified)
        for (i, interval) in plan.intervals.enumerated() {
            let from = interval.start
            let to = from + interval.duration
            for (r, region) in profile.regions.enumerated() {
                for j in plan.intervals.indices {
                    let name = StaffingPlan.verificationRegion(region.name, interval: j)
                    let index = try #require(verified.regions.firstIndex { $0.name == name })
                    let expected = i == j ? original.expectedArrivals(region: r, from: from, to: to) : 0
                    #expect(abs(copied.expectedArrivals(region: index, from: from, to: to) - expected) < 1e-9, "\(name) in interval \(i)")
                }
            }
        }

        let schedule = try AgentSchedule(profile: verified)
        for interval in plan.intervals {
            for (s, site) in interval.sites.enumerated() {
                let onShift = schedule.meanOnShift(site: s, from: interval.start, to: interval.start + interval.duration)
                #expect(abs(onShift - Double(site.agents ?? -1)) < 1e-9)
            }
        }
    }

    @Test("A calendar longer than a week is not verified (shifts repeat weekly)")
    func tooLong() throws {
        var profile = Fixtures.stationary(perHour: 10, capacity: 1, hours: 8 * 24)
        profile.handling = HandlingModel(byConcurrency: [.exponential(mean: 60)])
        let plan = try Planner(profile: profile, interval: 86_400).plan()
        #expect(plan.verificationProfile(of: profile) == nil)
    }
}

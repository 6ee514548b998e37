import Foundation
import LoadMetrics
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

@Suite("Simulated figures per interval")
struct SimulatedFiguresTests {
    @Test("Service level and abandonment per interval over the requests that reached an agent")
    func perInterval() throws {
        let profile = DemandTests.profile()
        var plan = try Planner(profile: profile).plan()
        var recorder = RunRecorder(serviceLevelThresholdSeconds: 30)
        // Interval 0: baltics 4 requests (one resolved by the bot, one abandoned, one answered after 10 s, one
        // after 45 s); india 1 answered at once. Interval 2: one baltics request answered after 5 s.
        let baltics0 = recorder.keys(region: StaffingPlan.verificationRegion("baltics", interval: 0), language: "en", department: "support")
        let india0 = recorder.keys(region: StaffingPlan.verificationRegion("india", interval: 0), language: "en", department: "support")
        let baltics2 = recorder.keys(region: StaffingPlan.verificationRegion("baltics", interval: 2), language: "lv", department: "support")
        for _ in 0..<4 { recorder.chatRequested(baltics0) }
        recorder.outcome(.botResolved, baltics0)
        recorder.outcome(.abandoned, baltics0)
        recorder.chatAssigned(baltics0, wait: .seconds(10))
        recorder.chatAssigned(baltics0, wait: .seconds(45))
        recorder.chatRequested(india0)
        recorder.chatAssigned(india0, wait: .zero)
        recorder.chatRequested(baltics2)
        recorder.chatAssigned(baltics2, wait: .seconds(5))
        let result = recorder.finish(
            mode: .sim,
            profile: .init(name: "demand", sha256: ""),
            seed: 1,
            complete: true,
            toolVersion: "test",
            at: .seconds(3600)
        )

        plan.applySimulated(result, regions: profile.regions.map(\.name))
        let first = try #require(plan.intervals[0].simulated)
        #expect(first.requests == 4)
        #expect(abs(first.serviceLevel - 2.0 / 4) < 1e-12)  // 10 s and 0 s; 45 s is late, the abandoner fails
        #expect(abs(first.abandonment - 1.0 / 4) < 1e-12)
        #expect(plan.intervals[1].simulated == nil)
        #expect(plan.intervals[2].simulated == StaffingPlan.SimulatedFigures(requests: 1, serviceLevel: 1, abandonment: 0))
    }
}

import Analytic
import Planning
import Testing
import Workload

@Suite("Plans of stationary profiles")
struct StationaryPlanTests {
    static let goals = StaffingGoals(serviceLevel: 0.8, within: 30, maxAbandonment: 0.05, maxOccupancy: 0.85)

    @Test("Each hour's staffing is the exact chat model's minimum", arguments: [1, 2, 3])
    func exponentialHandling(capacity: Int) throws {
        var profile = Fixtures.stationary(perHour: 180, capacity: capacity)
        profile.handling = HandlingModel(byConcurrency: [.exponential(mean: 300)])
        profile.visitors.patience = .exponential(mean: 120)
        let plan = try Planner(profile: profile).plan()

        // λ = 180/h, μ = 1/300 s, θ = 1/120 s, K chats per agent, the standard goals.
        let model = ChatModel(
            agents: 1,
            capacity: capacity,
            arrivalRate: 180 / 3600,
            serviceRate: 1 / 300,
            patienceRate: 1 / 120,
            routing: .leastLoaded
        )
        let exact = try #require(try Staffing.minimumAgents(chat: model, goals: Self.goals))
        #expect(plan.intervals.count == 3)
        for interval in plan.intervals {
            #expect(interval.sites[0].agents == exact.agents)
            #expect(interval.sites[0].figures == exact.figures)
            #expect(abs(interval.demand - 0.05) < 1e-12)
        }
        #expect(abs(plan.plannedAgentHours - 3 * Double(exact.agents)) < 1e-9)
        #expect(abs(plan.rosterAgentHours - 30) < 1e-9)
    }

    @Test("Load-dependent handling and fill-first routing go through the chain solver")
    func loadDependent() throws {
        var profile = Fixtures.stationary(perHour: 40, capacity: 2, hours: 1)
        profile.handling = HandlingModel(byConcurrency: [.exponential(mean: 240), .exponential(mean: 360)])
        profile.visitors.patience = .exponential(mean: 200)
        profile.routing = .fillFirst
        profile.goals = Goals(serviceLevel: .init(target: 0.9, within: 20))
        let plan = try Planner(profile: profile).plan()

        let model = ChatModel(
            agents: 1,
            capacity: 2,
            arrivalRate: 40 / 3600,
            perChatRates: [1 / 240, 1 / 360],
            patienceRate: 1 / 200,
            routing: .fillFirst
        )
        let exact = try #require(try Staffing.minimumAgents(chat: model, goals: StaffingGoals(serviceLevel: 0.9, within: 20)))
        #expect(plan.goalsFromProfile)
        #expect(plan.intervals[0].sites[0].agents == exact.agents)
        #expect((exact.figures.serviceLevel) >= 0.9)
    }

    @Test("Without a handling model the conversation's mean handling time is the service time")
    func conversation() throws {
        var profile = Fixtures.stationary(perHour: 300, capacity: 3, hours: 2)
        profile.visitors.messagesPerChat = .constant(4)
        profile.visitors.thinkTime = .constant(10)
        profile.visitors.typingSpeed = .constant(5)
        profile.visitors.defaultMessageLength = .constant(25)
        profile.agents.sites[0].replyTime = .constant(12)
        profile.visitors.patience = .exponential(mean: 90)
        let plan = try Planner(profile: profile).plan()

        // 5 replies × 12 s + 4 × (10 s + 25 / 5 s) = 120 s.
        let model = ChatModel(
            agents: 1,
            capacity: 3,
            arrivalRate: 300 / 3600,
            serviceRate: 1 / 120,
            patienceRate: 1 / 90,
            routing: .leastLoaded
        )
        let exact = try #require(try Staffing.minimumAgents(chat: model, goals: Self.goals))
        for interval in plan.intervals {
            #expect(abs(interval.sites[0].handling.mean - 120) < 1e-9)
            #expect(interval.sites[0].agents == exact.agents)
        }
    }

    @Test("A handling time out of the model's reach is an error naming the site and interval, not a trap")
    func unsolvableHandling() throws {
        var profile = Fixtures.stationary(perHour: 60, capacity: 1, hours: 1)
        // Built in code: the loader refuses numbers beyond 1e15, but a profile made by a program may hold anything.
        profile.handling = HandlingModel(byConcurrency: [.constant(.infinity)])
        #expect {
            _ = try Planner(profile: profile).plan()
        } throws: { error in
            "\(error)".contains("site hq, interval starting at run second 0") && "\(error)".contains("rates finite and above 0")
        }
    }

    @Test("Goals that no staffing meets leave the interval without a staffing")
    func unreachable() throws {
        var profile = Fixtures.stationary(perHour: 3600, capacity: 1, hours: 1)
        profile.handling = HandlingModel(byConcurrency: [.exponential(mean: 60)])
        let plan = try Planner(profile: profile, maxAgentsPerSite: 5).plan()
        #expect(plan.intervals[0].sites[0].agents == nil)
        #expect(plan.intervals[0].agents == nil)
    }
}

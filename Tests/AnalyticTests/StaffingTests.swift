import Analytic
import Testing

@Suite struct StaffingTests {
    /// The smallest N by trying every N from 1: what the doubling-and-bisection search must return.
    private func linearSearch(_ goals: StaffingGoals, _ figures: (Int) throws -> QueueFigures) rethrows -> Int? {
        for n in 1...2_000 where goals.isMet(by: try figures(n)) { return n }
        return nil
    }

    @Test(arguments: [
        StaffingGoals(serviceLevel: 0.8, within: 20),
        StaffingGoals(serviceLevel: 0.95, within: 10, maxOccupancy: 0.8),
        StaffingGoals(maxOccupancy: 0.5),
        StaffingGoals(serviceLevel: 0.99, within: 0),
    ])
    func erlangCSearchIsTheLinearMinimum(goals: StaffingGoals) throws {
        for lambda in [0.05, 0.5, 2.0] {
            let mu = 1.0 / 180
            let result = try #require(Staffing.minimumAgents(arrivalRate: lambda, serviceRate: mu, goals: goals))
            let expected = linearSearch(goals) {
                ErlangC(arrivalRate: lambda, serviceRate: mu, agents: $0).figures(serviceLevelWithin: goals.threshold)
            }
            #expect(result.agents == expected, "λ=\(lambda)")
            #expect(goals.isMet(by: result.figures))
        }
    }

    @Test func erlangAMeetsAbandonmentAndServiceLevel() throws {
        let goals = StaffingGoals(serviceLevel: 0.8, within: 30, maxAbandonment: 0.02)
        let (lambda, mu, theta) = (0.4, 1.0 / 240, 1.0 / 90)
        let result = try #require(
            Staffing.minimumAgents(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, goals: goals)
        )
        let expected = linearSearch(goals) {
            ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: $0).figures(serviceLevelWithin: 30)
        }
        #expect(result.agents == expected)
        #expect(result.figures.abandonment <= 0.02 && result.figures.serviceLevel >= 0.8)
    }

    /// The search starts at the load the goals make the agents carry; the minimum must still be the linear one,
    /// whichever goal binds, with patience and without, under both routing rules.
    @Test(arguments: [
        (StaffingGoals(serviceLevel: 0.9, within: 20, maxAbandonment: 0.03, maxOccupancy: 0.85), 1.0 / 120, ChatModel.Routing.leastLoaded),
        (StaffingGoals(serviceLevel: 0.9, within: 20, maxAbandonment: 0.03, maxOccupancy: 0.85), 0, .fillFirst),
        (StaffingGoals(maxAbandonment: 0.2), 1.0 / 60, .leastLoaded),
        (StaffingGoals(serviceLevel: 0.5, within: 0), 1.0 / 30, .fillFirst),
        (StaffingGoals(maxOccupancy: 0.99), 0, .leastLoaded),
        (StaffingGoals(), 0, .leastLoaded),
    ])
    func chatModelStaffingIsTheLinearMinimum(goals: StaffingGoals, patienceRate: Double, routing: ChatModel.Routing) throws {
        let model = ChatModel(
            agents: 1,
            capacity: 3,
            arrivalRate: 0.05,
            perChatRates: [1.0 / 300, 1.0 / 380, 1.0 / 450],
            patienceRate: patienceRate,
            routing: routing
        )
        let result = try #require(try Staffing.minimumAgents(chat: model, goals: goals))
        let expected = try linearSearch(goals) { n in
            var candidate = model
            candidate.agents = n
            return try candidate.figures(serviceLevelWithin: goals.threshold)
        }
        #expect(result.agents == expected)
    }

    @Test func chatDemandBeyondTheLargestStaffingGivesNil() throws {
        // 10⁹ chats a second, each agent finishing at most 3/450 a second: no 1,000 agents carry that.
        let model = ChatModel(
            agents: 1,
            capacity: 3,
            arrivalRate: 1e9,
            perChatRates: [1.0 / 300, 1.0 / 380, 1.0 / 450],
            patienceRate: 1.0 / 120,
            routing: .leastLoaded
        )
        #expect(try Staffing.minimumAgents(chat: model, goals: StaffingGoals(maxAbandonment: 0.05), maxAgents: 1_000) == nil)
    }

    @Test func unreachableGoalsGiveNil() {
        // a = 10 erlangs: 5 agents cannot even keep up, and the search may not go past 5.
        let goals = StaffingGoals(serviceLevel: 0.5, within: 10)
        #expect(Staffing.minimumAgents(arrivalRate: 10, serviceRate: 1, goals: goals, maxAgents: 5) == nil)
    }

    @Test func unstableFiguresMeetNoGoal() {
        let figures = QueueFigures.unstable(agents: 3, serviceLevelThreshold: 10)
        #expect(!StaffingGoals().isMet(by: figures))
    }
}

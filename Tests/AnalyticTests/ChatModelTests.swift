import Analytic
import Foundation
import Testing

@Suite struct ChatModelTests {
    static let routings = ChatModel.Routing.allCases

    @Test(arguments: routings)
    func capacityOneIsErlangA(routing: ChatModel.Routing) throws {
        for (lambda, mu, theta, agents) in [(4.0, 1.0 / 3, 0.1, 12), (30.0, 1.0, 0.5, 25), (0.5, 1.0 / 180, 1.0 / 60, 80)] {
            let chat = try ChatModel(
                agents: agents,
                capacity: 1,
                arrivalRate: lambda,
                serviceRate: mu,
                patienceRate: theta,
                routing: routing
            ).solve()
            let erlangA = try #require(ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents).closedForm)
            #expect(relativeError(chat.waitProbability, erlangA.waitProbability) < 1e-9)
            #expect(relativeError(chat.abandonment, erlangA.abandonment) < 1e-9)
            #expect(relativeError(chat.meanWait, erlangA.meanWait) < 1e-9)
            #expect(relativeError(chat.occupancy, erlangA.occupancy) < 1e-9)
            #expect(relativeError(chat.busyAgentShare, erlangA.occupancy) < 1e-9)
        }
    }

    @Test(arguments: routings)
    func capacityOneWithoutAbandonmentIsErlangC(routing: ChatModel.Routing) throws {
        let erlangC = ErlangC(arrivalRate: 100.0 / 30, serviceRate: 1.0 / 3, agents: 12)
        let chat = try ChatModel(agents: 12, capacity: 1, arrivalRate: 100.0 / 30, serviceRate: 1.0 / 3, patienceRate: 0, routing: routing)
            .solve()
        #expect(relativeError(chat.waitProbability, erlangC.waitProbability) < 1e-9)
        #expect(relativeError(chat.meanWait, erlangC.meanWait) < 1e-9)
        #expect(relativeError(chat.meanAnsweredWait, erlangC.meanWait) < 1e-9)
        #expect(relativeError(chat.serviceLevel(within: 1.0 / 3), erlangC.serviceLevel(within: 1.0 / 3)) < 1e-9)
        #expect(relativeError(chat.occupancy, erlangC.occupancy) < 1e-9)
        #expect(chat.abandonment == 0)
    }

    /// (N, K, λ, per-chat rates, θ); rates fall with load, so routing matters.
    static let bruteForceCases: [(Int, Int, Double, [Double], Double)] = [
        (2, 2, 2.0, [1.0, 0.7], 0.5),
        (2, 2, 1.5, [1.0, 0.7], 0),
        (3, 2, 4.0, [1.0, 0.6], 0.8),
        (2, 3, 2.5, [1.0, 0.8, 0.6], 0.3),
        (2, 3, 2.0, [1.0, 0.8, 0.6], 0),
    ]

    @Test(arguments: routings)
    func agreesWithBruteForceFullStateChain(routing: ChatModel.Routing) throws {
        for (agents, capacity, lambda, rates, theta) in Self.bruteForceCases {
            let model = ChatModel(
                agents: agents,
                capacity: capacity,
                arrivalRate: lambda,
                perChatRates: rates,
                patienceRate: theta,
                routing: routing
            )
            let solution = try model.solve()
            let brute = BruteForceChat(model: model, queueLimit: 200).solve()
            let label = "N=\(agents) K=\(capacity) θ=\(theta)"
            #expect(relativeError(solution.waitProbability, brute.waitProbability) < 1e-9, "\(label)")
            #expect(relativeError(solution.meanQueueLength, brute.meanQueueLength) < 1e-9, "\(label)")
            #expect(relativeError(solution.meanActiveChats, brute.meanActiveChats) < 1e-9, "\(label)")
            #expect(relativeError(solution.busyAgentShare, brute.busyAgents / Double(agents)) < 1e-9, "\(label)")
            let drain = Double(agents * capacity) * rates[capacity - 1]
            for t in [0.2, 1.0, 4.0] {
                let waited =
                    theta > 0
                    ? answeredWithinByDensity(ahead: brute.ahead, drain: drain, patience: theta, threshold: t)
                    : answeredWithinWithoutAbandonment(ahead: brute.ahead, drain: drain, threshold: t)
                let reference = 1 - brute.waitProbability + waited
                #expect(relativeError(solution.serviceLevel(within: t), reference) < 1e-8, "\(label) t=\(t)")
            }
        }
    }

    @Test func routingMattersWhenChatsSlowEachOtherDown() throws {
        let base = ChatModel(
            agents: 10,
            capacity: 3,
            arrivalRate: 12,
            perChatRates: [1.0, 0.7, 0.5],
            patienceRate: 0.2,
            routing: .leastLoaded
        )
        var packed = base
        packed.routing = .fillFirst
        let spread = try base.solve()
        let filled = try packed.solve()
        // Packing puts chats on slow, loaded agents: fewer agents busy but more waiting.
        #expect(filled.busyAgentShare < spread.busyAgentShare)
        #expect(filled.waitProbability > spread.waitProbability)
    }

    @Test(arguments: routings)
    func equalPerChatRatesMakeTheLevelsAnErlangAQueue(routing: ChatModel.Routing) throws {
        // With one rate μ the chats in progress form M/M/NK+M whatever the routing.
        let (agents, capacity, lambda, mu, theta) = (8, 3, 20.0, 1.0, 0.4)
        let chat = try ChatModel(
            agents: agents,
            capacity: capacity,
            arrivalRate: lambda,
            serviceRate: mu,
            patienceRate: theta,
            routing: routing
        )
        .solve()
        let slots = try #require(
            ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents * capacity).solve()
        )
        #expect(relativeError(chat.waitProbability, slots.waitProbability) < 1e-9)
        #expect(relativeError(chat.abandonment, slots.abandonment) < 1e-9)
        #expect(relativeError(chat.meanAnsweredWait, slots.meanAnsweredWait) < 1e-9)
        #expect(relativeError(chat.serviceLevel(within: 0.5), slots.serviceLevel(within: 0.5)) < 1e-9)
        #expect(relativeError(chat.occupancy, slots.occupancy) < 1e-9)
    }

    @Test func loadIndependentRatesTakeTheErlangAShortcutExactly() throws {
        let model = ChatModel(agents: 12, capacity: 2, arrivalRate: 15, serviceRate: 0.7, patienceRate: 0.3, routing: .fillFirst)
        #expect(model.hasLoadIndependentRates)
        let shortcut = try model.figures(serviceLevelWithin: 0.4)
        let solved = try model.solve().figures(serviceLevelWithin: 0.4)
        #expect(shortcut.agents == 12)
        #expect(relativeError(shortcut.waitProbability, solved.waitProbability) < 1e-9)
        #expect(relativeError(shortcut.abandonment, solved.abandonment) < 1e-9)
        #expect(relativeError(shortcut.meanAnsweredWait, solved.meanAnsweredWait) < 1e-9)
        #expect(relativeError(shortcut.serviceLevel, solved.serviceLevel) < 1e-9)
        #expect(relativeError(shortcut.occupancy, solved.occupancy) < 1e-9)
        // Far beyond what the chain solver takes: N = 2,000 agents with 3 chats each.
        let large = ChatModel(
            agents: 2_000,
            capacity: 3,
            arrivalRate: 18,
            serviceRate: 1.0 / 300,
            patienceRate: 1.0 / 90,
            routing: .leastLoaded
        )
        #expect(large.loadStateCount > ChatModel.stateLimit)
        #expect(try large.figures(serviceLevelWithin: 30).stability == .stable)
    }

    @Test(arguments: routings)
    func completionsBalanceAnsweredArrivals(routing: ChatModel.Routing) throws {
        let rates = [1.0, 0.75, 0.55]
        let solution = try ChatModel(agents: 20, capacity: 3, arrivalRate: 30, perChatRates: rates, patienceRate: 0.25, routing: routing)
            .solve()
        // Chats end at Σ_k N·P(load k)·k·μ_k; in steady state that is the answered arrival rate.
        var completions = 0.0
        for load in 1...3 {
            let agentsAtLoad = 20 * solution.agentLoadDistribution[load]
            completions += agentsAtLoad * Double(load) * rates[load - 1]
        }
        #expect(relativeError(completions, 30 * (1 - solution.abandonment)) < 1e-9)
        #expect(relativeError(solution.answeredProbability, 1 - solution.abandonment) < 1e-9)
        #expect(abs(solution.agentLoadDistribution.reduce(0, +) - 1) < 1e-12)
        #expect(abs(solution.activeChatsDistribution.reduce(0, +) - 1) < 1e-12)
        #expect(relativeError(solution.meanActiveChatsPerAgent * 20, solution.meanActiveChats) < 1e-12)
    }

    @Test func heavilyOverloadedChatsCarryFullCapacity() throws {
        // λ = 100 against 5·2·0.8 = 8 chats ending a second when full: all but 8 a second abandon.
        let solution = try ChatModel(
            agents: 5,
            capacity: 2,
            arrivalRate: 100,
            perChatRates: [1, 0.8],
            patienceRate: 0.01,
            routing: .leastLoaded
        )
        .solve()
        #expect(solution.waitProbability <= 1 && solution.waitProbability > 1 - 1e-12)
        #expect(relativeError(solution.abandonment, 1 - 8.0 / 100) < 1e-9)
        #expect(solution.serviceLevel(within: 1) >= 0)
        #expect(relativeError(solution.occupancy, 1) < 1e-12)
    }

    @Test func unstableWithoutAbandonmentBeyondFullCapacity() throws {
        let solution = try ChatModel(
            agents: 4,
            capacity: 2,
            arrivalRate: 4,
            perChatRates: [1, 0.5],
            patienceRate: 0,
            routing: .leastLoaded
        )
        .solve()
        #expect(solution.stability == .unstable)
        #expect(solution.figures(serviceLevelWithin: 1) == .unstable(agents: 4, serviceLevelThreshold: 1))
        #expect(solution.busyAgentShare == 1)
    }

    @Test func refusesAStateSpaceTooLargeToSolve() {
        let model = ChatModel(agents: 400, capacity: 4, arrivalRate: 10, serviceRate: 1, patienceRate: 0.1, routing: .leastLoaded)
        #expect(model.loadStateCount > ChatModel.stateLimit)
        #expect(throws: ChatModelError.self) { try model.solve() }
    }
}

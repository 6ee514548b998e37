import Analytic
import Foundation
import LoadMetrics
import Simulator
import Testing
import Workload

/// The simulator against the exact models of the `Analytic` module on stationary profiles (flat curve,
/// exponential handling under the handling model, one queue, exponential patience or none): each figure's
/// mean over independent replications lies within 4 standard errors (across replications) of the exact value.
///
/// Each case simulates 10 replications of 100,000 s at one arrival per second: a million chats per case, the
/// issue's size, about 8 s of CPU per case (the simulation core is optimised in debug builds too, see
/// Package.swift). `CHATSTORM_STATISTICS=0` skips the suite for a quick local run.
@Suite(.disabled(if: ProcessInfo.processInfo.environment["CHATSTORM_STATISTICS"] == "0", "CHATSTORM_STATISTICS=0"))
struct ExactModelTests {
    static let seconds = 100_000.0
    static let replications = 10
    static let threshold = 20.0

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var agents: Int
        var capacity: Int
        /// Mean handling time at each load 1 … K, seconds.
        var handlingMeans: [Double]
        var patienceMean: Double?
        var routing: RoutingRule

        var description: String { name }

        var model: ChatModel {
            ChatModel(
                agents: agents,
                capacity: capacity,
                arrivalRate: 1,
                perChatRates: handlingMeans.map { 1 / $0 },
                patienceRate: patienceMean.map { 1 / $0 } ?? 0,
                routing: routing == .fillFirst ? .fillFirst : .leastLoaded
            )
        }

        var profile: Profile {
            var profile = Fixtures.erlang(
                arrivalsPerSecond: 1,
                handlingMean: handlingMeans[0],
                agents: agents,
                capacity: capacity,
                patienceMean: patienceMean,
                seconds: ExactModelTests.seconds
            )
            profile.handling = HandlingModel(byConcurrency: handlingMeans.map { .exponential(mean: $0) })
            profile.routing = routing
            return profile
        }
    }

    static let cases: [Case] = [
        Case(name: "Erlang C, N=10, a=8", agents: 10, capacity: 1, handlingMeans: [8], patienceMean: nil, routing: .leastLoaded),
        Case(
            name: "Erlang A, N=8, a=8, patience 60 s",
            agents: 8,
            capacity: 1,
            handlingMeans: [8],
            patienceMean: 60,
            routing: .leastLoaded
        ),
        Case(name: "chat K=2 least-loaded", agents: 5, capacity: 2, handlingMeans: [8, 11], patienceMean: 90, routing: .leastLoaded),
        Case(name: "chat K=2 fill-first", agents: 5, capacity: 2, handlingMeans: [8, 11], patienceMean: 90, routing: .fillFirst),
        Case(name: "chat K=3 least-loaded", agents: 4, capacity: 3, handlingMeans: [8, 10, 13], patienceMean: 90, routing: .leastLoaded),
        Case(name: "chat K=3 fill-first", agents: 4, capacity: 3, handlingMeans: [8, 10, 13], patienceMean: 90, routing: .fillFirst),
    ]

    @Test(arguments: cases)
    func simulatedFiguresMatchTheExactModel(_ testCase: Case) throws {
        let exact = try testCase.model.solve()
        let configuration = SimulationConfiguration(profile: testCase.profile, seed: 2025, serviceLevelSeconds: Self.threshold)
        // One replication at a time per case: the cases already run side by side.
        let runs = try Replications.run(configuration, count: Self.replications, parallel: 1)
        let figures = runs.results.map(KeyFigures.init)
        func check(_ values: [Double], _ expected: Double, _ name: String) {
            let estimate = Estimate(values)
            #expect(estimate.standardError > 0, "\(testCase) \(name): no spread across replications")
            #expect(
                abs(estimate.mean - expected) <= 4 * estimate.standardError,
                "\(testCase) \(name): simulated \(estimate.mean) ± \(estimate.standardError) (SE), exact \(expected)"
            )
        }
        check(figures.map(\.waitProbability), exact.waitProbability, "P(wait)")
        check(figures.map(\.meanQueueWait), exact.meanAnsweredWait, "mean wait of answered")
        check(figures.map(\.serviceLevel), exact.serviceLevel(within: Self.threshold), "service level")
        check(figures.map(\.occupancy), exact.occupancy, "occupancy")
        check(figures.map(\.busyShare), exact.busyAgentShare, "busy share")
        if testCase.patienceMean != nil {
            check(figures.map(\.abandonmentRate), exact.abandonment, "abandonment")
        } else {
            #expect(figures.allSatisfy { $0.abandonmentRate == 0 })
        }
    }
}

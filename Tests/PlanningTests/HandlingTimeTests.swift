import Foundation
import Planning
import Testing
import Workload

@Suite("Handling time from the behaviour")
struct HandlingTimeTests {
    static func site(replyTime: Distribution, performance: Double = 1) -> Site {
        var site = Site(
            name: "hq",
            timeZone: "UTC",
            headcount: 1,
            shifts: [Shift(start: TimeOfDay(hour: 0), end: TimeOfDay(hour: 24))],
            languages: ["en"],
            departments: ["support"]
        )
        site.maxChats = 1
        site.replyTime = replyTime
        site.performance = performance
        return site
    }

    @Test("Constant behaviour: (M + 1)·R + M·(T + L/S), worked by hand")
    func constants() {
        var visitors = VisitorBehaviour()
        visitors.messagesPerChat = .constant(3)
        visitors.thinkTime = .constant(5)
        visitors.typingSpeed = .constant(4)
        visitors.defaultMessageLength = .constant(20)
        let handling = HandlingTime(visitors: visitors, site: Self.site(replyTime: .constant(8), performance: 1.25), language: "en")
        // Replies 4 × 10 s; 3 messages of 5 s thinking + 20 / 4 = 5 s typing.
        #expect(abs(handling.mean - 70) < 1e-9)
        #expect(handling.conversation?.replying == 40)
        let rate: Double = 1 / 70
        #expect(handling.perChatRates(capacity: 3) == [rate, rate, rate])
    }

    @Test("Expectations of transformed draws match closed forms")
    func expectations() {
        // round(U(2, 5)): 2 w.p. 1/6, 3 and 4 w.p. 1/3, 5 w.p. 1/6.
        #expect(abs(Expectation.count(.uniform(min: 2, max: 5)) - 3.5) < 5e-3)  // steps: Simpson is O(h) there
        #expect(abs(Expectation.duration(.exponential(mean: 90)) - 90) < 1e-6)
        let lognormal = Distribution.lognormal(median: 20, p95: 60)
        #expect(abs(Expectation.of(lognormal) { $0 } - lognormal.mean) < 1e-6 * lognormal.mean)
        #expect(abs(Expectation.of(.exponential(mean: 90)) { $0 } - 90) < 1e-6)
        // max(0, N(1, 2)): μΦ(μ/σ) + σφ(μ/σ).
        let z = 0.5
        let phi: Double = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        let cdf: Double = 0.5 * erfc(-z / 2.0.squareRoot())
        let truncatedMean: Double = 1 * cdf + 2 * phi
        #expect(abs(Expectation.duration(.normal(mean: 1, standardDeviation: 2)) - truncatedMean) < 1e-12)
        let integrated = Expectation.of(.normal(mean: 1, standardDeviation: 2)) { max(0, $0) }
        #expect(abs(integrated - truncatedMean) < 1e-4)  // Simpson over a kink at 0
        #expect(Expectation.count(.weighted([.init(value: 0.2, weight: 1), .init(value: 4, weight: 3)])) == 3.25)
    }

    @Test("A handling model gives one mean per concurrency, the last beyond the list")
    func model() {
        let handling = HandlingTime(model: HandlingModel(byConcurrency: [.exponential(mean: 240), .constant(300)]))
        #expect(handling.mean == 240)
        let rates = handling.perChatRates(capacity: 3)
        #expect(abs(rates[0] - 1 / 240.0) < 1e-9 && rates[1] == 1 / 300.0 && rates[2] == 1 / 300.0)
    }

    @Test("The derived mean matches conversations played by the behaviour machines", arguments: [false, true])
    func machines(reconnecting: Bool) {
        var visitors = VisitorBehaviour()
        visitors.messagesPerChat = .uniform(min: 2, max: 6)
        visitors.thinkTime = .lognormal(median: 8, p95: 40)
        visitors.typingSpeed = .normal(mean: 3.5, standardDeviation: 1)
        visitors.messageLength = ["lv": .lognormal(median: 40, p95: 160)]
        if reconnecting {
            visitors.reconnect.probability = 0.3
            visitors.reconnect.after = .uniform(min: 1, max: 20)
        }
        let site = Self.site(replyTime: .lognormal(median: 20, p95: 60), performance: 1.3)
        let expected = HandlingTime(visitors: visitors, site: site, language: "lv").mean
        var loop = ConversationLoop(behaviour: visitors, site: site, language: "lv", rng: SeededGenerator(seed: 11))
        let count = 4_000
        let times = (1...count).map { loop.chat(number: UInt64($0)) }
        let mean = times.reduce(0, +) / Double(count)
        let variance = times.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count - 1)
        let standardError = (variance / Double(count)).squareRoot()
        #expect(abs(mean - expected) < 4 * standardError, "measured \(mean) ± \(standardError), derived \(expected)")
    }
}

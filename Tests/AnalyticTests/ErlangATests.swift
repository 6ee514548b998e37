import Analytic
import Foundation
import Testing

@Suite struct ErlangATests {
    /// (λ, μ, θ, N): under-, critically and over-loaded; the last two take the continued-fraction
    /// branch of the incomplete gamma function (λ/θ ≥ Nμ/θ + 1).
    static let cases: [(Double, Double, Double, Int)] = [
        (1.0, 0.25, 0.5, 5),
        (4.0, 1.0 / 3, 0.1, 12),
        (20.0, 1.0, 2.0, 20),
        (0.5, 1.0 / 180, 1.0 / 60, 80),
        (30.0, 1.0, 0.5, 25),
        (150.0, 1.0, 1.0, 100),
    ]

    @Test(arguments: cases)
    func chainAgreesWithClosedForm(lambda: Double, mu: Double, theta: Double, agents: Int) throws {
        let model = ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents)
        let chain = try #require(model.solve())
        let closed = try #require(model.closedForm)
        #expect(relativeError(chain.waitProbability, closed.waitProbability) < 1e-9)
        #expect(relativeError(chain.abandonment, closed.abandonment) < 1e-9)
        #expect(relativeError(chain.meanWait, closed.meanWait) < 1e-9)
        #expect(relativeError(chain.meanQueueLength, closed.meanQueueLength) < 1e-9)
        #expect(relativeError(chain.occupancy, closed.occupancy) < 1e-9)
    }

    @Test(arguments: cases)
    func chainAgreesWithAnIndependentDistribution(lambda: Double, mu: Double, theta: Double, agents: Int) throws {
        let chain = try #require(
            ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents).solve()
        )
        let pi = erlangADistribution(lambda: lambda, mu: mu, theta: theta, agents: agents, queueLimit: 3_000)
        let waiting = pi[agents...].reduce(0, +)
        let queue = pi.indices.reduce(0) { $0 + Double(max(0, $1 - agents)) * pi[$1] }
        let busy = pi.indices.reduce(0) { $0 + Double(min($1, agents)) * pi[$1] }
        #expect(relativeError(chain.waitProbability, waiting) < 1e-9)
        #expect(relativeError(chain.meanQueueLength, queue) < 1e-9)
        #expect(relativeError(chain.meanBusyAgents, busy) < 1e-9)
    }

    @Test(arguments: cases)
    func taggedArrivalAgreesWithFlowBalance(lambda: Double, mu: Double, theta: Double, agents: Int) throws {
        let chain = try #require(
            ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents).solve()
        )
        // Abandonment two ways: θ·E[queue]/λ (flow) and 1 − P(answered) (tagged arrival).
        #expect(relativeError(chain.abandonment, 1 - chain.answeredProbability) < 1e-9)
        // Occupancy two ways: carried load λ(1 − P(ab))/(Nμ) and E[min(n, N)]/N.
        let carried = lambda * (1 - chain.abandonment) / (Double(agents) * mu)
        #expect(relativeError(chain.occupancy, carried) < 1e-9)
        // Service level: nothing is answered in no time beyond those who do not wait, and
        // everything answered is answered eventually.
        #expect(abs(chain.serviceLevel(within: 0) - (1 - chain.waitProbability)) < 1e-12)
        let longAfter = (chain.meanQueueLength + 100) / (Double(agents) * mu + theta)
        #expect(relativeError(chain.serviceLevel(within: longAfter), chain.answeredProbability) < 1e-9)
    }

    @Test(arguments: cases)
    func serviceLevelAgreesWithTheBetaExponentialDensity(lambda: Double, mu: Double, theta: Double, agents: Int) throws {
        let model = ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents)
        let chain = try #require(model.solve())
        let pi = erlangADistribution(lambda: lambda, mu: mu, theta: theta, agents: agents, queueLimit: 3_000)
        let ahead = Array(pi[agents...])
        let t = 0.7 / mu / Double(agents) + 2 / (Double(agents) * mu + theta)
        let reference =
            pi[..<agents].reduce(0, +)
            + answeredWithinByDensity(ahead: ahead, drain: Double(agents) * mu, patience: theta, threshold: t)
        #expect(relativeError(chain.serviceLevel(within: t), reference) < 1e-8)
    }

    @Test func heavilyOverloadedQueueStaysFinite() throws {
        // The queue weights peak near e^{10^4} times the "all busy, nobody waiting" weight.
        let model = ErlangA(arrivalRate: 6_000, serviceRate: 1, patienceRate: 0.2, agents: 5_000)
        let chain = try #require(model.solve())
        let closed = try #require(model.closedForm)
        #expect(chain.waitProbability <= 1 && chain.waitProbability > 1 - 1e-12)
        // Every agent is busy all the time: 5,000 of the 6,000 arrivals a second are answered.
        #expect(relativeError(chain.abandonment, 1.0 / 6) < 1e-9)
        #expect(relativeError(chain.abandonment, closed.abandonment) < 1e-9)
        #expect(relativeError(chain.meanWait, closed.meanWait) < 1e-9)
        #expect(chain.serviceLevel(within: 0.1) >= 0 && chain.serviceLevel(within: 0.1) < 1e-100)
    }

    @Test func answeredWaitPlusAbandonedWaitIsTheMeanWait() throws {
        // E[W] over all = E[W; answered] + E[W; abandoned]; the last written out here stage by stage:
        // an arrival with j ahead spends Exp(s + (k+1)θ) at k ahead and leaves there w.p. θ/(s + (k+1)θ).
        let (lambda, mu, theta, agents) = (4.0, 1.0 / 3, 0.1, 12)
        let chain = try #require(ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents).solve())
        let pi = erlangADistribution(lambda: lambda, mu: mu, theta: theta, agents: agents, queueLimit: 3_000)
        let s = Double(agents) * mu
        var abandonedWait = 0.0
        for j in 0..<(pi.count - agents) where pi[agents + j] > 1e-18 {
            var survive = 1.0
            var elapsed = 0.0
            for k in stride(from: j, through: 0, by: -1) {
                let rate = s + Double(k + 1) * theta
                elapsed += 1 / rate
                abandonedWait += pi[agents + j] * survive * theta / rate * elapsed
                survive *= (s + Double(k) * theta) / rate
            }
        }
        let answeredWait = chain.meanAnsweredWait * chain.answeredProbability
        #expect(relativeError(answeredWait + abandonedWait, chain.meanWait) < 1e-9)
    }

    @Test(arguments: [(1.0, 0.25, 5), (4.0, 1.0 / 3, 14), (90.0, 1.0, 100)])
    func smallPatienceRateTendsToErlangC(lambda: Double, mu: Double, agents: Int) throws {
        let erlangC = ErlangC(arrivalRate: lambda, serviceRate: mu, agents: agents)
        let t = 1 / mu
        for theta in [1e-4 * mu, 1e-6 * mu] {
            let a = try #require(ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents).solve())
            let closed = try #require(ErlangA(arrivalRate: lambda, serviceRate: mu, patienceRate: theta, agents: agents).closedForm)
            let tolerance = theta / mu * 30  // the gap closes in proportion to θ
            #expect(relativeError(a.waitProbability, erlangC.waitProbability) < tolerance)
            #expect(relativeError(a.meanWait, erlangC.meanWait) < tolerance)
            #expect(relativeError(a.meanAnsweredWait, erlangC.meanWait) < tolerance)
            #expect(relativeError(a.serviceLevel(within: t), erlangC.serviceLevel(within: t)) < tolerance)
            #expect(relativeError(closed.waitProbability, erlangC.waitProbability) < tolerance)
            #expect(a.abandonment < tolerance)
        }
    }

    @Test func zeroPatienceRateIsErlangC() throws {
        let erlangC = ErlangC(arrivalRate: 4, serviceRate: 1.0 / 3, agents: 14)
        let a = ErlangA(arrivalRate: 4, serviceRate: 1.0 / 3, patienceRate: 0, agents: 14)
        let x = a.figures(serviceLevelWithin: 0.5)
        let y = erlangC.figures(serviceLevelWithin: 0.5)
        #expect(relativeError(x.waitProbability, y.waitProbability) < 1e-12)
        #expect(relativeError(x.meanWait, y.meanWait) < 1e-12)
        #expect(relativeError(x.meanAnsweredWait, y.meanAnsweredWait) < 1e-12)
        #expect(relativeError(x.serviceLevel, y.serviceLevel) < 1e-12)
        #expect(relativeError(x.occupancy, y.occupancy) < 1e-12)
        #expect(x.abandonment == 0)
        #expect(a.closedForm == nil)
        let overloaded = ErlangA(arrivalRate: 5, serviceRate: 1.0 / 3, patienceRate: 0, agents: 14)
        #expect(overloaded.stability == .unstable)
        #expect(overloaded.figures(serviceLevelWithin: 1).serviceLevel == 0)
    }
}

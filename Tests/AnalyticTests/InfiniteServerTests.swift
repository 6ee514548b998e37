import Analytic
import Foundation
import Testing

@Suite struct InfiniteServerTests {
    @Test func meanSolvesTheBalanceEquation() {
        // m′(t) = λ(t) − μ·m(t), checked by a central difference at several times and starts.
        let model = InfiniteServer(meanArrivalRate: 3, amplitude: 0.6, angularFrequency: 2 * .pi / 24, serviceRate: 0.5)
        let h = 1e-4
        for initial in [0.0, 10.0] {
            for t in [0.5, 3.0, 11.0, 30.0] {
                let slope = (model.mean(at: t + h, startingWith: initial) - model.mean(at: t - h, startingWith: initial)) / (2 * h)
                let balance = model.arrivalRate(at: t) - 0.5 * model.mean(at: t, startingWith: initial)
                #expect(abs(slope - balance) < 1e-6)
            }
            #expect(abs(model.mean(at: 0, startingWith: initial) - initial) < 1e-12)
        }
    }

    @Test func constantRateIsTheOfferedLoad() {
        let model = InfiniteServer(meanArrivalRate: 3, amplitude: 0, angularFrequency: 1, serviceRate: 0.5)
        #expect(abs(model.periodicMean(at: 7) - 6) < 1e-12)
        // From empty: 6·(1 − e^{−μt}).
        #expect(abs(model.mean(at: 2) - 6 * (1 - exp(-1))) < 1e-12)
    }

    @Test func slowWavesAreFollowedAndFastOnesAveragedOut() {
        // ω ≪ μ: m(t) ≈ λ(t)/μ; ω ≫ μ: m(t) ≈ λ̄/μ.
        let slow = InfiniteServer(meanArrivalRate: 2, amplitude: 0.5, angularFrequency: 1e-4, serviceRate: 1)
        #expect(abs(slow.periodicMean(at: 5_000) - slow.arrivalRate(at: 5_000)) < 1e-3)
        let fast = InfiniteServer(meanArrivalRate: 2, amplitude: 0.5, angularFrequency: 1e4, serviceRate: 1)
        #expect(abs(fast.periodicMean(at: 0.3) - 2) < 1e-3)
    }
}

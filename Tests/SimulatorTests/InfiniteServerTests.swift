import Foundation
import LoadMetrics
import Simulator
import Testing
import Workload

/// Time-varying check: with so much capacity that nobody waits, the chats in progress under a sinusoidal
/// arrival rate follow the infinite-server (M_t/M/∞) mean, dL/dt = λ(t) − L/m from an empty start.
@Suite struct InfiniteServerTests {
    /// 24 hourly weights of a sinusoid peaking at 06:00, largest 1.
    static let weights = (0..<24).map { hour in (1 + 0.8 * sin(2 * Double.pi * Double(hour) / 24)) / 1.8 }
    static let peakPerSecond = 0.5
    static let handlingMean = 120.0

    /// The exact mean number in system averaged over each hour: on an hour with constant rate λ the solution
    /// relaxes towards λm as L(t) = λm + (L₀ − λm)·e^{−t/m}.
    static func exactHourlyMeans() -> [Double] {
        var level = 0.0
        var means: [Double] = []
        let m = handlingMean
        for weight in weights {
            let target = peakPerSecond * weight * m
            let decay = exp(-3600 / m)
            means.append(target + (level - target) * m / 3600 * (1 - decay))
            level = target + (level - target) * decay
        }
        return means
    }

    @Test func chatsInProgressFollowTheInfiniteServerMean() throws {
        var profile = Fixtures.erlang(
            arrivalsPerSecond: Self.peakPerSecond,
            handlingMean: Self.handlingMean,
            agents: 20,
            capacity: 20,
            seconds: 86_400
        )
        profile.regions[0].curve = .hourly(Self.weights)
        profile.handling = HandlingModel(byConcurrency: [.exponential(mean: Self.handlingMean)])
        var simulation = try Simulation(configuration: SimulationConfiguration(profile: profile, seed: 5))
        let output = simulation.run()
        #expect(output.result.counts.chatsQueued == 0)
        let rows = output.recorder.timeSeries.rows
        #expect(rows.count == 86_400)
        let exact = Self.exactHourlyMeans()
        var outside = 0
        for hour in 0..<24 {
            let slice = rows[(hour * 3600)..<((hour + 1) * 3600)]
            let simulated = Double(slice.reduce(0) { $0 + $1.gauges.activeChats }) / 3600
            // The number in an M/M/∞ system is Poisson with autocorrelation e^{−τ/m}: an hour's time average has
            // variance ≈ 2·L·m / 3600.
            let standardError = (2 * exact[hour] * Self.handlingMean / 3600).squareRoot()
            if abs(simulated - exact[hour]) > 4 * standardError { outside += 1 }
            #expect(
                abs(simulated - exact[hour]) <= 5 * standardError,
                "hour \(hour): simulated \(simulated), exact \(exact[hour]) ± \(standardError)"
            )
        }
        #expect(outside <= 1)
        let dayMean = Double(rows.reduce(0) { $0 + $1.gauges.activeChats }) / Double(rows.count)
        let exactDay = exact.reduce(0, +) / 24
        #expect(abs(dayMean - exactDay) <= 4 * (2 * exactDay * Self.handlingMean / 86_400).squareRoot())
    }
}

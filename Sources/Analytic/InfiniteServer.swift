import Foundation

/// The infinite-server queue M_t/M/∞ under a sinusoidal arrival rate: what the number of chats in
/// progress follows when capacity is so large that nobody waits.
///
/// With λ(t) = λ̄·(1 + α·sin(ωt)) and exponential handling at rate μ, the mean number in service m(t)
/// solves m′ = λ(t) − μ·m. Its periodic solution (Eick, Massey & Whitt, "The physics of the
/// M_t/G/∞ queue", 1993, for the exponential case) is
///     m(t) = λ̄/μ + λ̄·α·(μ·sin(ωt) − ω·cos(ωt)) / (μ² + ω²),
/// and from m(0) = m₀ the difference to it decays as e^{−μt}. Starting empty (or Poisson), the number
/// in service at t is Poisson with mean m(t).
public struct InfiniteServer: Sendable, Equatable {
    /// λ̄, the mean arrival rate.
    public var meanArrivalRate: Double
    /// α ∈ [0, 1], the relative amplitude of the arrival rate.
    public var amplitude: Double
    /// ω, the angular frequency (2π / period).
    public var angularFrequency: Double
    /// μ, the completion rate of one contact.
    public var serviceRate: Double

    /// Creates the model; λ̄ ≥ 0, 0 ≤ α ≤ 1 (so the rate never goes negative), ω ≥ 0, μ > 0.
    public init(meanArrivalRate: Double, amplitude: Double, angularFrequency: Double, serviceRate: Double) {
        precondition(meanArrivalRate >= 0 && (0...1).contains(amplitude), "need λ̄ ≥ 0 and 0 ≤ α ≤ 1")
        precondition(angularFrequency >= 0 && serviceRate > 0, "need ω ≥ 0 and μ > 0")
        self.meanArrivalRate = meanArrivalRate
        self.amplitude = amplitude
        self.angularFrequency = angularFrequency
        self.serviceRate = serviceRate
    }

    /// λ(t) = λ̄·(1 + α·sin(ωt)).
    public func arrivalRate(at t: Double) -> Double {
        meanArrivalRate * (1 + amplitude * sin(angularFrequency * t))
    }

    /// The periodic mean number in service at time t (the limit once the start is forgotten).
    public func periodicMean(at t: Double) -> Double {
        let mu = serviceRate
        let omega = angularFrequency
        let wave = (mu * sin(omega * t) - omega * cos(omega * t)) / (mu * mu + omega * omega)
        return meanArrivalRate / mu + meanArrivalRate * amplitude * wave
    }

    /// The mean number in service at time t ≥ 0 when `initial` were in service at time 0.
    public func mean(at t: Double, startingWith initial: Double = 0) -> Double {
        periodicMean(at: t) + (initial - periodicMean(at: 0)) * exp(-serviceRate * t)
    }
}

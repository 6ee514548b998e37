import Foundation

/// The queue that forms once every slot is busy, shared by Erlang A and the chat model.
///
/// While anyone waits every slot stays busy, so the queue is a birth–death chain on j = 0, 1, 2, …
/// waiting contacts with up rate λ and down rate s + jθ, where s is the rate at which busy slots free
/// up (Nμ for Erlang A, N·K·μ_K for chats) and θ the patience rate. Its weights relative to the state
/// "all busy, nobody waiting" are w_j = Π_{i=1..j} λ/(s + iθ) (cut equations), summed until the
/// tail left out is below 1e-16 of the sum (θ = 0 gives a geometric tail, summed in closed form).
///
/// A tagged arrival that finds j waiting ahead moves from k ahead to k − 1 at rate s + kθ and gives up
/// at rate θ. Conditioned on it being answered each stage lasts Exp(s + (k+1)θ), so
/// P(answered | j) = s / (s + (j+1)θ) and E[wait; answered | j] = P(answered | j)·Σ_{i=1..j+1} 1/(s + iθ).
/// The weights can span hundreds of decades (a heavily overloaded queue with patient visitors), so
/// they are kept scaled to a largest weight of 1 with the scale's logarithm apart; every figure below
/// is per unit of that scaled weight, and ``normalizer(rest:head:)`` turns them into probabilities.
struct QueueTail: Sendable {
    /// The longest stationary queue handled; one that runs longer (θ tiny against an overload) is
    /// treated as having no steady state: it meets no goal either way.
    static let maxLength = 5_000_000

    let arrivalRate: Double
    let drainRate: Double
    let patienceRate: Double
    /// w_j / max w for j = 0, 1, …; for θ = 0 only w_0 (the sums are closed forms).
    let weights: [Double]
    /// log max w.
    let logScale: Double
    /// Σ w_j (scaled): arrivals that wait.
    let waiting: Double
    /// Σ j·w_j (scaled): the mean queue length.
    let queueLength: Double

    /// `nil` when θ = 0 and λ ≥ s (no steady state) or the queue runs past ``maxLength``.
    init?(arrivalRate: Double, drainRate: Double, patienceRate: Double) {
        self.arrivalRate = arrivalRate
        self.drainRate = drainRate
        self.patienceRate = patienceRate
        if patienceRate == 0 {
            guard arrivalRate < drainRate else { return nil }
            let rho = arrivalRate / drainRate
            weights = [1]
            logScale = 0
            waiting = 1 / (1 - rho)
            queueLength = rho / ((1 - rho) * (1 - rho))
            return
        }
        var logWeights: [Double] = [0]
        var logWeight = 0.0
        var peak = 0.0
        var sumBelowPeak = 1.0  // Σ w_j / e^peak so far
        var j = 0
        while true {
            j += 1
            guard j <= Self.maxLength else { return nil }
            logWeight += log(arrivalRate / (drainRate + Double(j) * patienceRate))
            logWeights.append(logWeight)
            if logWeight > peak {
                sumBelowPeak = sumBelowPeak * exp(peak - logWeight) + 1
                peak = logWeight
            } else {
                sumBelowPeak += exp(logWeight - peak)
            }
            // Past this point every ratio is smaller still, so the rest is at most a geometric series.
            let next = arrivalRate / (drainRate + Double(j + 1) * patienceRate)
            if next < 1 && exp(logWeight - peak) * next / (1 - next) < 1e-16 * sumBelowPeak { break }
        }
        let scaled = logWeights.map { exp($0 - peak) }
        weights = scaled
        logScale = peak
        waiting = scaled.reduce(0, +)
        queueLength = scaled.indices.reduce(0) { $0 + Double($1) * scaled[$1] }
    }

    /// The factors that normalise a chain whose states outside the queue weigh `rest` and whose
    /// "all busy, nobody waiting" state weighs `head` (both on one scale, before the tail's scaling):
    /// multiply the outside masses by `restScale`; π(all busy, j waiting) = `tailScale`·weights[j].
    func normalizer(rest: Double, head: Double) -> (restScale: Double, tailScale: Double) {
        // Only the ratio of the two parts is formed through logs, so that the larger part's share
        // comes out as 1/(1 + tiny) and no probability strays above 1.
        let logRest = log(rest)
        let logTail = log(head) + logScale + log(waiting)
        if logTail >= logRest {
            let ratio = exp(logRest - logTail)
            return (rest > 0 ? ratio / (1 + ratio) / rest : 0, 1 / (1 + ratio) / waiting)
        }
        let ratio = exp(logTail - logRest)
        return (1 / (1 + ratio) / rest, ratio / (1 + ratio) / waiting)
    }

    /// P(answered | j ahead).
    private func answered(ahead j: Int) -> Double {
        drainRate / (drainRate + Double(j + 1) * patienceRate)
    }

    /// Σ_j w_j·P(answered | j): arrivals that wait and are answered.
    var answeredAfterWaiting: Double {
        if patienceRate == 0 { return waiting }
        return weights.indices.reduce(0) { $0 + weights[$1] * answered(ahead: $1) }
    }

    /// Σ_j w_j·E[wait; answered | j].
    var answeredWaitTotal: Double {
        if patienceRate == 0 { return (queueLength + waiting) / drainRate }
        var harmonic = 0.0
        var total = 0.0
        for j in weights.indices {
            harmonic += 1 / (drainRate + Double(j + 1) * patienceRate)
            total += weights[j] * answered(ahead: j) * harmonic
        }
        return total
    }

    /// Arrivals that wait and are answered within `threshold` (on the weights' scale).
    ///
    /// θ = 0: the waits of those who wait are Exp(s − λ), so this is Σw·(1 − e^{−(s−λ)t}).
    /// θ > 0: the tagged-arrival chain above, started from the weights, solved by uniformisation
    /// (exact up to a Poisson tail below 1e-16): with Λ = s + (J+1)θ, the mass answered by t is
    /// Σ_n Poisson(n; Λt)·A_n, A_n the mass the uniformised jump chain has answered after n jumps.
    func answeredWithin(_ threshold: Double) -> Double {
        if patienceRate == 0 {
            return waiting * -expm1(-(drainRate - arrivalRate) * threshold)
        }
        if threshold == 0 { return 0 }
        let top = weights.count - 1
        let uniformRate = drainRate + Double(top + 1) * patienceRate
        let mean = uniformRate * threshold
        let lastJump = Int((mean + 12 * mean.squareRoot() + 40).rounded(.up))
        var mass = weights
        var absorbed = 0.0
        var result = 0.0
        var poissonSeen = 0.0
        for n in 0...lastJump {
            let poisson = exp(-mean + Double(n) * log(mean) - lgamma(Double(n) + 1))
            result += poisson * absorbed
            poissonSeen += poisson
            // One jump of the uniformised chain.
            absorbed += mass[0] * drainRate / uniformRate
            // From k ahead: to k − 1 at rate s + kθ, away at rate θ; in all s + (k+1)θ.
            var waiting = 0.0
            for k in 0...top {
                let leave = (drainRate + Double(k + 1) * patienceRate) / uniformRate
                let arriving = k < top ? mass[k + 1] * (drainRate + Double(k + 1) * patienceRate) / uniformRate : 0
                mass[k] = mass[k] * (1 - leave) + arriving
                waiting += mass[k]
            }
            // Once (almost) everyone has been answered or has left, later jumps change nothing.
            if waiting < 1e-17 * self.waiting { break }
        }
        return result + max(0, 1 - poissonSeen) * absorbed
    }
}

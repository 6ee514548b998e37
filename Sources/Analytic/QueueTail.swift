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
/// Every figure here is per unit of the stationary probability of "all busy, nobody waiting".
struct QueueTail: Sendable {
    let arrivalRate: Double
    let drainRate: Double
    let patienceRate: Double
    /// w_0 = 1, w_1, …; for θ = 0 only w_0 (the sums are closed forms).
    let weights: [Double]
    /// Σ w_j: P(an arrival waits) per unit head mass.
    let waiting: Double
    /// Σ j·w_j: mean queue length per unit head mass.
    let queueLength: Double

    /// `nil` when θ = 0 and λ ≥ s: the queue then has no steady state.
    init?(arrivalRate: Double, drainRate: Double, patienceRate: Double) {
        self.arrivalRate = arrivalRate
        self.drainRate = drainRate
        self.patienceRate = patienceRate
        if patienceRate == 0 {
            guard arrivalRate < drainRate else { return nil }
            let rho = arrivalRate / drainRate
            weights = [1]
            waiting = 1 / (1 - rho)
            queueLength = rho / ((1 - rho) * (1 - rho))
            return
        }
        var list: [Double] = [1]
        var sum = 1.0
        var length = 0.0
        var weight = 1.0
        var j = 0
        while true {
            j += 1
            let ratio = arrivalRate / (drainRate + Double(j) * patienceRate)
            weight *= ratio
            list.append(weight)
            sum += weight
            length += Double(j) * weight
            // Past this point every ratio is smaller still, so the rest is at most a geometric series.
            let next = arrivalRate / (drainRate + Double(j + 1) * patienceRate)
            if next < 1 && weight * next / (1 - next) < 1e-16 * sum { break }
        }
        weights = list
        waiting = sum
        queueLength = length
    }

    /// P(answered | j ahead).
    private func answered(ahead j: Int) -> Double {
        drainRate / (drainRate + Double(j + 1) * patienceRate)
    }

    /// Σ_j w_j·P(answered | j): arrivals that wait and are answered, per unit head mass.
    var answeredAfterWaiting: Double {
        if patienceRate == 0 { return waiting }
        return weights.indices.reduce(0) { $0 + weights[$1] * answered(ahead: $1) }
    }

    /// Σ_j w_j·E[wait; answered | j], per unit head mass.
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

    /// Arrivals that wait and are answered within `threshold`, per unit head mass.
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
            for k in 0...top {
                let leave = (drainRate + Double(k + 1) * patienceRate) / uniformRate
                let arriving = k < top ? mass[k + 1] * (drainRate + Double(k + 1) * patienceRate) / uniformRate : 0
                mass[k] = mass[k] * (1 - leave) + arriving
            }
        }
        return result + max(0, 1 - poissonSeen) * absorbed
    }
}

/// A random quantity of a profile (a duration in seconds, a count, a length, a score), sampled from a seeded
/// generator.
public enum Distribution: Sendable, Hashable {
    case constant(Double)
    case exponential(mean: Double)
    case uniform(min: Double, max: Double)
    /// Truncated at zero: durations and counts are never negative.
    case normal(mean: Double, standardDeviation: Double)
    /// `log X ~ N(mu, sigma)`; a profile may give it by median and p95 instead (`mu = ln median`,
    /// `sigma = (ln p95 − ln median) / 1.6449`).
    case lognormal(mu: Double, sigma: Double)
    /// Equally likely values.
    case empirical([Double])
    /// Values with weights (not necessarily summing to 1).
    case weighted([WeightedValue])

    public struct WeightedValue: Sendable, Hashable {
        public var value: Double
        public var weight: Double

        public init(value: Double, weight: Double) {
            self.value = value
            self.weight = weight
        }
    }

    /// z of the standard normal's 95th percentile.
    public static let z95 = 1.6448536269514722

    /// A lognormal distribution by its median and 95th percentile.
    public static func lognormal(median: Double, p95: Double) -> Distribution {
        .lognormal(mu: log(median), sigma: (log(p95) - log(median)) / z95)
    }

    /// The distribution's mean.
    public var mean: Double {
        switch self {
        case .constant(let value): return value
        case .exponential(let mean): return mean
        case .uniform(let min, let max): return (min + max) / 2
        case .normal(let mean, _): return mean
        case .lognormal(let mu, let sigma): return exp(mu + sigma * sigma / 2)
        case .empirical(let values): return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        case .weighted(let buckets):
            let total = buckets.reduce(0) { $0 + $1.weight }
            return total > 0 ? buckets.reduce(0) { $0 + $1.value * $1.weight } / total : 0
        }
    }

    /// One draw from the project's seeded generator: the same draw as the generic `sample(using:)`, compiled here
    /// for `SeededGenerator`, so that callers in other modules do not run the unspecialised generic code (perf
    /// showed it in the simulator's handling-time draws).
    public func sample(using rng: inout SeededGenerator) -> Double {
        sampleAny(using: &rng)
    }

    /// One draw.
    public func sample(using rng: inout some RandomNumberGenerator) -> Double {
        sampleAny(using: &rng)
    }

    private func sampleAny(using rng: inout some RandomNumberGenerator) -> Double {
        switch self {
        case .constant(let value):
            return value
        case .exponential(let mean):
            return mean * Ziggurat.exponential(using: &rng)
        case .uniform(let min, let max):
            return min < max ? rng.nextDouble(in: min..<max) : min
        case .normal(let mean, let sd):
            return max(0, mean + sd * Ziggurat.normal(using: &rng))
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * Ziggurat.normal(using: &rng))
        case .empirical(let values):
            return values.isEmpty ? 0 : values[Int.random(in: 0..<values.count, using: &rng)]
        case .weighted(let buckets):
            let total = buckets.reduce(0) { $0 + $1.weight }
            guard total > 0 else { return 0 }
            var point = rng.nextDouble(in: 0..<total)
            for bucket in buckets {
                if point < bucket.weight { return bucket.value }
                point -= bucket.weight
            }
            return buckets[buckets.count - 1].value
        }
    }

}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

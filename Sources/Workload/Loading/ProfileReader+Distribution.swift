import Yams

/// What a distribution's values are: durations (with units) or plain numbers, and their allowed range.
struct Quantity {
    var isDuration: Bool
    var minimum: Double = 0
    var minimumIsExclusive = false
    var maximum: Double?

    /// Seconds: `90`, `90s`, `15m`.
    static let duration = Quantity(isDuration: true)
    /// A count, length or amount of zero or more.
    static let amount = Quantity(isDuration: false)
    /// A rate above zero (characters per second).
    static let rate = Quantity(isDuration: false, minimumIsExclusive: true)
    /// A survey score from 1 to 5.
    static let score = Quantity(isDuration: false, minimum: 1, maximum: 5)
}

/// Distributions: a bare value is a constant; otherwise a mapping with one key naming the kind:
/// `{exponential: 30s}`, `{uniform: [2s, 6s]}`, `{normal: {mean: 50, sd: 5}}`,
/// `{lognormal: {median: 20s, p95: 1m}}` or `{lognormal: {mu: 3, sigma: 0.5}}`, `{empirical: [1, 2, 3]}`,
/// `{weighted: {1: 0.05, 5: 0.95}}` or `{weighted: [{value: 1, weight: 0.05}, …]}`.
extension ProfileReader {
    static let distributionKinds = ["constant", "exponential", "uniform", "normal", "lognormal", "empirical", "weighted"]

    /// A reader of distributions of `quantity`, for ``optional(_:_:_:)`` and ``items(_:_:nonEmpty:_:)``.
    func distribution(of quantity: Quantity) -> (Node, String) -> Distribution? {
        { self.distribution($0, $1, quantity) }
    }

    func distribution(_ node: Node, _ path: String, _ quantity: Quantity) -> Distribution? {
        if case .scalar = node {
            return value(node, path, quantity).map { .constant($0) }
        }
        guard case .mapping = node, let pairs = pairs(node, path, expecting: "a distribution") else {
            report("expected a distribution (a value, or e.g. {exponential: 30s}), found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        var kinds: [Pair] = []
        for pair in pairs {
            if Self.distributionKinds.contains(pair.name) {
                kinds.append(pair)
            } else {
                report(unknownKeyMessage(pair.name, keys: Self.distributionKinds), at: pair.key, path: Self.child(path, pair.name))
            }
        }
        guard let kind = kinds.first else {
            if pairs.isEmpty {
                report("expected a distribution, one of: " + Self.distributionKinds.joined(separator: ", "), at: node, path: path)
            }
            return nil
        }
        if kinds.count > 1 {
            report("a distribution has one kind; found \(kinds.map(\.name).joined(separator: " and "))", at: kinds[1].key, path: path)
            return nil
        }
        let path = Self.child(path, kind.name)
        let unbounded = ["exponential", "normal", "lognormal"]
        if let maximum = quantity.maximum, unbounded.contains(kind.name) {
            report(
                "values must lie between \(Self.format(quantity.minimum)) and \(Self.format(maximum)); use constant, uniform, empirical or weighted",
                at: kind.key,
                path: path
            )
            return nil
        }
        let node = kind.value
        switch kind.name {
        case "constant":
            return value(node, path, quantity).map { .constant($0) }
        case "exponential":
            guard let mean = value(node, path, quantity) else { return nil }
            guard mean > 0 else {
                report("the mean must be above 0", at: node, path: path)
                return nil
            }
            return .exponential(mean: mean)
        case "uniform":
            return uniform(node, path, quantity)
        case "normal":
            return normal(node, path, quantity)
        case "lognormal":
            return lognormal(node, path, quantity)
        case "empirical":
            guard let nodes = list(node, path, nonEmpty: true) else { return nil }
            let values = nodes.enumerated().map { value($0.element, Self.index(path, $0.offset), quantity) }
            return values.contains(nil) ? nil : .empirical(values.compactMap { $0 })
        default:
            return weighted(node, path, quantity)
        }
    }

    /// A value of `quantity`: a duration or a number, in its range.
    func value(_ node: Node, _ path: String, _ quantity: Quantity) -> Double? {
        guard let value = quantity.isDuration ? duration(node, path) : number(node, path) else { return nil }
        let low = quantity.minimum
        if value < low || (quantity.minimumIsExclusive && value == low) {
            report(
                "must be \(quantity.minimumIsExclusive ? "above" : "at least") \(Self.format(low)), found \(Self.format(value))",
                at: node,
                path: path
            )
            return nil
        }
        if let high = quantity.maximum, value > high {
            report("must be at most \(Self.format(high)), found \(Self.format(value))", at: node, path: path)
            return nil
        }
        return value
    }

    private func uniform(_ node: Node, _ path: String, _ quantity: Quantity) -> Distribution? {
        guard let nodes = list(node, path) else { return nil }
        guard nodes.count == 2 else {
            report("expected [min, max], found \(nodes.count) values", at: node, path: path)
            return nil
        }
        guard let low = value(nodes[0], Self.index(path, 0), quantity), let high = value(nodes[1], Self.index(path, 1), quantity) else {
            return nil
        }
        guard low <= high else {
            report("min (\(Self.format(low))) is above max (\(Self.format(high)))", at: node, path: path)
            return nil
        }
        return .uniform(min: low, max: high)
    }

    private func normal(_ node: Node, _ path: String, _ quantity: Quantity) -> Distribution? {
        guard let fields = keyed(node, path, keys: ["mean", "sd"]) else { return nil }
        let mean = required(fields, "mean") { self.value($0, $1, quantity) }
        let spread = required(fields, "sd") { quantity.isDuration ? self.duration($0, $1) : self.nonNegative($0, $1) }
        guard let mean, let spread else { return nil }
        return .normal(mean: mean, standardDeviation: spread)
    }

    private func lognormal(_ node: Node, _ path: String, _ quantity: Quantity) -> Distribution? {
        guard let fields = keyed(node, path, keys: ["median", "p95", "mu", "sigma"]) else { return nil }
        let byPercentiles = fields.has("median") || fields.has("p95")
        if byPercentiles && (fields.has("mu") || fields.has("sigma")) {
            report("give either median and p95, or mu and sigma, not both", at: fields.mark, path: path)
            return nil
        }
        if byPercentiles {
            let positive = Quantity(isDuration: quantity.isDuration, minimumIsExclusive: true)
            let median = required(fields, "median") { self.value($0, $1, positive) }
            let p95 = required(fields, "p95") { self.value($0, $1, positive) }
            guard let median, let p95 else { return nil }
            guard p95 >= median else {
                report(
                    "p95 (\(Self.format(p95))) is below the median (\(Self.format(median)))",
                    at: fields.entries["p95"]?.value,
                    path: fields.path("p95")
                )
                return nil
            }
            let distribution = Distribution.lognormal(median: median, p95: p95)
            guard distribution.mean <= Self.largestNumber else {
                report(
                    "a median of \(Self.format(median)) and a p95 of \(Self.format(p95)) give a mean beyond 1e15",
                    at: fields.mark,
                    path: path
                )
                return nil
            }
            return distribution
        }
        let mu = required(fields, "mu", number)
        let sigma = required(fields, "sigma", nonNegative)
        guard let mu, let sigma else { return nil }
        let distribution = Distribution.lognormal(mu: mu, sigma: sigma)
        // mu and sigma are logarithms: a mean beyond the largest number is infinite for the draws and the planner.
        guard distribution.mean <= Self.largestNumber else {
            report("mu \(Self.format(mu)) and sigma \(Self.format(sigma)) give a mean beyond 1e15", at: fields.mark, path: path)
            return nil
        }
        return distribution
    }

    private func weighted(_ node: Node, _ path: String, _ quantity: Quantity) -> Distribution? {
        var buckets: [Distribution.WeightedValue?] = []
        if case .sequence = node {
            guard let nodes = list(node, path, nonEmpty: true) else { return nil }
            for (offset, item) in nodes.enumerated() {
                guard let fields = keyed(item, Self.index(path, offset), keys: ["value", "weight"]) else {
                    buckets.append(nil)
                    continue
                }
                let value = required(fields, "value") { self.value($0, $1, quantity) }
                let weight = required(fields, "weight", nonNegative)
                buckets.append(value.flatMap { value in weight.map { .init(value: value, weight: $0) } })
            }
        } else {
            guard let pairs = pairs(node, path, expecting: "a mapping of value to weight, or a list of {value, weight}", scalarKeys: true)
            else {
                return nil
            }
            for pair in pairs {
                let value = self.value(pair.key, Self.child(path, pair.name), quantity)
                let weight = nonNegative(pair.value, Self.child(path, pair.name))
                buckets.append(value.flatMap { value in weight.map { .init(value: value, weight: $0) } })
            }
        }
        guard !buckets.contains(where: { $0 == nil }) else { return nil }
        let values = buckets.compactMap { $0 }
        guard values.reduce(0, { $0 + $1.weight }) > 0 else {
            report(values.isEmpty ? "give at least one value and its weight" : "the weights sum to 0", at: node, path: path)
            return nil
        }
        return .weighted(values)
    }
}

import Foundation
import Workload

/// How much a key metric may get worse before `chatstorm compare` calls it a regression: `p99 +10%`,
/// `queue_wait.p90 +5s`, `abandonment_rate +0.02`, `errors +0`.
public struct Tolerance: Sendable, Equatable, CustomStringConvertible {
    /// The metrics it applies to: a key metric's name (`queue_wait.p99`), a prefix of names (`queue_wait`,
    /// `message_latency`), a latency aggregate for every latency (`p99`), or `default` for all.
    public var selector: String
    /// The allowed worsening: a share of the baseline when `relative`, else in the metric's unit.
    public var amount: Double
    public var relative: Bool

    public init(selector: String, amount: Double, relative: Bool) {
        self.selector = selector
        self.amount = amount
        self.relative = relative
    }

    public var description: String {
        "+" + (relative ? Number.decimal(amount * 100) + "%" : Number.decimal(amount))
    }

    /// The defaults: latencies +10 %, rates and shares +0.01 (absolute), error and integrity counts +0.
    /// Informational figures (arrivals, throughput, occupancy) have none.
    public static let defaults: [Tolerance] = [
        Tolerance(selector: "default", amount: 0.10, relative: true),
        Tolerance(selector: "abandonment_rate", amount: 0.01, relative: false),
        Tolerance(selector: "service_level", amount: 0.01, relative: false),
        Tolerance(selector: "errors", amount: 0, relative: false),
        Tolerance(selector: "messages_lost", amount: 0, relative: false),
        Tolerance(selector: "messages_duplicated", amount: 0, relative: false),
        Tolerance(selector: "messages_reordered", amount: 0, relative: false),
    ]

    /// Reads `SELECTOR +AMOUNT`, where AMOUNT is `N%`, a latency with a unit (`5ms`, `2s`) or a plain
    /// number in the metric's unit (milliseconds for latencies).
    public static func parse(_ text: String) throws(ToleranceError) -> Tolerance {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2 else {
            throw ToleranceError("\"\(text)\" is not a tolerance; write METRIC +AMOUNT, e.g. 'p99 +10%' or 'errors +0'")
        }
        let selector = String(parts[0])
        try check(selector)
        var amount = parts[1]
        if amount.hasPrefix("+") { amount = amount.dropFirst() }
        let digits = amount.prefix { $0.isNumber || $0 == "." }
        let unit = amount.dropFirst(digits.count)
        guard let value = Double(digits), value >= 0 else {
            throw ToleranceError("\"\(parts[1])\" is not an amount; write e.g. +10%, +5ms, +0.01 or +0")
        }
        if unit == "%" { return Tolerance(selector: selector, amount: value / 100, relative: true) }
        if unit.isEmpty { return Tolerance(selector: selector, amount: value, relative: false) }
        guard let factor = ThresholdParser.latencyUnits.first(where: { $0.unit == unit })?.milliseconds else {
            throw ToleranceError("\"\(parts[1])\": unknown unit \"\(unit)\"; use %, us, ms, s, m or h, or none")
        }
        // A time only for times: `errors +2s` read as +2000 errors.
        let tolerance = Tolerance(selector: selector, amount: value * factor, relative: false)
        let matched = KeyMetric.all.filter { tolerance.specificity(for: $0) != nil }
        if selector == "default" || matched.contains(where: { $0.unit != .milliseconds }) {
            throw ToleranceError(
                "\"\(text)\": a time (\(unit)) applies only to latencies; \(selector) is not one, give a number or a percentage"
            )
        }
        return tolerance
    }

    /// Throws when `selector` matches no key metric.
    private static func check(_ selector: String) throws(ToleranceError) {
        guard selector != "default" else { return }
        if KeyMetric.all.contains(where: { Tolerance(selector: selector, amount: 0, relative: true).specificity(for: $0) != nil }) {
            return
        }
        let names = Set(KeyMetric.all.map(\.name) + KeyMetric.latencyAggregates.map(\.0) + ["default"])
        var message = "no key metric matches \"\(selector)\""
        if let suggestion = Suggestion.closest(to: selector, among: names.sorted()) {
            message += "; did you mean \"\(suggestion)\"?"
        } else {
            message += "; use a name such as queue_wait.p99, a prefix such as queue_wait, an aggregate such as p99, or default"
        }
        throw ToleranceError(message)
    }

    /// How closely the selector names `metric`: 3 exact, 2 a prefix, 1 an aggregate, 0 `default`; nil when
    /// it does not apply.
    func specificity(for metric: KeyMetric) -> Int? {
        if selector == metric.name { return 3 }
        if metric.name.hasPrefix(selector + ".") { return 2 }
        if let aggregate = metric.aggregate, aggregate == selector { return 1 }
        if selector == "default" && metric.better != .neither { return 0 }
        return nil
    }

    /// The most specific tolerance for `metric`; later ones win ties (command-line ones come after the defaults).
    static func applicable(to metric: KeyMetric, in tolerances: [Tolerance]) -> Tolerance? {
        guard metric.better != .neither else { return nil }
        var best: (tolerance: Tolerance, rank: Int)?
        for tolerance in tolerances {
            guard let rank = tolerance.specificity(for: metric) else { continue }
            if rank >= (best?.rank ?? -1) { best = (tolerance, rank) }
        }
        return best?.tolerance
    }
}

/// A tolerance that cannot be read.
public struct ToleranceError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

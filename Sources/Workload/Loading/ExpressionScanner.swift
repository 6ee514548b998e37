import Foundation

/// Scans one threshold expression, `AGGREGATE OP NUMBER[UNIT]`, left to right.
struct ExpressionScanner {
    struct Parsed {
        var aggregate: ThresholdAggregate
        var comparison: ThresholdComparison
        var bound: Double
    }

    private let text: String
    private var rest: Substring

    init(text: String) {
        self.text = text
        self.rest = Substring(text)
    }

    /// Latency units in milliseconds; a latency bound without a unit is in milliseconds too.
    static let latencyUnits: [(String, Double)] = [("us", 0.001), ("µs", 0.001), ("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)]

    mutating func parse(for metric: ThresholdMetric) throws(ThresholdSyntaxError) -> Parsed {
        skipSpaces()
        guard !rest.isEmpty else { throw ThresholdSyntaxError("the expression is empty; write e.g. \"p(99) < 250ms\"") }
        let aggregate = try aggregate(for: metric)
        skipSpaces()
        let comparison = try comparison(after: aggregate)
        skipSpaces()
        let bound = try bound(for: metric, aggregate: aggregate)
        skipSpaces()
        guard rest.isEmpty else { throw ThresholdSyntaxError("\"\(text)\": unexpected \"\(rest)\" after the value") }
        return Parsed(aggregate: aggregate, comparison: comparison, bound: bound)
    }

    private mutating func skipSpaces() {
        rest = rest.drop { $0 == " " || $0 == "\t" }
    }

    private mutating func aggregate(for metric: ThresholdMetric) throws(ThresholdSyntaxError) -> ThresholdAggregate {
        let word = String(rest.prefix { $0.isLetter || $0 == "_" })
        rest = rest.dropFirst(word.count)
        let aggregate: ThresholdAggregate
        switch word {
        case "p" where rest.first == "(":
            aggregate = try percentile()
        case "avg", "mean": aggregate = .mean
        case "med": aggregate = .median
        case "min": aggregate = .min
        case "max": aggregate = .max
        case "count": aggregate = .count
        case "rate": aggregate = .rate
        case "value": aggregate = .value
        case "occupancy": aggregate = .occupancy
        case "":
            throw ThresholdSyntaxError("the expression must start with an aggregate: " + metric.aggregateNames.joined(separator: ", "))
        default:
            throw ThresholdSyntaxError(unknownAggregate(word + rest.prefix { $0.isNumber || $0 == "." }, metric: metric))
        }
        guard metric.accepts(aggregate) else {
            throw ThresholdSyntaxError(
                "\(metric.rawValue) has no aggregate \"\(aggregate)\"; use one of: " + metric.aggregateNames.joined(separator: ", ")
            )
        }
        return aggregate
    }

    private func unknownAggregate(_ word: String, metric: ThresholdMetric) -> String {
        let known = metric.aggregateNames.joined(separator: ", ")
        if word.first == "p", let n = Double(word.dropFirst()), metric.kind == .latency {
            return
                "\"\(word)\" is not an aggregate; write percentiles as p(\(ThresholdAggregate.percentile(n).description.dropFirst(2).dropLast()))"
        }
        if let suggestion = Suggestion.closest(to: word, among: metric.aggregateNames.filter { $0 != "p(N)" }) {
            return "\"\(word)\" is not an aggregate of \(metric.rawValue); did you mean \"\(suggestion)\"?"
        }
        return "\"\(word)\" is not an aggregate of \(metric.rawValue); use one of: " + known
    }

    private mutating func percentile() throws(ThresholdSyntaxError) -> ThresholdAggregate {
        rest = rest.dropFirst()  // "("
        let digits = rest.prefix { $0 != ")" }
        guard digits.count < rest.count else { throw ThresholdSyntaxError("\"\(text)\": p( has no closing \")\"") }
        rest = rest.dropFirst(digits.count + 1)
        let trimmed = digits.trimmingCharacters(in: .whitespaces)
        guard let n = Double(trimmed), trimmed.allSatisfy({ $0.isNumber || $0 == "." }) else {
            throw ThresholdSyntaxError("\"p(\(digits))\": the percentile must be a number, e.g. p(99) or p(99.9)")
        }
        guard n > 0, n <= 100 else {
            throw ThresholdSyntaxError("\"p(\(digits))\": the percentile must be above 0 and at most 100")
        }
        return .percentile(n)
    }

    private mutating func comparison(after aggregate: ThresholdAggregate) throws(ThresholdSyntaxError) -> ThresholdComparison {
        let operators = ThresholdComparison.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
        if let match = operators.first(where: { rest.hasPrefix($0.rawValue) }) {
            rest = rest.dropFirst(match.rawValue.count)
            return match
        }
        if rest.hasPrefix("=") {
            throw ThresholdSyntaxError("\"\(text)\": compare with ==, not =")
        }
        throw ThresholdSyntaxError("\"\(text)\": expected a comparison (<, <=, >, >=, ==, !=) after \"\(aggregate)\"")
    }

    private mutating func bound(for metric: ThresholdMetric, aggregate: ThresholdAggregate) throws(ThresholdSyntaxError) -> Double {
        let number = rest.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        guard !number.isEmpty, let value = Double(number), value.isFinite else {
            throw ThresholdSyntaxError("\"\(text)\": expected a number after the comparison")
        }
        rest = rest.dropFirst(number.count)
        skipSpaces()
        let unit = String(rest.prefix { $0.isLetter || $0 == "%" })
        rest = rest.dropFirst(unit.count)
        switch (metric.kind, aggregate) {
        case (.latency, .count):
            guard unit.isEmpty else { throw noUnit(unit, "a count") }
            return value
        case (.latency, _):
            if unit.isEmpty { return value }
            guard let factor = Self.latencyUnits.first(where: { $0.0 == unit })?.1 else {
                throw ThresholdSyntaxError("\"\(text)\": unknown unit \"\(unit)\"; latencies take us, ms, s, m or h (none: ms)")
            }
            return value * factor
        case (.rate, _), (.concurrency, .occupancy):
            if unit == "%" { return value / 100 }
            guard unit.isEmpty else {
                throw ThresholdSyntaxError("\"\(text)\": \"\(unit)\" is not a unit of a rate; write a share (0.05) or a percentage (5%)")
            }
            return value
        default:
            guard unit.isEmpty else { throw noUnit(unit, metric.kind == .counter ? "a count" : "a number of chats") }
            return value
        }
    }

    private func noUnit(_ unit: String, _ what: String) -> ThresholdSyntaxError {
        ThresholdSyntaxError("\"\(text)\": \"\(unit)\" is not a unit here; the value is \(what), write a plain number")
    }
}

import Foundation
import Yams

/// Scalars: strings, numbers, booleans, names from a fixed set, durations, time zones, language codes.
///
/// Plain scalars are typed by the YAML 1.2 core schema, as editors and the JSON Schema see them: `12` is a
/// number, `"12"` a string, `true` a boolean, `~` or nothing is null.
extension ProfileReader {
    // MARK: Classification

    static func isNull(_ text: String) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains(text)
    }

    static func isBool(_ text: String) -> Bool {
        ["true", "True", "TRUE", "false", "False", "FALSE"].contains(text)
    }

    /// A plain number in decimal notation (`12`, `-0.5`, `1e3`).
    static func isNumber(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber || "+-.".contains(first) else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) } && Double(text) != nil
    }

    /// A plain scalar that the core schema does not read as a string.
    static func isPlainNonString(_ text: String) -> Bool {
        isNull(text) || isBool(text) || isNumber(text) || [".inf", "-.inf", ".nan", ".NaN"].contains(text)
    }

    /// The text of a scalar, or nil (not reported) for lists, mappings and null.
    static func text(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node, scalar.style != .plain || !isNull(scalar.string) else { return nil }
        return scalar.string
    }

    /// True for a scalar written without quotes.
    static func isPlain(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node { return scalar.style == .plain }
        return false
    }

    // MARK: Strings and booleans

    /// A string (quoted, or plain and not a number, boolean or null).
    func string(_ node: Node, _ path: String) -> String? {
        guard case .scalar(let scalar) = node, scalar.style != .plain || !Self.isPlainNonString(scalar.string) else {
            report("expected a string, found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        return scalar.string
    }

    /// A non-empty string, for names.
    func name(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            report("the name is empty", at: node, path: path)
            return nil
        }
        return text
    }

    func bool(_ node: Node, _ path: String) -> Bool? {
        guard Self.isPlain(node), let text = Self.text(node), Self.isBool(text) else {
            report("expected true or false, found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        return text.lowercased() == "true"
    }

    /// One of `values` (e.g. `least-loaded`), with a suggestion when misspelt.
    func oneOf<T>(_ values: [(String, T)], _ node: Node, _ path: String) -> T? {
        let names = values.map(\.0)
        guard let text = Self.text(node) else {
            report("expected one of: " + names.joined(separator: ", "), at: node, path: path)
            return nil
        }
        if let match = values.first(where: { $0.0 == text }) { return match.1 }
        var message = "\"\(text)\" is not one of: " + names.joined(separator: ", ")
        if let suggestion = Suggestion.closest(to: text, among: names) {
            message = "\"\(text)\" is not one of: \(names.joined(separator: ", ")); did you mean \"\(suggestion)\"?"
        }
        report(message, at: node, path: path)
        return nil
    }

    // MARK: Numbers

    /// The largest magnitude of a number or duration in a profile. Beyond any real quantity (a duration of 1e15 s is
    /// 31 million years), and far enough from the floating-point limit that sums, products and draws stay finite:
    /// `1e400` reads as infinity, and an infinite weight or bound used to trap in the simulator's draws.
    public static let largestNumber = 1e15

    /// A plain decimal number (not quoted), at most ``largestNumber`` in magnitude.
    func number(_ node: Node, _ path: String) -> Double? {
        guard Self.isPlain(node), let text = Self.text(node), Self.isNumber(text), let value = Double(text) else {
            report("expected a number, found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        guard abs(value) <= Self.largestNumber else {
            report("\(text) is too large; numbers in a profile are at most 1e15", at: node, path: path)
            return nil
        }
        return value
    }

    /// A number in `range`; `what` names the quantity in the message ("a probability").
    func number(in range: ClosedRange<Double>, _ what: String, _ node: Node, _ path: String) -> Double? {
        guard let value = number(node, path) else { return nil }
        guard range.contains(value) else {
            report(
                "\(what) must be between \(Self.format(range.lowerBound)) and \(Self.format(range.upperBound)), found \(Self.format(value))",
                at: node,
                path: path
            )
            return nil
        }
        return value
    }

    /// A share or probability, in 0...1.
    func probability(_ node: Node, _ path: String) -> Double? {
        number(in: 0...1, "a probability", node, path)
    }

    /// A number above zero.
    func positive(_ node: Node, _ path: String) -> Double? {
        guard let value = number(node, path) else { return nil }
        guard value > 0 else {
            report("must be above 0, found \(Self.format(value))", at: node, path: path)
            return nil
        }
        return value
    }

    /// A number of zero or more.
    func nonNegative(_ node: Node, _ path: String) -> Double? {
        guard let value = number(node, path) else { return nil }
        guard value >= 0 else {
            report("must be 0 or more, found \(Self.format(value))", at: node, path: path)
            return nil
        }
        return value
    }

    /// A whole number of at least `minimum`.
    func integer(atLeast minimum: Int, _ node: Node, _ path: String) -> Int? {
        guard Self.isPlain(node), let text = Self.text(node), let value = Int(text) else {
            report("expected a whole number, found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        guard value >= minimum else {
            report("must be at least \(minimum), found \(value)", at: node, path: path)
            return nil
        }
        return value
    }

    func seed(_ node: Node, _ path: String) -> UInt64? {
        guard Self.isPlain(node), let text = Self.text(node), let value = UInt64(text) else {
            report("expected a whole number from 0 to \(UInt64.max), found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        return value
    }

    /// `12`, `0.5`, `1e-3`: short, without a trailing `.0`.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: Durations

    /// Seconds per duration unit.
    static let durationUnits: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]

    /// `90`, `250ms`, `1.5s`, `15m`, `8h`, `2d` or a sum such as `1h30m`, in seconds; nil when it is not one (a plain
    /// number counts here only with a unit: `duration(_:_:)` reads those as numbers).
    static func seconds(_ text: String) -> Double? {
        var rest = Substring(text)
        var total = 0.0
        guard !rest.isEmpty else { return nil }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard let amount = Double(digits), !digits.hasPrefix("."), !digits.hasSuffix(".") else { return nil }
            rest = rest.dropFirst(digits.count)
            let letters = rest.prefix { $0.isLetter }
            guard let unit = durationUnits.first(where: { $0.0 == letters }) else { return nil }
            rest = rest.dropFirst(letters.count)
            total += amount * unit.1
        }
        return total
    }

    /// A duration: a plain number of seconds, or a string with units (`250ms`, `90s`, `15m`, `8h`, `2d`).
    func duration(_ node: Node, _ path: String) -> Double? {
        guard let text = Self.text(node) else {
            report("expected a duration such as 90s, 15m or 8h, found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        if Self.isPlain(node) && Self.isNumber(text) {
            return nonNegative(node, path)
        }
        guard let seconds = Self.seconds(text) else {
            report(
                "\"\(text)\" is not a duration; write a number of seconds or use units ms, s, m, h, d (e.g. 90s, 1h30m)",
                at: node,
                path: path
            )
            return nil
        }
        guard seconds <= Self.largestNumber else {
            report("\"\(text)\" is too long; durations in a profile are at most 1e15 seconds", at: node, path: path)
            return nil
        }
        return seconds
    }

    /// A duration above zero.
    func positiveDuration(_ node: Node, _ path: String) -> Double? {
        guard let seconds = duration(node, path) else { return nil }
        guard seconds > 0 else {
            report("the duration must be above 0", at: node, path: path)
            return nil
        }
        return seconds
    }

    // MARK: Zones and languages

    /// An IANA time zone name that Foundation knows.
    func timeZone(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard TimeZone(identifier: text) == nil else { return text }
        var message = "\"\(text)\" is not an IANA time zone name (e.g. Europe/Riga, Asia/Kolkata)"
        if let suggestion = Suggestion.closest(to: text, among: TimeZone.knownTimeZoneIdentifiers + Self.renamedZones) {
            message += "; did you mean \"\(suggestion)\"?"
        }
        report(message, at: node, path: path)
        return nil
    }

    /// Current names that some platforms' lists of known zones still give under their old names
    /// (`Asia/Calcutta`), so that suggestions offer them.
    static let renamedZones = ["Asia/Kolkata", "Asia/Kathmandu", "Asia/Yangon", "Asia/Ho_Chi_Minh", "Europe/Kyiv", "America/Nuuk"]

    /// A language code: ISO 639 letters, optionally with subtags (`en`, `pt-BR`).
    func language(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        guard Self.isLanguageCode(text) else {
            report("\"\(text)\" is not a language code such as en, hi or pt-BR", at: node, path: path)
            return nil
        }
        return text
    }

    static func isLanguageCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
            first.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

import Foundation
import Yams

/// Walks a composed YAML tree into a ``Profile``, collecting every problem with its position instead of
/// stopping at the first. Readers return nil when a value is missing or wrong; the problem is then recorded.
final class ProfileReader {
    let file: String
    private(set) var issues: [ProfileIssue] = []
    /// Names used elsewhere in the profile, checked once the whole tree has been read.
    var references: [Reference] = []
    /// Names defined so far: regions, the languages and departments of region mixes, departments sites serve.
    var regionNames: Set<String> = []
    var languageNames: Set<String> = []
    var departmentNames: Set<String> = []
    var servedDepartments: Set<String> = []
    var transferTargets: Set<String> = []
    var botDepartments: Set<String> = []
    /// The longest `calendar.duration` accepted (nil: no limit but ``largestNumber``).
    var longestDuration: Double?

    init(file: String) {
        self.file = file
    }

    /// A name that must be defined elsewhere in the profile.
    struct Reference {
        enum Kind {
            case region
            /// A department that visitors ask for (a bot's).
            case requestedDepartment
            /// A department that is asked for or transferred to (a site's, a conversion rate's).
            case knownDepartment
            /// A department some site serves (a transfer target).
            case servedDepartment
            case language
        }

        var kind: Kind
        var name: String
        var node: Node
        var path: String
    }

    // MARK: Reporting

    func report(_ message: String, at node: Node?, path: String) {
        report(message, at: node?.mark, path: path)
    }

    func report(_ message: String, at mark: Mark?, path: String) {
        issues.append(
            ProfileIssue(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, keyPath: path, message: message)
        )
    }

    /// The issues in file order (stable for issues at the same position).
    var sortedIssues: [ProfileIssue] {
        issues.enumerated()
            .sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    // MARK: Mappings and lists

    /// The entries of a mapping with a fixed set of keys; unknown keys are reported with a suggestion.
    func keyed(_ node: Node, _ path: String, keys: [String]) -> Fields? {
        guard let pairs = pairs(node, path, expecting: "a mapping") else { return nil }
        var fields = Fields(path: path, mark: node.mark)
        for pair in pairs {
            guard keys.contains(pair.name) else {
                report(unknownKeyMessage(pair.name, keys: keys), at: pair.key, path: Self.child(path, pair.name))
                continue
            }
            fields.entries[pair.name] = pair
        }
        return fields
    }

    /// The entries of a mapping with free keys (a language mix, the thresholds), in file order.
    /// `<<` merge keys are applied; keys given explicitly win over merged ones.
    /// With `scalarKeys`, keys may be numbers too (a weighted distribution's values).
    func pairs(_ node: Node, _ path: String, expecting what: String, scalarKeys: Bool = false) -> [Pair]? {
        guard case .mapping(let mapping) = node else {
            report("expected \(what), found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        var explicit: [Pair] = []
        var merged: [Pair] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key,
                scalar.style != .plain || !Self.isPlainNonString(scalar.string) || scalarKeys && Self.isNumber(scalar.string)
            else {
                report("keys must be strings; found \(Self.describe(key))", at: key, path: path)
                continue
            }
            if scalar.style == .plain && scalar.string == "<<" {
                merged += mergedPairs(value, path)
            } else {
                explicit.append(Pair(name: scalar.string, key: key, value: value))
            }
        }
        let names = Set(explicit.map(\.name))
        var seen: Set<String> = []
        return explicit + merged.filter { !names.contains($0.name) && seen.insert($0.name).inserted }
    }

    private func mergedPairs(_ node: Node, _ path: String) -> [Pair] {
        switch node {
        case .sequence(let sequence):
            return sequence.flatMap { pairs($0, path, expecting: "a mapping to merge") ?? [] }
        default:
            return pairs(node, path, expecting: "a mapping to merge") ?? []
        }
    }

    /// The items of a list.
    func list(_ node: Node, _ path: String, nonEmpty: Bool = false) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list, found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        if nonEmpty && sequence.isEmpty {
            report("the list is empty; give at least one item", at: node, path: path)
            return nil
        }
        return Array(sequence)
    }

    /// Reads every item of a list; nil when the list itself is wrong (items that are wrong are left out).
    func items<T>(_ node: Node, _ path: String, nonEmpty: Bool = false, _ read: (Node, String) -> T?) -> [T]? {
        guard let nodes = list(node, path, nonEmpty: nonEmpty) else { return nil }
        return nodes.enumerated().compactMap { read($0.element, Self.index(path, $0.offset)) }
    }

    /// Reads `key` when present; nil when absent or wrong.
    func optional<T>(_ fields: Fields, _ key: String, _ read: (Node, String) -> T?) -> T? {
        guard let pair = fields.entries[key] else { return nil }
        return read(pair.value, fields.path(key))
    }

    /// Reads `key`, reporting it at the mapping when absent.
    func required<T>(_ fields: Fields, _ key: String, _ read: (Node, String) -> T?) -> T? {
        guard let pair = fields.entries[key] else {
            report("missing required key \"\(key)\"", at: fields.mark, path: fields.path)
            return nil
        }
        return read(pair.value, fields.path(key))
    }

    // MARK: Messages

    func unknownKeyMessage(_ key: String, keys: [String]) -> String {
        if let suggestion = Suggestion.closest(to: key, among: keys) {
            return "unknown key \"\(key)\"; did you mean \"\(suggestion)\"?"
        }
        return "unknown key \"\(key)\"; expected one of: " + keys.joined(separator: ", ")
    }

    /// `"value"`, `a mapping`, `a list` or `nothing`, for "expected …, found …" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain && isNull(scalar.string) { return "nothing" }
            return "\"\(scalar.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Key paths

    /// `parent.key`, or `parent["odd key"]` for keys that are not simple names.
    static func child(_ path: String, _ key: String) -> String {
        let simple =
            !key.isEmpty && key.first.map { $0.isLetter || $0 == "_" } == true
            && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        if simple {
            return path.isEmpty ? key : path + "." + key
        }
        let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return path + "[\"" + escaped + "\"]"
    }

    static func index(_ path: String, _ index: Int) -> String {
        path + "[\(index)]"
    }
}

/// One key and its value in a mapping.
struct Pair {
    var name: String
    var key: Node
    var value: Node
}

/// The known keys of a mapping, by name.
struct Fields {
    var path: String
    var mark: Mark?
    var entries: [String: Pair] = [:]

    func path(_ key: String) -> String { ProfileReader.child(path, key) }

    func has(_ key: String) -> Bool { entries[key] != nil }
}

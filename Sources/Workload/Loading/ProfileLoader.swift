import Foundation
import Yams

/// Loads traffic profiles from YAML and validates them, reporting every problem at once with its file, line,
/// column and key path.
///
/// The format is described in `docs/profile.md`; `Profiles/profile.schema.json` is its JSON Schema for editors.
public enum ProfileLoader {
    /// Reads and validates the profile in a file.
    ///
    /// - Parameter path: The file's path; issues name the file as given here.
    /// - Returns: The profile.
    /// - Throws: ``ProfileLoadError`` with every problem found, or the reason the file cannot be read.
    public static func load(contentsOf path: String, longestDuration: Double? = nil) throws(ProfileLoadError) -> Profile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileLoadError(issues: [ProfileIssue(file: path, line: 0, column: 0, keyPath: "", message: "cannot read the file")])
        }
        guard let yaml = String(data: data, encoding: .utf8) else {
            throw ProfileLoadError(issues: [
                ProfileIssue(file: path, line: 0, column: 0, keyPath: "", message: "the file is not UTF-8 text")
            ])
        }
        return try parse(yaml: yaml, file: path, longestDuration: longestDuration)
    }

    /// Validates a profile given as YAML text.
    ///
    /// - Parameters:
    ///   - yaml: The profile.
    ///   - file: The name issues give for the text (a path, or e.g. `<stdin>`).
    ///   - longestDuration: The longest `calendar.duration` the caller can run (``CalendarSettings/longestDuration``
    ///     for the commands that record a row per simulated second); nil for no limit.
    /// - Returns: The profile.
    /// - Throws: ``ProfileLoadError`` with every problem found.
    public static func parse(yaml: String, file: String, longestDuration: Double? = nil) throws(ProfileLoadError) -> Profile {
        let reader = ProfileReader(file: file)
        reader.longestDuration = longestDuration
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ProfileLoadError(issues: [reader.syntaxIssue(error)])
        }
        guard let root else {
            throw ProfileLoadError(issues: [
                ProfileIssue(file: file, line: 1, column: 1, keyPath: "", message: "the document is empty; see docs/profile.md")
            ])
        }
        let profile = reader.profile(root)
        reader.checkReferences()
        guard let profile, reader.issues.isEmpty else {
            throw ProfileLoadError(issues: reader.sortedIssues)
        }
        return profile
    }
}

extension ProfileReader {
    static let topLevelKeys = [
        "schemaVersion", "name", "description", "seed", "calendar", "regions", "events", "visitors", "agents", "bots",
        "handling", "routing", "target", "thresholds", "goals",
    ]

    /// The whole profile; nil when something required is missing or wrong.
    func profile(_ node: Node) -> Profile? {
        guard let fields = keyed(node, "", keys: Self.topLevelKeys) else { return nil }
        let version = required(fields, "schemaVersion") { self.integer(atLeast: 1, $0, $1) }
        if let version, version != 1, let node = fields.entries["schemaVersion"]?.value {
            report("schema version \(version) is not supported; this chatstorm reads version 1", at: node, path: "schemaVersion")
        }
        let name = required(fields, "name", self.name)
        let calendar = required(fields, "calendar", calendar)
        let regions = required(fields, "regions") { self.items($0, $1, nonEmpty: true, self.region) }
        let agents = required(fields, "agents", agents)

        var profile = Profile(
            name: name ?? "",
            calendar: calendar ?? CalendarSettings(start: Date(timeIntervalSince1970: 0), duration: 0),
            regions: regions ?? [],
            agents: agents ?? AgentRoster(sites: [])
        )
        profile.description = optional(fields, "description", string)
        profile.seed = optional(fields, "seed", seed) ?? profile.seed
        profile.events = optional(fields, "events") { self.items($0, $1, self.event) } ?? []
        profile.visitors = optional(fields, "visitors", visitors) ?? profile.visitors
        profile.bots = optional(fields, "bots") { self.items($0, $1, self.bot) } ?? []
        profile.handling = optional(fields, "handling", handling)
        if let routing = optional(fields, "routing", routing) {
            profile.routing = routing.rule ?? profile.routing
            profile.overflowAfter = routing.overflowAfter
        }
        profile.target = optional(fields, "target", target)
        let readThresholds = optional(fields, "thresholds", self.thresholds) ?? ReadThresholds()
        profile.thresholds = readThresholds.thresholds
        profile.goals = optional(fields, "goals", goals)

        if let node = fields.entries["regions"]?.value {
            checkUnique(node, "regions", what: "region")
        }
        guard version != nil, name != nil, calendar != nil, regions != nil, agents != nil else { return nil }
        checkThresholdTags(readThresholds, in: profile)
        return profile
    }

    /// `routing: least-loaded`, or `routing: {assignment: fill-first, overflowAfter: 2m}`.
    func routing(_ node: Node, _ path: String) -> (rule: RoutingRule?, overflowAfter: Double?)? {
        let rules = RoutingRule.allCases.map { ($0.rawValue, $0) }
        guard case .mapping = node else { return oneOf(rules, node, path).map { ($0, nil) } }
        guard let fields = keyed(node, path, keys: ["assignment", "overflowAfter"]) else { return nil }
        return (optional(fields, "assignment") { self.oneOf(rules, $0, $1) }, optional(fields, "overflowAfter", duration))
    }

    /// `calendar: {start: 2025-11-28T00:00:00Z, duration: 1d, speed: 120}`.
    func calendar(_ node: Node, _ path: String) -> CalendarSettings? {
        guard let fields = keyed(node, path, keys: ["start", "duration", "speed"]) else { return nil }
        let start = required(fields, "start", instant)
        let duration = required(fields, "duration") { node, path -> Double? in
            guard let seconds = self.positiveDuration(node, path) else { return nil }
            if let longest = self.longestDuration, seconds > longest {
                self.report(
                    "a run records a row of figures per simulated second and lasts at most \(Self.format(longest / 86_400)) days, "
                        + "found \(Self.format(seconds / 86_400)); shorten it or pass --duration",
                    at: node,
                    path: path
                )
                return nil
            }
            return seconds
        }
        // Simulated seconds per real second, as `run --speed` takes it: beyond, the clocks' whole nanoseconds overflow.
        let speed = optional(fields, "speed") { self.number(in: 0.001...1_000_000, "the speed", $0, $1) }
        guard let start, let duration else { return nil }
        return CalendarSettings(start: start, duration: duration, speed: speed ?? 1)
    }

    /// `target: {url: ws://127.0.0.1:8080, protocol: native, agentToken: secret}`.
    func target(_ node: Node, _ path: String) -> Target? {
        guard let fields = keyed(node, path, keys: ["url", "protocol", "agentToken"]) else { return nil }
        let url = required(fields, "url") { node, path -> String? in
            guard let text = self.string(node, path) else { return nil }
            guard text.hasPrefix("ws://") || text.hasPrefix("wss://"), let url = URL(string: text), url.host != nil else {
                self.report("\"\(text)\" is not a WebSocket URL such as ws://127.0.0.1:8080", at: node, path: path)
                return nil
            }
            guard let port = url.port, (1...65_535).contains(port) else {
                self.report("\"\(text)\" needs a port from 1 to 65535, e.g. ws://127.0.0.1:8080", at: node, path: path)
                return nil
            }
            return text
        }
        let wireProtocol = optional(fields, "protocol") {
            self.oneOf(Target.WireProtocol.allCases.map { ($0.rawValue, $0) }, $0, $1)
        }
        let token = optional(fields, "agentToken", string)
        guard let url else { return nil }
        return Target(url: url, wireProtocol: wireProtocol ?? .native, agentToken: token)
    }

    /// Reports items of a list that repeat an earlier item's `name`.
    func checkUnique(_ list: Node, _ path: String, what: String) {
        guard case .sequence(let items) = list else { return }
        var seen: Set<String> = []
        for (offset, item) in items.enumerated() {
            guard case .mapping(let mapping) = item, let node = mapping["name"], let name = Self.text(node) else { continue }
            if !seen.insert(name).inserted {
                report("another \(what) is already named \"\(name)\"", at: node, path: Self.child(Self.index(path, offset), "name"))
            }
        }
    }

    /// An issue for a YAML syntax error, at its position.
    func syntaxIssue(_ error: any Error) -> ProfileIssue {
        var mark: Mark?
        var message = "\(error)"
        if let error = error as? YamlError {
            switch error {
            case .scanner(_, let problem, let at, _), .parser(_, let problem, let at, _), .composer(_, let problem, let at, _):
                mark = at
                message = "YAML syntax error: \(problem)"
            case .duplicatedKeysInMapping(let duplicates, let context):
                mark = context.mark
                message = "duplicate key " + duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            case .reader(let problem, _, _, _):
                message = "YAML syntax error: \(problem)"
            default:
                break
            }
        }
        return ProfileIssue(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, keyPath: "", message: message)
    }
}

extension ProfileLoader {
    /// The largest magnitude of a number in a profile (see ``ProfileReader/largestNumber``), for options that change
    /// a profile's numbers.
    public static var largestNumber: Double { ProfileReader.largestNumber }

    /// Seconds of a duration written as in a profile, for command-line options: a plain decimal number of seconds
    /// or a duration with units (`500ms`, `90s`, `1h30m`, `2d`); nil when it is neither, or beyond
    /// ``ProfileReader/largestNumber``.
    public static func seconds(_ text: String) -> Double? {
        let seconds = ProfileReader.isNumber(text) ? Double(text) : ProfileReader.seconds(text)
        guard let seconds, abs(seconds) <= ProfileReader.largestNumber else { return nil }
        return seconds
    }

    /// Reads a distribution of durations written as in a profile (`50ms`, `{exponential: 30ms}`,
    /// `{lognormal: {median: 20ms, p95: 80ms}}`, …), e.g. from a command-line option.
    ///
    /// - Parameters:
    ///   - text: The distribution, in YAML flow style.
    ///   - source: What issues name as the file (e.g. `--delay`).
    /// - Throws: ``ProfileLoadError`` naming `source` and what is wrong.
    public static func durationDistribution(_ text: String, source: String) throws(ProfileLoadError) -> Distribution {
        let reader = ProfileReader(file: source)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw ProfileLoadError(issues: [reader.syntaxIssue(error)])
        }
        guard let node else {
            throw ProfileLoadError(issues: [ProfileIssue(file: source, line: 1, column: 1, keyPath: "", message: "empty")])
        }
        guard let distribution = reader.distribution(node, "", .duration), reader.issues.isEmpty else {
            throw ProfileLoadError(issues: reader.sortedIssues)
        }
        return distribution
    }
}

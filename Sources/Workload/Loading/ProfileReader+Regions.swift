import Yams

/// Regions (where visitors come from), their diurnal curves and language and department mixes, and events.
extension ProfileReader {
    static let regionKeys = ["name", "timeZone", "peakPerHour", "curve", "languages", "departments", "returningShare", "site"]
    static let eventKeys = ["name", "timeZone", "start", "end", "multiplier", "regions"]
    /// Shares must sum to 1 within this.
    static let shareTolerance = 0.001

    func region(_ node: Node, _ path: String) -> Region? {
        guard let fields = keyed(node, path, keys: Self.regionKeys) else { return nil }
        let name = required(fields, "name", self.name)
        if let name { regionNames.insert(name) }
        let timeZone = required(fields, "timeZone", timeZone)
        let peak = required(fields, "peakPerHour", positive)
        let languages = required(fields, "languages") { self.shares($0, $1, what: "language") }
        let departments = required(fields, "departments") { self.shares($0, $1, what: "department") }
        let curve = optional(fields, "curve", curve)
        let returning = optional(fields, "returningShare", probability)
        let site = optional(fields, "site", self.name)
        guard let name, let timeZone, let peak, let languages, let departments else { return nil }
        var region = Region(name: name, timeZone: timeZone, peakPerHour: peak, languages: languages, departments: departments)
        region.curve = curve ?? region.curve
        region.returningShare = returning ?? region.returningShare
        region.site = site
        return region
    }

    /// A mix: name → share, shares in 0...1 summing to 1 (`{en: 0.6, es: 0.4}`).
    func shares(_ node: Node, _ path: String, what: String) -> [String: Double]? {
        guard let pairs = pairs(node, path, expecting: "a mapping of \(what) to share") else { return nil }
        guard !pairs.isEmpty else {
            report("give at least one \(what) and its share", at: node, path: path)
            return nil
        }
        var result: [String: Double] = [:]
        var valid = true
        for pair in pairs {
            let itemPath = Self.child(path, pair.name)
            if what == "language" {
                guard Self.isLanguageCode(pair.name) else {
                    report("\"\(pair.name)\" is not a language code such as en, hi or pt-BR", at: pair.key, path: itemPath)
                    valid = false
                    continue
                }
                languageNames.insert(pair.name)
            } else {
                departmentNames.insert(pair.name)
            }
            guard let share = probability(pair.value, itemPath) else {
                valid = false
                continue
            }
            result[pair.name] = share
        }
        guard valid else { return nil }
        let total = result.values.reduce(0, +)
        guard abs(total - 1) <= Self.shareTolerance else {
            report(
                "the \(what) shares sum to \(Self.format((total * 10_000).rounded() / 10_000)); they must sum to 1",
                at: node,
                path: path
            )
            return nil
        }
        return result
    }

    // MARK: Curves

    /// A preset name, 24 hourly weights, or weekday → 24 weights with `other` for the days not listed.
    func curve(_ node: Node, _ path: String) -> DiurnalCurve? {
        switch node {
        case .scalar:
            return oneOf(DiurnalCurve.Preset.allCases.map { ($0.rawValue, .preset($0)) }, node, path)
        case .sequence:
            guard let weights = hourlyWeights(node, path) else { return nil }
            guard weights.contains(where: { $0 > 0 }) else {
                report("every weight is 0: no visitor would ever arrive", at: node, path: path)
                return nil
            }
            return .hourly(weights)
        default:
            let keys = Weekday.allCases.map(\.rawValue) + ["other"]
            guard let fields = keyed(node, path, keys: keys) else { return nil }
            guard !fields.entries.isEmpty else {
                if case .mapping(let mapping) = node, mapping.isEmpty {
                    report("give 24 weights for some weekdays (mon … sun) and optionally for the other days", at: node, path: path)
                }
                return nil
            }
            var days: [Weekday: [Double]] = [:]
            var valid = true
            for day in Weekday.allCases where fields.has(day.rawValue) {
                let weights = optional(fields, day.rawValue, hourlyWeights)
                days[day] = weights
                valid = valid && weights != nil
            }
            let other = optional(fields, "other", hourlyWeights)
            guard valid, other != nil || !fields.has("other") else { return nil }
            if !days.values.contains(where: { $0.contains { $0 > 0 } }) && !(other ?? []).contains(where: { $0 > 0 }) {
                report("every weight is 0: no visitor would ever arrive", at: node, path: path)
                return nil
            }
            return .weekly(days, otherDays: other)
        }
    }

    /// 24 relative weights (0 or more) for local hours 0…23; the curve's largest weight is the region's `peakPerHour`.
    func hourlyWeights(_ node: Node, _ path: String) -> [Double]? {
        guard let nodes = list(node, path) else { return nil }
        guard nodes.count == 24 else {
            report("expected 24 weights (local hours 0 to 23), found \(nodes.count)", at: node, path: path)
            return nil
        }
        let weights = nodes.enumerated().map { nonNegative($0.element, Self.index(path, $0.offset)) }
        return weights.contains(nil) ? nil : weights.compactMap { $0 }
    }

    // MARK: Events

    func event(_ node: Node, _ path: String) -> Event? {
        guard let fields = keyed(node, path, keys: Self.eventKeys) else { return nil }
        let name = required(fields, "name", self.name)
        let timeZone = required(fields, "timeZone", timeZone)
        let start = required(fields, "start", localDateTime)
        let end = required(fields, "end", localDateTime)
        let multiplier = required(fields, "multiplier", nonNegative)
        let regions = optional(fields, "regions") { list, listPath in
            self.items(list, listPath, nonEmpty: true) { item, itemPath in
                self.name(item, itemPath).map { name -> String in
                    self.references.append(Reference(kind: .region, name: name, node: item, path: itemPath))
                    return name
                }
            }
        }
        guard let name, let timeZone, let start, let end, let multiplier else { return nil }
        guard (end.year, end.month, end.day, end.hour, end.minute) > (start.year, start.month, start.day, start.hour, start.minute) else {
            report(
                "the event ends (\(end)) before or when it starts (\(start))",
                at: fields.entries["end"]?.value,
                path: fields.path("end")
            )
            return nil
        }
        if fields.has("regions") && regions == nil { return nil }
        return Event(name: name, timeZone: timeZone, start: start, end: end, multiplier: multiplier, regions: regions)
    }
}

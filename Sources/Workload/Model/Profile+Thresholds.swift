extension Profile {
    /// The names a breakdown tag can take in this profile: regions, the languages and departments visitors
    /// ask for (and departments sites serve), the agent sites.
    public func breakdownNames(_ key: ThresholdTag.Key) -> Set<String> {
        switch key {
        case .region: Set(regions.map(\.name))
        case .language: Set(regions.flatMap(\.languages.keys))
        case .department: Set(regions.flatMap(\.departments.keys)).union(agents.sites.flatMap(\.departments))
        case .site: Set(agents.sites.map(\.name))
        case .direction, .kind: []
        }
    }

    /// Why `selector`'s breakdown tag names nothing in this profile (with a suggestion), or nil when it does
    /// or has none. A threshold on such a tag could never see data.
    public func unknownTagValue(in selector: MetricSelector) -> String? {
        guard let tag = selector.breakdown else { return nil }
        let names = breakdownNames(tag.key)
        guard !names.contains(tag.value) else { return nil }
        var message = "no \(tag.key.rawValue) of this profile is named \"\(tag.value)\""
        if let suggestion = Suggestion.closest(to: tag.value, among: names.sorted()) {
            message += "; did you mean \"\(suggestion)\"?"
        } else if !names.isEmpty {
            message += " (known: " + names.sorted().joined(separator: ", ") + ")"
        }
        return message
    }
}

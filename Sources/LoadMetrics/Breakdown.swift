/// The dimensions every metric is broken down by.
public enum Dimension: String, CaseIterable, Codable, Sendable {
    case region, language, department, site
}

/// Metric sets keyed by the names of one dimension, interned to small integers so that recording
/// indexes an array instead of hashing a string.
public struct Breakdown: Sendable, Equatable {
    /// Names in interning order; a name's id is its index.
    public private(set) var names: [String] = []
    /// Metric sets, indexed like `names`.
    public internal(set) var sets: [MetricSet] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    /// The id of `name`, adding an empty metric set the first time it is seen.
    public mutating func intern(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(names.count)
        ids[name] = id
        names.append(name)
        sets.append(MetricSet())
        return id
    }

    /// The metric set of `name`, if it was interned.
    public subscript(name: String) -> MetricSet? {
        ids[name].map { sets[Int($0)] }
    }

    /// The metric sets keyed by name.
    public var byName: [String: MetricSet] {
        Dictionary(uniqueKeysWithValues: zip(names, sets))
    }

    /// Adds `other`'s sets key by key.
    public mutating func merge(_ other: Breakdown) {
        for (name, set) in zip(other.names, other.sets) {
            let id = Int(intern(name))
            sets[id].merge(set)
        }
    }
}

/// Interned breakdown ids of one visitor (and, once assigned, of its agent's site); `-1` = none.
public struct BreakdownKeys: Sendable, Equatable, Hashable {
    public var region: Int32
    public var language: Int32
    public var department: Int32
    public var site: Int32

    /// No key in any dimension: recorded into the totals only.
    public static let none = BreakdownKeys(region: -1, language: -1, department: -1, site: -1)

    public init(region: Int32, language: Int32, department: Int32, site: Int32 = -1) {
        self.region = region
        self.language = language
        self.department = department
        self.site = site
    }

    /// The id in `dimension`.
    public subscript(dimension: Dimension) -> Int32 {
        switch dimension {
        case .region: region
        case .language: language
        case .department: department
        case .site: site
        }
    }
}

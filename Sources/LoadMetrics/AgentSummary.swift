/// One agent's time at each concurrency level, as `run.json` keeps it (`agents`): what `agents.csv`
/// lists, in a form a report can draw without the CSV.
public struct AgentSummary: Codable, Sendable, Equatable {
    /// The agent's name.
    public var name: String
    /// Its site.
    public var site: String
    /// Most chats it takes at once.
    public var capacity: Int
    /// Most chats it had at once.
    public var max: Int
    /// Seconds spent with exactly 0, 1, 2 … chats (three decimals).
    public var secondsAtLevel: [Double]

    public init(name: String, site: String, capacity: Int, max: Int, secondsAtLevel: [Double]) {
        self.name = name
        self.site = site
        self.capacity = capacity
        self.max = max
        self.secondsAtLevel = secondsAtLevel
    }

    /// The summary of a recorded agent, seconds rounded to milliseconds.
    init(_ load: AgentLoad, name: String, site: String) {
        self.init(
            name: name,
            site: site,
            capacity: load.capacity,
            max: load.max,
            secondsAtLevel: load.secondsAtLevel.map(RunSeries.milli)
        )
    }

    /// Seconds observed (the sum over levels).
    public var observedSeconds: Double { secondsAtLevel.reduce(0, +) }

    /// Time-weighted mean concurrency (0 when nothing was observed).
    public var mean: Double {
        let observed = observedSeconds
        guard observed > 0 else { return 0 }
        return secondsAtLevel.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element } / observed
    }

    /// `mean / capacity` (0 when the capacity is 0).
    public var occupancy: Double { capacity > 0 ? mean / Double(capacity) : 0 }
}

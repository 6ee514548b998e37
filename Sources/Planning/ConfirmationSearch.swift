/// The search `chatstorm plan --confirm` runs over the agents it adds to the model's minimum in each interval,
/// one simulation of the whole plan per step.
///
/// Per interval it keeps the most agents added that a simulation found short of a goal and the fewest found
/// enough. An interval found short grows by a quarter of its staffing (at least one agent) until one is enough,
/// as ``Staffing`` searches the model; then each step bisects between the two, trying fewer agents when the
/// middle is enough and more when it is short, until they are one agent apart. The intervals are searched at once,
/// but agents carry chats from one interval into the next (a rush in one hour leaves a queue for the next): a
/// verdict that contradicts an earlier one forgets the earlier one, and an interval found short before an
/// earlier interval's staffing changed is searched again from nothing added. The search is settled when a
/// simulation finds every interval enough at its current count with nothing left to try.
public struct ConfirmationSearch: Sendable, Equatable {
    /// Agents added per interval now.
    public private(set) var added: [Int]
    /// Per interval, the most agents added that were found short, and the fewest found enough.
    var short: [Int?]
    var enough: [Int?]
    /// The model's staffing per interval (for the growth step), and whether an interval cannot take more agents.
    let base: [Int]
    var full: [Bool]
    /// Verdicts taken so far; per interval, the verdict its last short finding came from (-1: none) and the
    /// verdict after which its added agents last changed (-1: never).
    var verdicts = 0
    var shortAt: [Int]
    var changedAt: [Int]

    /// A search from the model's staffing `baseAgents` per interval, nothing added.
    public init(baseAgents: [Int]) {
        added = Array(repeating: 0, count: baseAgents.count)
        short = Array(repeating: nil, count: baseAgents.count)
        enough = Array(repeating: nil, count: baseAgents.count)
        base = baseAgents
        full = Array(repeating: false, count: baseAgents.count)
        shortAt = Array(repeating: -1, count: baseAgents.count)
        changedAt = Array(repeating: -1, count: baseAgents.count)
    }

    /// Takes a simulation's verdict on the current staffing (the intervals short of a goal) and returns the
    /// intervals whose added agents change, with their new count: none once the search has settled.
    public mutating func update(shortIntervals: Set<Int>) -> [(interval: Int, added: Int)] {
        var changes: [(interval: Int, added: Int)] = []
        var earlierChange = -1  // the latest change of an interval before `i`
        for i in added.indices {
            defer { earlierChange = max(earlierChange, changedAt[i]) }
            let now = added[i]
            var next = now
            if shortIntervals.contains(i) {
                short[i] = now
                shortAt[i] = verdicts
                if let found = enough[i], found <= now { enough[i] = nil }
                if !full[i] {
                    if let found = enough[i] {
                        next = now + max(1, (found - now) / 2)
                    } else {
                        next = now + max(1, (base[i] + now) / 4)
                    }
                }
            } else {
                enough[i] = now
                if let found = short[i], found >= now { short[i] = nil }
                // Found short before an earlier interval changed: perhaps only because of that interval's queue.
                if short[i] != nil, shortAt[i] <= earlierChange { short[i] = now > 0 ? -1 : nil }
                if let found = short[i], now - found > 1 { next = found + (now - found) / 2 }
            }
            if next != now {
                added[i] = next
                changedAt[i] = verdicts
                changes.append((i, next))
            }
        }
        verdicts += 1
        return changes
    }

    /// Interval `interval` took only `added` agents (every site full): the search does not try more there.
    public mutating func limit(_ interval: Int, to added: Int) {
        self.added[interval] = added
        full[interval] = true
    }
}

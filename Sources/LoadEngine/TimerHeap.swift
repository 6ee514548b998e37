import Workload

/// The run's pending timers: a binary min-heap of plain values, earliest deadline first, ties in the order
/// they were set.
///
/// The engine keeps its own heap instead of one NIO scheduled task per timer: every visitor arms a patience
/// timer that usually goes stale (the machines ignore stale timers instead of cancelling them), so tens of
/// thousands are pending at once, and NIO's heap of `ScheduledTask`s (closures, promises, reference counting
/// on every sift) was the generator's largest cost after the sockets. Entries here hold no references: a
/// visitor is named by its slot and the slot's generation, so a timer of a visitor that has gone finds a
/// different generation and is dropped, and finished visitors are freed at once.
struct TimerHeap {
    /// Who a timer is for.
    enum Target {
        case visitor(slot: Int32, generation: UInt32, timer: VisitorTimer)
        case agent(index: Int32, timer: AgentTimer)
        /// The next arrival of the plan is due.
        case arrival
        /// The profile's duration is over.
        case end
    }

    struct Entry {
        /// Nanoseconds of real time after the run's start.
        var deadline: Int64
        var sequence: UInt64
        /// The simulated time the timer was set for.
        var time: Double
        var target: Target

        func precedes(_ other: Entry) -> Bool {
            deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
        }
    }

    private var entries: [Entry] = []
    private var sequence: UInt64 = 0

    var count: Int { entries.count }

    /// The earliest deadline, if any timer is pending.
    var earliest: Int64? { entries.first?.deadline }

    mutating func push(deadline: Int64, time: Double, target: Target) {
        sequence += 1
        entries.append(Entry(deadline: deadline, sequence: sequence, time: time, target: target))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the earliest timer if its deadline is not after `now`.
    mutating func popDue(notAfter now: Int64) -> Entry? {
        guard let first = entries.first, first.deadline <= now else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return first }
        entries[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < entries.count else { break }
            let right = left + 1
            let child = right < entries.count && entries[right].precedes(entries[left]) ? right : left
            guard entries[child].precedes(entries[parent]) else { break }
            entries.swapAt(child, parent)
            parent = child
        }
        return first
    }
}

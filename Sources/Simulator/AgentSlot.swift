import ChatRouting
import LoadMetrics
import Workload

/// One agent of a simulation: its behaviour machine, the chats it holds as its client sees them, and the
/// handling-model progress of those chats.
struct AgentSlot {
    struct Chat {
        var chat: ChatID
        var visitor: Int32
        /// The visitor slot's generation when the chat was assigned (frames for a reused slot are dropped).
        var generation: UInt32
        /// The visitor's breakdown keys with this agent's site.
        var keys: BreakdownKeys
        /// Handling model: work left (in units of the first entry's mean); `infinity` once completed.
        var work: Double
        /// The latest idle timer the machine armed for this chat, and when it is due.
        var idleTimer: AgentTimer?
        var idleDue = 0.0
        /// An idle event of this chat is in the queue (due no later than `idleDue`).
        var idleQueued = false
    }

    var machine: AgentMachine
    var rng: SeededGenerator
    let id: String
    let profile: AgentProfile
    let siteKey: Int32
    /// The recorder's handle (negative until the first login).
    var record = -1
    var online = false
    /// The routing's slot for the agent, from the first login (-1 before).
    var routingSlot = -1
    var chats: [Chat] = []
    var lastDelivery = 0.0
    /// Handling model: when the work of `chats` was last brought up to date, and the version of the armed
    /// completion.
    var progressedAt = 0.0
    var handlingVersion: UInt32 = 0

    init(agent: AgentSchedule.Agent, site: Site, rng: SeededGenerator, siteKey: Int32) {
        var site = site
        site.maxChats = agent.capacity
        self.machine = AgentMachine(id: agent.id, site: site, shifts: agent.onShift)
        self.rng = rng
        self.id = agent.id
        self.profile = AgentProfile(
            id: agent.id,
            languages: agent.languages,
            departments: agent.departments,
            capacity: agent.capacity,
            site: agent.site,
            translation: agent.translation
        )
        self.siteKey = siteKey
        chats.reserveCapacity(max(1, agent.capacity))
    }

    @inline(__always)
    mutating func handle(_ event: AgentEvent, now: Double, into actions: inout ActionBuffer<AgentAction>) {
        machine.handle(event, now: now, using: &rng, into: &actions)
    }

    /// The position of a chat in `chats` (`mutating` only so that `agents[i].index(of:)` works in place instead of
    /// copying the whole slot out of the array first, which perf showed as the largest `memmove`).
    mutating func index(of chat: ChatID) -> Int? {
        chats.firstIndex { $0.chat == chat }
    }

    /// The breakdown keys of a chat the agent holds (none when it does not hold it; `mutating` like `index(of:)`).
    mutating func keys(of chat: ChatID) -> BreakdownKeys {
        for entry in chats where entry.chat == chat { return entry.keys }
        return .none
    }
}

/// What the simulator keeps about a chat between the routing's actions: whose it is and where it is routed.
/// No strings: an entry is 24 bytes, copied without retains, and the table of open chats stays small.
struct ChatInfo {
    var visitor: Int32
    var generation: UInt32
    /// The agent the chat was last assigned to (-1: none yet).
    var agent: Int32 = -1
    /// The routing last assigned the chat in another department or language than its visitor's (a transfer): the
    /// names are in `Simulation.reroutedChats`.
    var rerouted = false
}

import ChatRouting
import LoadMetrics
import Workload

/// One visitor of a simulation: its behaviour machine and generator, and what the simulator tracks about it the
/// way the live engine's visitor driver does (its chat, when it asked, whether it was assigned and answered).
struct VisitorSlot {
    var machine: VisitorMachine
    var rng: SeededGenerator
    let id: String
    let region: String
    var keys: BreakdownKeys
    /// The routing's queue of the visitor's department and language.
    let queue: ContactCenter.QueueName
    /// The routing's handle of the visitor, from its (latest) hello.
    var routing: VisitorHandle?
    /// Bumped when the slot is reused; events carry it.
    var generation: UInt32
    /// The open chat (0: none).
    var chat: ChatID = 0
    /// The last chat that ended (for the survey).
    var lastChat: ChatID = 0
    /// The agent slot the routing last assigned the open chat to (-1: none yet); kept here rather than looked up
    /// per message.
    var chatAgent: Int32 = -1
    /// When the request was sent (negative: not yet).
    var requestedAt = -1.0
    var queuedOnce = false
    var assignedOnce = false
    var answered = false
    /// The visitor's connection is up.
    var connected = false
    /// The server dropped the visitor after its resume grace; a reconnection says hello as a new visitor.
    var forgotten = false
    var disconnects: UInt32 = 0
    /// Agents' messages on their way to the visitor. A visitor that finishes keeps its slot until they have
    /// arrived: as live, its connection stays open until the server confirms its end, which follows them.
    var messagesOnTheWay: UInt32 = 0
    /// Frames the server kept while the visitor was disconnected.
    var pending: [VisitorDelivery] = []
    /// No frame reaches the visitor before this time (one connection keeps its order).
    var lastDelivery = 0.0
    var finished = false

    init(arrival: Arrival, behaviour: SharedVisitorBehaviour, mix: VisitorMix, rng: SeededGenerator, generation: UInt32) {
        // No output shows a simulated visitor's id: the compact one is unique, and allocates nothing.
        let id = arrival.compactID
        self.machine = VisitorMachine(
            id: id,
            language: arrival.language,
            department: arrival.department,
            returning: arrival.returning,
            shared: behaviour,
            traits: mix.traits
        )
        self.rng = rng
        self.id = id
        self.region = arrival.regionName
        self.keys = mix.keys
        self.queue = mix.queue
        self.generation = generation
    }

    /// Runs the machine on one event.
    @inline(__always)
    mutating func handle(_ event: VisitorEvent, now: Double, into actions: inout ActionBuffer<VisitorAction>) {
        machine.handle(event, now: now, using: &rng, into: &actions)
    }

    /// Waiting in a queue now: requested, never assigned (for the queue-depth accounting of outcomes).
    var isWaiting: Bool { requestedAt >= 0 && !assignedOnce }
}

/// What every visitor of one region's (language, department) pair shares, resolved at the pair's first arrival.
struct VisitorMix {
    /// The recorder's keys (the site is added at assignment).
    var keys: BreakdownKeys
    var traits: VisitorMachine.Traits
    var queue: ContactCenter.QueueName
}

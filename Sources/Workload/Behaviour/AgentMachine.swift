/// One support agent over its shifts, as a pure state machine.
///
/// Driven like ``VisitorMachine``: events with the simulated time and a seeded generator in, ``AgentAction``s
/// out, no clock, no IO, no allocation per event beyond the chat table made at creation.
///
/// The agent logs in at each shift start (``AgentAction/login``: status online) and takes the chats the
/// server assigns, never more than the site's `maxChats` at once (extra assignments, and assignments while
/// logged out, are ignored and counted in ``refusedAssignments``). It speaks first: on every assignment it
/// schedules a reply (a greeting answering the opening question), after `replyTime × performance`. Each
/// visitor message schedules a reply the same way unless one is already pending for that chat, in which
/// case that reply answers it too: at most one pending reply per chat. With `transferShare` the agent
/// transfers a chat to one of `transferTo` (not the chat's own department) instead of sending its first
/// reply; at most once per chat, never a chat known to be transferred already.
///
/// Who ends a chat: the visitor, normally. The agent ends a chat only when the visitor stays silent for
/// ``idleTimeout`` after the agent's last reply. At shift end an agent without chats logs out; one with chats
/// goes ``Status/closing`` (no new chats), finishes them as usual, and logs out when the last one ends. After
/// the last shift it is ``AgentAction/finished``.
public struct AgentMachine: Sendable {
    /// The status an agent announces besides login and logout.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case online
        /// Shift over: keeps its chats, takes no new ones.
        case closing
    }

    public enum Phase: UInt8, Sendable, Hashable, CaseIterable {
        /// Created, not started.
        case created
        /// Logged out between shifts (or before the first).
        case offline
        case online
        case closing
        case done
    }

    public let id: String
    public let site: Site
    /// Login and logout times (simulated seconds), sorted, overlapping or touching intervals merged.
    public let shifts: [Range<Double>]
    /// Length of agent messages in Unicode scalars.
    public let replyLength: Distribution
    /// Silence of the visitor after the agent's last reply after which the agent ends the chat (seconds).
    public let idleTimeout: Double
    public let typingIndicators: Bool
    /// Most chats at once: the site's `maxChats`, at least 1.
    public let capacity: Int

    public internal(set) var phase: Phase = .created
    public internal(set) var chatsTaken = 0
    public internal(set) var repliesSent = 0
    public internal(set) var messagesReceived = 0
    public internal(set) var transfers = 0
    /// Chats the agent ended because the visitor went silent.
    public internal(set) var chatsEndedByAgent = 0
    /// Assignments ignored: over capacity, while logged out, or for a chat already held.
    public internal(set) var refusedAssignments = 0
    public internal(set) var maxConcurrentChats = 0

    var chats: [ChatSlot] = []
    /// The shift that is running, or the next one.
    var shiftIndex = 0
    var lastTimerID: UInt32 = 0
    var armedShift: UInt32 = 0

    struct ChatSlot: Sendable {
        var chat: UInt64
        var language: MessageLanguage
        /// The agent's sequence number of its last message in this chat.
        var seq = 0
        var replyPending = false
        /// The armed reply or idle timer of this chat.
        var armed: UInt32 = 0
        /// Where the chat goes instead of the first reply: its place in the site's `transferTo`.
        var transferTo: Int?
    }

    /// The default length of agent messages.
    public static let defaultReplyLength = Distribution.lognormal(median: 60, p95: 200)

    /// An agent of `site` working `shifts` (simulated seconds, e.g. an agent schedule's login/logout intervals).
    public init(
        id: String,
        site: Site,
        shifts: [Range<Double>],
        replyLength: Distribution = AgentMachine.defaultReplyLength,
        idleTimeout: Double = 300,
        typingIndicators: Bool = false
    ) {
        self.id = id
        self.site = site
        self.replyLength = replyLength
        self.idleTimeout = idleTimeout
        self.typingIndicators = typingIndicators
        self.capacity = max(1, site.maxChats)
        var merged: [Range<Double>] = []
        for shift in shifts.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, shift.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, shift.upperBound)
            } else {
                merged.append(shift)
            }
        }
        self.shifts = merged
        chats.reserveCapacity(capacity)
    }

    /// The department of a ``AgentAction/transfer(chat:target:)``.
    public func transferDepartment(_ target: Int) -> String { site.transferTo[target] }

    /// Chats the agent holds now.
    public var activeChats: Int { chats.count }

    /// The ids of the chats the agent holds, oldest first.
    public var openChats: [UInt64] { chats.map(\.chat) }

    /// Handles one event at simulated time `now` (seconds) and returns the actions to execute, in order.
    public mutating func handle(
        _ event: AgentEvent,
        now: Double,
        using rng: inout some RandomNumberGenerator
    ) -> ActionBuffer<AgentAction> {
        var actions = ActionBuffer<AgentAction>()
        process(event, now: now, rng: &rng, into: &actions)
        return actions
    }

    /// ``handle(_:now:using:)`` for the project's generator, specialised so callers in other modules do not
    /// go through the generic entry point.
    public mutating func handle(_ event: AgentEvent, now: Double, using rng: inout SeededGenerator) -> ActionBuffer<AgentAction> {
        var actions = ActionBuffer<AgentAction>()
        process(event, now: now, rng: &rng, into: &actions)
        return actions
    }

    /// ``handle(_:now:using:)`` writing the actions into the caller's empty buffer: nothing is copied back per
    /// event (returning the buffer was a `memmove` per event in the simulator's profile).
    public mutating func handle(
        _ event: AgentEvent,
        now: Double,
        using rng: inout SeededGenerator,
        into actions: inout ActionBuffer<AgentAction>
    ) {
        precondition(actions.isEmpty, "the buffer must start empty")
        process(event, now: now, rng: &rng, into: &actions)
    }

    mutating func process(
        _ event: AgentEvent,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<AgentAction>
    ) {
        guard phase != .done else { return }
        switch event {
        case .started:
            guard phase == .created else { return }
            phase = .offline
            nextShift(now: now, into: &actions)
        case .timer(let timer):
            fire(timer, now: now, rng: &rng, into: &actions)
        case .assigned(let assignment):
            assigned(assignment, now: now, rng: &rng, into: &actions)
        case .messageReceived(let chat):
            messageReceived(chat, now: now, rng: &rng, into: &actions)
        case .chatEnded(let chat, _):
            guard let index = slot(of: chat) else { return }
            chats.remove(at: index)
            logOutIfClosed(now: now, into: &actions)
        }
    }

    // MARK: Shifts

    mutating func arm(_ kind: AgentTimer.Kind, chat: UInt64 = 0, at time: Double) -> AgentAction {
        lastTimerID &+= 1
        if lastTimerID == 0 { lastTimerID = 1 }
        return .wake(at: time, timer: AgentTimer(kind: kind, chat: chat, id: lastTimerID))
    }

    /// While logged out: logs in at once when the next shift has begun, arms its start otherwise, or finishes.
    mutating func nextShift(now: Double, into actions: inout ActionBuffer<AgentAction>) {
        while shiftIndex < shifts.count, shifts[shiftIndex].upperBound <= now { shiftIndex += 1 }
        guard shiftIndex < shifts.count else {
            phase = .done
            armedShift = 0
            actions.append(.finished)
            return
        }
        if shifts[shiftIndex].lowerBound <= now {
            beginShift(into: &actions)
        } else {
            actions.append(arm(.shiftStart, at: shifts[shiftIndex].lowerBound))
            armedShift = lastTimerID
        }
    }

    mutating func beginShift(into actions: inout ActionBuffer<AgentAction>) {
        actions.append(phase == .closing ? .setStatus(.online) : .login)
        phase = .online
        actions.append(arm(.shiftEnd, at: shifts[shiftIndex].upperBound))
        armedShift = lastTimerID
    }

    mutating func endShift(now: Double, into actions: inout ActionBuffer<AgentAction>) {
        shiftIndex += 1
        if chats.isEmpty {
            logOut(now: now, into: &actions)
            return
        }
        phase = .closing
        actions.append(.setStatus(.closing))
        if shiftIndex < shifts.count {
            actions.append(arm(.shiftStart, at: shifts[shiftIndex].lowerBound))
            armedShift = lastTimerID
        } else {
            armedShift = 0
        }
    }

    mutating func logOutIfClosed(now: Double, into actions: inout ActionBuffer<AgentAction>) {
        if phase == .closing, chats.isEmpty { logOut(now: now, into: &actions) }
    }

    /// Logs out; the start of the next shift is armed already when the agent was closing.
    mutating func logOut(now: Double, into actions: inout ActionBuffer<AgentAction>) {
        let wasClosing = phase == .closing
        phase = .offline
        actions.append(.logout)
        if wasClosing, shiftIndex < shifts.count, shifts[shiftIndex].lowerBound > now { return }
        nextShift(now: now, into: &actions)
    }
}

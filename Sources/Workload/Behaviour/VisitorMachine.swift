/// One website visitor, from arrival to its outcome, as a pure state machine.
///
/// The live engine and the simulator both drive it: they deliver ``VisitorEvent``s with the current simulated
/// time and a seeded generator, and execute the returned ``VisitorAction``s in order. It never reads a clock,
/// does no IO and never allocates while handling an event (message text is a ``MessageDraft``).
///
/// The visit: arrive (``VisitorAction/connect``) → browse, when the profile has invitations (page views; an
/// invitation is accepted with the acceptance rate, otherwise the visitor asks on its own when it has seen
/// its pages) → pre-chat form (each field adds `abandonPerField` to the chance of giving up: outcome
/// ``VisitorOutcome/leftAtForm``) → request (the opening question travels in the request) → wait, patience
/// drawn once: ``VisitorOutcome/abandoned`` when it runs out, ``VisitorOutcome/offlineTicket``,
/// ``VisitorOutcome/botResolved``, or assigned → converse → survey → ``VisitorOutcome/chatted``.
///
/// The conversation alternates. The agent speaks first (it answers the opening question); each agent message
/// the visitor awaits makes it think, type and send its next message (`messagesPerChat` of them, typing time
/// = length ÷ typing speed), then await the next answer. When the answer to its last message arrives the
/// visitor ends the chat. Agent messages that arrive while it is composing are only counted. When the chat
/// is transferred or re-queued, the visitor drops what it was typing and awaits the new agent's first message.
/// With `reconnect.probability` the connection drops once, just before the visitor would start one of its
/// messages, and comes back after `reconnect.after`; what fell due meanwhile happens on reconnection.
public struct VisitorMachine: Sendable {
    /// Where a visitor is in its visit.
    public enum Phase: UInt8, Sendable, Hashable, CaseIterable {
        /// Created, not started.
        case arriving
        case browsing
        /// Filling in the pre-chat form.
        case form
        /// Requested, not yet assigned (patience running).
        case waiting
        /// Assigned, waiting for the agent's next message.
        case awaitingReply
        /// Thinking about and typing its next message.
        case composing
        /// Transferred or re-queued during the chat, waiting for the next agent.
        case requeued
        case done
    }

    public let id: String
    public let language: String
    public let department: String
    /// Chatted before (the engine names the previous agent when connecting).
    public let returning: Bool
    /// Whether the visitor sends typing indicators before its messages.
    public let typingIndicators: Bool
    /// The profile's behaviour, shared by reference: every visitor of a run holds the same one, so a machine stays
    /// small (a copy per machine made each visitor slot 800 bytes and retained its tables at every arrival).
    let shared: SharedVisitorBehaviour
    var behaviour: VisitorBehaviour { shared.behaviour }
    /// What follows from the visitor's language and department.
    let traits: Traits
    var messageLength: Distribution { traits.messageLength }
    /// The phrases of the visitor's language.
    public var messageLanguage: MessageLanguage { traits.messageLanguage }
    var conversionProbability: Double { traits.conversionProbability }

    public internal(set) var phase: Phase = .arriving
    public internal(set) var outcome: VisitorOutcome?
    public internal(set) var connected = false
    /// The agent holding (or last holding) the chat.
    public internal(set) var agent: String?
    /// The last queue position the server reported.
    public internal(set) var queuePosition: Int?
    public internal(set) var arrivedAt: Double?
    public internal(set) var requestedAt: Double?
    /// When the first agent took the chat.
    public internal(set) var assignedAt: Double?
    public internal(set) var invited = false
    public internal(set) var acceptedInvitation = false
    /// The bot answered without resolving the request.
    public internal(set) var botEscalated = false
    /// Chat messages the visitor will send (drawn when the chat starts).
    public internal(set) var messagesPlanned = 0
    public internal(set) var messagesSent = 0
    public internal(set) var messagesReceived = 0
    /// Times the chat went to another agent or back to a queue.
    public internal(set) var transfers = 0
    public internal(set) var reconnects = 0
    public internal(set) var endReason: ChatEndReason?
    public internal(set) var surveyScore: Int?
    /// Whether the chat ended in a sale (drawn when it ends, by the department's conversion probability).
    public internal(set) var converted = false

    // Timers: each arming gets a fresh id; a firing timer counts only while its id is the armed one.
    var lastTimerID: UInt32 = 0
    var armedMain: UInt32 = 0
    var armedPatience: UInt32 = 0
    var armedReconnect: UInt32 = 0
    /// A main timer that fell due while the connection was down: it runs on reconnection.
    var deferred: VisitorTimer.Kind?

    // Browsing.
    var pages = 0
    var pagesViewed = 0
    var pageInterval = 0.0
    var cartValue = 0.0
    // Form.
    var givesUpAtForm = false
    // Conversation.
    var typingSpeed = 1.0
    var draft: MessageDraft?
    var typingTime = 0.0
    var dropBeforeMessage = 0
    var dropped = false

    /// A visitor that arrives with `language` for `department`, behaving as `behaviour` says.
    public init(
        id: String,
        language: String,
        department: String,
        returning: Bool = false,
        behaviour: VisitorBehaviour,
        typingIndicators: Bool = false
    ) {
        self.init(
            id: id,
            language: language,
            department: department,
            returning: returning,
            shared: SharedVisitorBehaviour(behaviour),
            typingIndicators: typingIndicators
        )
    }

    /// A visitor behaving as the run's shared behaviour says (runners create one `SharedVisitorBehaviour` per run).
    ///
    /// - Parameter traits: what follows from `language` and `department` under `shared`, when resolved before (a
    ///   runner with many visitors of a few (language, department) pairs resolves them once per pair); looked up
    ///   here when nil.
    public init(
        id: String,
        language: String,
        department: String,
        returning: Bool = false,
        shared: SharedVisitorBehaviour,
        traits: Traits? = nil,
        typingIndicators: Bool = false
    ) {
        self.id = id
        self.language = language
        self.department = department
        self.returning = returning
        self.typingIndicators = typingIndicators
        self.shared = shared
        self.traits = traits ?? Traits(language: language, department: department, shared: shared)
    }

    /// What a visitor's behaviour takes from its language and department: the same for every visitor of the pair,
    /// looked up by name in the profile's tables.
    public struct Traits: Sendable {
        let messageLength: Distribution
        /// The language's phrases, for the visitor's drafts.
        let messageLanguage: MessageLanguage
        let conversionProbability: Double

        public init(language: String, department: String, shared: SharedVisitorBehaviour) {
            messageLength = shared.behaviour.messageLength[language] ?? shared.behaviour.defaultMessageLength
            messageLanguage = MessageLanguage(language)
            conversionProbability = shared.behaviour.conversion[department] ?? 0
        }
    }

    /// Whether the visitor has its outcome.
    public var isFinished: Bool { phase == .done }

    /// Handles one event at simulated time `now` (seconds) and returns the actions to execute, in order.
    public mutating func handle(
        _ event: VisitorEvent,
        now: Double,
        using rng: inout some RandomNumberGenerator
    ) -> ActionBuffer<VisitorAction> {
        var actions = ActionBuffer<VisitorAction>()
        process(event, now: now, rng: &rng, into: &actions)
        return actions
    }

    /// ``handle(_:now:using:)`` for the project's generator, specialised so callers in other modules do not
    /// go through the generic entry point.
    public mutating func handle(
        _ event: VisitorEvent,
        now: Double,
        using rng: inout SeededGenerator
    ) -> ActionBuffer<VisitorAction> {
        var actions = ActionBuffer<VisitorAction>()
        process(event, now: now, rng: &rng, into: &actions)
        return actions
    }

    /// ``handle(_:now:using:)`` writing the actions into the caller's empty buffer: nothing is copied back per
    /// event (returning the buffer was a `memmove` per event in the simulator's profile).
    public mutating func handle(
        _ event: VisitorEvent,
        now: Double,
        using rng: inout SeededGenerator,
        into actions: inout ActionBuffer<VisitorAction>
    ) {
        precondition(actions.isEmpty, "the buffer must start empty")
        process(event, now: now, rng: &rng, into: &actions)
    }

    mutating func process(
        _ event: VisitorEvent,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<VisitorAction>
    ) {
        guard phase != .done else { return }
        switch event {
        case .started: start(now: now, rng: &rng, into: &actions)
        case .timer(let timer): fire(timer, now: now, rng: &rng, into: &actions)
        case .invited(let invitation): invited(invitation, now: now, rng: &rng, into: &actions)
        case .queued(let position): queued(position)
        case .assigned(let agent): assigned(agent, now: now, rng: &rng)
        case .botAnswered(let resolved): botAnswered(resolved, into: &actions)
        case .offline: offline(into: &actions)
        case .messageReceived: messageReceived(now: now, rng: &rng, into: &actions)
        case .ended(let reason): ended(reason, rng: &rng, into: &actions)
        case .disconnected: disconnected(now: now, rng: &rng, into: &actions)
        }
    }

    // MARK: Timers

    /// Arms a timer, disowning any earlier one of the same slot, and returns the wake action.
    mutating func arm(_ kind: VisitorTimer.Kind, at time: Double) -> VisitorAction {
        lastTimerID &+= 1
        if lastTimerID == 0 { lastTimerID = 1 }
        switch kind {
        case .patience: armedPatience = lastTimerID
        case .reconnect: armedReconnect = lastTimerID
        case .nextPage, .formDone, .startTyping, .send: armedMain = lastTimerID
        }
        return .wake(at: time, timer: VisitorTimer(kind: kind, id: lastTimerID))
    }

    /// Whether `timer` is the one armed of its kind. One that is not changes nothing when it fires (the patience
    /// of a visitor who was answered, the timers of a finished visit), so a runner may drop it unseen.
    public func isArmed(_ timer: VisitorTimer) -> Bool {
        switch timer.kind {
        case .patience: timer.id == armedPatience
        case .reconnect: timer.id == armedReconnect
        case .nextPage, .formDone, .startTyping, .send: timer.id == armedMain
        }
    }

    mutating func fire(
        _ timer: VisitorTimer,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<VisitorAction>
    ) {
        switch timer.kind {
        case .patience:
            guard timer.id == armedPatience, phase == .waiting else { return }
            armedPatience = 0
            if connected { actions.append(.leave) }
            finish(.abandoned, into: &actions)
        case .reconnect:
            guard timer.id == armedReconnect else { return }
            armedReconnect = 0
            connected = true
            reconnects += 1
            actions.append(.reconnect)
            if let kind = deferred {
                deferred = nil
                runMain(kind, now: now, rng: &rng, into: &actions)
            }
        case .nextPage, .formDone, .startTyping, .send:
            guard timer.id == armedMain else { return }
            armedMain = 0
            if connected {
                runMain(timer.kind, now: now, rng: &rng, into: &actions)
            } else {
                deferred = timer.kind
            }
        }
    }

    mutating func runMain(
        _ kind: VisitorTimer.Kind,
        now: Double,
        rng: inout some RandomNumberGenerator,
        into actions: inout ActionBuffer<VisitorAction>
    ) {
        switch kind {
        case .nextPage: nextPage(now: now, rng: &rng, into: &actions)
        case .formDone: formDone(now: now, rng: &rng, into: &actions)
        case .startTyping, .send: composeTimer(kind, now: now, rng: &rng, into: &actions)
        case .patience, .reconnect: break
        }
    }

    mutating func finish(_ outcome: VisitorOutcome, into actions: inout ActionBuffer<VisitorAction>) {
        phase = .done
        self.outcome = outcome
        armedMain = 0
        armedPatience = 0
        armedReconnect = 0
        deferred = nil
        draft = nil
        actions.append(.finished(outcome))
    }
}

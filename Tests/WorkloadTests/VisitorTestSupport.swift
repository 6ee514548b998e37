import Workload

/// A visitor whose every quantity is a constant, so that tests can name times exactly: no browsing, no form,
/// patience 100 s, 3 messages, think 5 s, typing 2 chars/s, messages of 10 scalars (send 10 s after a reply).
func constantBehaviour() -> VisitorBehaviour {
    var behaviour = VisitorBehaviour()
    behaviour.patience = .constant(100)
    behaviour.messagesPerChat = .constant(3)
    behaviour.thinkTime = .constant(5)
    behaviour.typingSpeed = .constant(2)
    behaviour.defaultMessageLength = .constant(10)
    behaviour.survey.answerRate = 0
    behaviour.reconnect.probability = 0
    return behaviour
}

func site(maxChats: Int = 2, replyTime: Double = 10, performance: Double = 1) -> Site {
    var site = Site(
        name: "riga",
        timeZone: "Europe/Riga",
        headcount: 1,
        shifts: [],
        languages: ["lv", "en"],
        departments: ["sales", "billing"]
    )
    site.maxChats = maxChats
    site.replyTime = .constant(replyTime)
    site.performance = performance
    return site
}

extension ActionBuffer where Element == VisitorAction {
    /// The timer of the last wake action, with its time.
    var wake: (at: Double, timer: VisitorTimer)? {
        for action in reversed() {
            if case .wake(let at, let timer) = action { return (at, timer) }
        }
        return nil
    }

    var outcome: VisitorOutcome? {
        for action in self {
            if case .finished(let outcome) = action { return outcome }
        }
        return nil
    }

    var sentSeq: Int? {
        for action in self {
            if case .sendMessage(let seq, _) = action { return seq }
        }
        return nil
    }
}

extension ActionBuffer where Element == AgentAction {
    var wake: (at: Double, timer: AgentTimer)? {
        for action in reversed() {
            if case .wake(let at, let timer) = action { return (at, timer) }
        }
        return nil
    }
}

/// Plays a visitor's own timers only (no server): handles `event`, then keeps firing the armed wake until it
/// returns actions that need an answer from outside. Returns every action, in order.
struct VisitorDriver {
    var machine: VisitorMachine
    var rng: SeededGenerator
    var now = 0.0
    var pending: (at: Double, timer: VisitorTimer)?
    var log: [VisitorAction] = []

    init(_ machine: VisitorMachine, seed: UInt64 = 1) {
        self.machine = machine
        self.rng = SeededGenerator(seed: seed)
    }

    /// Delivers an event now; remembers the wake it returns.
    @discardableResult
    mutating func send(_ event: VisitorEvent) -> ActionBuffer<VisitorAction> {
        let actions = machine.handle(event, now: now, using: &rng)
        log += actions
        if let wake = actions.wake { pending = wake }
        return actions
    }

    /// Advances to the pending wake and delivers it.
    @discardableResult
    mutating func fire() -> ActionBuffer<VisitorAction> {
        guard let (at, timer) = pending else { return [] }
        pending = nil
        now = at
        return send(.timer(timer))
    }
}

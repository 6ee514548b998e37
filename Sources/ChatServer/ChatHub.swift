import ChatProtocol
import ChatRouting
import Synchronization

/// The server's shared state: the routing state machine and the outbox of every connected client, behind
/// one lock.
///
/// Connection handlers decode frames on their own tasks and call in here; the hub applies the event to
/// ``ContactCenter`` and queues the resulting frames on the recipients' outboxes while still holding the
/// lock, which keeps every client's view in routing order. Encoding and socket writes happen outside the
/// lock, on each connection's writer task.
final class ChatHub: Sendable {
    struct State: Sendable {
        var center: ContactCenter
        var rng: SplitMix64
        var visitors: [String: VisitorLink] = [:]
        /// The visitors whose connection dropped, and when (server seconds): their chats wait out the resume grace.
        var detached: [String: Double] = [:]
        /// What was kept for visitors the server has forgotten (their resume grace ran out), by visitor id, for
        /// ``ChatHub/forgottenLifetime``: given to a visitor that comes back with the same id, after `welcome`.
        var forgotten: [String: Forgotten] = [:]
        var forgottenSwept = 0.0
        var agents: [String: Outbox] = [:]
        /// ``ServerConfiguration/relayDelay``.
        var relayDelay: Double = 0
        /// ``ServerConfiguration/dropShare``.
        var dropShare: Double = 0
        /// Draws which messages are dropped: a generator of its own, so that a seed's bot resolutions stay the same
        /// with or without dropping.
        var dropRNG: SplitMix64
    }

    /// A visitor's connection, or the frames kept for it while it may still reconnect.
    struct VisitorLink: Sendable {
        var outbox: Outbox?
        var language: String
        var pending: [ServerFrame] = []
    }

    /// The frames kept for a forgotten visitor, ending with its chat's `ended` (`disconnected`, or `left` when the
    /// chat was still queued), and when it was forgotten.
    struct Forgotten: Sendable {
        var frames: [ServerFrame]
        var at: Double
    }

    static let pendingLimit = 256
    /// How long the frames of a forgotten visitor are kept (server seconds).
    static let forgottenLifetime = 3_600.0

    let configuration: ServerConfiguration
    let metrics: ServerMetrics
    let state: Mutex<State>
    private let started = ContinuousClock.now
    private let sessions = Atomic<UInt64>(0)

    init(configuration: ServerConfiguration, metrics: ServerMetrics) {
        self.configuration = configuration
        self.metrics = metrics
        self.state = Mutex(
            State(
                center: ContactCenter(configuration: configuration.routing),
                rng: SplitMix64(seed: configuration.seed),
                relayDelay: configuration.relayDelay,
                dropShare: configuration.dropShare,
                dropRNG: SplitMix64(seed: configuration.seed ^ 0xD809_D809_D809_D809)
            )
        )
    }

    /// Seconds since the server started: the routing's clock.
    var now: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    func nextSession() -> UInt64 { sessions.add(1, ordering: .relaxed).newValue }

    /// Applies one client event to the routing state under the lock; a refusal becomes an `error` frame to
    /// the sender, referring to `ref`.
    func apply(_ ref: String, outbox: Outbox, _ event: (inout State) throws(RoutingError) -> Void) {
        state.withLock { state in
            do throws(RoutingError) {
                try event(&state)
            } catch {
                let frame = ErrorFrame(error, ref: ref)
                metrics.countError(frame.code)
                outbox.send(.error(frame))
            }
        }
    }

    func snapshot() -> RoutingSnapshot {
        let now = self.now
        return state.withLock { $0.center.snapshot(now: now) }
    }

    /// Each housekeeping period (``Housekeeping``): runs the overflow rule and ends the chats of visitors whose resume
    /// grace ran out.
    func tick() {
        let now = self.now
        let grace = configuration.resumeGrace
        state.withLock { state in
            state.execute(state.center.tick(now: now))
            let expired = state.detached.filter { now - $0.value >= grace }
            for visitor in expired.keys { state.forget(visitor, now: now) }
            // Swept once a minute: an hour's lifetime needs no more precision.
            if !state.forgotten.isEmpty, now - state.forgottenSwept >= 60 {
                state.forgotten = state.forgotten.filter { now - $0.value.at < Self.forgottenLifetime }
                state.forgottenSwept = now
            }
        }
    }
}

extension ChatHub.State {
    /// A visitor is gone for good: the routing forgets it, its open chat ends, and the frames kept for it (with
    /// that chat's end) are set aside in case it comes back with the same id, as a widget on a flaky phone does
    /// after the grace: told how its chat ended, it does not wait for it forever.
    mutating func forget(_ visitor: String, now: Double) {
        detached[visitor] = nil
        // The link stays while the actions are executed, so that the visitor's own `ended` is kept with the rest.
        execute(center.visitorLeft(visitor, now: now))
        guard let link = visitors.removeValue(forKey: visitor), !link.pending.isEmpty else { return }
        forgotten[visitor] = ChatHub.Forgotten(frames: link.pending, at: now)
    }

    /// Queues a frame for a participant `delay` seconds from now (see ``ServerConfiguration/relayDelay``).
    mutating func send(_ frame: ServerFrame, to participant: Participant, after delay: Double) {
        guard delay > 0 else { return send(frame, to: participant) }
        switch participant {
        case .agent(let id): agents[id]?.send(frame, after: delay)
        case .visitor(let id):
            if let outbox = visitors[id]?.outbox, !outbox.isClosing {
                outbox.send(frame, after: delay)
            } else {
                send(frame, to: participant)
            }
        }
    }

    /// Queues a frame for a participant (kept for a visitor that may reconnect, up to ``ChatHub/pendingLimit``
    /// frames, a chat's `ended` always; dropped for a gone one). A visitor whose connection is closing (its close
    /// frame came, or the server's went out) is as good as disconnected: its frames are kept from then on, where
    /// the closing connection would drop them before `visitorDisconnected` is heard.
    mutating func send(_ frame: ServerFrame, to participant: Participant) {
        switch participant {
        case .agent(let id):
            agents[id]?.send(frame)
        case .visitor(let id):
            guard var link = visitors[id] else { return }
            // Checked and queued in one step by the outbox: a close its own event loop begins meanwhile (more than one
            // server thread) refuses the frame, which is then kept like the rest.
            if let outbox = link.outbox, !outbox.isClosing, outbox.send(frame) {
                return
            } else if link.pending.count < ChatHub.pendingLimit || frame.isEnded {
                link.pending.append(frame)
                visitors[id] = link
            }
        }
    }

    /// Relays a typing indicator to the other party of the chat.
    mutating func typing(chat: ChatID, on: Bool, from sender: Participant) throws(RoutingError) {
        let other = try center.counterpart(chat: chat, of: sender)
        send(.typing(chat: chat, from: Party(sender), on: on), to: other)
    }

    /// Turns routing actions into frames for their recipients.
    mutating func execute(_ actions: [RoutingAction]) {
        for action in actions {
            switch action {
            case .queued(let chat, let visitor, let position, let department, let language):
                send(
                    .queued(Queued(chat: chat, position: position, department: department, language: language)),
                    to: .visitor(visitor)
                )
            case .assigned(let chat, let visitor, let agent, let department, let language, let text):
                let assignment = Assignment(
                    chat: chat,
                    visitor: visitor,
                    agent: agent,
                    department: department,
                    language: language,
                    text: text
                )
                send(.assigned(assignment), to: .visitor(visitor))
                send(.assigned(assignment), to: .agent(agent))
            case .botAnswered(let chat, let visitor, let resolved):
                let text = BotPhrases.answer(language: visitors[visitor]?.language ?? "en", resolved: resolved)
                send(.bot(chat: chat, text: text, resolved: resolved), to: .visitor(visitor))
            case .ended(let chat, let participant, let reason):
                // Along the relay's path, behind the messages of the chat already on their way.
                send(.ended(chat: chat, reason: EndReason(reason)), to: participant, after: relayDelay)
            case .ticket(let id, let chat, let visitor, let department):
                send(.offline(ticket: id, chat: chat, department: department), to: .visitor(visitor))
            case .invite(let id, let visitor):
                let text = BotPhrases.invitation(language: visitors[visitor]?.language ?? "en")
                send(.invite(invitation: id, text: text), to: .visitor(visitor))
            }
        }
    }
}

extension ServerFrame {
    var isEnded: Bool {
        if case .ended = self { return true }
        return false
    }
}

extension Party {
    init(_ participant: Participant) {
        switch participant {
        case .visitor: self = .visitor
        case .agent: self = .agent
        }
    }
}

extension EndReason {
    init(_ end: ChatEnd) {
        switch end {
        case .visitor: self = .visitor
        case .agent: self = .agent
        case .left: self = .left
        case .bot: self = .bot
        case .transferred: self = .transferred
        case .disconnected: self = .disconnected
        }
    }
}

extension ErrorFrame {
    /// The protocol error for a refused routing request.
    init(_ error: RoutingError, ref: String?) {
        let code: ErrorCode
        switch error.kind {
        case .unknownParticipant: code = .helloRequired
        case .alreadyLoggedIn: code = .invalidState
        case .notYourChat: code = .notYourChat
        case .invalidState: code = .invalidState
        case .alreadyRequested: code = .alreadyRequested
        case .invalidValue: code = .invalidField
        }
        self.init(code: code, text: error.detail, ref: ref)
    }
}

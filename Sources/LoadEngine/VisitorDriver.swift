import ChatClient
import ChatProtocol
import LoadMetrics
import NIOCore
import Workload

/// Plays one visitor: runs its ``VisitorMachine`` and turns the machine's actions into protocol frames on a
/// ``WebSocketSession``, and server frames into the machine's events. Lives on the run's event loop.
final class VisitorDriver: SessionDelegate, @unchecked Sendable {  // confined to the run's event loop
    unowned let run: LiveRun
    let id: String
    /// Where the run keeps the visitor for its timers.
    let slot: Int32
    let generation: UInt32
    let region: String
    private(set) var keys: BreakdownKeys
    private var machine: VisitorMachine
    private var rng: SeededGenerator
    private var session: WebSocketSession?
    private var pending: [VisitorFrame] = []
    private var connecting = false
    /// The machine dropped the connection on purpose; its close is not news to the machine.
    private var droppedOnPurpose = false
    private var connectStarted = NIODeadline.now()
    private var chat: ChatID?
    private var lastChat: ChatID?
    private var requestedAt: NIODeadline?
    private var assignedOnce = false
    private var queuedOnce = false
    private var answered = false
    /// notYourChat refusals while the visitor believed its chat open, not yet explained by an `ended`.
    private var refusedInOpenChat = 0
    private var unanswered = UnansweredMessages<BreakdownKeys>()
    /// The visitor is leaving a chat (or ending it) and keeps its connection until the server confirms the end,
    /// so that what the server relayed before the end is received (a widget closing politely).
    private var leaving: Leaving?
    /// A finished visitor closes its connection once nothing is left to confirm: its leaving, and the answers to
    /// its messages (a visitor back after the grace sends the message it was writing, learns that its chat has
    /// ended, and hears the message refused).
    private var mayClose: Bool { leaving == nil && unanswered.isEmpty }
    private(set) var finished = false

    init(
        run: LiveRun,
        arrival: Arrival,
        slot: Int32,
        generation: UInt32,
        behaviour: SharedVisitorBehaviour,
        keys: BreakdownKeys,
        rng: SeededGenerator
    ) {
        self.run = run
        self.id = arrival.visitorID
        self.slot = slot
        self.generation = generation
        self.region = arrival.regionName
        self.keys = keys
        self.rng = rng
        self.machine = VisitorMachine(
            id: arrival.visitorID,
            language: arrival.language,
            department: arrival.department,
            returning: arrival.returning,
            shared: behaviour
        )
    }

    /// Whether the visitor waits in a queue now (for the still-active accounting at the end).
    var isWaiting: Bool { requestedAt != nil && !assignedOnce }

    func handle(_ event: VisitorEvent, at time: Double) {
        guard !finished else { return }
        let actions = machine.handle(event, now: time, using: &rng)
        for action in actions { execute(action, at: time) }
        // Frames sent while the session handles a read go out when the read completes; a timer's go out now.
        session?.flush()
    }

    private func execute(_ action: VisitorAction, at time: Double) {
        switch action {
        case .connect, .reconnect:
            connect()
        case .pageView(let timeOnSite, let pages, let cartValue):
            send(.pageView(PageView(timeOnSite: timeOnSite, pages: pages, cartValue: cartValue)))
        case .answerInvitation(let invitation, let accepted):
            send(.inviteReply(invitation: invitation, accepted: accepted))
        case .request(let text):
            requestedAt = run.clock.deadline(time)
            run.recorder.chatRequested(keys)
            send(.request(ChatRequest(department: machine.department, language: machine.language, text: text.text)))
        case .sendMessage(let seq, let text):
            guard let chat else { return }
            let intended = run.clock.deadline(time)
            let messageID = "\(id)-\(seq)"
            run.recorder.messageSent(keys)
            unanswered.sent(messageID, keys)
            send(
                .message(
                    ChatMessage(chat: chat, id: messageID, seq: UInt64(seq), text: text.text, sentAt: run.clock.micros(intended))
                )
            )
        case .typing(let on):
            if let chat { send(.typing(chat: chat, on: on)) }
        case .leave:
            if let chat {
                leaving = .confirming(chat)
                send(.leave(chat: chat))
            } else if requestedAt != nil {
                leaving = .onceNamed
            }
        case .endChat:
            if let chat {
                leaving = .confirming(chat)
                send(.end(chat: chat))
            }
        case .survey(let score):
            if let lastChat { send(.survey(Survey(chat: lastChat, score: score))) }
        case .disconnect:
            droppedOnPurpose = true
            session?.close()
        case .wake(let at, let timer):
            run.setTimer(.visitor(slot: slot, generation: generation, timer: timer), at: at)
        case .finished(let outcome):
            finish(outcome)
        }
    }

    private func finish(_ outcome: VisitorOutcome) {
        finished = true
        recordUnexplainedRefusals()
        let recorded: RunRecorder.Outcome
        switch outcome {
        case .leftAtForm: recorded = .leftAtForm
        case .chatted: recorded = .chatted
        case .abandoned: recorded = .abandoned
        case .offlineTicket: recorded = .offlineTicket
        case .botResolved: recorded = .botResolved
        }
        // A visitor never assigned leaves the queue depth with its outcome: abandoned, or answered by a bot or an
        // offline ticket without ever reaching an agent.
        run.recorder.outcome(recorded, keys, wasWaiting: isWaiting)
        if let session {
            if mayClose { session.close() }
        } else if !connecting {
            run.visitorFinished(self)
        }
    }

    /// The server named the chat of a visitor that has already left: it leaves it now.
    private func leaveNamedChat(_ named: ChatID) {
        guard leaving == .onceNamed else { return }
        leaving = .confirming(named)
        send(.leave(chat: named))
    }

    /// The server confirmed (or refused) the end of the chat the visitor left: a finished visitor now closes.
    private func endConfirmed() {
        leaving = nil
        closeIfDone()
    }

    /// A finished visitor closes once nothing is left to confirm.
    private func closeIfDone() {
        if finished, mayClose { session?.close() }
    }

    /// The run ends with the visitor still active.
    func cutOff() {
        guard !finished else {
            session?.close()  // still waiting for its end to be confirmed
            return
        }
        finished = true
        recordUnexplainedRefusals()
        run.recorder.outcome(.stillActive, keys, wasWaiting: isWaiting)
        session?.close()
    }

    private func recordUnexplainedRefusals() {
        for _ in 0..<refusedInOpenChat { run.recorder.error(keys, kind: ErrorCode.notYourChat.rawValue) }
        refusedInOpenChat = 0
    }

    private func connect() {
        guard session == nil, !connecting else { return }
        connecting = true
        connectStarted = .now()
        run.openSession(.visitor, for: self, keys: keys) { [weak self] in
            guard let self else { return }
            self.connecting = false
            self.handle(.disconnected, at: self.run.clock.now)
        }
    }

    private func send(_ frame: VisitorFrame) {
        if let session { session.send(frame) } else { pending.append(frame) }
    }

    // MARK: SessionDelegate

    func sessionOpened(_ session: WebSocketSession) {
        connecting = false
        self.session = session
        run.recorder.connected(keys, connectTime: .nanoseconds((NIODeadline.now() - connectStarted).nanoseconds))
        run.sessionOpened()
        session.send(VisitorFrame.hello(VisitorHello(visitor: id, language: machine.language, region: region)))
        for frame in pending { session.send(frame) }
        pending.removeAll()
        if finished && mayClose { session.close() }
    }

    func session(_ session: WebSocketSession, received frame: ServerFrame) {
        let now = run.clock.now
        switch frame {
        case .queued(let queued):
            chat = queued.chat
            leaveNamedChat(queued.chat)
            // The first `queued` before any assignment: the chat waited (P(wait), as the simulator counts it).
            if !queuedOnce, !assignedOnce, !finished {
                queuedOnce = true
                run.recorder.chatQueued(keys)
            }
            handle(.queued(position: queued.position), at: now)
        case .assigned(let assignment):
            chat = assignment.chat
            leaveNamedChat(assignment.chat)
            keys.site = run.siteKey(ofAgent: assignment.agent)
            // An assignment that crossed the visitor's leaving on the wire: the visitor was counted as abandoned.
            if !assignedOnce, !finished, let requestedAt {
                assignedOnce = true
                run.recorder.chatAssigned(keys, wait: .nanoseconds((NIODeadline.now() - requestedAt).nanoseconds))
            }
            handle(.assigned(agent: assignment.agent), at: now)
        case .bot(_, _, let resolved):
            handle(.botAnswered(resolved: resolved), at: now)
        case .offline(let ticket, _, _):
            handle(.offline(ticket: ticket), at: now)
        case .message(let message):
            // Also after the visitor finished, while it waits for its end to be confirmed: the message arrived.
            run.delivered(message, to: keys, direction: .agentToVisitor)
            if !answered, !finished, let requestedAt {
                answered = true
                run.recorder.firstResponse(keys, after: .nanoseconds((NIODeadline.now() - requestedAt).nanoseconds))
            }
            handle(.messageReceived, at: now)
        case .ended(let ended, let reason):
            run.chatEnded(ended, direction: .agentToVisitor, keys: keys)
            refusedInOpenChat = 0
            lastChat = ended
            chat = nil
            handle(.ended(ChatEndReason(reason)), at: now)
            if leaving == .confirming(ended) { endConfirmed() }
        case .invite(let invitation, _):
            handle(.invited(invitation: invitation), at: now)
        case .error(let error):
            // A frame that crossed the server's `ended` on the wire (the agent ended an idle chat while the visitor
            // was typing, or while it was reconnecting) is refused as notYourChat: a race of any live chat, not a
            // failure. Such a refusal counts as an error only if the chat's `ended` never follows. Any error about one
            // of the visitor's messages answers it.
            if let sentUnder = unanswered.refused(error.ref), error.code == .notYourChat {
                run.recorder.messageRefused(sentUnder)
            }
            if case .confirming = leaving, error.ref == "leave" || error.ref == "end" { leaving = nil }
            closeIfDone()
            if error.code == .notYourChat {
                if chat != nil {
                    refusedInOpenChat += 1
                    break
                }
                if lastChat != nil { break }
            }
            run.recorder.error(keys, kind: error.code.rawValue)
        case .ack(let ack):
            unanswered.acknowledged(ack.id)
            run.acknowledged(ack, direction: .visitorToAgent, keys: keys)
            closeIfDone()
        case .welcome, .typing:
            break
        }
    }

    func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError) {
        run.recorder.error(keys, kind: "invalidFrame")
    }

    func sessionClosed(_ session: WebSocketSession, code: Int?) {
        self.session = nil
        unanswered.removeAll()
        run.sessionClosed()
        guard !finished else {
            // Sessions hold their delegate weakly: the run keeps a finished visitor until its connection is closed.
            run.visitorFinished(self)
            return
        }
        if droppedOnPurpose {
            droppedOnPurpose = false
            return
        }
        handle(.disconnected, at: run.clock.now)
    }
}

/// How a visitor leaves a chat: once the server names it (the visitor gave up before `queued` or `assigned`
/// came), or by waiting for the server's confirmation of the `leave` or `end` it sent.
private enum Leaving: Equatable {
    case onceNamed
    case confirming(ChatID)
}

extension ChatEndReason {
    init(_ reason: EndReason) {
        switch reason {
        case .visitor: self = .visitor
        case .agent: self = .agent
        case .left: self = .left
        case .bot: self = .bot
        case .transferred: self = .transferred
        case .disconnected: self = .disconnected
        case .offline: self = .other
        }
    }
}

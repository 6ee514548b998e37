import ChatClient
import ChatProtocol
import LoadMetrics
import NIOCore
import Workload

/// Plays one agent of the roster: runs its ``AgentMachine`` over a ``WebSocketSession``. Lives on the run's
/// event loop.
final class AgentDriver: SessionDelegate, @unchecked Sendable {  // confined to the run's event loop
    unowned let run: LiveRun
    let agent: AgentSchedule.Agent
    /// The agent's index in the run's roster, for its timers.
    let index: Int32
    private var machine: AgentMachine
    private var rng: SeededGenerator
    private var session: WebSocketSession?
    private var pending: [AgentFrame] = []
    private var connecting = false
    private var connectStarted = NIODeadline.now()
    /// The keys of each open chat's visitor, so agent-side events land in the visitor's breakdowns.
    private var chats: [ChatID: BreakdownKeys] = [:]
    private var unanswered = UnansweredMessages<(chat: ChatID, keys: BreakdownKeys)>()
    /// Messages refused as notYourChat in chats the agent still holds, not yet explained by their `ended`.
    private var refusedInOpenChats: [ChatID] = []
    private var record: Int?
    private var finished = false
    /// The machine logged out while the server had not yet confirmed the end of some of the agent's chats: the
    /// connection closes once it has, so that what the server relayed before each end is received (as a visitor
    /// that leaves waits for its end), instead of being cut off and left unaccounted for.
    private var loggingOut = false
    /// A shift began while the last one's connection still waited for its ends: log in again once it has closed.
    private var loginAfterClose = false

    init(run: LiveRun, agent: AgentSchedule.Agent, index: Int32, site: Site, rng: SeededGenerator) {
        self.run = run
        self.agent = agent
        self.index = index
        self.rng = rng
        var site = site
        site.maxChats = agent.capacity
        self.machine = AgentMachine(id: agent.id, site: site, shifts: agent.onShift)
    }

    func handle(_ event: AgentEvent, at time: Double) {
        guard !finished else { return }
        let actions = machine.handle(event, now: time, using: &rng)
        for action in actions { execute(action, at: time) }
        // Frames sent while the session handles a read go out when the read completes; a timer's go out now.
        session?.flush()
    }

    private func execute(_ action: AgentAction, at time: Double) {
        switch action {
        case .login:
            if loggingOut {
                loggingOut = false
                loginAfterClose = true
                session?.close()
            } else {
                connect()
            }
        case .setStatus(let status):
            send(.status(status == .closing ? .closing : .online))
        case .sendMessage(let chat, let seq, let text):
            let intended = run.clock.deadline(time)
            let keys = chats[chat] ?? BreakdownKeys.none
            let messageID = "\(agent.id)-\(chat)-\(seq)"
            run.recorder.messageSent(keys)
            unanswered.sent(messageID, (chat, keys))
            send(
                .message(
                    ChatMessage(
                        chat: chat,
                        id: messageID,
                        seq: UInt64(seq),
                        text: text.text,
                        sentAt: run.clock.micros(intended)
                    )
                )
            )
        case .typing(let chat, let on):
            send(.typing(chat: chat, on: on))
        case .transfer(let chat, let target):
            run.recorder.transferred(chats[chat] ?? BreakdownKeys.none)
            send(.transfer(chat: chat, department: machine.transferDepartment(target)))
        case .endChat(let chat):
            send(.end(chat: chat))
        case .logout:
            if let record { run.recorder.agentLeft(agent: record, at: .seconds(time)) }
            if chats.isEmpty { session?.close() } else { loggingOut = true }
        case .wake(let at, let timer):
            run.setTimer(.agent(index: index, timer: timer), at: at)
        case .finished:
            finished = true
        }
    }

    /// The run ends: close the connection.
    func cutOff() {
        finished = true
        recordUnexplainedRefusals()
        session?.close()
    }

    private func recordUnexplainedRefusals() {
        for _ in refusedInOpenChats { run.recorder.error(BreakdownKeys.none, kind: ErrorCode.notYourChat.rawValue) }
        refusedInOpenChats.removeAll()
    }

    private func connect() {
        guard session == nil, !connecting else { return }
        connecting = true
        connectStarted = .now()
        run.openSession(.agent, for: self, keys: BreakdownKeys.none) { [weak self] in
            guard let self else { return }
            self.connecting = false
            // An agent whose login failed tries again a second later, as a person reloading the console would.
            self.run.loop.scheduleTask(in: .seconds(1)) { [weak self] in
                guard let self, !self.finished, self.session == nil else { return }
                self.connect()
            }
        }
    }

    private func send(_ frame: AgentFrame) {
        if let session { session.send(frame) } else { pending.append(frame) }
    }

    private func concurrencyChanged() {
        // Once logged out, the agent's observation has stopped (`agentLeft`): the ends it still waits for are the
        // server's confirmations, not its load.
        guard let record, !loggingOut else { return }
        run.recorder.agentConcurrency(agent: record, at: .seconds(run.clock.now), active: chats.count)
    }

    // MARK: SessionDelegate

    func sessionOpened(_ session: WebSocketSession) {
        connecting = false
        self.session = session
        run.sessionOpened()
        run.agentOnline(1)
        session.send(
            AgentFrame.hello(
                AgentHello(
                    agent: agent.id,
                    token: run.configuration.agentToken,
                    languages: agent.languages,
                    departments: agent.departments,
                    capacity: agent.capacity,
                    site: agent.site,
                    translation: agent.translation
                )
            )
        )
        for frame in pending { session.send(frame) }
        pending.removeAll()
        if let record {
            // The next shift: online at its site again (its capacity with it), observed from now.
            run.recorder.agentRejoined(agent: record, at: .seconds(run.clock.now))
        } else {
            record = run.recorder.agentJoined(name: agent.id, site: agent.site, capacity: agent.capacity, at: .seconds(run.clock.now))
        }
    }

    func session(_ session: WebSocketSession, received frame: ServerFrame) {
        let now = run.clock.now
        switch frame {
        case .assigned(let assignment):
            chats[assignment.chat] = run.keys(ofVisitor: assignment.visitor)
            concurrencyChanged()
            handle(
                .assigned(
                    AgentAssignment(
                        chat: assignment.chat,
                        visitor: assignment.visitor,
                        department: assignment.department,
                        language: assignment.language
                    )
                ),
                at: now
            )
        case .message(let message):
            run.delivered(message, to: chats[message.chat] ?? BreakdownKeys.none, direction: .visitorToAgent)
            handle(.messageReceived(chat: message.chat), at: now)
        case .ended(let chat, let reason):
            // A chat transferred away goes on with another agent, its numbering with it.
            if reason != .transferred {
                run.chatEnded(chat, direction: .visitorToAgent, keys: chats[chat] ?? BreakdownKeys.none)
            }
            chats[chat] = nil
            refusedInOpenChats.removeAll { $0 == chat }
            concurrencyChanged()
            handle(.chatEnded(chat: chat, reason: ChatEndReason(reason)), at: now)
            if loggingOut, chats.isEmpty {
                loggingOut = false
                session.close()
            }
        case .error(let error):
            if error.code == .notYourChat, let refused = unanswered.refused(error.ref) {
                run.recorder.messageRefused(refused.keys)
                // The message crossed the visitor's leaving or end on the wire: a race of any live chat, not a
                // failure, once the chat's `ended` has come (or comes: a server may delay it behind messages).
                if chats[refused.chat] == nil { break }
                refusedInOpenChats.append(refused.chat)
                break
            }
            run.recorder.error(BreakdownKeys.none, kind: error.code.rawValue)
        case .ack(let ack):
            unanswered.acknowledged(ack.id)
            run.acknowledged(ack, direction: .agentToVisitor, keys: chats[ack.chat] ?? BreakdownKeys.none)
        case .welcome, .queued, .typing, .bot, .offline, .invite:
            break
        }
    }

    func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError) {
        run.recorder.error(BreakdownKeys.none, kind: "invalidFrame")
    }

    func sessionClosed(_ session: WebSocketSession, code: Int?) {
        self.session = nil
        run.sessionClosed()
        run.agentOnline(-1)
        if !finished && !chats.isEmpty { run.recorder.error(BreakdownKeys.none, kind: "agentDisconnected") }
        recordUnexplainedRefusals()
        chats.removeAll()
        unanswered.removeAll()
        loggingOut = false
        if loginAfterClose {
            loginAfterClose = false
            if !finished { connect() }
        }
    }
}

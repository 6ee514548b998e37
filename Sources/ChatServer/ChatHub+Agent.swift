import ChatProtocol
import ChatRouting
import Synchronization

extension ChatHub {
    /// An agent said hello with a valid token: it logs in and takes waiting chats.
    func agentHello(_ hello: AgentHello, outbox: Outbox) -> ErrorFrame? {
        let now = self.now
        let profile = AgentProfile(
            id: hello.agent,
            languages: hello.languages,
            departments: hello.departments,
            capacity: hello.capacity,
            site: hello.site,
            translation: hello.translation
        )
        return state.withLock { state -> ErrorFrame? in
            guard state.agents[hello.agent] == nil else {
                return ErrorFrame(code: .invalidState, text: "agent \(hello.agent) is already connected", ref: "hello")
            }
            do throws(RoutingError) {
                let actions = try state.center.agentLoggedIn(profile, now: now)
                state.agents[hello.agent] = outbox
                outbox.send(.welcome(session: outbox.id, protocolVersion: protocolVersion))
                state.execute(actions)
                return nil
            } catch {
                return ErrorFrame(error, ref: "hello")
            }
        }
    }

    /// Applies one frame from a logged-in agent.
    func handle(_ frame: AgentFrame, from agent: String, outbox: Outbox) {
        let now = self.now
        let sender = Participant.agent(agent)
        apply(frame.reference, outbox: outbox) { state throws(RoutingError) in
            switch frame {
            case .hello:
                outbox.send(.error(ErrorFrame(code: .helloRequired, text: "hello is sent once", ref: "hello")))
            case .message(let message):
                try state.relay(message, from: sender, outbox: outbox, metrics: metrics)
            case .typing(let chat, let on):
                try state.typing(chat: chat, on: on, from: sender)
            case .status(let status):
                let availability: Availability
                switch status {
                case .online: availability = .online
                case .away: availability = .away
                case .closing: availability = .closing
                }
                state.execute(try state.center.setAvailability(availability, agent: agent, now: now))
            case .end(let chat):
                state.execute(try state.center.end(chat: chat, by: sender, now: now))
            case .transfer(let chat, let department):
                state.execute(try state.center.transfer(chat: chat, by: agent, to: department, now: now))
            }
        }
    }

    /// An agent's connection closed: it logs out and its chats go back to the head of their queues.
    func agentDisconnected(_ agent: String, outbox: Outbox) {
        let now = self.now
        state.withLock { state in
            guard state.agents[agent] === outbox else { return }
            state.agents[agent] = nil
            state.execute(state.center.agentLoggedOut(agent, now: now))
        }
    }
}

extension AgentFrame {
    /// What an error about this frame refers to: the client message id, or the frame type.
    var reference: String {
        switch self {
        case .hello: "hello"
        case .status: "status"
        case .message(let message): message.id
        case .typing: "typing"
        case .end: "end"
        case .transfer: "transfer"
        }
    }
}

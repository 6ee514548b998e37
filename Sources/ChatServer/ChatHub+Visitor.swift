import ChatProtocol
import ChatRouting
import Synchronization

extension ChatHub {
    /// A visitor said hello on a connection. A visitor whose earlier connection dropped within the resume grace
    /// gets its chat back, with the frames it missed (also when that connection is still closing: a widget that
    /// reconnects at once, unless the resume grace is 0); a visitor already connected elsewhere is refused.
    func visitorHello(_ hello: VisitorHello, outbox: Outbox) -> ErrorFrame? {
        state.withLock { state -> ErrorFrame? in
            if var link = state.visitors[hello.visitor] {
                guard link.outbox.map({ $0.isClosing && configuration.resumeGrace > 0 }) ?? true else {
                    return ErrorFrame(code: .invalidState, text: "visitor \(hello.visitor) is already connected", ref: "hello")
                }
                link.outbox = outbox
                state.detached[hello.visitor] = nil
                outbox.send(.welcome(session: outbox.id, protocolVersion: protocolVersion))
                for frame in link.pending { outbox.send(frame) }
                link.pending.removeAll()
                state.visitors[hello.visitor] = link
                return nil
            }
            state.visitors[hello.visitor] = VisitorLink(outbox: outbox, language: hello.language)
            state.center.visitorArrived(
                VisitorProfile(
                    id: hello.visitor,
                    language: hello.language,
                    region: hello.region,
                    site: hello.site,
                    previousAgent: hello.previousAgent
                )
            )
            outbox.send(.welcome(session: outbox.id, protocolVersion: protocolVersion))
            // Back after the grace: what was kept for it, ending with its earlier chat's `ended`.
            if let forgotten = state.forgotten.removeValue(forKey: hello.visitor) {
                for frame in forgotten.frames { outbox.send(frame) }
            }
            return nil
        }
    }

    /// Applies one frame from a visitor that has said hello.
    func handle(_ frame: VisitorFrame, from visitor: String, outbox: Outbox) {
        let now = self.now
        let sender = Participant.visitor(visitor)
        apply(frame.reference, outbox: outbox) { state throws(RoutingError) in
            switch frame {
            case .hello:
                outbox.send(.error(ErrorFrame(code: .helloRequired, text: "hello is sent once", ref: "hello")))
            case .message(let message):
                try state.relay(message, from: sender, outbox: outbox, metrics: metrics)
            case .typing(let chat, let on):
                try state.typing(chat: chat, on: on, from: sender)
            case .request(let request):
                let actions = try state.center.request(
                    visitor: visitor,
                    department: request.department,
                    language: request.language,
                    text: request.text,
                    now: now,
                    using: &state.rng
                )
                state.execute(actions)
            case .leave(let chat):
                state.execute(try state.center.leave(chat: chat, visitor: visitor, now: now))
            case .end(let chat):
                state.execute(try state.center.end(chat: chat, by: sender, now: now))
            case .survey(let survey):
                try state.center.survey(chat: survey.chat, visitor: visitor, score: survey.score)
                outbox.send(.ack(Ack(chat: survey.chat, id: "survey", seq: 0, serverSeq: 0)))
            case .pageView(let view):
                let actions = try state.center.pageViewed(
                    visitor: visitor,
                    timeOnSite: view.timeOnSite,
                    pages: view.pages,
                    cartValue: view.cartValue
                )
                state.execute(actions)
            case .inviteReply(let invitation, let accepted):
                try state.center.invitationAnswered(visitor: visitor, invitation: invitation, accepted: accepted)
            }
        }
    }

    /// A visitor's connection closed: its chat is kept for the resume grace (``tick()`` ends it afterwards).
    func visitorDisconnected(_ visitor: String, outbox: Outbox) {
        let now = self.now
        state.withLock { state in
            guard var link = state.visitors[visitor], link.outbox === outbox else { return }
            link.outbox = nil
            state.visitors[visitor] = link
            state.detached[visitor] = now
            if configuration.resumeGrace <= 0 { state.forget(visitor, now: now) }
        }
    }
}

extension ChatHub.State {
    /// Relays a chat message and acknowledges it to its sender (a share of them acknowledged only, when the server is
    /// told to lose messages: ``ServerConfiguration/dropShare``).
    mutating func relay(
        _ message: ChatMessage,
        from sender: Participant,
        outbox: Outbox,
        metrics: ServerMetrics
    ) throws(RoutingError) {
        switch try center.relay(chat: message.chat, from: sender, seq: message.seq) {
        case .deliver(let recipient, let serverSeq):
            defer { outbox.send(.ack(Ack(chat: message.chat, id: message.id, seq: message.seq, serverSeq: serverSeq))) }
            if dropShare > 0, Double.random(in: 0..<1, using: &dropRNG) < dropShare {
                metrics.droppedMessage()
                return
            }
            send(
                .message(
                    RelayedMessage(
                        chat: message.chat,
                        from: Party(sender),
                        id: message.id,
                        seq: message.seq,
                        serverSeq: serverSeq,
                        text: message.text,
                        sentAt: message.sentAt
                    )
                ),
                to: recipient,
                after: relayDelay
            )
        case .duplicate:
            outbox.send(.ack(Ack(chat: message.chat, id: message.id, seq: message.seq, serverSeq: 0, duplicate: true)))
        }
    }
}

extension VisitorFrame {
    /// What an error about this frame refers to: the client message id, or the frame type.
    var reference: String {
        switch self {
        case .hello: "hello"
        case .pageView: "pageView"
        case .inviteReply: "inviteReply"
        case .request: "request"
        case .message(let message): message.id
        case .typing: "typing"
        case .leave: "leave"
        case .end: "end"
        case .survey: "survey"
        }
    }
}

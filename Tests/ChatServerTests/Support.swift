import ChatProtocol
import ChatServer
import ChatStormTesting
import Testing

let token = "test-token"

func agentHello(_ id: String, departments: [String] = ["sales"], capacity: Int = 2, languages: [String] = ["en"]) -> AgentFrame {
    .hello(AgentHello(agent: id, token: token, languages: languages, departments: departments, capacity: capacity))
}

func visitorHello(_ id: String, language: String = "en") -> VisitorFrame {
    .hello(VisitorHello(visitor: id, language: language, region: "emea"))
}

extension ChatConnection {
    /// Says hello and checks the welcome.
    func hello(_ frame: Outgoing) async throws {
        try await send(frame)
        let reply = try await next()
        guard case .welcome(_, let version) = reply, version == 1 else {
            throw ChatConnectionError(message: "expected welcome, got \(String(describing: reply))")
        }
    }

    func assigned() async throws -> Assignment {
        try await next { if case .assigned(let a) = $0 { a } else { nil } }.value
    }

    func error() async throws -> ErrorFrame {
        try await next { if case .error(let e) = $0 { e } else { nil } }.value
    }

    func relayed() async throws -> RelayedMessage {
        try await next { if case .message(let m) = $0 { m } else { nil } }.value
    }

    func ack() async throws -> Ack {
        try await next { if case .ack(let a) = $0 { a } else { nil } }.value
    }

    func ended() async throws -> (chat: ChatID, reason: EndReason) {
        try await next { if case .ended(let chat, let reason) = $0 { (chat, reason) } else { nil } }.value
    }

    func queued() async throws -> Queued {
        try await next { if case .queued(let q) = $0 { q } else { nil } }.value
    }
}

/// Checks that a brand-new visitor is served normally: hello, welcome, a request answered with a ticket
/// (no agent serves the "nobody" department).
func expectFreshVisitorServed(port: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let outcome = try await withVisitor(port: port) { visitor in
        try await visitor.hello(visitorHello("fresh-visitor"))
        try await visitor.send(.request(ChatRequest(department: "nobody")))
        return try await visitor.next { if case .offline(let ticket, _, let department) = $0 { (ticket, department) } else { nil } }.value
    }
    #expect(outcome.value.1 == "nobody", sourceLocation: sourceLocation)
}

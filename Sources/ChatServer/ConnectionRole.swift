import ChatProtocol
import NIOWebSocket

/// The result of a client's first frame.
enum HelloResult: Sendable {
    case accepted(String)
    case refused(ErrorFrame, close: WebSocketErrorCode?)
}

/// What differs between the visitor and the agent endpoint.
protocol ConnectionRole: Sendable {
    associatedtype Frame: WireFrame
    static var name: String { get }
    func hello(_ frame: Frame, hub: ChatHub, outbox: Outbox) -> HelloResult
    func handle(_ frame: Frame, from identity: String, hub: ChatHub, outbox: Outbox)
    func disconnected(_ identity: String, hub: ChatHub, outbox: Outbox)
}

struct VisitorRole: ConnectionRole {
    static let name = "visitor"

    func hello(_ frame: VisitorFrame, hub: ChatHub, outbox: Outbox) -> HelloResult {
        guard case .hello(let hello) = frame else {
            return .refused(ErrorFrame(code: .helloRequired, text: "say hello first", ref: frame.reference), close: nil)
        }
        if let error = hub.visitorHello(hello, outbox: outbox) { return .refused(error, close: nil) }
        return .accepted(hello.visitor)
    }

    func handle(_ frame: VisitorFrame, from identity: String, hub: ChatHub, outbox: Outbox) {
        hub.handle(frame, from: identity, outbox: outbox)
    }

    func disconnected(_ identity: String, hub: ChatHub, outbox: Outbox) {
        hub.visitorDisconnected(identity, outbox: outbox)
    }
}

struct AgentRole: ConnectionRole {
    static let name = "agent"
    /// Close code for a missing or wrong agent token.
    static let unauthorized = WebSocketErrorCode(codeNumber: 4001)

    func hello(_ frame: AgentFrame, hub: ChatHub, outbox: Outbox) -> HelloResult {
        guard case .hello(let hello) = frame else {
            return .refused(ErrorFrame(code: .helloRequired, text: "say hello first", ref: frame.reference), close: nil)
        }
        guard hub.configuration.agentTokens.contains(hello.token) else {
            return .refused(ErrorFrame(code: .unauthorized, text: "invalid agent token", ref: "token"), close: Self.unauthorized)
        }
        if let error = hub.agentHello(hello, outbox: outbox) { return .refused(error, close: nil) }
        return .accepted(hello.agent)
    }

    func handle(_ frame: AgentFrame, from identity: String, hub: ChatHub, outbox: Outbox) {
        hub.handle(frame, from: identity, outbox: outbox)
    }

    func disconnected(_ identity: String, hub: ChatHub, outbox: Outbox) {
        hub.agentDisconnected(identity, outbox: outbox)
    }
}

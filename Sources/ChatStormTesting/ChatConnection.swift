public import ChatProtocol
import Logging
import NIOCore
import NIOWebSocket
import WSClient

/// A real WebSocket client speaking native protocol v1, for tests and benchmarks.
///
/// Scoped: ``withVisitor(port:_:)`` and ``withAgent(port:_:)`` connect, run the body with the connection,
/// and close it when the body returns. The result carries the close frame the server sent, if any.
///
/// `@unchecked Sendable` so that nested scopes (an agent and a visitor in one test) can both be used from the
/// test's task; a connection must only be used by one task at a time.
public final class ChatConnection<Outgoing: WireFrame>: @unchecked Sendable {
    private var inbound: WebSocketInboundStream.AsyncIterator
    private let outbound: WebSocketOutboundWriter

    init(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) {
        self.inbound = inbound.makeAsyncIterator()
        self.outbound = outbound
    }

    /// Sends a protocol frame of this endpoint.
    public func send(_ frame: Outgoing) async throws { try await sendText(frame.json) }

    /// Sends raw text, valid protocol or not.
    public func sendText(_ text: String) async throws { try await outbound.write(.text(text)) }

    /// Sends raw bytes in a text frame (to send invalid UTF-8 on purpose).
    public func sendTextBytes(_ bytes: [UInt8]) async throws {
        try await outbound.write(.custom(.init(fin: true, opcode: .text, data: ByteBuffer(bytes: bytes))))
    }

    public func sendBinary(_ bytes: [UInt8]) async throws { try await outbound.write(.binary(ByteBuffer(bytes: bytes))) }

    /// The next frame from the server, or nil once the server closed the connection.
    public func next() async throws -> ServerFrame? {
        while let frame = try await inbound.next() {
            guard frame.opcode == .text || frame.opcode == .continuation else { continue }
            return try ServerFrame.decode(Array(frame.data.readableBytesView))
        }
        return nil
    }

    /// Reads frames until `match` returns a value, returning it with the frames skipped on the way.
    public func next<T>(
        _ match: (ServerFrame) -> T?,
        sourceLocation: String = #function
    ) async throws -> (value: T, skipped: [ServerFrame]) {
        var skipped: [ServerFrame] = []
        while let frame = try await next() {
            if let value = match(frame) { return (value, skipped) }
            skipped.append(frame)
        }
        throw ChatConnectionError(message: "connection closed while waiting (\(sourceLocation)); got \(skipped)")
    }

    /// Closes the connection normally.
    public func close() async throws { try await outbound.close(.normalClosure, reason: nil) }
}

public struct ChatConnectionError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// The value a scoped connection's body returned and how the server closed the connection.
public struct ConnectionOutcome<T: Sendable>: Sendable {
    public var value: T
    /// The server's close code (nil when the client closed first or the socket just dropped).
    public var closeCode: Int?
}

/// Connects to `path` on 127.0.0.1:`port` and runs `body` with the connection.
public func withChatConnection<Outgoing: WireFrame, T: Sendable>(
    port: Int,
    path: String,
    sending: Outgoing.Type,
    _ body: @escaping @Sendable (ChatConnection<Outgoing>) async throws -> T
) async throws -> ConnectionOutcome<T> {
    let logger = Logger(label: "chatstorm.testing")
    let result = ResultBox<T>()
    let closeFrame = try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)\(path)", logger: logger) {
        inbound,
        outbound,
        _ in
        result.value = try await body(ChatConnection(inbound: inbound, outbound: outbound))
    }
    guard let value = result.value else { throw ChatConnectionError(message: "the connection ended before the body finished") }
    let code: Int? = closeFrame.map { Int(UInt16(webSocketErrorCode: $0.closeCode)) }
    return ConnectionOutcome(value: value, closeCode: code)
}

/// A visitor's connection: sends ``VisitorFrame``s.
public typealias VisitorConnection = ChatConnection<VisitorFrame>
/// An agent's connection: sends ``AgentFrame``s.
public typealias AgentConnection = ChatConnection<AgentFrame>

public func withVisitor<T: Sendable>(
    port: Int,
    _ body: @escaping @Sendable (VisitorConnection) async throws -> T
) async throws -> ConnectionOutcome<T> {
    try await withChatConnection(port: port, path: "/v1/visitor", sending: VisitorFrame.self, body)
}

public func withAgent<T: Sendable>(
    port: Int,
    _ body: @escaping @Sendable (AgentConnection) async throws -> T
) async throws -> ConnectionOutcome<T> {
    try await withChatConnection(port: port, path: "/v1/agent", sending: AgentFrame.self, body)
}

/// Holds a scoped body's result across the client's handler closure.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    // Written once by the handler task before `connect` returns, read after: no concurrent access.
    var value: T?
}

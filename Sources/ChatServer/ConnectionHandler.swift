import ChatProtocol
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket

/// Reads one client's frames, checks them, and hands them to the hub; the client's outbox writer runs beside it.
///
/// Whatever a client sends, only its own connection is affected: malformed or unknown frames get an `error`
/// frame, binary frames close with 1003, invalid UTF-8 with 1007, oversized frames with 1009 (from the
/// WebSocket layer), a bad agent token with 4001 and a flood with 1008.
struct ConnectionHandler<Role: ConnectionRole>: Sendable {
    let hub: ChatHub
    let role: Role

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async {
        let outbox = Outbox(id: hub.nextSession(), limit: hub.configuration.outboxLimit)
        hub.metrics.connected(Role.name)
        defer { hub.metrics.disconnected(Role.name) }
        await withDiscardingTaskGroup { group in
            group.addTask { await outbox.drain(into: outbound, allocator: ByteBufferAllocator()) }
            let identity = await read(inbound, outbox: outbox, logger: logger)
            if let identity { role.disconnected(identity, hub: hub, outbox: outbox) }
            outbox.finish()
        }
    }

    /// The read loop; returns the identity the client said hello with, if any.
    private func read(_ inbound: WebSocketInboundStream, outbox: Outbox, logger: Logger) async -> String? {
        let limits = hub.configuration
        var limiter = RateLimiter(rate: limits.rateLimit.framesPerSecond, burst: limits.rateLimit.burst)
        var dropped = 0
        var identity: String?
        var partial: ByteBuffer?
        do {
            for try await frame in inbound {
                hub.metrics.received(Role.name)
                guard limiter.allow(now: hub.now) else {
                    dropped += 1
                    if dropped >= limits.rateLimit.closeAfterDropped {
                        reject(.rateLimited, "too many frames; closing", outbox: outbox, close: .policyViolation)
                        return identity
                    }
                    if dropped == 1 || dropped % 100 == 0 {
                        reject(.rateLimited, "too many frames per second; frame dropped", outbox: outbox)
                    }
                    continue
                }
                dropped = 0
                var message: ByteBuffer
                switch frame.opcode {
                case .binary:
                    reject(.binaryFrame, "binary frames are not part of protocol v1", outbox: outbox, close: .unacceptableData)
                    return identity
                case .text where frame.fin:
                    message = frame.data
                case .text:
                    partial = frame.data
                    continue
                case .continuation:
                    guard var buffer = partial else { continue }
                    var data = frame.data
                    buffer.writeBuffer(&data)
                    guard buffer.readableBytes <= limits.maxFrameSize else {
                        reject(.tooLarge, "message over \(limits.maxFrameSize) bytes", outbox: outbox, close: .messageTooLarge)
                        return identity
                    }
                    guard frame.fin else {
                        partial = buffer
                        continue
                    }
                    partial = nil
                    message = buffer
                }
                do {
                    let decoded = try message.withUnsafeReadableBytes { bytes throws(FrameDecodingError) in
                        try Role.Frame.decode(bytes)
                    }
                    if let identity {
                        role.handle(decoded, from: identity, hub: hub, outbox: outbox)
                    } else {
                        switch role.hello(decoded, hub: hub, outbox: outbox) {
                        case .accepted(let id):
                            identity = id
                        case .refused(let error, let close):
                            reject(error, outbox: outbox, close: close)
                            if close != nil { return nil }
                        }
                    }
                } catch {
                    let errorFrame = ErrorFrame(code: error.code, text: error.description, ref: error.field)
                    reject(errorFrame, outbox: outbox, close: error.code == .invalidUTF8 ? .dataInconsistentWithMessage : nil)
                    if error.code == .invalidUTF8 { return identity }
                }
            }
        } catch {
            logger.debug("connection read ended", metadata: ["error": "\(error)"])
        }
        return identity
    }

    private func reject(_ code: ErrorCode, _ text: String, outbox: Outbox, close: WebSocketErrorCode? = nil) {
        reject(ErrorFrame(code: code, text: text), outbox: outbox, close: close)
    }

    private func reject(_ error: ErrorFrame, outbox: Outbox, close: WebSocketErrorCode?) {
        hub.metrics.countError(error.code)
        outbox.send(.error(error))
        if let close { outbox.close(close, reason: error.code.rawValue) }
    }
}

/// The result of a client's first frame.
enum HelloResult: Sendable {
    case accepted(String)
    case refused(ErrorFrame, close: WebSocketErrorCode?)
}

/// What differs between the visitor and the agent endpoint.
protocol ConnectionRole: Sendable {
    associatedtype Frame: DecodableFrame
    static var name: String { get }
    func hello(_ frame: Frame, hub: ChatHub, outbox: Outbox) -> HelloResult
    func handle(_ frame: Frame, from identity: String, hub: ChatHub, outbox: Outbox)
    func disconnected(_ identity: String, hub: ChatHub, outbox: Outbox)
}

/// A frame type the server decodes.
protocol DecodableFrame: Sendable {
    static func decode(_ bytes: UnsafeRawBufferPointer) throws(FrameDecodingError) -> Self
}

extension VisitorFrame: DecodableFrame {}
extension AgentFrame: DecodableFrame {}

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

public import ChatProtocol
public import NIOCore
public import NIOWebSocket

/// What a session tells its owner, on the session's event loop.
public protocol SessionDelegate: AnyObject {
    /// The WebSocket handshake completed; frames may be sent.
    func sessionOpened(_ session: WebSocketSession)
    /// A frame from the server, decoded.
    func session(_ session: WebSocketSession, received frame: ServerFrame)
    /// A frame from the server that is not valid protocol v1.
    func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError)
    /// The connection closed; `code` is the server's close code when it sent one.
    func sessionClosed(_ session: WebSocketSession, code: Int?)
}

/// One client WebSocket connection speaking protocol v1, driven entirely on its channel's event loop.
///
/// Built for tens of thousands of sessions per process: no task per connection, no lock per frame. Frames sent
/// during one event-loop tick are written together with a single flush.
public final class WebSocketSession: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = WebSocketFrame
    public typealias OutboundOut = WebSocketFrame

    public weak var delegate: (any SessionDelegate)?
    private var context: ChannelHandlerContext?
    private var flushScheduled = false
    private var closeCode: Int?
    private var scratch: [UInt8] = []

    public init(delegate: any SessionDelegate) {
        self.delegate = delegate
    }

    /// The event loop the session lives on; call ``send(_:)`` only from it.
    public var eventLoop: (any EventLoop)? { context?.eventLoop }

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        // The session is added while the HTTP upgrade is still finishing; open on the next tick, when the
        // pipeline speaks WebSocket frames only.
        let session = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            guard session.value.context != nil else { return }
            session.value.delegate?.sessionOpened(session.value)
        }
    }

    public func channelInactive(context: ChannelHandlerContext) {
        let delegate = self.delegate
        self.context = nil
        delegate?.sessionClosed(self, code: closeCode)
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            do {
                let decoded = try frame.data.withUnsafeReadableBytes { bytes throws(FrameDecodingError) in
                    try ServerFrame.decode(bytes)
                }
                delegate?.session(self, received: decoded)
            } catch {
                delegate?.session(self, receivedInvalid: error)
            }
        case .connectionClose:
            var data = frame.data
            closeCode = data.readWebSocketErrorCode().map { Int(UInt16(webSocketErrorCode: $0)) }
            context.close(promise: nil)
        case .ping:
            write(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.data), context: context)
        default:
            break
        }
    }

    /// Sends a protocol frame (visitor or agent); written with the others of this event-loop tick.
    public func send(_ frame: some WireFrame) {
        guard let context else { return }
        scratch.removeAll(keepingCapacity: true)
        frame.encode(into: &scratch)
        let buffer = context.channel.allocator.buffer(bytes: scratch)
        write(WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: buffer), context: context)
    }

    /// Starts a normal close: sends a close frame; the server closes the connection.
    public func close() {
        guard let context else { return }
        var data = context.channel.allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: .normalClosure)
        write(WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: data), context: context)
    }

    private func write(_ frame: WebSocketFrame, context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(frame), promise: nil)
        guard !flushScheduled else { return }
        flushScheduled = true
        let session = NIOLoopBound(self, eventLoop: context.eventLoop)
        context.eventLoop.execute {
            session.value.flushScheduled = false
            session.value.context?.flush()
        }
    }
}

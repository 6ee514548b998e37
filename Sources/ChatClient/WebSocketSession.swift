public import ChatProtocol
public import NIOCore

/// What a session tells its owner, on the session's event loop.
public protocol SessionDelegate: AnyObject {
    /// The WebSocket handshake completed; frames may be sent.
    func sessionOpened(_ session: WebSocketSession)
    /// A frame from the server, decoded.
    func session(_ session: WebSocketSession, received frame: ServerFrame)
    /// A frame from the server that is not valid protocol v1.
    func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError)
    /// The connection of an opened session closed; `code` is the server's close code when it sent one.
    func sessionClosed(_ session: WebSocketSession, code: Int?)
}

/// One client WebSocket connection speaking protocol v1: the only handler in its channel's pipeline, driven
/// entirely on the channel's event loop.
///
/// Built for tens of thousands of sessions per process: no task per connection, no lock and no allocation per
/// frame beyond the write buffer. It does the handshake and the framing itself (``WebSocketHandshake``,
/// ``WebSocketWire``). Frames sent while the session handles a read go out together when the read completes;
/// frames sent from elsewhere (a timer) wait for ``flush()``, so a caller sending several frames pays one
/// write.
public final class WebSocketSession: ChannelInboundHandler, RemovableChannelHandler {
    public typealias InboundIn = ByteBuffer
    public typealias OutboundOut = ByteBuffer

    public weak var delegate: (any SessionDelegate)?
    /// Counts this session's protocol frames, when the owner wants them counted (shared by many sessions of
    /// one event loop).
    public var tally: FrameTally?
    private var context: ChannelHandlerContext?
    private var state = State.connecting
    /// Received bytes not yet parsed: the rest of a frame (or of the handshake response) still on its way.
    private var unread: ByteBuffer?
    /// A fragmented text message being put together.
    private var fragments: ByteBuffer?
    /// Frames written since the last flush.
    private var unflushed: ByteBuffer?
    private var random: SessionRandom
    private var closeCode: Int?
    var handshake: WebSocketHandshake?
    var openPromise: EventLoopPromise<Void>?
    /// The handshake completed at some point: the owner hears of the close.
    private var wasOpened = false
    var maxFrameSize = 1 << 16

    private enum State {
        case connecting
        case handshaking(key: String)
        case open
        /// We sent a close frame; the server closes the connection.
        case closing
        case closed
    }

    public init(delegate: any SessionDelegate) {
        self.delegate = delegate
        var system = SystemRandomNumberGenerator()
        self.random = SessionRandom(seed: system.next())
    }

    /// The event loop the session lives on; call ``send(_:)`` only from it.
    public var eventLoop: (any EventLoop)? { context?.eventLoop }

    /// Whether the handshake completed and the connection is still open.
    public var isOpen: Bool {
        if case .open = state { return true }
        return false
    }

    /// Frames are still read while our close is on its way.
    private var isReading: Bool {
        switch state {
        case .open, .closing: true
        case .connecting, .handshaking, .closed: false
        }
    }

    public func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { startHandshake(context: context) }
    }

    public func channelActive(context: ChannelHandlerContext) {
        startHandshake(context: context)
        context.fireChannelActive()
    }

    private func startHandshake(context: ChannelHandlerContext) {
        guard case .connecting = state, let handshake else { return }
        let key = WebSocketHandshake.makeKey(using: &random)
        state = .handshaking(key: key)
        var request = context.channel.allocator.buffer(capacity: 256)
        handshake.writeRequest(key: key, into: &request)
        context.writeAndFlush(wrapOutboundOut(request), promise: nil)
    }

    public func channelInactive(context: ChannelHandlerContext) {
        state = .closed
        self.context = nil
        unread = nil
        fragments = nil
        unflushed = nil
        openPromise?.fail(ChannelError.ioOnClosedChannel)
        openPromise = nil
        if wasOpened { delegate?.sessionClosed(self, code: closeCode) }
        context.fireChannelInactive()
    }

    public func errorCaught(context: ChannelHandlerContext, error: any Error) {
        openPromise?.fail(error)
        openPromise = nil
        context.close(promise: nil)
    }

    public func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if var pending = unread {
            unread = nil
            pending.writeBuffer(&buffer)
            buffer = pending
        }
        if case .handshaking(let key) = state {
            do {
                guard try WebSocketHandshake.readResponse(from: &buffer, key: key) != nil else {
                    unread = buffer
                    return
                }
            } catch {
                fail(error, context: context)
                return
            }
            state = .open
            wasOpened = true
            openPromise?.succeed()
            openPromise = nil
            delegate?.sessionOpened(self)
        }
        readFrames(from: &buffer, context: context)
    }

    public func channelReadComplete(context: ChannelHandlerContext) {
        flush()
        context.fireChannelReadComplete()
    }

    private func readFrames(from buffer: inout ByteBuffer, context: ChannelHandlerContext) {
        while isReading {
            let frame: WebSocketWire.Frame?
            do {
                frame = try WebSocketWire.readFrame(from: &buffer, maxPayload: maxFrameSize)
            } catch {
                closeNow(code: error.closeCode, context: context)
                return
            }
            guard let frame else { break }
            handle(frame, context: context)
        }
        if buffer.readableBytes > 0 {
            // Keep only the partial frame, not the whole read buffer it sits in.
            unread = context.channel.allocator.buffer(buffer: buffer)
        }
    }

    private func handle(_ frame: WebSocketWire.Frame, context: ChannelHandlerContext) {
        switch frame.opcode {
        case .text where frame.fin && fragments == nil:
            deliver(frame.payload)
        case .text:
            guard fragments == nil else { return closeNow(code: 1002, context: context) }
            fragments = frame.payload
        case .continuation:
            guard var message = fragments else { return closeNow(code: 1002, context: context) }
            var payload = frame.payload
            message.writeBuffer(&payload)
            guard message.readableBytes <= maxFrameSize else { return closeNow(code: 1009, context: context) }
            if frame.fin {
                fragments = nil
                deliver(message)
            } else {
                fragments = message
            }
        case .binary:
            closeNow(code: 1003, context: context)
        case .close:
            var payload = frame.payload
            closeCode = payload.readInteger(as: UInt16.self).map(Int.init)
            guard isOpen else {
                // The answer to our own close: the handshake is complete.
                context.close(promise: nil)
                return
            }
            // The server closes: answered with a close frame echoing its code (RFC 6455 §5.5.1: an endpoint that
            // receives a close it did not start MUST send one), after which the connection may close (§7.1.1).
            // Closing without it left a server waiting for the answer, or seeing the end as abnormal.
            state = .closed
            if let closeCode {
                withUnsafeBytes(of: UInt16(truncatingIfNeeded: closeCode).bigEndian) { write(.close, payload: $0) }
            } else {
                write(.close, payload: UnsafeRawBufferPointer(start: nil, count: 0))
            }
            let answer = unflushed
            unflushed = nil
            if let answer {
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(answer)).whenComplete { _ in channel.close(promise: nil) }
            } else {
                context.close(promise: nil)
            }
        case .ping:
            frame.payload.withUnsafeReadableBytes { write(.pong, payload: $0) }
        case .pong:
            break
        }
    }

    private func deliver(_ payload: ByteBuffer) {
        tally?.received += 1
        do {
            let decoded = try payload.withUnsafeReadableBytes { bytes throws(FrameDecodingError) in
                try ServerFrame.decode(bytes)
            }
            delegate?.session(self, received: decoded)
        } catch {
            delegate?.session(self, receivedInvalid: error)
        }
    }

    // MARK: Sending

    /// Sends a protocol frame (visitor or agent). It is written when the current read completes or at
    /// ``flush()``.
    public func send(_ frame: some WireFrame) {
        guard isOpen else { return }
        tally?.sent += 1
        // A fresh array per frame rather than one kept per session: a malloc is cheap next to the write, and an
        // idle session then holds no encoding buffer.
        var json: [UInt8] = []
        json.reserveCapacity(256)
        frame.encode(into: &json)
        json.withUnsafeBytes { write(.text, payload: $0) }
    }

    /// Writes the frames sent since the last flush in one go.
    public func flush() {
        guard let context, let buffer = unflushed else { return }
        unflushed = nil
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
    }

    /// Starts a normal close: sends a close frame (at once); the server then closes the connection.
    public func close() {
        guard isOpen else {
            if case .handshaking = state { context?.close(promise: nil) }
            return
        }
        withUnsafeBytes(of: UInt16(1000).bigEndian) { write(.close, payload: $0) }
        flush()
        state = .closing
    }

    private func write(_ opcode: WebSocketWire.Opcode, payload: UnsafeRawBufferPointer) {
        guard let context else { return }
        if unflushed == nil { unflushed = context.channel.allocator.buffer(capacity: payload.count + 64) }
        WebSocketWire.appendFrame(opcode, payload: payload, mask: UInt32(truncatingIfNeeded: random.next()), to: &unflushed!)
    }

    /// Answers a protocol violation with its close code and drops the connection.
    private func closeNow(code: UInt16, context: ChannelHandlerContext) {
        withUnsafeBytes(of: code.bigEndian) { write(.close, payload: $0) }
        flush()
        state = .closed
        context.close(promise: nil)
    }

    private func fail(_ error: any Error, context: ChannelHandlerContext) {
        openPromise?.fail(error)
        openPromise = nil
        state = .closed
        context.close(promise: nil)
    }
}

/// Protocol frames (text messages) sent and received by the sessions of one event loop.
public final class FrameTally {
    public var sent = 0
    public var received = 0

    public init() {}
}

/// Masking keys and handshake nonces: xorshift64* seeded from the system generator once per session.
///
/// RFC 6455 asks for unpredictable masking keys to protect proxies from browser scripts; a load generator only
/// needs them to vary, and a system random call per frame (a syscall here) would be its largest cost per frame.
struct SessionRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}

import ChatProtocol
import NIOCore
import NIOWebSocket

/// One client's WebSocket connection, on its event loop: checks frames, decodes them and hands them to the hub.
///
/// Whatever a client sends, only its own connection is affected: malformed or unknown frames get an `error`
/// frame, binary frames close with 1003, invalid UTF-8 with 1007, oversized frames and messages with `tooLarge`
/// and 1009, framing errors with 1002, a bad agent token with 4001 and a flood with 1008. Written as a channel
/// handler rather than an async task per connection: no task switches per frame, and replies are flushed together
/// (see ``Outbox``).
final class WebSocketConnection<Role: ConnectionRole>: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let hub: ChatHub
    private let role: Role
    private var outbox: Outbox?
    private var identity: String?
    private var limiter: RateLimiter
    private var dropped = 0

    init(hub: ChatHub, role: Role) {
        self.hub = hub
        self.role = role
        let limit = hub.configuration.rateLimit
        self.limiter = RateLimiter(rate: limit.framesPerSecond, burst: limit.burst)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        outbox = Outbox(
            id: hub.nextSession(),
            channel: context.channel,
            limit: hub.configuration.outboxLimit,
            closeTimeout: hub.configuration.closeTimeout
        )
        hub.metrics.connected(Role.name)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let outbox {
            outbox.finish()
            if let identity { role.disconnected(identity, hub: hub, outbox: outbox) }
            hub.metrics.disconnected(Role.name)
        }
        outbox = nil
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { outbox?.flush() }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // The server allows half-closure (for HTTP); a WebSocket client that closed its side is gone.
        if let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
        }
        if event is ServerGoingAway, let outbox {
            // After the frames already queued, and with the closing handshake of any close the server starts
            // (nothing when the connection is closing already).
            outbox.close(.goingAway, reason: "")
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// Errors of the WebSocket layer before this handler (NIO's own error handling is off, see `ChatChannel`), so that
    /// their close frames go through the outbox: after the frames already queued, and never a second one.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let outbox else {
            context.close(promise: nil)
            return
        }
        switch error {
        case let error as NIOWebSocketError:
            // The frame decoder reads nothing after a framing error: the connection is failed, not closed by handshake.
            if error == .invalidFrameLength, !outbox.isClosing {
                hub.metrics.countError(.tooLarge)
                outbox.send(.error(ErrorFrame(code: .tooLarge, text: "a frame over the maximum size; closing")))
            }
            outbox.fail(error == .invalidFrameLength ? .messageTooLarge : .protocolError)
        case is ClientFrameRules.Violation:
            outbox.fail(.protocolError)
        case let error as NIOWebSocketFrameAggregator.Error:
            // A fragmented message refused whole; the frames after it, the client's close included, are still read.
            guard !outbox.isClosing else { return }
            switch error {
            case .accumulatedFrameSizeIsTooLarge, .tooManyFragments:
                let text = error == .tooManyFragments ? "a message in more fragments than allowed" : "a message over the maximum size"
                reject(ErrorFrame(code: .tooLarge, text: text + "; closing"), outbox: outbox, close: .messageTooLarge)
            case .nonFinalFragmentSizeIsTooSmall, .receivedNewFrameWithoutFinishingPrevious,
                .didReceiveFragmentBeforeReceivingTextOrBinaryFrame:
                outbox.close(.protocolError, reason: "")
            }
        case ByteToMessageDecoderError.dataReceivedInErrorState:
            // Bytes after a framing error, which failed the connection: its close under way ends it.
            break
        default:
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard let outbox else { return }
        guard !outbox.isClosing else {
            // The client's answer to a close the server started (an error, a slow consumer, shutdown): the closing
            // handshake is complete. Other frames are no longer served.
            if frame.opcode == .connectionClose { outbox.clientClosed() }
            return
        }
        switch frame.opcode {
        case .connectionClose:
            // Answer the client's close with the same code, then close; a close frame with a code no endpoint may
            // send (RFC 6455 §7.4: below 1000, 1004–1006, 1015, 1016–2999, 5000 and above) or a one-byte body is a
            // protocol error.
            var data = frame.unmaskedData
            guard data.readableBytes != 1 else {
                outbox.answerClose(.protocolError)
                return
            }
            guard let number = data.readInteger(as: UInt16.self) else {
                outbox.answerClose(.normalClosure)
                return
            }
            let sendable = (1000...1003).contains(number) || (1007...1014).contains(number) || (3000...4999).contains(number)
            outbox.answerClose(sendable ? WebSocketErrorCode(codeNumber: Int(number)) : .protocolError)
        case .ping:
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .pong:
            break
        case .binary:
            guard admit(outbox) else { return }
            reject(
                ErrorFrame(code: .binaryFrame, text: "binary frames are not part of protocol v1"),
                outbox: outbox,
                close: .unacceptableData
            )
        case .text:
            guard admit(outbox) else { return }
            process(frame.unmaskedData, outbox: outbox)
        default:
            // Continuations are joined by NIOWebSocketFrameAggregator before they reach this handler.
            break
        }
    }

    /// Applies the per-connection rate limit; a persistent flood closes the connection.
    private func admit(_ outbox: Outbox) -> Bool {
        hub.metrics.received(Role.name)
        if limiter.allow(now: hub.now) {
            dropped = 0
            return true
        }
        dropped += 1
        if dropped >= hub.configuration.rateLimit.closeAfterDropped {
            reject(ErrorFrame(code: .rateLimited, text: "too many frames; closing"), outbox: outbox, close: .policyViolation)
        } else if dropped == 1 || dropped % 100 == 0 {
            reject(ErrorFrame(code: .rateLimited, text: "too many frames per second; frame dropped"), outbox: outbox, close: nil)
        }
        return false
    }

    private func process(_ message: ByteBuffer, outbox: Outbox) {
        do {
            let decoded = try message.withUnsafeReadableBytes { bytes throws(FrameDecodingError) in
                try Role.Frame.decode(bytes)
            }
            if let identity {
                role.handle(decoded, from: identity, hub: hub, outbox: outbox)
                return
            }
            switch role.hello(decoded, hub: hub, outbox: outbox) {
            case .accepted(let id):
                identity = id
            case .refused(let error, let close):
                reject(error, outbox: outbox, close: close)
            }
        } catch {
            let errorFrame = ErrorFrame(code: error.code, text: error.description, ref: error.field)
            reject(errorFrame, outbox: outbox, close: error.code == .invalidUTF8 ? .dataInconsistentWithMessage : nil)
        }
    }

    private func reject(_ error: ErrorFrame, outbox: Outbox, close: WebSocketErrorCode?) {
        hub.metrics.countError(error.code)
        outbox.send(.error(error))
        if let close {
            outbox.close(close, reason: error.code.rawValue)
        }
    }
}

/// The server is shutting down gracefully: each connection's handler closes it with 1001.
struct ServerGoingAway: Sendable {}

/// RFC 6455's rules for a client's frames that NIO's decoder leaves to the application, checked before fragments are
/// joined (the joined frame is unmasked): every frame masked (§5.1), no RSV bit set (no extension is negotiated,
/// §5.2), no reserved opcode. A frame that breaks one fails the connection with 1002 (`WebSocketConnection`), and
/// nothing after it is passed on.
final class ClientFrameRules: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = WebSocketFrame

    struct Violation: Error {}

    private var failed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        let frame = unwrapInboundIn(data)
        let known: Bool
        switch frame.opcode {
        case .continuation, .text, .binary, .connectionClose, .ping, .pong: known = true
        default: known = false
        }
        guard known, frame.maskKey != nil, !frame.rsv1, !frame.rsv2, !frame.rsv3 else {
            failed = true
            context.fireErrorCaught(Violation())
            return
        }
        context.fireChannelRead(data)
    }
}

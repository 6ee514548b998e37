import ChatProtocol
import NIOCore
import NIOWebSocket
import Synchronization

/// The frames waiting to go to one client, sent in the order the hub produced them.
///
/// The hub calls ``send(_:)`` while holding its lock, from whichever event loop handled the event; the frame is
/// encoded at once and appended here. The first frame appended after a flush schedules one flush on the client's
/// own event loop, which writes everything pending with a single flush (one `writev` for a burst). Frames wait
/// while the socket is not writable; a client that lets more than `limit` frames pile up is closed with 1008
/// rather than silently losing frames.
final class Outbox: Sendable {
    private struct State: Sendable {
        var pending: [ByteBuffer] = []
        var flushScheduled = false
        var close: Close?
        /// The close frame has been taken for writing: nothing more is sent.
        var closed = false
        /// The write of the close frame, once issued.
        var closeWrite: EventLoopFuture<Void>?
        /// The client's close frame arrived after the server had started closing.
        var answered = false
    }

    /// A close frame waiting its turn.
    private struct Close: Sendable {
        var code: WebSocketErrorCode
        var reason: String
        /// A close the server starts: the connection waits for the client's close frame. Otherwise it answers
        /// the client's, and the connection ends once it is written.
        var awaitsReply: Bool
    }

    static let headerRoom = 10

    let id: UInt64
    private let channel: any Channel
    private let limit: Int
    /// See `ServerConfiguration.closeTimeout`.
    private let closeTimeout: TimeAmount
    private let state = Mutex(State())
    /// Set with `state.close`, never cleared: read for every frame the client sends (`isClosing`), where taking the
    /// lock would cost the relay path a lock round trip per frame.
    private let closeStarted = Atomic<Bool>(false)

    init(id: UInt64, channel: any Channel, limit: Int, closeTimeout: Double) {
        self.id = id
        self.channel = channel
        self.limit = limit
        self.closeTimeout = .nanoseconds(Int64(max(0, closeTimeout) * 1e9))
    }

    /// Whether a close has begun, whoever started it: frames from the client are no longer served.
    var isClosing: Bool { closeStarted.load(ordering: .acquiring) }

    /// Queues a frame for this client; false when it was not queued, the connection closing or gone (or a slow
    /// client's overflow closing it now).
    @discardableResult
    func send(_ frame: ServerFrame) -> Bool {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(192)
        frame.encode(into: &bytes)
        // Leave room in front for the frame header (at most 10 bytes from a server), so NIO's encoder writes it in
        // place instead of allocating a second buffer and sending two iovecs per frame.
        var buffer = channel.allocator.buffer(capacity: bytes.count + Self.headerRoom)
        buffer.moveWriterIndex(forwardBy: Self.headerRoom)
        buffer.moveReaderIndex(forwardBy: Self.headerRoom)
        buffer.writeBytes(bytes)
        let (queued, schedule) = state.withLock { state -> (Bool, Bool) in
            guard !state.closed, state.close == nil else { return (false, false) }
            let queued: Bool
            if state.pending.count >= limit {
                state.pending.removeAll()
                state.close = Close(code: .policyViolation, reason: "slow consumer", awaitsReply: true)
                closeStarted.store(true, ordering: .releasing)
                queued = false
            } else {
                state.pending.append(buffer)
                queued = true
            }
            defer { state.flushScheduled = true }
            return (queued, !state.flushScheduled)
        }
        if schedule { channel.eventLoop.execute { self.flush() } }
        return queued
    }

    /// Queues a frame `delay` seconds from now.
    func send(_ frame: ServerFrame, after delay: Double) {
        channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(delay * 1e9))) { self.send(frame) }
    }

    /// Queues a close frame after the frames already queued: a close the server starts. The connection stays open
    /// for the client's close frame (``clientClosed()``), or for the configured close timeout at most:
    /// RFC 6455 §7.1.1 has the server close the TCP connection once it has both sent and received a close frame.
    /// (Closing at once made a client that answers write into a closed socket, and the reset that came back could
    /// end its connection with an error instead of the close code.)
    func close(_ code: WebSocketErrorCode, reason: String) {
        enqueue(Close(code: code, reason: reason, awaitsReply: true))
    }

    /// Answers the client's close frame with `code`; the connection closes once the answer is written.
    func answerClose(_ code: WebSocketErrorCode) {
        enqueue(Close(code: code, reason: "", awaitsReply: false))
    }

    /// Fails the connection (RFC 6455 §7.1.7) after a framing error, past which nothing the client sends can be
    /// read: a close frame with `code` after the frames already queued, and the connection ends once it is written.
    /// When a close is already under way, the client's answer to it can no longer be read either: the connection
    /// ends once that close frame is written.
    func fail(_ code: WebSocketErrorCode) {
        if !enqueue(Close(code: code, reason: "", awaitsReply: false)) { endOnceCloseWritten() }
    }

    /// The client's close frame arrived after the server started closing: the closing handshake is complete, and
    /// the connection ends once the server's own close frame is written (it may still be queued: the frames
    /// before it are not lost). On the channel's event loop.
    func clientClosed() {
        endOnceCloseWritten()
    }

    /// The connection ends once the server's close frame is written (at once when it is written already).
    private func endOnceCloseWritten() {
        let written = state.withLock { state -> EventLoopFuture<Void>? in
            state.answered = true
            return state.closeWrite
        }
        written?.whenComplete { _ in self.channel.close(promise: nil) }
    }

    /// Queues `close` unless a close is queued or written already (false then).
    @discardableResult
    private func enqueue(_ close: Close) -> Bool {
        let (queued, schedule) = state.withLock { state -> (Bool, Bool) in
            guard !state.closed, state.close == nil else { return (false, false) }
            state.close = close
            closeStarted.store(true, ordering: .releasing)
            defer { state.flushScheduled = true }
            return (true, !state.flushScheduled)
        }
        if schedule { channel.eventLoop.execute { self.flush() } }
        return queued
    }

    /// Writes what is pending. Runs on the channel's event loop; called again when the socket becomes writable.
    func flush() {
        let (frames, close) = state.withLock { state -> ([ByteBuffer], Close?) in
            state.flushScheduled = false
            guard channel.isWritable || state.close != nil else { return ([], nil) }
            defer { state.pending.removeAll(keepingCapacity: true) }
            if state.close != nil { state.closed = true }
            return (state.pending, state.close)
        }
        for frame in frames {
            channel.write(WebSocketFrame(fin: true, opcode: .text, data: frame), promise: nil)
        }
        if let close {
            var data = channel.allocator.buffer(capacity: 2 + close.reason.utf8.count)
            data.write(webSocketErrorCode: close.code)
            data.writeString(close.reason)
            let written = channel.writeAndFlush(WebSocketFrame(fin: true, opcode: .connectionClose, data: data))
            let answered = state.withLock { state -> Bool in
                state.closeWrite = written
                return state.answered
            }
            if !close.awaitsReply || answered {
                written.whenComplete { _ in self.channel.close(promise: nil) }
            }
            // Whatever the client does (never answers, never reads what is written), the connection ends.
            let deadline = channel.eventLoop.scheduleTask(in: closeTimeout) { self.channel.close(promise: nil) }
            channel.closeFuture.whenComplete { _ in deadline.cancel() }
        } else if !frames.isEmpty {
            channel.flush()
        }
    }

    /// The connection is gone: nothing more is queued.
    func finish() {
        state.withLock { state in
            state.closed = true
            state.pending.removeAll()
        }
        closeStarted.store(true, ordering: .releasing)
    }
}

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
        var closed = false
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
    /// How long a close the server starts waits for the client's close frame (or for the frame to be written at
    /// all, to a client that stopped reading) before the connection is dropped.
    static let closeReplyTimeout = TimeAmount.seconds(2)

    let id: UInt64
    private let channel: any Channel
    private let limit: Int
    private let state = Mutex(State())

    init(id: UInt64, channel: any Channel, limit: Int) {
        self.id = id
        self.channel = channel
        self.limit = limit
    }

    /// Queues a frame for this client.
    func send(_ frame: ServerFrame) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(192)
        frame.encode(into: &bytes)
        // Leave room in front for the frame header (at most 10 bytes from a server), so NIO's encoder writes it in
        // place instead of allocating a second buffer and sending two iovecs per frame.
        var buffer = channel.allocator.buffer(capacity: bytes.count + Self.headerRoom)
        buffer.moveWriterIndex(forwardBy: Self.headerRoom)
        buffer.moveReaderIndex(forwardBy: Self.headerRoom)
        buffer.writeBytes(bytes)
        let schedule = state.withLock { state -> Bool in
            guard !state.closed, state.close == nil else { return false }
            if state.pending.count >= limit {
                state.pending.removeAll()
                state.close = Close(code: .policyViolation, reason: "slow consumer", awaitsReply: true)
            } else {
                state.pending.append(buffer)
            }
            defer { state.flushScheduled = true }
            return !state.flushScheduled
        }
        if schedule { channel.eventLoop.execute { self.flush() } }
    }

    /// Queues a frame `delay` seconds from now.
    func send(_ frame: ServerFrame, after delay: Double) {
        channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(delay * 1e9))) { self.send(frame) }
    }

    /// Queues a close frame after the frames already queued: a close the server starts. The connection stays open
    /// for the client's close frame, which ends it (``WebSocketConnection``), or for ``closeReplyTimeout`` at most:
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

    private func enqueue(_ close: Close) {
        let schedule = state.withLock { state -> Bool in
            guard !state.closed, state.close == nil else { return false }
            state.close = close
            defer { state.flushScheduled = true }
            return !state.flushScheduled
        }
        if schedule { channel.eventLoop.execute { self.flush() } }
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
            if close.awaitsReply {
                channel.eventLoop.scheduleTask(in: Self.closeReplyTimeout) { self.channel.close(promise: nil) }
            } else {
                written.whenComplete { _ in self.channel.close(promise: nil) }
            }
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
    }
}

import ChatProtocol
import NIOCore
import NIOWebSocket
import Synchronization
import WSCore

/// The frames waiting to go to one client, written in the order the hub produced them.
///
/// The hub appends under its lock, so every client sees events in the order routing decided them
/// (queue positions never go backwards); one writer task per connection drains the outbox.
final class Outbox: Sendable {
    enum Item: Sendable {
        case frame(ServerFrame)
        case close(WebSocketErrorCode, reason: String)
    }

    let id: UInt64
    private let continuation: AsyncStream<Item>.Continuation
    private let stream: AsyncStream<Item>
    private let overflowed = Atomic<Bool>(false)

    init(id: UInt64, limit: Int) {
        self.id = id
        (stream, continuation) = AsyncStream.makeStream(of: Item.self, bufferingPolicy: .bufferingOldest(limit))
    }

    /// Queues a frame; a client too slow to keep up loses its connection rather than frames.
    func send(_ frame: ServerFrame) {
        if case .dropped = continuation.yield(.frame(frame)) {
            overflowed.store(true, ordering: .relaxed)
        }
    }

    /// Queues a close after the frames already queued.
    func close(_ code: WebSocketErrorCode, reason: String) {
        _ = continuation.yield(.close(code, reason: reason))
        continuation.finish()
    }

    func finish() { continuation.finish() }

    /// Writes queued frames until the outbox is finished or a close is written.
    func drain(into outbound: WebSocketOutboundWriter, allocator: ByteBufferAllocator) async {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        do {
            for await item in stream {
                if overflowed.load(ordering: .relaxed) {
                    try await outbound.close(.policyViolation, reason: "slow consumer")
                    return
                }
                switch item {
                case .frame(let frame):
                    bytes.removeAll(keepingCapacity: true)
                    frame.encode(into: &bytes)
                    var buffer = allocator.buffer(capacity: bytes.count)
                    buffer.writeBytes(bytes)
                    try await outbound.write(.custom(WebSocketFrame(fin: true, opcode: .text, data: buffer)))
                case .close(let code, let reason):
                    try await outbound.close(code, reason: reason)
                    return
                }
            }
        } catch {
            // The connection is gone; the reader side reports the disconnect.
        }
    }
}

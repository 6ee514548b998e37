import ChatClient
import ChatProtocol
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The lean client session answers a server's close frame with its own (RFC 6455 §5.5.1) before it lets the
/// connection go, so that a server waiting for the closing handshake sees it complete.
@Suite("Lean client: the server's close", .timeLimit(.minutes(1)))
struct CloseAnswerTests {
    /// Hears of the session's close.
    private final class Closes: SessionDelegate, @unchecked Sendable {
        let code = Mutex<Int??>(nil)
        func sessionOpened(_ session: WebSocketSession) {}
        func session(_ session: WebSocketSession, received frame: ServerFrame) {}
        func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError) {}
        func sessionClosed(_ session: WebSocketSession, code: Int?) { self.code.withLock { $0 = .some(code) } }
    }

    @Test("a close frame from the server is answered with a close frame echoing its code")
    func answersTheServersClose() async throws {
        let server = try OneShotServer()
        // The server's side on a thread of its own (it blocks in accept, recv and poll), off the cooperative pool.
        let answer = Task { try await onOwnThread { try server.closeWith(code: 4001) } }
        let closes = Closes()
        // The server's thread starts from a task, which a full test run on two cores can hold back for seconds: the
        // handshake may wait longer than the 10 s a live run allows.
        let connector = SessionConnector(
            host: "127.0.0.1",
            port: server.port,
            group: MultiThreadedEventLoopGroup.singleton,
            handshakeTimeout: .seconds(50)
        )
        let channel = try await connector.connect(.agent) { _ in WebSocketSession(delegate: closes) }.get()
        let seen = try await answer.value
        try await channel.closeFuture.get()
        #expect(seen.opcodes == [.close], "the client's frames after the server's close")
        #expect(seen.code == 4001)
        #expect(closes.code.withLock { $0 } == .some(4001), "the session did not hear the server's close code")
    }
}

/// Runs blocking socket work on a thread of its own.
private func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A WebSocket server for one connection, written on blocking sockets: it accepts, completes the handshake, sends
/// a close frame and reads what the client sends back until the client closes.
private final class OneShotServer: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What the client sent after the server's close frame.
    struct Seen: Sendable {
        var opcodes: [WebSocketWire.Opcode]
        var code: UInt16?
    }

    private let listener: Int32
    let port: Int

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(listener, pointer, length) == 0 && listen(listener, 1) == 0 && getsockname(listener, pointer, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw Failure(description: "bind/listen: errno \(errno)")
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(listener) }

    func closeWith(code: UInt16) throws -> Seen {
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { throw Failure(description: "accept: errno \(errno)") }
        defer { close(connection) }
        var received = ByteBuffer()
        // The client's request, up to its blank line.
        while !String(buffer: received).contains("\r\n\r\n") {
            guard try read(connection, into: &received) else { throw Failure(description: "the request never ended") }
        }
        let request = String(buffer: received)
        guard
            let line = request.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("sec-websocket-key:") }),
            let key = line.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        else { throw Failure(description: "no key in \(request)") }
        received.clear()
        let accept = WebSocketHandshake.acceptValue(for: key)
        var reply = Array(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n".utf8
        )
        // The close frame, unmasked as a server's: FIN + close, a 2-byte payload holding the code.
        reply += [0x88, 0x02, UInt8(code >> 8), UInt8(code & 0xFF)]
        try write(connection, reply)
        // The client's frames until it ends the connection.
        var seen = Seen(opcodes: [])
        while try read(connection, into: &received) {
            while let frame = try WebSocketWire.readFrame(from: &received, maxPayload: 1 << 16) {
                seen.opcodes.append(frame.opcode)
                if frame.opcode == .close { seen.code = frame.payload.getInteger(at: frame.payload.readerIndex, as: UInt16.self) }
            }
        }
        return seen
    }

    /// Reads what is there within 5 s; false at the end of the stream or when nothing came.
    private func read(_ connection: Int32, into buffer: inout ByteBuffer) throws -> Bool {
        var poller = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
        var ready = poll(&poller, 1, 5_000)
        while ready < 0, errno == EINTR { ready = poll(&poller, 1, 5_000) }
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw Failure(description: "recv: errno \(errno)") }
        guard count > 0 else { return false }
        buffer.writeBytes(chunk[0..<count])
        return true
    }

    private func write(_ connection: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += count
        }
    }
}

import ChatClient
import ChatProtocol
import ChatStormTesting
import NIOCore
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The closing handshake of a close the server starts (RFC 6455 §5.5.1, §7.1.1): the server sends its close frame,
/// waits for the client's, and only then closes the TCP connection. Closing at once left a client that answers its
/// close to write into a closed socket: the reset that came back could end the client's connection with an error
/// (or a browser's with 1006) instead of the server's close code.
@Suite("Closing handshake", .timeLimit(.minutes(1)))
struct CloseHandshakeTests {
    @Test("after refusing a bad agent token, the server waits for the client's close frame before it closes the connection")
    func serverWaitsForTheClientsClose() async throws {
        try await withChatServer { port in
            let client = try RawWebSocketClient(port: port, path: "/v1/agent")
            defer { client.disconnect() }
            var hello: [UInt8] = []
            AgentFrame.hello(AgentHello(agent: "mallory", token: "guess", languages: ["en"], departments: ["sales"], capacity: 1))
                .encode(into: &hello)
            try client.send(.text, hello)
            let frames = try client.framesUntilClose()
            #expect(frames.first?.opcode == .text)
            #expect(frames.first.map { String(buffer: $0.payload) }?.contains("unauthorized") == true)
            #expect(frames.last?.opcode == .close)
            #expect(frames.last?.payload.getInteger(at: frames.last!.payload.readerIndex, as: UInt16.self) == 4001)
            // A client that takes a moment to answer: the connection stays open meanwhile.
            #expect(try client.closedByServer(within: 0.3) == false, "the server closed before the client's close frame")
            try client.send(.close, [0x0F, 0xA1])
            // Then the server closes it, cleanly: an end of stream, no reset.
            #expect(try client.closedByServer(within: 5) == true, "the server kept the connection after the closing handshake")
        }
    }

    @Test("a client that never answers the close is disconnected after the server's wait")
    func silentClientIsDisconnected() async throws {
        try await withChatServer { port in
            let client = try RawWebSocketClient(port: port, path: "/v1/agent")
            defer { client.disconnect() }
            var hello: [UInt8] = []
            AgentFrame.hello(AgentHello(agent: "mallory", token: "guess", languages: ["en"], departments: ["sales"], capacity: 1))
                .encode(into: &hello)
            try client.send(.text, hello)
            #expect(try client.framesUntilClose().last?.opcode == .close)
            #expect(try client.closedByServer(within: 15) == true, "the server never closed a connection whose client went silent")
        }
    }
}

/// A WebSocket client on a blocking socket, for watching the TCP connection itself: when it ends, and how.
private final class RawWebSocketClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32
    private var received = ByteBuffer()

    init(port: Int, path: String) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "connect: errno \(errno)")
        }
        var random = SystemRandomNumberGenerator()
        let key = WebSocketHandshake.makeKey(using: &random)
        var request = ByteBuffer()
        WebSocketHandshake(path: path, host: "127.0.0.1", port: port).writeRequest(key: key, into: &request)
        try write(request)
        while try WebSocketHandshake.readResponse(from: &received, key: key) == nil {
            guard try readMore(timeout: 5) else { throw Failure(description: "the handshake's answer never came") }
        }
    }

    func disconnect() { close(descriptor) }

    /// Sends one masked frame.
    func send(_ opcode: WebSocketWire.Opcode, _ payload: [UInt8]) throws {
        var frame = ByteBuffer()
        payload.withUnsafeBytes { WebSocketWire.appendFrame(opcode, payload: $0, mask: 0x1234_5678, to: &frame) }
        try write(frame)
    }

    /// The frames the server sends, up to and with its close frame.
    func framesUntilClose() throws -> [WebSocketWire.Frame] {
        var frames: [WebSocketWire.Frame] = []
        while true {
            while let frame = try WebSocketWire.readFrame(from: &received, maxPayload: 1 << 16) {
                frames.append(frame)
                if frame.opcode == .close { return frames }
            }
            guard try readMore(timeout: 5) else { throw Failure(description: "no close frame; got \(frames.map(\.opcode))") }
        }
    }

    /// Whether the server ends the connection (end of stream) within `seconds`; a reset throws.
    func closedByServer(within seconds: Double) throws -> Bool {
        var pending = received.readableBytes
        while try readMore(timeout: seconds) {
            guard received.readableBytes > pending else { return true }
            pending = received.readableBytes
        }
        return false
    }

    /// Waits up to `timeout` for the socket to be readable and reads what is there; false when nothing came.
    /// Reaching the end of the stream reads nothing new: the caller compares the buffer's size.
    private func readMore(timeout: Double) throws -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, Int32(timeout * 1000))
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw Failure(description: "the connection was reset (errno \(errno)) instead of closed") }
        received.writeBytes(chunk[0..<count])
        return true
    }

    private func write(_ buffer: ByteBuffer) throws {
        let bytes = Array(buffer.readableBytesView)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { sendBytes(descriptor, $0) }
            guard count > 0 else { throw Failure(description: "send: errno \(errno)") }
            sent += count
        }
    }
}

/// `send(2)` without SIGPIPE (outside the client, whose own `send` hides the C function's name).
private func sendBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
}

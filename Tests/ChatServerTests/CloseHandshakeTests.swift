import ChatClient
import ChatProtocol
import ChatServer
import ChatStormTesting
import Foundation
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
    /// What a client saw of a close the server started.
    struct Observed: Sendable {
        var frames: [WebSocketWire.Opcode]
        var firstText: String?
        var closeCode: UInt16?
        /// Whether the connection was still open 0.3 s after the server's close frame, the client not having answered.
        var openWhileAnswering: Bool
        /// Whether the server ended the connection (end of stream) within 5 s of the client's close frame.
        var closedAfterAnswer: Bool
    }

    /// A server whose close timeout is far longer than the tests' waits: what ends a connection within them is
    /// the closing handshake, not the timeout.
    static func patientServer() -> ServerConfiguration {
        var configuration = ServerConfiguration(agentTokens: ["test-token"])
        configuration.closeTimeout = 30
        return configuration
    }

    @Test("after refusing a bad agent token, the server waits for the client's close frame before it closes the connection")
    func serverWaitsForTheClientsClose() async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/agent")
                defer { client.disconnect() }
                try client.send(.text, Self.badAgentHello)
                return try client.answerTheClose()
            }
            #expect(observed.frames == [.text, .close])
            #expect(observed.firstText?.contains("unauthorized") == true)
            #expect(observed.closeCode == 4001)
            Self.expectClosingHandshake(observed)
        }
    }

    @Test("a client whose close frame comes in the same read as its bad hello still gets the error and the server's close")
    func closeInTheSameRead() async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/agent")
                defer { client.disconnect() }
                try client.send([(.text, Self.badAgentHello), (.close, [0x03, 0xE8])])
                return try client.ending()
            }
            #expect(observed.frames == [.text, .close])
            #expect(observed.closeCode == 4001)
            #expect(observed.ended, "the server kept the connection after the closing handshake")
        }
    }

    @Test("a client that never answers the close is disconnected after the close timeout")
    func silentClientIsDisconnected() async throws {
        var configuration = ServerConfiguration(agentTokens: ["test-token"])
        configuration.closeTimeout = 0.5
        try await withChatServer(configuration) { port in
            let closed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/agent")
                defer { client.disconnect() }
                try client.send(.text, Self.badAgentHello)
                guard try client.framesUntilClose().last?.opcode == .close else { return false }
                return try client.closedByServer(within: 15)
            }
            #expect(closed, "the server never closed a connection whose client went silent")
        }
    }

    @Test("on graceful shutdown a connected visitor gets 1001 and the closing handshake")
    func shutdownHandshake() async throws {
        try await withChatServer(Self.patientServer()) { port, shutDown in
            let client = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/visitor")
                var hello: [UInt8] = []
                VisitorFrame.hello(VisitorHello(visitor: "v1", language: "en", region: "r")).encode(into: &hello)
                try client.send(.text, hello)
                _ = try client.nextFrame()
                return client
            }
            defer { client.disconnect() }
            await shutDown()
            let observed = try await onOwnThread { try client.answerTheClose() }
            #expect(observed.frames == [.close])
            #expect(observed.closeCode == 1001)
            Self.expectClosingHandshake(observed)
        }
    }

    @Test("a fragmented message over the maximum size gets tooLarge, close 1009 and the closing handshake")
    func fragmentedMessageTooLarge() async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/visitor")
                defer { client.disconnect() }
                // Three fragments of 8,000 bytes: the third takes the message past the 16 KiB maximum.
                try client.sendFragmented(Array(repeating: Array(repeating: UInt8(ascii: "x"), count: 8_000), count: 3))
                return try client.answerTheClose()
            }
            #expect(observed.frames == [.text, .close])
            #expect(observed.firstText?.contains("tooLarge") == true)
            #expect(observed.closeCode == 1009)
            Self.expectClosingHandshake(observed)
        }
    }

    @Test("a control frame over 125 bytes fails the connection: close 1002, then the end, with nothing more read")
    func oversizedControlFrame() async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/visitor")
                defer { client.disconnect() }
                try client.send(.ping, Array(repeating: 7, count: 200))
                return try client.ending()
            }
            #expect(observed.frames == [.close])
            #expect(observed.closeCode == 1002)
            #expect(observed.ended, "the server kept a connection it can no longer read")
        }
    }

    @Test("a continuation with no message begun gets close 1002 and the closing handshake")
    func continuationOutOfSequence() async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/visitor")
                defer { client.disconnect() }
                try client.send(.continuation, Array("stray".utf8))
                return try client.answerTheClose()
            }
            #expect(observed.frames == [.close])
            #expect(observed.closeCode == 1002)
            Self.expectClosingHandshake(observed)
        }
    }

    @Test(
        "a frame that breaks RFC 6455's rules for clients fails the connection with 1002",
        arguments: [
            [0x81, 0x02, 0x68, 0x69],  // unmasked
            [0xC1, 0x82, 0, 0, 0, 0, 0x68, 0x69],  // RSV1 set, no extension negotiated
            [0x83, 0x82, 0, 0, 0, 0, 0x68, 0x69],  // reserved opcode 3
            [0x8B, 0x80, 0, 0, 0, 0],  // reserved control opcode 11
        ] as [[UInt8]]
    )
    func clientFrameRules(frame: [UInt8]) async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/visitor")
                defer { client.disconnect() }
                try client.sendRaw(frame)
                return try client.ending()
            }
            #expect(observed.frames == [.close])
            #expect(observed.closeCode == 1002)
            #expect(observed.ended, "the server kept the connection")
        }
    }

    @Test(
        "a client's close is answered with its code when an endpoint may send it, else with 1002",
        arguments: [
            ([0x0F, 0xA0], 4000), ([0x03, 0xE9], 1001), ([0x03, 0xED], 1002), ([0x03, 0xEE], 1002), ([0x03, 0xF7], 1002),
            ([0x03, 0xE7], 1002), ([0x13, 0x88], 1002), ([0x03], 1002), ([], 1000),
        ] as [([UInt8], UInt16)]
    )
    func closeCodes(payload: [UInt8], answer: UInt16) async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/visitor")
                defer { client.disconnect() }
                try client.send(.close, payload)
                return try client.ending()
            }
            #expect(observed.frames == [.close])
            #expect(observed.closeCode == answer)
            #expect(observed.ended, "the server kept the connection after answering")
        }
    }

    @Test("a framing error during the closing handshake ends the connection without a second close frame")
    func framingErrorWhileClosing() async throws {
        try await withChatServer(Self.patientServer()) { port in
            let observed = try await onOwnThread {
                let client = try RawWebSocketClient(port: port, path: "/v1/agent")
                defer { client.disconnect() }
                try client.send(.text, Self.badAgentHello)
                let frames = try client.framesUntilClose()
                // A text frame announcing 65,535 bytes, four times the maximum: the server's frame decoder stops there.
                try client.sendRaw([0x81, 0xFE, 0xFF, 0xFF, 0x12, 0x34, 0x56, 0x78] + Array(repeating: 0, count: 64))
                return (frames.map(\.opcode), try client.framesUntilEnd().map(\.opcode), try client.closedByServer(within: 5))
            }
            #expect(observed.0 == [.text, .close])
            #expect(observed.1.isEmpty, "the server sent more after its close frame")
            #expect(observed.2, "the server kept a connection it can no longer read")
        }
    }

    /// The server waited for the client's close frame (the connection still open 0.3 s after its own close), then
    /// ended the connection.
    static func expectClosingHandshake(_ observed: Observed, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(observed.openWhileAnswering, "the server closed before the client's close frame", sourceLocation: sourceLocation)
        #expect(observed.closedAfterAnswer, "the server kept the connection after the closing handshake", sourceLocation: sourceLocation)
    }

    static var badAgentHello: [UInt8] {
        var bytes: [UInt8] = []
        AgentFrame.hello(AgentHello(agent: "mallory", token: "guess", languages: ["en"], departments: ["sales"], capacity: 1))
            .encode(into: &bytes)
        return bytes
    }
}

/// A WebSocket client on a blocking socket, for watching the TCP connection itself: when it ends, and how.
private final class RawWebSocketClient: @unchecked Sendable {
    private let descriptor: Int32
    private var received = ByteBuffer()

    init(port: Int, path: String) throws {
        descriptor = try connectedSocket(port: port)
        var random = SystemRandomNumberGenerator()
        let key = WebSocketHandshake.makeKey(using: &random)
        var request = ByteBuffer()
        WebSocketHandshake(path: path, host: "127.0.0.1", port: port).writeRequest(key: key, into: &request)
        try write(request)
        while try WebSocketHandshake.readResponse(from: &received, key: key) == nil {
            guard try readMore(timeout: 5) == .data else { throw SocketFailure(description: "the handshake's answer never came") }
        }
    }

    func disconnect() { close(descriptor) }

    /// Sends one masked frame.
    func send(_ opcode: WebSocketWire.Opcode, _ payload: [UInt8]) throws {
        try send([(opcode, payload)])
    }

    /// Sends masked frames in one write.
    func send(_ frames: [(WebSocketWire.Opcode, [UInt8])]) throws {
        var bytes = ByteBuffer()
        for (opcode, payload) in frames {
            payload.withUnsafeBytes { WebSocketWire.appendFrame(opcode, payload: $0, mask: 0x1234_5678, to: &bytes) }
        }
        try write(bytes)
    }

    /// Sends a text message in fragments (a text frame, then continuations, the last one final) in one write.
    func sendFragmented(_ fragments: [[UInt8]]) throws {
        var bytes = ByteBuffer()
        for (index, payload) in fragments.enumerated() {
            let start = bytes.writerIndex
            payload.withUnsafeBytes {
                WebSocketWire.appendFrame(index == 0 ? .text : .continuation, payload: $0, mask: 0x1234_5678, to: &bytes)
            }
            if index < fragments.count - 1 {
                // Clear FIN.
                bytes.setInteger(bytes.getInteger(at: start, as: UInt8.self)! & 0x7F, at: start)
            }
        }
        try write(bytes)
    }

    /// Sends bytes as they are, framing or not.
    func sendRaw(_ bytes: [UInt8]) throws {
        try write(ByteBuffer(bytes: bytes))
    }

    /// The frames the server sends until the connection ends or goes quiet for 5 s.
    func framesUntilEnd() throws -> [WebSocketWire.Frame] {
        var frames: [WebSocketWire.Frame] = []
        while true {
            while let frame = try WebSocketWire.readFrame(from: &received, maxPayload: 1 << 16) { frames.append(frame) }
            guard try readMore(timeout: 5) == .data else { return frames }
        }
    }

    /// The next frame from the server.
    func nextFrame() throws -> WebSocketWire.Frame {
        while true {
            if let frame = try WebSocketWire.readFrame(from: &received, maxPayload: 1 << 16) { return frame }
            guard try readMore(timeout: 5) == .data else { throw SocketFailure(description: "no frame came") }
        }
    }

    /// Reads the server's frames up to its close, waits 0.3 s as a slow client would, watching whether the server
    /// ends the connection meanwhile, then answers with a close frame and watches for the end.
    func answerTheClose() throws -> CloseHandshakeTests.Observed {
        let frames = try framesUntilClose()
        let close = frames.last!.payload
        let openWhileAnswering = try !closedByServer(within: 0.3)
        try send(.close, [0x03, 0xE8])
        return CloseHandshakeTests.Observed(
            frames: frames.map(\.opcode),
            firstText: frames.first { $0.opcode == .text }.map { String(buffer: $0.payload) },
            closeCode: close.getInteger(at: close.readerIndex, as: UInt16.self),
            openWhileAnswering: openWhileAnswering,
            closedAfterAnswer: try closedByServer(within: 5)
        )
    }

    /// How the server ended a connection it closed: its frames up to its close frame, the close code, and
    /// whether it then ended the connection within 5 s, the client sending nothing more.
    struct Ending: Sendable {
        var frames: [WebSocketWire.Opcode]
        var closeCode: UInt16?
        var ended: Bool
    }

    func ending() throws -> Ending {
        let frames = try framesUntilClose()
        let close = frames.last!.payload
        return Ending(
            frames: frames.map(\.opcode),
            closeCode: close.getInteger(at: close.readerIndex, as: UInt16.self),
            ended: try closedByServer(within: 5)
        )
    }

    /// The frames the server sends, up to and with its close frame.
    func framesUntilClose() throws -> [WebSocketWire.Frame] {
        var frames: [WebSocketWire.Frame] = []
        while true {
            while let frame = try WebSocketWire.readFrame(from: &received, maxPayload: 1 << 16) {
                frames.append(frame)
                if frame.opcode == .close { return frames }
            }
            guard try readMore(timeout: 5) == .data else {
                throw SocketFailure(description: "the connection ended without a close frame; got \(frames.map(\.opcode))")
            }
        }
    }

    /// Whether the server ends the connection (end of stream) within `seconds`; a reset throws.
    func closedByServer(within seconds: Double) throws -> Bool {
        while true {
            switch try readMore(timeout: seconds) {
            case .data: continue
            case .end: return true
            case .nothing: return false
            }
        }
    }

    enum Read {
        case data, end, nothing
    }

    /// Waits up to `timeout` for the socket to be readable and reads what is there into `received`.
    private func readMore(timeout: Double) throws -> Read {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        var ready = poll(&poller, 1, Int32(timeout * 1000))
        while ready < 0, errno == EINTR { ready = poll(&poller, 1, Int32(timeout * 1000)) }
        guard ready > 0 else { return .nothing }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw SocketFailure(description: "the connection was reset (errno \(errno)) instead of closed") }
        guard count > 0 else { return .end }
        received.writeBytes(chunk[0..<count])
        return .data
    }

    private func write(_ buffer: ByteBuffer) throws {
        let bytes = Array(buffer.readableBytesView)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { sendBytes(descriptor, $0) }
            guard count > 0 else { throw SocketFailure(description: "send: errno \(errno)") }
            sent += count
        }
    }
}

/// `send(2)` without SIGPIPE (outside the client, whose own `send` hides the C function's name).
private func sendBytes(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    send(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
}

import ChatClient
import ChatProtocol
import NIOCore
import NIOPosix
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Handshake timeout", .timeLimit(.minutes(1)))
struct HandshakeTimeoutTests {
    private final class Silent: SessionDelegate, Sendable {
        func sessionOpened(_ session: WebSocketSession) {}
        func session(_ session: WebSocketSession, received frame: ServerFrame) {}
        func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError) {}
        func sessionClosed(_ session: WebSocketSession, code: Int?) {}
    }

    @Test("a server that takes the connection but never answers the handshake fails the session with a connect timeout")
    func silentServer() async throws {
        // A listening socket nobody accepts from: the kernel completes TCP connections into its backlog, and no
        // handshake answer ever comes, as from a stopped or hung server.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        try #require(bound && listen(listener, 8) == 0)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let connector = SessionConnector(
            host: "127.0.0.1",
            port: port,
            group: MultiThreadedEventLoopGroup.singleton,
            handshakeTimeout: .milliseconds(200)
        )
        let silent = Silent()
        await #expect {
            _ = try await connector.connect(.visitor) { _ in WebSocketSession(delegate: silent) }.get()
        } throws: { error in
            if case ChannelError.connectTimeout = error { return true }
            return false
        }
    }
}

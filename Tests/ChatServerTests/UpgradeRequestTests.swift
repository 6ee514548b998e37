import ChatServer
import ChatStormTesting
import Foundation
import Testing

@Suite("Opening handshakes the server refuses", .timeLimit(.minutes(1)))
struct UpgradeRequestTests {
    /// A valid handshake's headers, one of them replaced or left out by each case.
    private static func request(
        method: String = "GET",
        path: String = "/v1/visitor",
        version: String = "HTTP/1.1",
        replacing name: String = "",
        with value: String? = nil
    ) -> String {
        var headers: [(String, String)] = [
            ("Host", "127.0.0.1"), ("Connection", "Upgrade"), ("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13"),
            ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
        ]
        if let index = headers.firstIndex(where: { $0.0 == name }) {
            if let value { headers[index].1 = value } else { headers.remove(at: index) }
        }
        return "\(method) \(path) \(version)\r\n" + headers.map { "\($0): \($1)\r\n" }.joined() + "\r\n"
    }

    @Test(
        "each broken handshake gets an HTTP error saying what is wrong, then the connection closes",
        arguments: [
            (request(path: "/v1/elsewhere"), "404", "/v1/visitor and /v1/agent"),
            (request(method: "POST"), "405", "GET"),
            (request(version: "HTTP/1.0"), "400", "HTTP/1.1"),
            (request(replacing: "Host"), "400", "Host"),
            (request(replacing: "Connection", with: "keep-alive"), "400", "Connection: Upgrade"),
            (request(replacing: "Sec-WebSocket-Version", with: "8"), "426", "version 13"),
            (request(replacing: "Sec-WebSocket-Version"), "426", "version 13"),
            (request(replacing: "Sec-WebSocket-Key"), "400", "Sec-WebSocket-Key"),
            (request(replacing: "Sec-WebSocket-Key", with: "short"), "400", "Sec-WebSocket-Key"),
        ]
    )
    func refused(request: String, status: String, mentions: String) async throws {
        let response = try await withChatServer { port in try await exchange(request, port: port) }
        #expect(response.hasPrefix("HTTP/1.1 \(status) "), "\(response)")
        #expect(response.contains(mentions), "\(response)")
        if status == "426" { #expect(response.contains("Sec-WebSocket-Version: 13")) }
    }

    @Test("an Upgrade to another protocol is ignored: the request is served as plain HTTP")
    func otherProtocol() async throws {
        let request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: h2c\r\nConnection: Upgrade, close\r\n\r\n"
        let response = try await withChatServer { port in try await exchange(request, port: port) }
        #expect(response.hasPrefix("HTTP/1.1 200 "), "\(response)")
    }

    @Test("a valid handshake on the same rules is still upgraded")
    func valid() async throws {
        let response = try await withChatServer { port in try await exchange(Self.request(), port: port, untilHeaders: true) }
        #expect(response.hasPrefix("HTTP/1.1 101 "), "\(response)")
    }
}

/// Sends `request` on a new connection and reads until the server closes it (or, `untilHeaders`, until the end of
/// the response's headers), on a thread of its own: the blocking reads stay off the cooperative pool.
private func exchange(_ request: String, port: Int, untilHeaders: Bool = false) async throws -> String {
    try await onOwnThread {
        let descriptor = try connectedSocket(port: port)
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard send(descriptor, bytes, bytes.count, 0) == bytes.count else { throw SocketFailure(description: "send: errno \(errno)") }
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            if untilHeaders, String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { break }
            let count = recv(descriptor, &chunk, chunk.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw SocketFailure(description: "no answer within 10 s (errno \(errno))") }
            if count == 0 { break }
            received += chunk[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}

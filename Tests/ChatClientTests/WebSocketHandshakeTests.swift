import NIOCore
import Testing

@testable import ChatClient

@Suite("Client WebSocket handshake")
struct WebSocketHandshakeTests {
    /// The key and accept value of the example in RFC 6455 §1.3.
    static let rfcKey = "dGhlIHNhbXBsZSBub25jZQ=="
    static let rfcAccept = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="

    static func response(accept: String = rfcAccept, status: String = "HTTP/1.1 101 Switching Protocols") -> String {
        "\(status)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: \(accept)\r\n\r\n"
    }

    @Test("the accept value is the RFC 6455 example's")
    func acceptValue() {
        #expect(WebSocketHandshake.acceptValue(for: Self.rfcKey) == Self.rfcAccept)
    }

    @Test("the request names the path, host, key and version")
    func request() {
        var buffer = ByteBuffer()
        WebSocketHandshake(path: "/v1/agent", host: "127.0.0.1", port: 8080).writeRequest(key: Self.rfcKey, into: &buffer)
        let text = String(buffer: buffer)
        #expect(text.hasPrefix("GET /v1/agent HTTP/1.1\r\n"))
        #expect(text.contains("\r\nHost: 127.0.0.1:8080\r\n"))
        #expect(text.contains("\r\nSec-WebSocket-Key: \(Self.rfcKey)\r\n"))
        #expect(text.contains("\r\nSec-WebSocket-Version: 13\r\n"))
        #expect(text.hasSuffix("\r\n\r\n"))
    }

    @Test("keys are 16 random bytes in base64, different each time")
    func keys() {
        var random = SessionRandom(seed: 42)
        let first = WebSocketHandshake.makeKey(using: &random)
        let second = WebSocketHandshake.makeKey(using: &random)
        #expect(first.count == 24 && first.hasSuffix("=="))
        #expect(first != second)
    }

    @Test("a 101 with the right accept value completes; bytes after it stay for the frame reader")
    func accepted() throws {
        var buffer = ByteBuffer(bytes: Array(Self.response().utf8) + [0x81, 0x00])
        #expect(try WebSocketHandshake.readResponse(from: &buffer, key: Self.rfcKey) != nil)
        #expect(Array(buffer.readableBytesView) == [0x81, 0x00])
    }

    @Test("a response head cut anywhere waits for the rest")
    func partial() throws {
        let whole = Array(Self.response().utf8)
        for cut in 0..<whole.count {
            var buffer = ByteBuffer(bytes: whole[0..<cut])
            #expect(try WebSocketHandshake.readResponse(from: &buffer, key: Self.rfcKey) == nil)
        }
    }

    @Test(
        "a refusal says what the server answered",
        arguments: [
            (response(status: "HTTP/1.1 404 Not Found"), "HTTP/1.1 404 Not Found"),
            (response(accept: "AAAA"), "Sec-WebSocket-Accept"),
            ("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: \(rfcAccept)\r\n\r\n", "Upgrade: websocket"),
        ]
    )
    func refused(response: String, mentions: String) {
        var buffer = ByteBuffer(string: response)
        #expect {
            _ = try WebSocketHandshake.readResponse(from: &buffer, key: Self.rfcKey)
        } throws: { error in
            String(describing: error).contains(mentions)
        }
    }
}

import Crypto
import Foundation
public import NIOCore

/// The client's opening handshake (RFC 6455 §4.1): one GET with `Upgrade: websocket`, answered by
/// `101 Switching Protocols` whose `Sec-WebSocket-Accept` proves the server read our key.
///
/// Hand-written for the same reason as ``WebSocketWire``: NIO's HTTP client upgrade installs and removes
/// an HTTP encoder, decoder and upgrade handler per connection, which measured as a third of the
/// generator's CPU at the connect rates `chatstorm run` needs. The request here is a few prepared bytes
/// and the response is checked in place.
public struct WebSocketHandshake: Sendable {
    /// Why the server's answer is not a WebSocket upgrade.
    public struct Refused: Error, CustomStringConvertible {
        public var description: String
    }

    /// The request up to the key, and after it.
    private let head: [UInt8]
    private let tail = Array("\r\nSec-WebSocket-Version: 13\r\n\r\n".utf8)
    /// The largest response head accepted.
    static let maxResponseHead = 8 * 1024

    public init(path: String, host: String, port: Int) {
        head = Array(
            "GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                .utf8
        )
    }

    /// A fresh `Sec-WebSocket-Key` from 16 random bytes.
    public static func makeKey(using random: inout some RandomNumberGenerator) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in stride(from: 0, to: 16, by: 8) {
            withUnsafeBytes(of: random.next()) { word in
                for offset in 0..<8 { bytes[index + offset] = word[offset] }
            }
        }
        return Data(bytes).base64EncodedString()
    }

    /// The `Sec-WebSocket-Accept` value a server must answer `key` with.
    public static func acceptValue(for key: String) -> String {
        let digest = Insecure.SHA1.hash(data: Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))
        return Data(digest).base64EncodedString()
    }

    /// Writes the request for `key` into `buffer`.
    public func writeRequest(key: String, into buffer: inout ByteBuffer) {
        buffer.writeBytes(head)
        buffer.writeString(key)
        buffer.writeBytes(tail)
    }

    /// Reads the response head from `buffer` once it is complete (nil until then), checks it against `key`,
    /// and leaves any bytes after it (the first frames) in `buffer`.
    public static func readResponse(from buffer: inout ByteBuffer, key: String) throws(Refused) -> Void? {
        let view = buffer.readableBytesView
        guard let end = headEnd(in: view) else {
            guard view.count <= maxResponseHead else { throw Refused(description: "a response head over 8 KiB") }
            return nil
        }
        let head = String(decoding: view[view.startIndex..<end], as: UTF8.self)
        buffer.moveReaderIndex(forwardBy: end - view.startIndex + 4)
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).makeIterator()
        let status = lines.next() ?? ""
        guard status.hasPrefix("HTTP/1.1 101") else {
            throw Refused(description: "the server answered \"\(status)\" instead of 101 Switching Protocols")
        }
        var accept: Substring?
        var upgrade: Substring?
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop(while: { $0 == " " || $0 == "\t" })
            if name == "sec-websocket-accept" { accept = value }
            if name == "upgrade" { upgrade = value }
        }
        guard upgrade?.lowercased() == "websocket" else { throw Refused(description: "the 101 response lacks Upgrade: websocket") }
        guard let accept, accept == acceptValue(for: key) else {
            throw Refused(description: "the server's Sec-WebSocket-Accept does not match the key sent")
        }
        return ()
    }

    /// The index of the "\r\n\r\n" that ends the response head.
    private static func headEnd(in view: ByteBufferView) -> Int? {
        guard view.count >= 4 else { return nil }
        var index = view.startIndex
        let last = view.endIndex - 4
        while index <= last {
            if view[index] == 13, view[index + 1] == 10, view[index + 2] == 13, view[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }
}

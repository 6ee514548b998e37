import NIOCore
import NIOHTTP1

/// Answers the opening handshakes NIO's upgrade handler would turn down in silence, before it sees them.
///
/// NIO tries an upgrade for every request with an `Upgrade` header; when the WebSocket upgrader refuses one (a
/// version other than 13, no key, a path the server does not serve), the request is lost to the HTTP side and the
/// client gets the connection closed with no answer. RFC 6455 §4.2.1 and §4.4 ask for an HTTP error instead, so a
/// client (or a person with curl) learns what was wrong. An `Upgrade` to another protocol is ignored, as RFC 9110
/// §7.8 allows: the request is served as plain HTTP. Only the connection's first request is looked at: NIO's
/// upgrade handler leaves the pipeline after it too.
final class UpgradeRequestRules: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The rest of a refused request is dropped until the connection closes.
    private var refused = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !refused else { return }
        guard case .head(var head) = unwrapInboundIn(data), !head.headers[canonicalForm: "upgrade"].isEmpty else {
            context.fireChannelRead(data)
            return
        }
        let protocols = head.headers[canonicalForm: "upgrade"].map { $0.lowercased() }
        if !protocols.contains("websocket") {
            // Served as the request it would be without the upgrade: the header and its `Connection` token go.
            let connection = head.headers[canonicalForm: "connection"].filter { $0.lowercased() != "upgrade" }
            head.headers.remove(name: "upgrade")
            head.headers.remove(name: "connection")
            if !connection.isEmpty { head.headers.add(name: "Connection", value: connection.joined(separator: ", ")) }
            context.fireChannelRead(wrapInboundOut(.head(head)))
            context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
            return
        }
        if let refusal = Self.refusal(of: head) {
            refused = true
            refuse(refusal, context: context)
            return
        }
        context.fireChannelRead(data)
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    struct Refusal {
        var status: HTTPResponseStatus
        var reason: String
        var headers: [(String, String)] = []
    }

    /// What is wrong with a WebSocket opening handshake, if anything (RFC 6455 §4.2.1), in the order a client
    /// would want to hear it.
    static func refusal(of head: HTTPRequestHead) -> Refusal? {
        if Endpoint(uri: head.uri) == nil {
            return Refusal(status: .notFound, reason: "WebSocket endpoints are /v1/visitor and /v1/agent")
        }
        if head.method != .GET {
            return Refusal(status: .methodNotAllowed, reason: "a WebSocket handshake is a GET request", headers: [("Allow", "GET")])
        }
        if (head.version.major, head.version.minor) < (1, 1) {
            return Refusal(status: .badRequest, reason: "a WebSocket handshake needs HTTP/1.1")
        }
        if head.headers[canonicalForm: "host"].count != 1 {
            return Refusal(status: .badRequest, reason: "a WebSocket handshake needs one Host header")
        }
        if !head.headers[canonicalForm: "connection"].contains(where: { $0.lowercased() == "upgrade" }) {
            return Refusal(status: .badRequest, reason: "a WebSocket handshake needs Connection: Upgrade")
        }
        if head.headers[canonicalForm: "sec-websocket-version"] != ["13"] {
            return Refusal(
                status: .upgradeRequired,
                reason: "this server speaks WebSocket version 13",
                headers: [("Sec-WebSocket-Version", "13")]
            )
        }
        let keys = head.headers[canonicalForm: "sec-websocket-key"]
        if keys.count != 1 || !isNonce(keys[0]) {
            return Refusal(status: .badRequest, reason: "Sec-WebSocket-Key must be 16 bytes in base64")
        }
        return nil
    }

    /// A base64 encoding of 16 bytes: 22 characters of the alphabet and `==`.
    private static func isNonce(_ key: Substring) -> Bool {
        let bytes = Array(key.utf8)
        guard bytes.count == 24, bytes[22] == UInt8(ascii: "="), bytes[23] == UInt8(ascii: "=") else { return false }
        return bytes[..<22].allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "+"), UInt8(ascii: "/"):
                true
            default: false
            }
        }
    }

    private func refuse(_ refusal: Refusal, context: ChannelHandlerContext) {
        let body = refusal.reason + "\n"
        var headers = HTTPHeaders(refusal.headers)
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: refusal.status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}

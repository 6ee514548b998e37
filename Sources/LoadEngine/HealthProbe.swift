import NIOCore
import NIOHTTP1
import NIOPosix

/// One `GET` of a target's small JSON health document over HTTP/1.1 with NIO, for the once-a-second read of the
/// server's queue depth during a run.
///
/// Not `URLSession`: its async `data(from:)` in swift-corelibs-foundation deadlocks when the awaiting task is
/// cancelled while the response is being handled (a lock-order inversion between the task's status lock and
/// the session's work queue, swiftlang/swift-corelibs-foundation#5412). A run cancels the poll when it ends, and
/// so hung once in the test suite, deaf to SIGTERM. Plain NIO, as `MetricsEndpoint` serves.
enum HealthProbe {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The body of `GET path` from `host:port`, when the answer is `200 OK` within `timeout`.
    static func get(
        host: String,
        port: Int,
        path: String,
        group: any EventLoopGroup,
        timeout: TimeAmount = .seconds(2)
    ) async throws -> [UInt8] {
        let loop = group.next()
        let body = loop.makePromise(of: [UInt8].self)
        let timeoutTask = loop.scheduleTask(in: timeout) { body.fail(Failure(description: "no answer within \(timeout)")) }
        defer { timeoutTask.cancel() }
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: loop)
                .connectTimeout(timeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHTTPClientHandlers()
                        try channel.pipeline.syncOperations.addHandler(ResponseCollector(body: body))
                    }
                }
                .connect(host: host, port: port)
                .get()
        } catch {
            body.fail(error)
            throw error
        }
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path)
        head.headers.add(name: "Host", value: "\(host):\(port)")
        head.headers.add(name: "Connection", value: "close")
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        defer { channel.close(promise: nil) }
        return try await body.futureResult.get()
    }
}

/// Collects one response's body; anything but `200 OK`, an error or a connection closed early fails it.
private final class ResponseCollector: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let body: EventLoopPromise<[UInt8]>
    private var bytes: [UInt8] = []
    private var status: HTTPResponseStatus?

    init(body: EventLoopPromise<[UInt8]>) {
        self.body = body
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = head.status
        case .body(var buffer):
            bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            if status == .ok {
                body.succeed(bytes)
            } else {
                body.fail(HealthProbe.Failure(description: "answered \(status.map { "\($0.code)" } ?? "nothing")"))
            }
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        body.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        body.fail(HealthProbe.Failure(description: "connection closed before the answer ended"))
        context.fireChannelInactive()
    }
}

import ChatRouting
import Hummingbird
import HummingbirdCore
public import Logging
import NIOCore
import NIOPosix
public import ServiceLifecycle

/// The reference live-chat server: native protocol v1 on `/v1/visitor` and `/v1/agent`, `/health`, and
/// Prometheus `/metrics`.
///
/// A `Service`: run it in a `ServiceGroup`, which stops it gracefully on SIGINT/SIGTERM or on request.
public struct ChatServer: Service {
    public let configuration: ServerConfiguration
    private let logger: Logger
    private let onListening: @Sendable (Int) async -> Void

    /// - Parameters:
    ///   - configuration: what to serve and how.
    ///   - logger: where the server logs (quietly: nothing per message above `trace`).
    ///   - onListening: called with the bound port once clients can connect (useful with port 0).
    public init(
        configuration: ServerConfiguration,
        logger: Logger = Logger(label: "chatstorm.server"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.logger = logger
        self.onListening = onListening
    }

    /// Serves until the task is cancelled or the service group shuts down gracefully.
    public func run() async throws {
        let onListening = self.onListening
        let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        let metrics = ServerMetrics()
        let hub = ChatHub(configuration: configuration, metrics: metrics)

        let router = Router()
        router.get("/health") { _, _ -> Response in
            let snapshot = hub.snapshot()
            let body = #"{"status":"ok","agentsOnline":\#(snapshot.agentsOnline),"queueDepth":\#(snapshot.queueDepth)}"#
            return Response(
                status: .ok,
                headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: body))
            )
        }
        router.get("/metrics") { _, _ -> Response in
            let text = metrics.render(hub.snapshot())
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: text))
            )
        }

        let app = Application(
            router: router,
            server: HTTPServerBuilder { responder in ChatChannel(responder: responder, hub: hub) },
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "chatstorm",
                backlog: 4_096
            ),
            services: [Housekeeping(hub: hub)],
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            eventLoopGroupProvider: .shared(eventLoops),
            logger: logger
        )
        do {
            try await app.run()
        } catch {
            try? await eventLoops.shutdownGracefully()
            throw error
        }
        try await eventLoops.shutdownGracefully()
    }
}

/// Once a second, or ten times per resume grace when that is shorter (down to every 10 ms): overflow to translating
/// agents, and the end of resume graces. A grace of a fraction of a second is a compressed run's (`chatstorm run`
/// at speed 60 gives its server 15 / 60 s): checked once a second, it would last up to four times as long. (Without
/// a grace a visitor is forgotten as its connection closes.)
struct Housekeeping: Service {
    let hub: ChatHub

    var period: Duration {
        let grace = hub.configuration.resumeGrace
        guard grace > 0, grace < 10 else { return .seconds(1) }
        return .milliseconds(Int64(max(10, grace * 100)))
    }

    func run() async throws {
        let period = self.period
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: period)
            hub.tick()
        }
    }
}

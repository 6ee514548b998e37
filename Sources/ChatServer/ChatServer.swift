import ChatRouting
import Hummingbird
import HummingbirdWebSocket
public import Logging
import NIOCore
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

        let webSockets = Router(context: BasicWebSocketRequestContext.self)
        let visitor = ConnectionHandler(hub: hub, role: VisitorRole())
        let agent = ConnectionHandler(hub: hub, role: AgentRole())
        webSockets.ws("/v1/visitor") { inbound, outbound, context in
            await visitor.run(inbound: inbound, outbound: outbound, logger: context.logger)
        }
        webSockets.ws("/v1/agent") { inbound, outbound, context in
            await agent.run(inbound: inbound, outbound: outbound, logger: context.logger)
        }

        var services: [any Service] = []
        if configuration.routing.overflowAfter != nil { services.append(OverflowTicker(hub: hub)) }
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: webSockets,
                configuration: .init(ws: .init(maxFrameSize: configuration.maxFrameSize))
            ),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "chatstorm",
                backlog: 4_096
            ),
            services: services,
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        try await app.run()
    }
}

/// Re-examines waiting chats every second so overflow to translating agents happens on time.
struct OverflowTicker: Service {
    let hub: ChatHub

    func run() async throws {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: .seconds(1))
            hub.tick()
        }
    }
}

import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket
import ServiceLifecycle

/// How each accepted TCP connection is served: HTTP/1.1 for `/health` and `/metrics` through Hummingbird's
/// responder, or, on `/v1/visitor` and `/v1/agent`, an upgrade to WebSocket served by a ``WebSocketConnection``
/// channel handler.
///
/// Hummingbird's own WebSocket support runs an async task per connection with an actor between the handler and
/// the socket; at tens of thousands of connections the task switches cost more than the chat logic, so the
/// WebSocket side is plain NIO here while HTTP stays Hummingbird's.
struct ChatChannel: ServerChildChannel, HTTPChannelHandler {
    enum Outcome: Sendable {
        case webSocket(any Channel)
        case http(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
    }

    struct Value: ServerChildChannelValue {
        let outcome: EventLoopFuture<Outcome>
        let channel: any Channel
    }

    let responder: HTTPChannelHandler.Responder
    let hub: ChatHub

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let hub = self.hub
        let maxFrameSize = hub.configuration.maxFrameSize
        return channel.eventLoop.makeCompletedFuture {
            let upgrader = NIOTypedWebSocketServerUpgrader<Outcome>(
                maxFrameSize: maxFrameSize,
                // `WebSocketConnection.errorCaught` closes through the connection's outbox instead of NIO's handler,
                // which wrote its close frame past the frames queued and during a closing handshake a second one.
                enableAutomaticErrorHandling: false,
                shouldUpgrade: { channel, head in
                    let known = Endpoint(uri: head.uri) != nil
                    return channel.eventLoop.makeSucceededFuture(known ? HTTPHeaders() : nil)
                },
                upgradePipelineHandler: { channel, head in
                    channel.eventLoop.makeCompletedFuture {
                        let handlers = channel.pipeline.syncOperations
                        try handlers.addHandler(ClientFrameRules())
                        try handlers.addHandler(
                            NIOWebSocketFrameAggregator(
                                minNonFinalFragmentSize: 0,
                                maxAccumulatedFrameCount: 256,
                                maxAccumulatedFrameSize: maxFrameSize
                            )
                        )
                        switch Endpoint(uri: head.uri) {
                        case .agent: try handlers.addHandler(WebSocketConnection(hub: hub, role: AgentRole()))
                        case .visitor, nil: try handlers.addHandler(WebSocketConnection(hub: hub, role: VisitorRole()))
                        }
                        return .webSocket(channel)
                    }
                }
            )
            let upgrade = NIOTypedHTTPServerUpgradeConfiguration<Outcome>(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        try channel.pipeline.syncOperations.addHandler(HTTPConnectionStateHandler(logger: logger))
                        return .http(
                            try NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>(
                                wrappingChannelSynchronously: channel,
                                configuration: .init(isOutboundHalfClosureEnabled: true)
                            )
                        )
                    }
                }
            )
            var configuration = NIOUpgradableHTTPServerPipelineConfiguration(upgradeConfiguration: upgrade)
            configuration.enablePipelining = false
            configuration.enableErrorHandling = false
            configuration.enableResponseHeaderValidation = false
            let outcome = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(configuration: configuration)
            let upgradeHandler = try channel.pipeline.syncOperations.handler(type: NIOTypedHTTPServerUpgradeHandler<Outcome>.self)
            try channel.pipeline.syncOperations.addHandler(UpgradeRequestRules(), position: .before(upgradeHandler))
            return Value(outcome: outcome, channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.outcome.get() {
            case .http(let http):
                await handleHTTP(asyncChannel: http, logger: logger)
            case .webSocket(let channel):
                // On graceful shutdown, tell the client the server is going away (1001) and close: through the
                // connection's handler, so that the frames already queued go first and the client's close frame
                // is awaited (see `Outbox.close`).
                await withGracefulShutdownHandler {
                    try? await channel.closeFuture.get()
                } onGracefulShutdown: {
                    channel.pipeline.fireUserInboundEventTriggered(ServerGoingAway())
                }
            }
        } catch {
            logger.debug("connection ended before it was served", metadata: ["error": "\(error)"])
        }
    }
}

/// The WebSocket endpoints of protocol v1.
enum Endpoint {
    case visitor
    case agent

    init?(uri: String) {
        let path = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        switch path {
        case "/v1/visitor": self = .visitor
        case "/v1/agent": self = .agent
        default: return nil
        }
    }
}

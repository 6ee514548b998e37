public import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// Opens protocol v1 WebSocket sessions to one server.
public struct SessionConnector: Sendable {
    /// The WebSocket endpoints of protocol v1.
    public enum Endpoint: String, Sendable {
        case visitor = "/v1/visitor"
        case agent = "/v1/agent"
    }

    public struct UpgradeRefused: Error, CustomStringConvertible {
        public var description: String { "the server did not upgrade the connection to WebSocket" }
    }

    public let host: String
    public let port: Int
    public let group: any EventLoopGroup
    public let maxFrameSize: Int

    public init(host: String, port: Int, group: any EventLoopGroup, maxFrameSize: Int = 1 << 16) {
        self.host = host
        self.port = port
        self.group = group
        self.maxFrameSize = maxFrameSize
    }

    /// Connects and upgrades; `makeSession` runs on the connection's event loop once the upgrade succeeded, and the
    /// session it returns is installed to handle the connection.
    public func connect(
        _ endpoint: Endpoint,
        makeSession: @escaping @Sendable (any EventLoop) -> WebSocketSession
    ) -> EventLoopFuture<any Channel> {
        let host = self.host
        let port = self.port
        let maxFrameSize = self.maxFrameSize
        let upgrade = group.any().makePromise(of: Bool.self)
        let connected = ClientBootstrap(group: group)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                let upgrader = NIOTypedWebSocketClientUpgrader<Bool>(
                    maxFrameSize: maxFrameSize,
                    upgradePipelineHandler: { channel, _ in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(makeSession(channel.eventLoop))
                            return true
                        }
                    }
                )
                var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: endpoint.rawValue)
                head.headers.add(name: "Host", value: "\(host):\(port)")
                head.headers.add(name: "Content-Length", value: "0")
                let configuration = NIOTypedHTTPClientUpgradeConfiguration<Bool>(
                    upgradeRequestHead: head,
                    upgraders: [upgrader],
                    notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(false) }
                )
                do {
                    try channel.pipeline.syncOperations
                        .configureUpgradableHTTPClientPipeline(configuration: .init(upgradeConfiguration: configuration))
                        .cascade(to: upgrade)
                    return channel.eventLoop.makeSucceededVoidFuture()
                } catch {
                    upgrade.fail(error)
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }
            .connect(host: host, port: port)
        connected.whenFailure { upgrade.fail($0) }
        return connected.flatMap { channel in
            upgrade.futureResult.flatMapThrowing { ok -> any Channel in
                guard ok else {
                    channel.close(promise: nil)
                    throw UpgradeRefused()
                }
                return channel
            }
        }
    }
}

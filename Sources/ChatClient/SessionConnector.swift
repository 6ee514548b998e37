public import NIOCore
import NIOPosix
import Synchronization

/// Opens protocol v1 WebSocket sessions to one server.
///
/// The server's address is resolved once, when the connector is made: a load generator opening thousands of
/// connections a second must not ask the resolver (and run Happy Eyeballs) for each of them.
///
/// Connections are spread over several source addresses. One source address has one range of ephemeral ports
/// (28,232 by default on Linux) for all its connections to the server, and Linux's `connect()` takes the even
/// half of it first: beyond ~14,000 open connections every further `connect()` searches the range in the
/// kernel, which measured as a stall of the whole generator at 14,117 sessions. On loopback, every 127.x.y.z
/// address is local, so a loopback target gets eight source addresses by default (Tsung and Gatling offer the
/// same as a list of client IPs).
public struct SessionConnector: Sendable {
    /// The WebSocket endpoints of protocol v1.
    public enum Endpoint: String, Sendable {
        case visitor = "/v1/visitor"
        case agent = "/v1/agent"
    }

    /// The target's host name did not resolve to an address.
    public struct UnresolvedHost: Error, CustomStringConvertible {
        public var host: String
        public var port: Int
        public var description: String { "cannot resolve \(host) (port \(port))" }
    }

    public let host: String
    public let port: Int
    public let group: any EventLoopGroup
    public let maxFrameSize: Int
    /// How long the WebSocket handshake may take once TCP is connected: a server that accepts connections but
    /// never answers (stopped, hung) fails each session with `ChannelError.connectTimeout`, counted as an error,
    /// instead of leaving it connecting for the rest of the run.
    public let handshakeTimeout: TimeAmount
    private let address: SocketAddress?
    /// Where connections come from, in turn (empty: the kernel's choice).
    private let sources: [SocketAddress]
    private let turn = SourceTurn()
    private let visitorHandshake: WebSocketHandshake
    private let agentHandshake: WebSocketHandshake

    /// - Parameter sourceAddresses: IP addresses to connect from, in turn; nil: eight loopback addresses when
    ///   the target is an IPv4 loopback address on Linux, else the kernel's choice.
    public init(
        host: String,
        port: Int,
        group: any EventLoopGroup,
        maxFrameSize: Int = 1 << 16,
        sourceAddresses: [String]? = nil,
        handshakeTimeout: TimeAmount = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.group = group
        self.maxFrameSize = maxFrameSize
        self.handshakeTimeout = handshakeTimeout
        // A name that does not resolve is reported by each connect (as any unreachable target is).
        let address = try? SocketAddress.makeAddressResolvingHost(host, port: port)
        self.address = address
        let sourceNames = sourceAddresses ?? Self.defaultSources(for: address)
        self.sources = sourceNames.compactMap { try? SocketAddress(ipAddress: $0, port: 0) }
        self.visitorHandshake = WebSocketHandshake(path: Endpoint.visitor.rawValue, host: host, port: port)
        self.agentHandshake = WebSocketHandshake(path: Endpoint.agent.rawValue, host: host, port: port)
    }

    /// Connects and performs the WebSocket handshake. `makeSession` runs on the connection's event loop before
    /// the connection is made; the future succeeds once the handshake completed (after the session's
    /// `sessionOpened`), and fails when the connection or the handshake failed.
    public func connect(
        _ endpoint: Endpoint,
        makeSession: @escaping @Sendable (any EventLoop) -> WebSocketSession
    ) -> EventLoopFuture<any Channel> {
        let loop = group.next()
        guard let address else {
            return loop.makeFailedFuture(UnresolvedHost(host: host, port: port))
        }
        let handshake = endpoint == .visitor ? visitorHandshake : agentHandshake
        let opened = loop.makePromise(of: Void.self)
        let maxFrameSize = self.maxFrameSize
        var bootstrap = ClientBootstrap(group: loop)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelOption(.tcpOption(.tcp_nodelay), value: 1)
        if !sources.isEmpty {
            #if os(Linux)
                bootstrap = bootstrap.channelOption(Self.bindAddressNoPort, value: 1)
            #endif
            bootstrap = bootstrap.bind(to: sources[turn.next() % sources.count])
        }
        let connected =
            bootstrap
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let session = makeSession(channel.eventLoop)
                    session.handshake = handshake
                    session.openPromise = opened
                    session.maxFrameSize = maxFrameSize
                    try channel.pipeline.syncOperations.addHandler(session)
                }
            }
            .connect(to: address)
        connected.whenFailure { opened.fail($0) }
        let timeout = handshakeTimeout
        connected.whenSuccess { channel in
            // On the channel's loop, as the handshake's end: either cancels the other.
            let deadline = channel.eventLoop.scheduleTask(in: timeout) {
                channel.pipeline.fireErrorCaught(ChannelError.connectTimeout(timeout))
            }
            opened.futureResult.whenComplete { _ in deadline.cancel() }
        }
        return connected.flatMap { channel in opened.futureResult.map { channel } }
    }

    /// Linux's `IP_BIND_ADDRESS_NO_PORT`: a socket bound to a source address gets its port at `connect()`, from
    /// the ports free for that destination, instead of at `bind()` from the ports free for every destination.
    private static let bindAddressNoPort = ChannelOptions.Types.SocketOption(level: .ip, name: .init(rawValue: 24))

    private static func defaultSources(for target: SocketAddress?) -> [String] {
        #if os(Linux)
            guard case .v4 = target, target?.ipAddress?.hasPrefix("127.") == true else { return [] }
            return (1...8).map { "127.0.0.\($0)" }
        #else
            return []
        #endif
    }
}

/// Hands out source addresses in turn, from any event loop.
private final class SourceTurn: Sendable {
    private let counter = Atomic<Int>(0)

    func next() -> Int { counter.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max }
}

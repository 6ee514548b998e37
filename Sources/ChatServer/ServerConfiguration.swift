public import ChatRouting

/// Everything the reference server can be told; defaults suit a local load test.
public struct ServerConfiguration: Sendable {
    /// Interface to bind; load goes to loopback only.
    public var host: String
    /// TCP port; 0 picks a free one (see ``ChatServer/run(onListening:)``).
    public var port: Int
    /// Event-loop threads serving connections. One thread keeps every relay on one loop (no cross-thread
    /// wake-ups), which is the cheapest per message; more threads add throughput on machines with cores to spare.
    public var threads: Int
    /// Tokens agents may present in their `hello`. Empty refuses every agent.
    public var agentTokens: Set<String>
    /// Largest WebSocket frame accepted, in bytes; larger frames close the connection with 1009.
    public var maxFrameSize: Int
    /// Per-connection flood protection.
    public var rateLimit: RateLimit
    /// Frames waiting for a slow client beyond this many close its connection with 1008.
    public var outboxLimit: Int
    /// How long a disconnected visitor's chat is kept for it to reconnect (seconds); 0 ends it at once. A visitor back
    /// later (within an hour) is told how its chat ended, after `welcome`.
    public var resumeGrace: Double
    /// How long a close waits, once its frame is sent, for the client's close frame (a close the server starts)
    /// or for the frame to be written at all (to a client that stopped reading), before the connection is
    /// dropped (seconds).
    public var closeTimeout: Double = 2
    /// Queues, assignment, bots, overflow, invitations.
    public var routing: RoutingConfiguration
    /// Holds every relayed chat message this many seconds before sending it (0: none). Simulates a slow server,
    /// so the harness's latency measurement can be checked against a known delay; other frames are not delayed.
    public var relayDelay: Double = 0
    /// The share of relayed chat messages (0…1) the server acknowledges to their sender but never delivers, chosen
    /// at random from ``seed``: a faulty server, so that the harness's count of lost messages can be checked against
    /// a known loss. 0 (the default) loses nothing.
    public var dropShare: Double = 0
    /// Seeds the routing's random choices (bot resolutions), so a run can be repeated.
    public var seed: UInt64

    /// Frames per second a connection may send, with a burst allowance.
    public struct RateLimit: Sendable, Hashable {
        public var framesPerSecond: Double
        public var burst: Double
        /// Frames dropped in a row, past which the connection is closed with 1008.
        public var closeAfterDropped: Int

        public init(framesPerSecond: Double = 100, burst: Double = 200, closeAfterDropped: Int = 1_000) {
            self.framesPerSecond = framesPerSecond
            self.burst = burst
            self.closeAfterDropped = closeAfterDropped
        }
    }

    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        threads: Int = 1,
        agentTokens: Set<String> = [],
        maxFrameSize: Int = 16 * 1024,
        rateLimit: RateLimit = .init(),
        outboxLimit: Int = 4_096,
        resumeGrace: Double = 15,
        routing: RoutingConfiguration = .init(),
        seed: UInt64 = 1
    ) {
        self.host = host
        self.port = port
        self.threads = threads
        self.agentTokens = agentTokens
        self.maxFrameSize = maxFrameSize
        self.rateLimit = rateLimit
        self.outboxLimit = outboxLimit
        self.resumeGrace = resumeGrace
        self.routing = routing
        self.seed = seed
    }
}

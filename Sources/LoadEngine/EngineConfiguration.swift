public import Workload

/// What a live run needs besides the profile: where the server is and how to log agents in.
public struct EngineConfiguration: Sendable {
    public var profile: Profile
    /// Seed of every random choice (the profile's unless overridden).
    public var seed: UInt64
    public var host: String
    public var port: Int
    /// Token agents present in their `hello`.
    public var agentToken: String
    /// An arrival started more than this many real seconds after its planned time counts as late.
    public var lateArrivalThreshold: Double
    /// `T` of `service_level(T)`, in seconds: the profile's `goals.serviceLevel.within` unless given (30 s
    /// without one, ``Profile/serviceLevelSeconds``).
    public var serviceLevelSeconds: Double
    /// A `/health` URL answering `{"queueDepth": N, …}` (the reference server's), polled once a second so the
    /// time series shows the server's own queue depth beside the engine's; nil for servers without one.
    public var healthURL: String?

    public init(
        profile: Profile,
        seed: UInt64? = nil,
        host: String = "127.0.0.1",
        port: Int,
        agentToken: String,
        lateArrivalThreshold: Double = 0.1,
        serviceLevelSeconds: Double? = nil,
        healthURL: String? = nil
    ) {
        self.profile = profile
        self.seed = seed ?? profile.seed
        self.host = host
        self.port = port
        self.agentToken = agentToken
        self.lateArrivalThreshold = lateArrivalThreshold
        self.serviceLevelSeconds = serviceLevelSeconds ?? profile.serviceLevelSeconds
        self.healthURL = healthURL
    }
}

public import ChatRouting
public import Workload

/// What a simulation needs besides the profile: the seed, the service-level threshold, the modelled network and
/// server delay, and the routing the reference server would run with.
public struct SimulationConfiguration: Sendable {
    public var profile: Profile
    /// Seed of every random choice (the profile's unless overridden).
    public var seed: UInt64
    /// `T` of `service_level(T)`, in seconds: the profile's `goals.serviceLevel.within` unless given (30 s
    /// without one, ``Profile/serviceLevelSeconds``).
    public var serviceLevelSeconds: Double
    /// Network and server delay of every frame the server delivers to a client, in seconds (default zero).
    /// Frames to one client keep their order, as over one TCP connection; a chat message's latency is the
    /// delay of its delivery.
    public var delay: Distribution
    /// Assignment rule, bots, overflow: the profile's, as `chatstorm run` passes them to the reference server,
    /// except that a visitor hears its queue position once per stay in a queue: the machines only note positions,
    /// and the updates for everyone behind were over a quarter of all events (8.2 M of 28.8 M on `sim-1m`).
    /// `routing.announcesPositionChanges = true` delivers them all, with the same results (tested).
    public var routing: RoutingConfiguration
    /// Seconds a disconnected visitor's chat is kept for it to reconnect (the reference server's default).
    public var resumeGrace: Double

    public init(
        profile: Profile,
        seed: UInt64? = nil,
        serviceLevelSeconds: Double? = nil,
        delay: Distribution = .constant(0),
        resumeGrace: Double = 15
    ) {
        self.profile = profile
        self.seed = seed ?? profile.seed
        self.serviceLevelSeconds = serviceLevelSeconds ?? profile.serviceLevelSeconds
        self.delay = delay
        self.routing = Self.routing(of: profile)
        self.routing.announcesPositionChanges = false
        self.resumeGrace = resumeGrace
    }

    /// The routing of `profile`: its assignment rule and its bots (what `chatstorm run` gives the reference
    /// server on its command line).
    public static func routing(of profile: Profile) -> RoutingConfiguration {
        var bots: [String: RoutingConfiguration.Bot] = [:]
        for bot in profile.bots {
            for department in bot.departments { bots[department] = .init(resolvedShare: bot.resolvedShare) }
        }
        return RoutingConfiguration(
            assignment: profile.routing == .fillFirst ? .fillFirst : .leastLoaded,
            bots: bots,
            overflowAfter: profile.overflowWait
        )
    }
}

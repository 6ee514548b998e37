/// Whether a queue settles into a steady state.
///
/// A queue without abandonment is unstable when work arrives at least as fast as the agents can
/// finish it (λ ≥ total service capacity); it then grows without bound and has no steady state.
/// With abandonment (patience rate θ > 0) every queue is stable.
public enum Stability: Sendable, Equatable {
    case stable
    case unstable
}

/// The steady-state figures of one queue model, defined the same way for every model and for the
/// simulator's measurements.
///
/// - Service level counts abandoners as failures: it is the share of *all* arrivals that are
///   answered within ``serviceLevelThreshold``.
/// - ``meanAnsweredWait`` averages the queue wait over answered arrivals only (the `queue_wait`
///   metric); ``meanWait`` averages over all arrivals, abandoners counting the time they waited.
/// - ``occupancy`` is the mean number of busy slots over the number of slots (agents × capacity).
///
/// An unstable queue (see ``Stability``) has the limiting figures: every arrival waits, waits are
/// infinite, the service level is 0 and the occupancy is 1.
public struct QueueFigures: Sendable, Equatable {
    /// Number of agents the figures are for.
    public var agents: Int
    /// Whether the queue has a steady state; the other figures are limits when it has none.
    public var stability: Stability
    /// P(an arrival finds every slot busy and must queue).
    public var waitProbability: Double
    /// P(an arrival leaves the queue before it is answered).
    public var abandonment: Double
    /// Mean time in queue over all arrivals (zero for those answered at once), in the rate's time unit.
    public var meanWait: Double
    /// Mean time in queue over answered arrivals.
    public var meanAnsweredWait: Double
    /// The threshold `t` the service level is for.
    public var serviceLevelThreshold: Double
    /// Arrivals answered within ``serviceLevelThreshold``, over all arrivals.
    public var serviceLevel: Double
    /// Mean busy slots over all slots.
    public var occupancy: Double

    /// Creates figures from their parts; models build these, tests and planners read them.
    public init(
        agents: Int,
        stability: Stability,
        waitProbability: Double,
        abandonment: Double,
        meanWait: Double,
        meanAnsweredWait: Double,
        serviceLevelThreshold: Double,
        serviceLevel: Double,
        occupancy: Double
    ) {
        self.agents = agents
        self.stability = stability
        self.waitProbability = waitProbability
        self.abandonment = abandonment
        self.meanWait = meanWait
        self.meanAnsweredWait = meanAnsweredWait
        self.serviceLevelThreshold = serviceLevelThreshold
        self.serviceLevel = serviceLevel
        self.occupancy = occupancy
    }

    /// The limiting figures of a queue that has no steady state.
    public static func unstable(agents: Int, serviceLevelThreshold: Double) -> QueueFigures {
        QueueFigures(
            agents: agents,
            stability: .unstable,
            waitProbability: 1,
            abandonment: 0,
            meanWait: .infinity,
            meanAnsweredWait: .infinity,
            serviceLevelThreshold: serviceLevelThreshold,
            serviceLevel: 0,
            occupancy: 1
        )
    }
}

/// A queue model that can report its steady-state figures; ``Staffing`` searches over these.
public protocol QueueModel: Sendable {
    /// The steady-state figures, with the service level for answers within `threshold`.
    func figures(serviceLevelWithin threshold: Double) throws -> QueueFigures
}

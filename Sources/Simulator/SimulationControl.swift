import Synchronization

/// What a caller on another thread may do to running simulations: hear how far they got, and ask them to end
/// early (from a signal handler's queue). A simulation looks every 16,384 events; asked to end, it ends at the
/// simulated time it reached, its result marked incomplete, with everything it measured until then.
public final class SimulationControl: Sendable {
    private let stopRequested = Atomic<Bool>(false)
    /// Called with the simulated time every 16,384 events, on the simulation's thread (replications: several).
    let progress: (@Sendable (Double) -> Void)?
    /// Ends a simulation as soon as it has processed this many events (tests stop a run at a known point).
    let stopAfterEvents: Int

    public init(progress: (@Sendable (Double) -> Void)? = nil) {
        self.progress = progress
        self.stopAfterEvents = .max
    }

    init(stopAfterEvents: Int) {
        self.progress = nil
        self.stopAfterEvents = stopAfterEvents
    }

    /// Asks every simulation under this control to end.
    public func requestStop() {
        stopRequested.store(true, ordering: .relaxed)
    }

    public var isStopRequested: Bool { stopRequested.load(ordering: .relaxed) }

    /// Reports progress and says whether a simulation that processed `events` events should end.
    @inline(__always)
    func check(events: Int, now: Double) -> Bool {
        if events >= stopAfterEvents || isStopRequested { return true }
        progress?(now)
        return false
    }
}

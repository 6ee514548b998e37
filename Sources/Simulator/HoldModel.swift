import Workload

/// The hold model, the classic benchmark of a simulation's pending-event set (Vaucher and Duval 1975, Jones 1986):
/// `inFlight` events are scheduled at exponential times; then, `holds` times, the earliest is taken and one is
/// scheduled in its place at its time plus an exponential draw of mean 1. The simulator's own `EventQueue` with
/// its own events, and nothing else, so that `chatstorm bench events` can tell the event set's share of a
/// simulated day from the model's (the machines, the routing, the recorder).
public enum HoldModel {
    /// Runs the model and returns the time of the last event taken (a result the caller can print, so that the
    /// loop is not optimised away).
    public static func run(inFlight: Int, holds: Int, seed: UInt64) -> Double {
        var last = 0.0
        hold(inFlight: inFlight, holds: holds, seed: seed) { last = $0 }
        return last
    }

    /// The model, giving the time of every event it takes to `taken`, in order.
    @inline(__always)
    static func hold(inFlight: Int, holds: Int, seed: UInt64, taken: (Double) -> Void) {
        precondition(inFlight > 0 && holds >= 0, "at least one event in flight, no negative holds")
        var queue = EventQueue()
        var rng = SeededGenerator(seed: seed)
        for slot in 0..<inFlight { queue.push(exponential(&rng), target: Int32(truncatingIfNeeded: slot), .sample) }
        for _ in 0..<holds {
            // Never empty: every hold takes one event and schedules one.
            let event = queue.pop().unsafelyUnwrapped
            taken(event.time)
            queue.push(event.time + exponential(&rng), target: event.target, .sample)
        }
    }

    /// An exponential draw of mean 1, made as the simulator's machines and handling model make theirs.
    @inline(__always)
    static func exponential(_ rng: inout SeededGenerator) -> Double {
        Distribution.exponential(mean: 1).sample(using: &rng)
    }
}

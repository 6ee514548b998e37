import NIOCore

/// Maps the run's simulated seconds to real deadlines: simulated time runs `speed` times faster than real time.
struct RunClock: Sendable {
    let start: NIODeadline
    let speed: Double

    /// The real deadline of simulated second `t`.
    func deadline(_ t: Double) -> NIODeadline {
        start + .nanoseconds(Int64((t / speed * 1e9).rounded()))
    }

    /// Nanoseconds of real time from the start to simulated second `t`.
    func offset(_ t: Double) -> Int64 {
        Int64((t / speed * 1e9).rounded())
    }

    /// Simulated seconds since the start, now.
    var now: Double { simulated(NIODeadline.now()) }

    func simulated(_ deadline: NIODeadline) -> Double {
        Double((deadline - start).nanoseconds) / 1e9 * speed
    }

    /// Microseconds of real time since the start: what messages carry in `sentAt`.
    func micros(_ deadline: NIODeadline) -> Int64 {
        (deadline - start).nanoseconds / 1_000
    }

    /// The real deadline of a `sentAt` value.
    func deadline(micros: Int64) -> NIODeadline {
        start + .microseconds(micros)
    }
}

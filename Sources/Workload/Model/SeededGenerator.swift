/// SplitMix64: the seeded generator every random choice of a run draws from, so that one profile and one seed
/// always give the same run. Streams for independent purposes are split off with ``split(_:)``.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An independent generator for a sub-stream (a region's arrivals, one visitor's behaviour), derived from
    /// this generator's seed and `stream` without advancing this one.
    public func split(_ stream: UInt64) -> SeededGenerator {
        var mixer = SeededGenerator(seed: state ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }
}

extension RandomNumberGenerator {
    /// A uniform number in `[0, 1)` from the top 53 bits of one draw (arrivals, the ziggurat's wedges and tails).
    @inline(__always)
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// The number `Double.random(in: 0..<1, using:)` draws (from the low 53 bits of one draw), computed here: the
    /// standard library's generic code ran unspecialised in the machines, through protocol witnesses (perf: about
    /// 2 % of a simulated day).
    @inline(__always)
    mutating func nextFraction() -> Double {
        Double(next() & (1 << 53 - 1)) * 0x1p-53
    }

    /// The number `Double.random(in: range, using:)` draws, as `nextFraction()` (a draw that rounds up to the
    /// upper bound is drawn again, as there).
    @inline(__always)
    mutating func nextDouble(in range: Range<Double>) -> Double {
        precondition(!range.isEmpty, "an empty range")
        let delta = range.upperBound - range.lowerBound
        precondition(delta.isFinite, "an infinite range")
        while true {
            let value = delta * nextFraction() + range.lowerBound
            if value != range.upperBound { return value }
        }
    }
}

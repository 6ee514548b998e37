/// The Erlang B (loss) formula: the share of arrivals an M/M/N/N system turns away.
public enum ErlangB {
    /// B(N, a), the blocking probability of `servers` servers under offered load `a` (erlangs).
    ///
    /// Computed with the recursion B(0) = 1, B(n) = a·B(n−1) / (n + a·B(n−1)), which stays within
    /// [0, 1] at every step: no factorials, no overflow for thousands of servers.
    /// - Parameters:
    ///   - offeredLoad: a = λ/μ ≥ 0.
    ///   - servers: N ≥ 0.
    public static func blockingProbability(offeredLoad: Double, servers: Int) -> Double {
        precondition(offeredLoad >= 0 && servers >= 0, "Erlang B needs a ≥ 0 and N ≥ 0")
        var blocking = 1.0
        if servers == 0 { return blocking }
        for n in 1...servers {
            let carried = offeredLoad * blocking
            blocking = carried / (Double(n) + carried)
        }
        return blocking
    }
}

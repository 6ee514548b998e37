/// Finds the fewest agents that meet a set of goals under a queue model.
///
/// Every goal gets easier with more agents (service level rises; abandonment and occupancy fall),
/// so "goals met" is monotone in N and the search is exact: it raises N from a lower bound by a
/// quarter at a time until the goals hold (overshooting at most 25 %: a chat model with twice the
/// agents costs far more than twice as much to solve), then bisects between the last N that failed
/// and the first that passed. A model is evaluated O(log N) times.
public enum Staffing {
    /// The staffing found and the figures it achieves.
    public struct Result: Sendable, Equatable {
        /// The fewest agents that meet the goals.
        public var agents: Int
        /// The figures with that many agents.
        public var figures: QueueFigures
    }

    /// The fewest agents N in `lowerBound ... maxAgents` whose figures meet `goals`, or `nil` if even
    /// `maxAgents` does not.
    /// - Parameters:
    ///   - goals: what the staffing must achieve.
    ///   - lowerBound: an N known not to exceed the answer (1 when nothing better is known).
    ///   - maxAgents: the largest N tried.
    ///   - figures: the model's figures with N agents, its service level for `goals.threshold`.
    public static func minimumAgents<Failure: Error>(
        meeting goals: StaffingGoals,
        lowerBound: Int = 1,
        maxAgents: Int = 100_000,
        figures evaluate: (_ agents: Int) throws(Failure) -> QueueFigures
    ) throws(Failure) -> Result? {
        precondition(lowerBound >= 1 && lowerBound <= maxAgents, "need 1 ≤ lowerBound ≤ maxAgents")
        var failing = lowerBound - 1  // largest N known to fail (lowerBound − 1 by assumption)
        var step = 1  // grows with N by a quarter: cheap to overshoot, few steps
        var candidate = lowerBound
        var passing: (agents: Int, figures: QueueFigures)?
        while passing == nil {
            let figures = try evaluate(candidate)
            if goals.isMet(by: figures) {
                passing = (candidate, figures)
            } else {
                guard candidate < maxAgents else { return nil }
                failing = candidate
                candidate = min(maxAgents, candidate + step)
                step = max(1, candidate / 4)
            }
        }
        guard var best = passing else { return nil }
        while best.agents - failing > 1 {
            let middle = failing + (best.agents - failing) / 2
            let figures = try evaluate(middle)
            if goals.isMet(by: figures) {
                best = (middle, figures)
            } else {
                failing = middle
            }
        }
        return Result(agents: best.agents, figures: best.figures)
    }
}

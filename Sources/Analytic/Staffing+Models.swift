extension Staffing {
    /// The fewest agents for an Erlang C queue (no abandonment).
    /// - Parameters:
    ///   - arrivalRate: λ.
    ///   - serviceRate: μ per agent.
    ///   - goals: service level within t and/or occupancy ceiling (abandonment is always 0).
    ///   - maxAgents: the largest N tried.
    public static func minimumAgents(
        arrivalRate: Double,
        serviceRate: Double,
        goals: StaffingGoals,
        maxAgents: Int = 100_000
    ) -> Result? {
        // Stability needs N > a, so floor(a) + 1 is a safe start.
        let stable = Int((arrivalRate / serviceRate).rounded(.down)) + 1
        return minimumAgents(meeting: goals, lowerBound: min(max(1, stable), maxAgents), maxAgents: maxAgents) { n in
            ErlangC(arrivalRate: arrivalRate, serviceRate: serviceRate, agents: n)
                .figures(serviceLevelWithin: goals.threshold)
        }
    }

    /// The fewest agents for an Erlang A queue (exponential patience at rate θ).
    public static func minimumAgents(
        arrivalRate: Double,
        serviceRate: Double,
        patienceRate: Double,
        goals: StaffingGoals,
        maxAgents: Int = 100_000
    ) -> Result? {
        minimumAgents(meeting: goals, maxAgents: maxAgents) { n in
            ErlangA(arrivalRate: arrivalRate, serviceRate: serviceRate, patienceRate: patienceRate, agents: n)
                .figures(serviceLevelWithin: goals.threshold)
        }
    }

    /// The fewest agents for the chat model; `model`'s own agent count is ignored.
    /// - Throws: ``ChatModelError`` when a candidate cannot be solved.
    public static func minimumAgents(
        chat model: ChatModel,
        goals: StaffingGoals,
        maxAgents: Int = 1_000
    ) throws(ChatModelError) -> Result? {
        // No staffing below the load the goals make the agents carry: N agents finish at most N·max_k(k·μ_k) chats
        // per unit time, and all arrivals but the abandonment the goals allow must be finished (all of them
        // without patience, where the queue must also be stable). The search starts there, and a demand no
        // `maxAgents` can carry is refused without solving a model.
        let fastest = model.perChatRates.enumerated().map { Double($0.offset + 1) * $0.element }.max() ?? 0
        var allowedAbandonment = 0.0
        if model.patienceRate > 0 {
            allowedAbandonment = min(goals.maxAbandonment ?? 1, goals.serviceLevel.map { 1 - $0 } ?? 1)
            // Goals made in code may hold anything: a NaN goal binds nothing, so it allows everything.
            if allowedAbandonment.isNaN { allowedAbandonment = 1 }
        }
        let carried = model.arrivalRate * (1 - min(1, max(0, allowedAbandonment)))
        // Shaved by 1e-12 so that a ratio one ulp above a whole number does not round up past it.
        let least = fastest > 0 ? (carried / fastest * (1 - 1e-12)).rounded(.up) : 1
        guard least <= Double(maxAgents) else { return nil }
        let lowerBound = min(max(1, Int(least)), maxAgents)
        return try minimumAgents(meeting: goals, lowerBound: lowerBound, maxAgents: maxAgents) {
            (n: Int) throws(ChatModelError) -> QueueFigures in
            var candidate = model
            candidate.agents = n
            return try candidate.figures(serviceLevelWithin: goals.threshold)
        }
    }
}

extension ErlangC {
    /// The fewest agents that answer `target` of arrivals within `threshold` with occupancy at most
    /// `maxOccupancy`; see ``Staffing``.
    public static func minimumAgents(
        arrivalRate: Double,
        serviceRate: Double,
        serviceLevel target: Double,
        within threshold: Double,
        maxOccupancy: Double = 1
    ) -> Staffing.Result? {
        Staffing.minimumAgents(
            arrivalRate: arrivalRate,
            serviceRate: serviceRate,
            goals: StaffingGoals(serviceLevel: target, within: threshold, maxOccupancy: maxOccupancy)
        )
    }
}

extension RunRecorder {
    // MARK: Finish

    /// Ends every agent's observation at `time` and returns the result, with the per-second series
    /// and the per-agent summaries. The recorder keeps its state (call once).
    public mutating func finish(
        mode: RunResult.Mode,
        profile: RunResult.Profile,
        seed: UInt64,
        complete: Bool,
        toolVersion: String,
        at time: Duration
    ) -> RunResult {
        cells.fold(into: &total, &breakdowns)
        let siteIndex = Dimension.site.index
        let siteNames = breakdowns[siteIndex].names
        var summaries: [AgentSummary] = []
        for index in agents.indices {
            agentActiveChats -= agents[index].load.active
            agents[index].load.finish(at: time.seconds)
            let load = agents[index].load
            total.concurrency.add(load)
            breakdowns[siteIndex].sets[Int(agents[index].site)].concurrency.add(load)
            summaries.append(AgentSummary(load, name: agents[index].name, site: siteNames[Int(agents[index].site)]))
        }
        var byDimension: [Dimension: Breakdown] = [:]
        for dimension in Dimension.allCases {
            byDimension[dimension] = breakdowns[dimension.index]
        }
        var series = RunSeries(
            timeSeries,
            departments: breakdowns[Dimension.department.index].names,
            languages: breakdowns[Dimension.language.index].names,
            sites: siteNames
        )
        series?.regionTimeZones = regionTimeZones
        series?.siteTimeZones = siteTimeZones
        var result = RunResult(
            mode: mode,
            profile: profile,
            seed: seed,
            complete: complete,
            toolVersion: toolVersion,
            generator: generator,
            serviceLevelThresholdSeconds: serviceLevelThresholdSeconds,
            total: total,
            breakdowns: byDimension
        )
        result.series = series
        result.agents = summaries
        return result
    }
}

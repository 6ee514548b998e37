import Workload

// Demand: from the calendar's arrival rates to chat requests per site.
//
// A region's visitors split by its language and department shares (drawn independently, as the arrival
// generator draws them). Those who leave at the pre-chat form and those a bot resolves never reach an agent.
// Each (language, department) stream goes to the sites that speak the language and serve the department, in
// proportion to the agents they have on shift in the interval; when none of them has anyone on shift, to those
// whose local time is daytime (08:00–20:00), by their nominal head count; when none is, to all of them. A stream
// no site can serve, not even through translation, is unserved (it would end in offline tickets).
extension Planner {
    /// A stream of chat requests with one language and department.
    struct Stream: Hashable {
        var language: String
        var department: String
    }

    /// Chat requests per second of each stream reaching the agents over `[from, to)`, and the arrivals per region.
    /// Shares are read in name order, so the sums (and the plan) are the same in every process.
    func streams(from: Double, to: Double) -> (streams: [(Stream, Double)], arrivals: [Double]) {
        var rates: [Stream: Double] = [:]
        var arrivals: [Double] = []
        for (r, region) in profile.regions.enumerated() {
            let visitors = calendar.expectedArrivals(region: r, from: from, to: to) / (to - from)
            arrivals.append(visitors)
            for (language, languageShare) in region.languages.sorted(by: { $0.key < $1.key }) {
                for (department, departmentShare) in region.departments.sorted(by: { $0.key < $1.key }) {
                    let toAgents = requestShare * (1 - (botResolved[department] ?? 0))
                    rates[Stream(language: language, department: department), default: 0] +=
                        visitors * languageShare * departmentShare * toAgents
                }
            }
        }
        let ordered = rates.sorted { ($0.key.language, $0.key.department) < ($1.key.language, $1.key.department) }
        return (ordered.map { ($0.key, $0.value) }, arrivals)
    }

    /// The share of a stream each site gets over `[from, to)`; empty when no site can serve it.
    func split(_ stream: Stream, from: Double, to: Double) -> [(site: Int, share: Double)] {
        let sites = profile.agents.sites
        var eligible = sites.indices.filter {
            sites[$0].languages.contains(stream.language) && sites[$0].departments.contains(stream.department)
        }
        if eligible.isEmpty {
            eligible = sites.indices.filter { sites[$0].translation && sites[$0].departments.contains(stream.department) }
        }
        guard !eligible.isEmpty else { return [] }
        let onShift = eligible.map { schedule.meanOnShift(site: $0, from: from, to: to) }
        if onShift.reduce(0, +) > 0 {
            return normalised(zip(eligible, onShift).map { ($0, $1) })
        }
        let middle = (from + to) / 2
        let daytime = eligible.filter { (8..<20).contains(calendar.siteClocks[$0].localTime(at: middle).hour) }
        let chosen = daytime.isEmpty ? eligible : daytime
        return normalised(chosen.map { ($0, Double(max(1, Self.nominalHeadcount(sites[$0])))) })
    }

    private func normalised(_ weights: [(Int, Double)]) -> [(site: Int, share: Double)] {
        let total = weights.reduce(0) { $0 + $1.1 }
        return weights.map { (site: $0.0, share: $0.1 / total) }
    }

    /// The most agents any one shift of the site staffs.
    static func nominalHeadcount(_ site: Site) -> Int {
        site.shifts.map { $0.headcount ?? site.headcount }.max() ?? site.headcount
    }
}

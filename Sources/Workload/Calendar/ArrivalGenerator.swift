import Foundation

/// The arrivals of an ``ArrivalPlan`` in time order, generated one at a time: the regions' streams are merged by
/// their next arrival time.
public struct ArrivalGenerator: IteratorProtocol, Sequence, Sendable {
    private var streams: [RegionArrivals]
    /// Next arrival time of each stream; infinity once it is exhausted.
    private var upcoming: [Double]

    init(streams: [RegionArrivals]) {
        var streams = streams
        upcoming = streams.indices.map { streams[$0].nextTime() ?? .infinity }
        self.streams = streams
    }

    public mutating func next() -> Arrival? {
        var best = -1
        var bestTime = Double.infinity
        for i in upcoming.indices where upcoming[i] < bestTime {
            best = i
            bestTime = upcoming[i]
        }
        guard best >= 0 else { return nil }
        let arrival = streams[best].arrival(at: bestTime)
        upcoming[best] = streams[best].nextTime() ?? .infinity
        return arrival
    }
}

/// One region's arrivals: Lewis–Shedler thinning against a majorant that is constant over each hour of the run
/// (the largest λ in that hour). Candidates come at the majorant's rate; one at `t` is kept with probability
/// λ(t) / majorant, always when λ(t) is the hour's maximum (no draw is spent then). A candidate past the hour's
/// end is discarded and the process restarts at the boundary with the next hour's majorant (memorylessness).
struct RegionArrivals: Sendable {
    /// Length of a majorant block in run seconds.
    static let blockLength = 3600.0

    let index: Int
    let name: String
    let returningShare: Double
    let languages: WeightedNames
    let departments: WeightedNames
    let starts: [Double]
    let rates: [Double]
    let end: Double
    let majorants: [Double]
    var times: SeededGenerator
    var attributes: SeededGenerator
    var t = 0.0
    var block = 0
    var piece = 0
    var sequence = 0

    init(index: Int, region: Region, rate: RegionRate, times: SeededGenerator, attributes: SeededGenerator) {
        self.index = index
        self.name = region.name
        self.returningShare = region.returningShare
        self.languages = WeightedNames(region.languages)
        self.departments = WeightedNames(region.departments)
        self.starts = rate.starts
        self.rates = rate.rates
        self.end = rate.end
        self.majorants = rate.blockMaxima(length: Self.blockLength)
        self.times = times
        self.attributes = attributes
    }

    /// The next arrival time, nil when the run is over.
    mutating func nextTime() -> Double? {
        while block < majorants.count {
            let majorant = majorants[block]
            let blockEnd = min(Double(block + 1) * Self.blockLength, end)
            if majorant > 0 {
                t -= log(1 - times.nextUnit()) / majorant
                if t < blockEnd {
                    while piece + 1 < starts.count && starts[piece + 1] <= t { piece += 1 }
                    let rate = rates[piece]
                    if rate >= majorant || times.nextUnit() * majorant < rate { return t }
                    continue
                }
            }
            t = blockEnd
            block += 1
        }
        return nil
    }

    /// The arrival at `time`, with its language, department and returning flag drawn.
    mutating func arrival(at time: Double) -> Arrival {
        let language = languages.pickIndex(attributes.nextUnit())
        let department = departments.pickIndex(attributes.nextUnit())
        let returning = attributes.nextUnit() < returningShare
        defer { sequence += 1 }
        return Arrival(
            time: time,
            regionIndex: index,
            regionName: name,
            language: language < 0 ? "" : languages.names[language],
            department: department < 0 ? "" : departments.names[department],
            returning: returning,
            sequence: sequence,
            mix: language < 0 || department < 0 ? -1 : language * departments.names.count + department
        )
    }
}

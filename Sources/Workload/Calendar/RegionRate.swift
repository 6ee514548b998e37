/// A region's arrival rate over a run, λ(t) in arrivals per second: piecewise constant, with a new piece at every
/// local hour, UTC-offset change and event boundary.
///
/// Evaluating the rate or its integral is a binary search over the pieces: no allocation, no Foundation call.
public struct RegionRate: Sendable, Hashable {
    /// Run second each piece starts at, ascending; the first is 0.
    public let starts: [Double]
    /// Arrivals per second in each piece.
    public let rates: [Double]
    /// The run's length: the last piece ends here and the rate is 0 from here on.
    public let end: Double
    /// `cumulative[i]` is ∫λ over `[0, starts[i])`; the last element is the run's total.
    private let cumulative: [Double]

    /// A rate from its pieces.
    /// - Parameters:
    ///   - starts: ascending run seconds, the first 0 (or empty for an empty run).
    ///   - rates: arrivals per second, one per piece.
    ///   - end: the run's length.
    public init(starts: [Double], rates: [Double], end: Double) {
        precondition(starts.count == rates.count, "one rate per piece")
        self.starts = starts
        self.rates = rates
        self.end = end
        var cumulative = [0.0]
        cumulative.reserveCapacity(starts.count + 1)
        for i in starts.indices {
            let pieceEnd = i + 1 < starts.count ? starts[i + 1] : end
            cumulative.append(cumulative[i] + rates[i] * (pieceEnd - starts[i]))
        }
        self.cumulative = cumulative
    }

    /// The piece holding run second `t`, nil outside `[0, end)`.
    public func piece(at t: Double) -> Int? {
        guard t >= 0, t < end, !starts.isEmpty else { return nil }
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= t { low = middle } else { high = middle }
        }
        return low
    }

    /// λ(t): arrivals per second at run second `t`; 0 outside the run.
    public func rate(at t: Double) -> Double {
        guard let i = piece(at: t) else { return 0 }
        return rates[i]
    }

    /// Expected arrivals ∫λ over `[from, to)` (clamped to the run).
    public func integral(from: Double, to: Double) -> Double {
        guard to > from else { return 0 }
        return primitive(to) - primitive(from)
    }

    /// Expected arrivals over the whole run.
    public var total: Double { cumulative[cumulative.count - 1] }

    /// The largest rate of any piece.
    public var peak: Double { rates.max() ?? 0 }

    /// ∫λ over `[0, x)`.
    private func primitive(_ x: Double) -> Double {
        if x <= 0 || starts.isEmpty { return 0 }
        if x >= end { return total }
        let i = piece(at: x)!
        return cumulative[i] + rates[i] * (x - starts[i])
    }

    /// The largest rate over each block `[k × length, (k + 1) × length)` of the run: the majorant arrivals are
    /// thinned against.
    func blockMaxima(length: Double) -> [Double] {
        let count = Int((end / length).rounded(.up))
        var maxima = [Double](repeating: 0, count: count)
        for i in starts.indices {
            let pieceEnd = i + 1 < starts.count ? starts[i + 1] : end
            let first = Int(starts[i] / length)
            let last = min(count - 1, Int((pieceEnd / length).rounded(.up)) - 1)
            guard first <= last else { continue }
            for block in first...last { maxima[block] = max(maxima[block], rates[i]) }
        }
        return maxima
    }
}

extension RegionRate {
    /// Breaks shorter than this are merged (floating-point noise around hour boundaries).
    static let resolution = 1e-6

    /// The rate of `region` (index `index`) over `[0, duration)`: peak × curve(local hour of the week) × the
    /// multipliers of the events active for it.
    init(region: Region, index: Int, clock: ZoneClock, curve: WeeklyCurve, events: [EventWindow], duration: Double) {
        var breaks: [Double] = []
        var t = 0.0
        while t < duration {
            breaks.append(t)
            let local = clock.localSeconds(at: t)
            var intoHour = local - (local / 3600).rounded(.down) * 3600
            if intoHour < 0 || intoHour >= 3600 { intoHour = 0 }
            var next = t + (3600 - intoHour)
            if let change = clock.nextTransition(after: t), change < next { next = change }
            t = next
        }
        for event in events where event.regions.contains(index) {
            for edge in [event.start, event.end] where edge > 0 && edge < duration { breaks.append(edge) }
        }
        breaks.sort()
        var starts: [Double] = []
        var rates: [Double] = []
        let perSecond = region.peakPerHour / 3600
        for (i, start) in breaks.enumerated() {
            let pieceEnd = i + 1 < breaks.count ? breaks[i + 1] : duration
            guard pieceEnd - start > Self.resolution else { continue }
            let middle = (start + pieceEnd) / 2
            var rate = perSecond * curve.weight(hourOfWeek: clock.hourOfWeek(at: middle))
            for event in events where event.applies(toRegion: index, at: middle) { rate *= event.multiplier }
            if let last = rates.last, last == rate { continue }
            starts.append(starts.isEmpty ? 0 : start)
            rates.append(rate)
        }
        self.init(starts: starts, rates: rates, end: max(0, duration))
    }
}

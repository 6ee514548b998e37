import Foundation

/// Tick positions for chart axes: "nice" numbers (1, 2, 5 × 10ⁿ) for values and clock-aligned steps for
/// simulated time.
enum Axis {
    /// Ticks from `low` to at least `high` with a nice step, about `count` of them; the last tick is the
    /// axis maximum.
    /// With `integers`, the step is a whole number (counts are not drawn at 0.2 visitors).
    static func ticks(low: Double, high: Double, count: Int = 5, integers: Bool = false) -> (values: [Double], step: Double) {
        let span = high > low ? high - low : Swift.max(1, abs(high))
        let rough = span / Double(Swift.max(1, count))
        let magnitude = pow(10, floor(log10(rough)))
        let fraction = rough / magnitude
        let nice: Double =
            switch fraction {
            case ...1: 1
            case ...2: 2
            case ...2.5: 2.5
            case ...5: 5
            default: 10
            }
        var step = nice * magnitude
        if integers {
            step = Swift.max(1, step.rounded(.up))
            if step == 3 { step = 5 }
        }
        let first = floor(low / step) * step
        var values: [Double] = []
        var value = first
        while values.count < 50 {
            values.append(value)
            if value >= high - step * 1e-9 && values.count > 1 { break }
            value = first + Double(values.count) * step
        }
        return (values, step)
    }

    /// Powers of ten from below `low` to above `high` (both > 0), for a logarithmic axis.
    static func decades(low: Double, high: Double) -> [Double] {
        let first = Int(floor(log10(Swift.max(low, 1e-9))))
        let last = Swift.max(first + 1, Int(ceil(log10(Swift.max(high, 1e-9)))))
        return (first...last).map { pow(10, Double($0)) }
    }

    /// Clock-aligned steps (seconds) a time axis may use.
    static let timeSteps: [Double] = [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
    ]

    /// Tick offsets (seconds after `origin`) within `0...span`, at multiples of a clock-aligned step
    /// (in UTC; every zone in use is offset from UTC by whole quarter hours, so the ticks are aligned in
    /// local time too for steps up to 15 minutes).
    static func timeTicks(origin: Date, span: Double, maximum: Int = 8) -> (offsets: [Double], step: Double) {
        let step = timeSteps.first { span / $0 <= Double(maximum) } ?? 86_400 * ceil(span / 86_400 / Double(maximum))
        let start = origin.timeIntervalSince1970
        var tick = ceil(start / step) * step
        var offsets: [Double] = []
        while tick - start <= span + 1e-6 {
            offsets.append(tick - start)
            tick += step
        }
        return (offsets, step)
    }
}

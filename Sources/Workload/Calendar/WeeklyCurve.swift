extension DiurnalCurve.Preset {
    /// The preset's 24 weights for local hours 0…23, peak 1; every weekday alike.
    public var hourlyWeights: [Double] {
        switch self {
        case .businessDay:
            // Quiet night, ramp from 07:00, late-morning peak, lunch dip, a second peak mid-afternoon, evening tail.
            [
                0.04, 0.03, 0.02, 0.02, 0.02, 0.04, 0.08, 0.20, 0.45, 0.75, 0.95, 1.00,
                0.80, 0.88, 0.95, 0.90, 0.78, 0.60, 0.40, 0.28, 0.20, 0.14, 0.09, 0.06,
            ]
        case .eveningPeak:
            // Low through the working day, a lunch bump, the peak after dinner, falling off towards midnight.
            [
                0.30, 0.16, 0.08, 0.05, 0.04, 0.05, 0.08, 0.14, 0.22, 0.28, 0.33, 0.38,
                0.45, 0.42, 0.38, 0.38, 0.42, 0.52, 0.66, 0.82, 0.95, 1.00, 0.85, 0.55,
            ]
        case .flat:
            Array(repeating: 1, count: 24)
        }
    }
}

extension DiurnalCurve {
    /// The curve as 168 weights (Monday 00:00 first), normalised so that the largest is 1.
    public var weekly: WeeklyCurve { WeeklyCurve(self) }
}

/// A diurnal curve resolved to one weight per local hour of the week, peak 1.
///
/// Hourly and weekly curves are divided by their largest weight; an all-zero curve stays zero. Lists shorter than
/// 24 weights are read as zero for the missing hours, longer ones are cut at 24 (the profile validator reports both).
public struct WeeklyCurve: Sendable, Hashable {
    /// `weights[weekday × 24 + hour]`, weekday in `Weekday.allCases` order (Monday = 0).
    public let weights: [Double]

    public init(_ curve: DiurnalCurve) {
        var weights: [Double] = []
        weights.reserveCapacity(168)
        switch curve {
        case .preset(let preset):
            for _ in Weekday.allCases { weights += preset.hourlyWeights }
        case .hourly(let hours):
            for _ in Weekday.allCases { weights += Self.day(hours) }
        case .weekly(let days, let otherDays):
            for weekday in Weekday.allCases { weights += Self.day(days[weekday] ?? otherDays ?? []) }
        }
        let peak = weights.max() ?? 0
        self.weights = peak > 0 ? weights.map { max(0, $0) / peak } : weights.map { _ in 0 }
    }

    /// The weight of a local hour (0…23) on a weekday.
    public func weight(weekday: Weekday, hour: Int) -> Double {
        weights[Self.index(weekday) * 24 + hour]
    }

    /// The weight of an hour of the week (``ZoneClock/hourOfWeek(at:)``).
    @inlinable
    public func weight(hourOfWeek: Int) -> Double { weights[hourOfWeek] }

    private static func day(_ hours: [Double]) -> [Double] {
        (0..<24).map { $0 < hours.count && hours[$0].isFinite ? hours[$0] : 0 }
    }

    private static func index(_ weekday: Weekday) -> Int {
        switch weekday {
        case .mon: 0
        case .tue: 1
        case .wed: 2
        case .thu: 3
        case .fri: 4
        case .sat: 5
        case .sun: 6
        }
    }
}

import Testing
import Workload

@Suite("Diurnal curves")
struct CalendarCurveTests {
    @Test("presets have 24 weights in [0, 1] with the peak at 1", arguments: DiurnalCurve.Preset.allCases)
    func presets(preset: DiurnalCurve.Preset) {
        let weights = preset.hourlyWeights
        #expect(weights.count == 24)
        #expect(weights.max() == 1)
        #expect(weights.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(DiurnalCurve.preset(preset).weekly.weights == Array([[Double]](repeating: weights, count: 7).joined()))
    }

    @Test("business-day peaks in office hours, evening-peak in the evening; both are quiet before dawn")
    func presetShapes() {
        let business = DiurnalCurve.Preset.businessDay.hourlyWeights
        let evening = DiurnalCurve.Preset.eveningPeak.hourlyWeights
        let businessPeak = business.firstIndex(of: 1)!
        let eveningPeak = evening.firstIndex(of: 1)!
        #expect((9...16).contains(businessPeak))
        #expect((18...22).contains(eveningPeak))
        #expect(business[3] < 0.1 && evening[4] < 0.1)
        #expect(business[14] > evening[14] && evening[21] > business[21])
    }

    @Test("hourly curves are divided by their largest weight")
    func hourly() {
        let raw = (0..<24).map { Double($0 % 6) * 4 }
        let curve = DiurnalCurve.hourly(raw).weekly
        #expect(curve.weight(weekday: .mon, hour: 5) == 1)
        #expect(curve.weight(weekday: .sun, hour: 2) == 0.4)
        #expect(curve.weight(weekday: .wed, hour: 0) == 0)
    }

    @Test("weekly curves: listed days, other days, zero when none; normalised over the whole week")
    func weekly() {
        let weekend = Array(repeating: 2.0, count: 24)
        let working = (0..<24).map { $0 == 12 ? 8.0 : 1.0 }
        let curve = DiurnalCurve.weekly([.sat: weekend, .sun: weekend], otherDays: working).weekly
        #expect(curve.weight(weekday: .tue, hour: 12) == 1)
        #expect(curve.weight(weekday: .tue, hour: 11) == 0.125)
        #expect(curve.weight(weekday: .sat, hour: 12) == 0.25)
        let weekendOnly = DiurnalCurve.weekly([.sat: weekend], otherDays: nil).weekly
        #expect(weekendOnly.weight(weekday: .sat, hour: 3) == 1)
        #expect(weekendOnly.weight(weekday: .fri, hour: 3) == 0)
        #expect(DiurnalCurve.hourly(Array(repeating: 0, count: 24)).weekly.weights.allSatisfy { $0 == 0 })
    }
}

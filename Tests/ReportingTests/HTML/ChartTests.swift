import Foundation
import Testing

@testable import Reporting

/// The hand-written chart pieces: thinning, ticks, the SVG they produce.
@Suite struct ChartTests {
    /// A day of seconds with one spike, one dip and a gap.
    static let day: [Double?] = (0..<86_400).map { second in
        if (40_000..<40_500).contains(second) { return nil }
        if second == 12_345 { return 900 }
        if second == 54_321 { return -5 }
        return 100 + Double(second % 60)
    }

    /// Path coordinates read as `String(format: "%.1f")` of the value rounded to tenths, without `-0.0`, at halves,
    /// near zero from both sides and at random values of every size a chart meets.
    @Test func coordinatesAsPrintfWritesThem() {
        var values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, -0.05, 0.25, -0.25, 0.95, 9.95, -9.95, 1e14, 1e16, -1e16]
        var state: UInt64 = 3
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append((unit - 0.5) * pow(10, Double(state % 7)))
        }
        for value in values {
            let rounded = (value * 10).rounded() / 10
            let printf = rounded == 0 ? "0" : String(format: "%.1f", rounded)
            #expect(Format.coordinate(value) == printf, "\(value)")
        }
    }

    @Test func downsamplingKeepsExtremesAndGapsWithinTheLimit() {
        let indices = Downsample.indices(Self.day)
        #expect(indices.compactMap { $0 }.count <= Downsample.maximumPoints)
        #expect(indices.contains(12_345) && indices.contains(54_321))
        #expect(indices.contains { $0 == nil })
        let kept = indices.compactMap { $0 }
        #expect(kept == kept.sorted())
        // Short series are kept whole.
        #expect(Downsample.indices([1, nil, 3]) == [0, nil, 2])
    }

    @Test func valueTicksAreNiceAndCoverTheData() {
        for high in [0.7, 3.0, 9.9, 10.0, 47.0, 1_234.0, 86_400.0] {
            let ticks = Axis.ticks(low: 0, high: high)
            #expect(ticks.values.first == 0)
            #expect(ticks.values.last! >= high, "\(high)")
            #expect(ticks.values.count <= 12, "\(high)")
            let mantissa = ticks.step / pow(10, floor(log10(ticks.step)))
            #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "\(ticks.step)")
        }
    }

    @Test("a line longer than the axis (a run.json cut by hand) is drawn as far as the axis goes")
    func lineLongerThanTheAxis() {
        let svg = LineChart(
            id: "cut",
            title: "Cut",
            summary: "three seconds, five values",
            yUnit: "count",
            x: [0, 1, 2],
            xAxis: .time(origin: Date(timeIntervalSince1970: 0), zones: []),
            lines: [LineChart.Line(name: "agents", values: [1, 2, 3, 4, 5])]
        ).svg()
        #expect(svg.contains("<path"))
    }

    @Test("tick labels of values beyond whole numbers' range are written, not trapped on (a demand of 1e19 per hour)")
    func hugeTicks() {
        #expect(Format.tick(20_000, step: 5_000) == "20,000")
        #expect(Format.tick(1e19, step: 1e18) == "1e+19")
        #expect(Format.tick(-2.5e20, step: 1e20) == "-2.5e+20")
    }

    @Test("a heat map draws every level seen and no more than 51 columns for a capacity nobody reaches")
    func heatMapColumns() {
        func columns(capacity: Int, seen: Int) -> Int {
            let row = HeatMap.Row(label: "a", capacity: capacity, shares: Array(repeating: 1 / Double(seen), count: seen))
            let svg = HeatMap(id: "h", title: "t", summary: "s", rows: [row], columnUnit: "chats").svg()
            return svg.components(separatedBy: "<rect class=\"cell\"").count - 1
        }
        #expect(columns(capacity: 3, seen: 2) == 4)
        #expect(columns(capacity: 1_000_000, seen: 4) == 51)
        #expect(columns(capacity: 1_000_000, seen: 80) == 80)
    }

    @Test func timeTicksAreClockAligned() {
        let origin = Date(timeIntervalSince1970: 1_741_701_660)  // 14:01 UTC
        let ticks = Axis.timeTicks(origin: origin, span: 3_600)
        #expect(ticks.step == 600)
        #expect(ticks.offsets.first == 540)  // 14:10
        #expect(ticks.offsets.allSatisfy { (origin.timeIntervalSince1970 + $0).truncatingRemainder(dividingBy: 600) == 0 })
    }

    @Test func aDayOfSecondsDrawsAtMostTheLimitPerLine() throws {
        let chart = LineChart(
            id: "day",
            title: "A day",
            summary: "one line",
            yUnit: "ms",
            x: (0..<86_400).map(Double.init),
            xAxis: .time(origin: Date(timeIntervalSince1970: 0), zones: []),
            lines: [LineChart.Line(name: "p99", values: Self.day)]
        )
        let svg = chart.svg()
        let path = try #require(svg.components(separatedBy: " d=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let points = path.filter { $0 == "M" || $0 == "L" }.count
        #expect(points <= Downsample.maximumPoints && points > 700)
        #expect(path.filter { $0 == "M" }.count == 2)  // the gap lifts the pen once
        #expect(svg.count < 40_000)
    }

    @Test func anEmptyChartHasAPlainAxis() {
        let svg = LineChart(
            id: "empty",
            title: "Nothing",
            summary: "no values",
            yUnit: "ms",
            x: [0, 1, 2],
            xAxis: .time(origin: Date(timeIntervalSince1970: 0), zones: []),
            lines: [LineChart.Line(name: "p99", values: [nil, nil, nil])]
        ).svg()
        #expect(svg.contains(">1.0</text>") && !svg.contains("0.000"))
        #expect(svg.contains("d=\"\""))
    }

    @Test func formattingIsFixed() {
        #expect(Format.count(1_234_567) == "1,234,567" && Format.count(-1_000) == "-1,000" && Format.count(12) == "12")
        #expect(Format.milliseconds(0.7123) == "0.712 ms" && Format.milliseconds(45.06) == "45.1 ms")
        #expect(Format.milliseconds(12_345) == "12.3 s")
        #expect(Format.milliseconds(0) == "0 ms")
        #expect(Format.percent(0.8512) == "85.1 %")
        #expect([1e-5, 1e-3, 0.1, 1, 100].map(Format.decade(seconds:)) == ["10 µs", "1 ms", "100 ms", "1 s", "100 s"])
        #expect(Format.tick(7.5, step: 2.5) == "7.5" && Format.tick(1.5, step: 0.5) == "1.5" && Format.tick(20, step: 5) == "20")
        #expect(Format.escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
        #expect(Format.clock(Date(timeIntervalSince1970: 1_741_701_600), in: TimeZone(identifier: "Asia/Kolkata")!) == "19:30")
    }
}

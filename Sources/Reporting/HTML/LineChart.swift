import Foundation

/// A line chart drawn as inline SVG: axes with ticks, grid, legend, optional markers, and for a time
/// axis one row of local clock times per time zone under the UTC row.
///
/// Hand-written: there is no charting library for server-side Swift, and the report must be one file
/// that opens without network, so the charts are SVG text generated here. Colours come from CSS
/// classes (`s0` … `s7`) so that the page's light, dark and print styles apply to them.
struct LineChart {
    /// What the horizontal axis shows.
    enum XAxis {
        /// Seconds after `origin` (simulated time), labelled in UTC and in each zone's local time.
        case time(origin: Date, zones: [(label: String, zone: TimeZone)])
        /// Plain values with a unit, from 0.
        case values(unit: String)
        /// Seconds on a logarithmic scale (decades labelled 1 ms, 10 ms … 100 s): waits that span
        /// milliseconds to minutes.
        case logSeconds(unit: String)
    }

    /// One line; `nil` values are gaps.
    struct Line {
        var name: String
        var values: [Double?]
        var dashed = false
    }

    /// A reference line across the plot with a label.
    struct Marker {
        var value: Double
        var label: String
        var vertical: Bool
    }

    var id: String
    var title: String
    /// One sentence for screen readers.
    var summary: String
    var yUnit: String
    var x: [Double]
    var xAxis: XAxis
    var lines: [Line]
    var markers: [Marker] = []
    /// A fixed top of the value axis (e.g. 100 for percentages); else from the data.
    var yMaximum: Double?
    /// The values are counts: ticks at whole numbers.
    var integerValues = false

    let geometry = ChartGeometry()

    func svg() -> String {
        let legend = geometry.legend(lines.enumerated().map { ($0.element.name, $0.offset, $0.element.dashed) })
        let zoneRows: Int = {
            if case .time(_, let zones) = xAxis { return zones.count }
            return 0
        }()
        let top = geometry.top + legend.height
        let plotHeight = 220.0
        let bottom = top + plotHeight
        let height = bottom + 30 + Double(zoneRows) * 16 + 8
        var svg = geometry.open(id: id, title: title, summary: summary, height: height)
        svg += legend.svg

        let values = lines.flatMap { $0.values.compactMap { $0 } }
        let markerPeak = markers.filter { !$0.vertical }.map(\.value).max() ?? 0
        // Below zero only when the data goes there (a count that should not: better seen than hidden).
        let yLow = Swift.min(0, values.min() ?? 0)
        let yTicks = Axis.ticks(
            low: yLow,
            high: yMaximum ?? (Swift.max(values.max() ?? 0, markerPeak) > 0 ? Swift.max(values.max() ?? 0, markerPeak) : 1),
            integers: integerValues
        )
        let yBottom = yTicks.values.first ?? 0
        let yTop = yTicks.values.last ?? 1
        let (xStart, xEnd, xTicks) = xRange()
        let left = geometry.left
        let right = geometry.width - geometry.right
        let isLog: Bool = {
            if case .logSeconds = xAxis { return true }
            return false
        }()
        func px(_ value: Double) -> Double {
            let (a, b, v) = isLog ? (log10(xStart), log10(xEnd), log10(Swift.max(value, xStart))) : (xStart, xEnd, value)
            return left + (v - a) / Swift.max(b - a, 1e-9) * (right - left)
        }
        func py(_ value: Double) -> Double { bottom - (Swift.min(value, yTop) - yBottom) / (yTop - yBottom) * plotHeight }

        svg += geometry.valueAxis(ticks: yTicks.values, step: yTicks.step, unit: yUnit, top: top, bottom: bottom, y: py)
        switch xAxis {
        case .time(let origin, let zones):
            let first = origin.addingTimeInterval(xStart)
            var rows = [(label: "UTC", zone: TimeZone(identifier: "UTC")!)]
            rows += zones
            for (row, zone) in rows.enumerated() {
                let y = bottom + 16 + Double(row) * 16
                // Left of the first tick label, which is centred on a tick that may sit on the axis.
                svg += geometry.text(zone.label, x: left - 26, y: y, anchor: "end", cssClass: row == 0 ? "tick" : "tick zone")
                for offset in xTicks.offsets {
                    let label = Format.clock(first.addingTimeInterval(offset), in: zone.zone, withSeconds: xTicks.step < 60)
                    svg += geometry.text(label, x: px(xStart + offset), y: y, anchor: "middle", cssClass: "tick")
                }
            }
            for offset in xTicks.offsets {
                let x = Format.coordinate(px(xStart + offset))
                svg +=
                    "<line class=\"grid\" x1=\"\(x)\" y1=\"\(Format.coordinate(top))\" x2=\"\(x)\" y2=\"\(Format.coordinate(bottom + 4))\"/>"
            }
        case .values(let unit):
            for value in xTicks.offsets {
                let x = Format.coordinate(px(value))
                svg +=
                    "<line class=\"grid\" x1=\"\(x)\" y1=\"\(Format.coordinate(top))\" x2=\"\(x)\" y2=\"\(Format.coordinate(bottom + 4))\"/>"
                svg += geometry.text(
                    Format.tick(value, step: xTicks.step),
                    x: px(value),
                    y: bottom + 16,
                    anchor: "middle",
                    cssClass: "tick"
                )
            }
            svg += geometry.text(unit, x: right, y: bottom + 30, anchor: "end", cssClass: "unit")
        case .logSeconds(let unit):
            for value in xTicks.offsets {
                let x = Format.coordinate(px(value))
                svg +=
                    "<line class=\"grid\" x1=\"\(x)\" y1=\"\(Format.coordinate(top))\" x2=\"\(x)\" y2=\"\(Format.coordinate(bottom + 4))\"/>"
                svg += geometry.text(Format.decade(seconds: value), x: px(value), y: bottom + 16, anchor: "middle", cssClass: "tick")
            }
            svg += geometry.text(unit, x: right, y: bottom + 30, anchor: "end", cssClass: "unit")
        }
        svg +=
            "<line class=\"axis\" x1=\"\(left)\" y1=\"\(Format.coordinate(bottom))\" x2=\"\(right)\" y2=\"\(Format.coordinate(bottom))\"/>"

        for (index, line) in lines.enumerated() {
            svg += path(line, style: index, x: px, y: py)
        }
        for marker in markers {
            if marker.vertical {
                let x = Format.coordinate(px(marker.value))
                svg +=
                    "<line class=\"marker\" x1=\"\(x)\" y1=\"\(Format.coordinate(top))\" x2=\"\(x)\" y2=\"\(Format.coordinate(bottom))\"/>"
                let nearRight = px(marker.value) > left + (right - left) * 0.8
                svg += geometry.text(
                    marker.label,
                    x: px(marker.value) + (nearRight ? -4 : 4),
                    y: top + 12,
                    anchor: nearRight ? "end" : "start",
                    cssClass: "marker-label"
                )
            } else {
                let y = Format.coordinate(py(marker.value))
                svg += "<line class=\"marker\" x1=\"\(left)\" y1=\"\(y)\" x2=\"\(right)\" y2=\"\(y)\"/>"
                svg += geometry.text(marker.label, x: right - 4, y: py(marker.value) - 4, anchor: "end", cssClass: "marker-label")
            }
        }
        return svg + "</svg>"
    }

    /// The drawn range of the horizontal axis and its ticks (for a time axis, offsets after the start).
    private func xRange() -> (start: Double, end: Double, ticks: (offsets: [Double], step: Double)) {
        let verticals = markers.filter(\.vertical).map(\.value)
        switch xAxis {
        case .time(let origin, _):
            let start = x.first ?? 0
            let end = Swift.max(x.last ?? 1, start + 1)
            return (start, end, Axis.timeTicks(origin: origin.addingTimeInterval(start), span: end - start))
        case .values:
            let ticks = Axis.ticks(low: 0, high: Swift.max(x.max() ?? 1, verticals.max() ?? 0))
            return (0, ticks.values.last ?? 1, (ticks.values, ticks.step))
        case .logSeconds:
            let positive = (x + verticals).filter { $0 > 0 }
            let decades = Axis.decades(low: positive.min() ?? 0.001, high: positive.max() ?? 1)
            return (decades.first!, decades.last!, (decades, 10))
        }
    }

    /// The SVG path of one line, thinned by `Downsample`, lifting the pen at gaps.
    private func path(_ line: Line, style: Int, x px: (Double) -> Double, y py: (Double) -> Double) -> String {
        var d = ""
        var penDown = false
        for index in Downsample.indices(line.values) {
            // A line longer than the axis (a run.json edited or cut by hand) is drawn as far as the axis goes.
            guard let index, index < x.count, let value = line.values[index] else {
                penDown = false
                continue
            }
            d += (penDown ? "L" : "M") + Format.coordinate(px(x[index])) + " " + Format.coordinate(py(value))
            penDown = true
        }
        let dashed = line.dashed || style >= ChartGeometry.paletteSize
        let cssClass = "line s\(style % ChartGeometry.paletteSize)" + (dashed ? " dash" : "")
        return "<path class=\"\(cssClass)\" d=\"\(d)\"><title>\(Format.escape(line.name))</title></path>"
    }
}

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

        let peak = lines.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        let markerPeak = markers.filter { !$0.vertical }.map(\.value).max() ?? 0
        let yTicks = Axis.ticks(low: 0, high: yMaximum ?? Swift.max(peak, markerPeak, 1e-9))
        let yTop = yTicks.values.last ?? 1
        let xLow = x.first ?? 0
        let xHigh: Double = {
            if case .values = xAxis { return Swift.max(x.max() ?? 1, markers.filter(\.vertical).map(\.value).max() ?? 0) }
            return Swift.max(x.last ?? 1, xLow + 1)
        }()
        let xTicks: (offsets: [Double], step: Double) = {
            switch xAxis {
            case .time(let origin, _):
                return Axis.timeTicks(origin: origin.addingTimeInterval(xLow), span: xHigh - xLow)
            case .values:
                let ticks = Axis.ticks(low: 0, high: xHigh)
                return (ticks.values, ticks.step)
            }
        }()
        let xStart: Double = {
            if case .values = xAxis { return 0 }
            return xLow
        }()
        let xEnd: Double = {
            if case .values = xAxis { return xTicks.offsets.last ?? xHigh }
            return xHigh
        }()
        let left = geometry.left
        let right = geometry.width - geometry.right
        func px(_ value: Double) -> Double { left + (value - xStart) / Swift.max(xEnd - xStart, 1e-9) * (right - left) }
        func py(_ value: Double) -> Double { bottom - Swift.min(value, yTop) / yTop * plotHeight }

        svg += geometry.valueAxis(ticks: yTicks.values, step: yTicks.step, unit: yUnit, top: top, bottom: bottom, y: py)
        switch xAxis {
        case .time(let origin, let zones):
            let first = origin.addingTimeInterval(xLow)
            var rows = [(label: "UTC", zone: TimeZone(identifier: "UTC")!)]
            rows += zones
            for (row, zone) in rows.enumerated() {
                let y = bottom + 16 + Double(row) * 16
                svg += geometry.text(zone.label, x: left - 8, y: y, anchor: "end", cssClass: row == 0 ? "tick" : "tick zone")
                for offset in xTicks.offsets {
                    let label = Format.clock(first.addingTimeInterval(offset), in: zone.zone, withSeconds: xTicks.step < 60)
                    svg += geometry.text(label, x: px(xLow + offset), y: y, anchor: "middle", cssClass: "tick")
                }
            }
            for offset in xTicks.offsets {
                let x = Format.coordinate(px(xLow + offset))
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
                svg += geometry.text(marker.label, x: px(marker.value) + 4, y: top + 12, anchor: "start", cssClass: "marker-label")
            } else {
                let y = Format.coordinate(py(marker.value))
                svg += "<line class=\"marker\" x1=\"\(left)\" y1=\"\(y)\" x2=\"\(right)\" y2=\"\(y)\"/>"
                svg += geometry.text(marker.label, x: right - 4, y: py(marker.value) - 4, anchor: "end", cssClass: "marker-label")
            }
        }
        return svg + "</svg>"
    }

    /// The SVG path of one line, thinned by `Downsample`, lifting the pen at gaps.
    private func path(_ line: Line, style: Int, x px: (Double) -> Double, y py: (Double) -> Double) -> String {
        var d = ""
        var penDown = false
        for index in Downsample.indices(line.values) {
            guard let index, let value = line.values[index] else {
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

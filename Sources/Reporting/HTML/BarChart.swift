/// A horizontal grouped bar chart of ratios (0 … 1, shown as percentages) per category, as inline SVG.
///
/// Hand-written like `LineChart` (no charting library for server-side Swift; the report must not load
/// anything). Each bar carries its value as text, so the chart reads without colour too.
struct BarChart {
    /// One kind of bar, drawn for every category.
    struct Group {
        var name: String
        var values: [Double]
    }

    var id: String
    var title: String
    var summary: String
    var categories: [String]
    var groups: [Group]

    let geometry = ChartGeometry()

    func svg() -> String {
        let legend = geometry.swatchLegend(groups.enumerated().map { ($0.element.name, $0.offset) })
        let labelWidth = 150.0
        let left = geometry.left + labelWidth - 60
        let right = geometry.width - geometry.right - 60
        let barHeight = 14.0
        let categoryHeight = Double(groups.count) * (barHeight + 2) + 10
        let top = geometry.top + legend.height + 4
        let bottom = top + Double(categories.count) * categoryHeight
        let height = bottom + 28
        var svg = geometry.open(id: id, title: title, summary: summary, height: height)
        svg += legend.svg
        let ticks = Axis.ticks(low: 0, high: 100)
        func px(_ percent: Double) -> Double { left + Swift.min(Swift.max(percent, 0), 100) / 100 * (right - left) }
        for value in ticks.values {
            let x = Format.coordinate(px(value))
            svg += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(Format.coordinate(top))\" x2=\"\(x)\" y2=\"\(Format.coordinate(bottom))\"/>"
            svg += geometry.text(
                Format.tick(value, step: ticks.step) + " %",
                x: px(value),
                y: bottom + 16,
                anchor: "middle",
                cssClass: "tick"
            )
        }
        for (row, category) in categories.enumerated() {
            let y0 = top + Double(row) * categoryHeight + 5
            let middle = y0 + Double(groups.count) * (barHeight + 2) / 2 + 4
            svg += geometry.text(category, x: left - 8, y: middle, anchor: "end", cssClass: "category")
            for (index, group) in groups.enumerated() {
                let value = row < group.values.count ? group.values[row] : 0
                let y = y0 + Double(index) * (barHeight + 2)
                let width = Swift.max(px(value * 100) - left, value > 0 ? 1 : 0)
                svg += "<rect class=\"bar s\(index % ChartGeometry.paletteSize)\" x=\"\(Format.coordinate(left))\" "
                svg += "y=\"\(Format.coordinate(y))\" width=\"\(Format.coordinate(width))\" height=\"\(Int(barHeight))\">"
                svg += "<title>\(Format.escape("\(category): \(group.name) \(Format.percent(value))"))</title></rect>"
                svg += geometry.text(
                    Format.percent(value),
                    x: left + width + 4,
                    y: y + barHeight - 3,
                    anchor: "start",
                    cssClass: "bar-label"
                )
            }
        }
        svg += "<line class=\"axis\" x1=\"\(Format.coordinate(left))\" y1=\"\(Format.coordinate(top))\" "
        svg += "x2=\"\(Format.coordinate(left))\" y2=\"\(Format.coordinate(bottom))\"/>"
        return svg + "</svg>"
    }
}

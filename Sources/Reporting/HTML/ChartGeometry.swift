/// The layout every chart shares (a 960-unit wide SVG that scales to the page) and the SVG pieces
/// they draw alike: the opening tag with its accessible title, the legend, the value axis and text.
struct ChartGeometry {
    /// Colours in the palette (`s0` … `s7` in the style sheet); lines beyond it are dashed.
    static let paletteSize = 8

    let width = 960.0
    let left = 96.0
    let right = 24.0
    let top = 12.0

    /// `<svg …>` with `id`, `data-chart`, a title and a description for screen readers. No `xmlns`:
    /// SVG inline in HTML needs none (and the page holds no URL at all).
    func open(id: String, title: String, summary: String, height: Double) -> String {
        "<svg id=\"chart-\(id)\" data-chart=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\" "
            + "role=\"img\" aria-labelledby=\"chart-\(id)-title chart-\(id)-desc\">"
            + "<title id=\"chart-\(id)-title\">\(Format.escape(title))</title>"
            + "<desc id=\"chart-\(id)-desc\">\(Format.escape(summary))</desc>"
    }

    /// A legend laid out in rows above the plot: a short stroke in the line's colour, then its name.
    func legend(_ items: [(name: String, style: Int, dashed: Bool)]) -> (svg: String, height: Double) {
        guard !items.isEmpty else { return ("", 0) }
        var svg = "<g class=\"legend\">"
        var x = left
        var row = 0
        for item in items {
            // About 7 units per character at the legend's font size.
            let itemWidth = 30 + Double(item.name.count) * 7 + 18
            if x + itemWidth > width - right && x > left {
                x = left
                row += 1
            }
            let y = top + 8 + Double(row) * 18
            let dashed = item.dashed || item.style >= Self.paletteSize
            let cssClass = "line s\(item.style % Self.paletteSize)" + (dashed ? " dash" : "")
            svg += "<line class=\"\(cssClass)\" x1=\"\(Format.coordinate(x))\" y1=\"\(Format.coordinate(y - 4))\" "
            svg += "x2=\"\(Format.coordinate(x + 22))\" y2=\"\(Format.coordinate(y - 4))\"/>"
            svg += text(item.name, x: x + 28, y: y, anchor: "start", cssClass: "legend-text")
            x += itemWidth
        }
        return (svg + "</g>", Double(row + 1) * 18 + 8)
    }

    /// A swatch legend (filled squares) for bar charts.
    func swatchLegend(_ items: [(name: String, style: Int)]) -> (svg: String, height: Double) {
        var svg = "<g class=\"legend\">"
        var x = left
        for item in items {
            svg += "<rect class=\"bar s\(item.style % Self.paletteSize)\" x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(top))\" "
            svg += "width=\"12\" height=\"12\"/>"
            svg += text(item.name, x: x + 18, y: top + 10, anchor: "start", cssClass: "legend-text")
            x += 30 + Double(item.name.count) * 7 + 18
        }
        return (svg + "</g>", 26)
    }

    /// Horizontal grid lines with their value labels on the left, and the unit above them.
    func valueAxis(ticks: [Double], step: Double, unit: String, top: Double, bottom: Double, y: (Double) -> Double) -> String {
        var svg = ""
        for value in ticks {
            let yValue = Format.coordinate(y(value))
            svg += "<line class=\"grid\" x1=\"\(Int(left))\" y1=\"\(yValue)\" x2=\"\(Int(width - right))\" y2=\"\(yValue)\"/>"
            svg += text(Format.tick(value, step: step), x: left - 8, y: y(value) + 4, anchor: "end", cssClass: "tick")
        }
        svg +=
            "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Format.coordinate(top))\" x2=\"\(Int(left))\" y2=\"\(Format.coordinate(bottom))\"/>"
        svg += "<text class=\"unit\" transform=\"translate(14 \(Format.coordinate((top + bottom) / 2))) rotate(-90)\" "
        svg += "text-anchor=\"middle\">\(Format.escape(unit))</text>"
        return svg
    }

    /// A `<text>` element.
    func text(_ content: String, x: Double, y: Double, anchor: String, cssClass: String) -> String {
        "<text class=\"\(cssClass)\" x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\" text-anchor=\"\(anchor)\">"
            + Format.escape(content) + "</text>"
    }
}

/// A heat map as inline SVG: rows (agents or sites) × columns (concurrency levels), each cell shaded by
/// the share of the row's time spent at that level, with each row's capacity marked.
///
/// Hand-written like `LineChart`. The shade is the opacity of one palette colour, so it reads in light
/// and dark mode and in print; the share is also written in cells when there is room.
struct HeatMap {
    /// One row: its label, capacity and the share of time at each level (summing to 1).
    struct Row {
        var label: String
        var capacity: Int
        var shares: [Double]
    }

    var id: String
    var title: String
    var summary: String
    var rows: [Row]
    /// The unit of a column (e.g. "chats").
    var columnUnit: String

    let geometry = ChartGeometry()

    func svg() -> String {
        // Every level seen, and up to the largest capacity, but no more than 51 columns for a capacity nobody
        // reaches (a row's capacity beyond the columns is not outlined).
        let seen = rows.map(\.shares.count).max() ?? 1
        let levels = Swift.max(seen, Swift.min(rows.map(\.capacity).max() ?? 0, 50) + 1)
        let left = geometry.left + 110
        let right = geometry.width - geometry.right
        let cellWidth = Swift.min(110, (right - left) / Double(levels))
        let cellHeight = rows.count > 40 ? 10.0 : 20.0
        let top = geometry.top + 26
        let bottom = top + Double(rows.count) * cellHeight
        let height = bottom + 36
        var svg = geometry.open(id: id, title: title, summary: summary, height: height)
        svg += geometry.text(
            "share of time with N \(columnUnit); the outlined cell is the capacity",
            x: left,
            y: geometry.top + 10,
            anchor: "start",
            cssClass: "legend-text"
        )
        for level in 0..<levels {
            svg += geometry.text(
                String(level),
                x: left + (Double(level) + 0.5) * cellWidth,
                y: bottom + 16,
                anchor: "middle",
                cssClass: "tick"
            )
        }
        svg += geometry.text(
            columnUnit + " at once",
            x: left + Double(levels) * cellWidth / 2,
            y: bottom + 32,
            anchor: "middle",
            cssClass: "unit"
        )
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * cellHeight
            if cellHeight >= 10 && (rows.count <= 40 || index % 5 == 0) {
                svg += geometry.text(
                    row.label,
                    x: left - 8,
                    y: y + cellHeight - 4,
                    anchor: "end",
                    cssClass: rows.count > 40 ? "tick small" : "tick"
                )
            }
            for level in 0..<levels {
                let share = level < row.shares.count ? row.shares[level] : 0
                let x = left + Double(level) * cellWidth
                svg +=
                    "<rect class=\"cell\" x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\" width=\"\(Format.coordinate(cellWidth - 1))\" "
                svg += "height=\"\(Format.coordinate(cellHeight - 1))\" fill-opacity=\"\(Format.decimal(0.06 + 0.94 * share, 3))\">"
                svg += "<title>\(Format.escape("\(row.label): \(level) \(columnUnit) \(Format.percent(share)) of the time"))</title></rect>"
                if rows.count <= 40 && share > 0 {
                    svg += geometry.text(
                        Format.percent(share),
                        x: x + cellWidth / 2,
                        y: y + cellHeight - 6,
                        anchor: "middle",
                        cssClass: share > 0.5 ? "cell-label dark" : "cell-label"
                    )
                }
            }
            if row.capacity < levels {
                let x = left + Double(row.capacity) * cellWidth
                svg +=
                    "<rect class=\"capacity\" x=\"\(Format.coordinate(x))\" y=\"\(Format.coordinate(y))\" width=\"\(Format.coordinate(cellWidth - 1))\" "
                svg += "height=\"\(Format.coordinate(cellHeight - 1))\"/>"
            }
        }
        return svg + "</svg>"
    }
}

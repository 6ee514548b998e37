/// The report's inline style sheet: system fonts only (no web fonts), colours as custom properties with
/// a dark variant (`prefers-color-scheme`) and a print variant (white paper, no page breaks inside a
/// chart). The series palette follows Okabe and Ito's colour-blind-safe set.
enum ReportStyle {
    static let css = """
        :root {
          --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --grid: #d8dee4; --axis: #8c959f; --card: #f6f8fa;
          --border: #d0d7de; --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --cell: #0072b2;
          --s0: #0072b2; --s1: #d55e00; --s2: #009e73; --s3: #cc79a7; --s4: #e69f00; --s5: #56b4e9;
          --s6: #7f6a00; --s7: #6e7781;
        }
        @media screen and (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --grid: #30363d; --axis: #6e7681; --card: #161b22;
            --border: #30363d; --pass: #3fb950; --fail: #f85149; --warn: #d29922; --cell: #58a6ff;
            --s0: #58a6ff; --s1: #ff8a4c; --s2: #3fcf9f; --s3: #e59bd0; --s4: #f5b83d; --s5: #9fd8f7;
            --s6: #d8c15a; --s7: #b1bac4;
          }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 48px; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--border); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 20px 0 4px; }
        p.lead, p.note, figcaption { color: var(--muted); }
        p.note, figcaption { font-size: 13px; margin: 4px 0; }
        .badge { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; font-size: 13px;
          border: 1px solid currentColor; }
        .pass { color: var(--pass); } .fail { color: var(--fail); } .warn { color: var(--warn); }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 12px 0; }
        .card { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: 8px 10px; }
        .card .label { color: var(--muted); font-size: 12px; }
        .card .value { font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-variant-numeric: tabular-nums; font-size: 13px; }
        table.meta { width: auto; min-width: 60%; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; }
        th, td { border-bottom: 1px solid var(--border); padding: 3px 6px; text-align: right; white-space: nowrap; }
        thead th { white-space: normal; vertical-align: bottom; }
        th:first-child, td:first-child { text-align: left; }
        td.text { text-align: left; white-space: normal; }
        thead th { color: var(--muted); font-weight: 600; font-size: 12px; }
        .scroll { overflow-x: auto; }
        figure { margin: 16px 0; }
        .chart-title { font-weight: 600; font-size: 14px; margin-bottom: 2px; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg text { fill: var(--fg); font-size: 12px; }
        svg .tick, svg .unit { fill: var(--muted); }
        svg .small { font-size: 9px; }
        svg .zone { font-style: italic; }
        svg .grid { stroke: var(--grid); stroke-width: 1; }
        svg .axis { stroke: var(--axis); stroke-width: 1; }
        svg .line { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
        svg .dash { stroke-dasharray: 6 3; }
        svg .marker { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 4 3; }
        svg .marker-label { fill: var(--fail); font-weight: 600; }
        svg .cell { fill: var(--cell); }
        svg .cell-label { font-size: 11px; }
        svg .cell-label.dark { fill: #ffffff; }
        svg .capacity { fill: none; stroke: var(--fail); stroke-width: 2; }
        svg .bar-label { font-size: 11px; }
        .s0 { stroke: var(--s0); } .s1 { stroke: var(--s1); } .s2 { stroke: var(--s2); } .s3 { stroke: var(--s3); }
        .s4 { stroke: var(--s4); } .s5 { stroke: var(--s5); } .s6 { stroke: var(--s6); } .s7 { stroke: var(--s7); }
        rect.bar.s0 { fill: var(--s0); } rect.bar.s1 { fill: var(--s1); } rect.bar.s2 { fill: var(--s2); }
        rect.bar.s3 { fill: var(--s3); } rect.bar.s4 { fill: var(--s4); } rect.bar.s5 { fill: var(--s5); }
        rect.bar.s6 { fill: var(--s6); } rect.bar.s7 { fill: var(--s7); }
        rect.bar { stroke: none; }
        @media print {
          :root { --fg: #000000; --muted: #444c56; --card: #ffffff; }
          main { max-width: none; padding: 0; }
          figure, table, .cards { break-inside: avoid; }
          .scroll { overflow: visible; }
          h2 { break-after: avoid; }
        }
        """
}

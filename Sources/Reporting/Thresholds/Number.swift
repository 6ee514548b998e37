import Foundation

/// Number formats shared by the text, Markdown and XML outputs: short, stable, locale-free.
enum Number {
    /// Up to three decimals, trailing zeros removed: `312.4`, `0.034`, `12`.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A whole number: `12`.
    static func integer(_ value: Double) -> String {
        value.isFinite && abs(value) < 1e18 ? String(Int(value.rounded())) : String(value)
    }

    /// A signed percentage with one decimal: `+12.5%`, `-3.0%`.
    static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return ratio > 0 ? "+∞%" : "n/a" }
        return String(format: "%+.1f%%", ratio * 100)
    }
}

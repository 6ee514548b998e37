import Foundation
import Planning
import Workload

/// Fixed, locale-independent formatting of the plan's outputs (the same plan always gives the same bytes).
enum PlanFormat {
    /// `2025-03-11T14:00:00Z`.
    static func utc(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    /// `2025-03-11 14:00`, UTC.
    static func utcShort(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }

    /// `Tue 16:00`.
    static func local(_ time: LocalTime) -> String {
        time.weekday.rawValue.capitalized + String(format: " %02d:%02d", time.hour, time.minute)
    }

    /// A plain decimal with `digits` decimals, no `-0`.
    static func number(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value > 0 ? "inf" : "" }
        let text = String(format: "%.\(digits)f", value)
        return Double(text) == 0 ? String(format: "%.\(digits)f", 0.0) : text
    }

    /// `84.1%`, or `-` when there is no figure.
    static func percent(_ ratio: Double?) -> String {
        guard let ratio, ratio.isFinite else { return "-" }
        return String(format: "%.1f%%", ratio * 100)
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `80% of chats answered within 30 s, at most 5% abandoning, occupancy at most 85%`.
    static func goals(_ goals: Goals) -> String {
        var parts: [String] = []
        if let level = goals.serviceLevel {
            parts.append("\(percent(level.target)) of chats answered within \(number(level.within, 0)) s")
        }
        if let abandonment = goals.maxAbandonment { parts.append("at most \(percent(abandonment)) abandoning") }
        if let occupancy = goals.maxOccupancy { parts.append("occupancy at most \(percent(occupancy))") }
        return parts.isEmpty ? "no goals" : parts.joined(separator: ", ")
    }
}

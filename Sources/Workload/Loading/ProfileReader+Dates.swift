import Foundation
import Yams

/// Times of day (`"08:30"`), local date-times (`2025-11-28T06:00`), instants
/// (`2025-11-28T00:00:00Z`) and weekdays (`mon-fri`, `[sat, sun]`).
extension ProfileReader {
    /// `HH:MM`; `24:00` only where `allowMidnightEnd` (a shift's end).
    func timeOfDay(_ node: Node, _ path: String, allowMidnightEnd: Bool = false) -> TimeOfDay? {
        guard let text = Self.text(node) else {
            report("expected a time of day such as \"08:30\", found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        guard let time = Self.parseTimeOfDay(text), time.minutes < 1440 || (allowMidnightEnd && time.minutes == 1440)
        else {
            let hint = allowMidnightEnd ? " (HH:MM from 00:00 to 24:00)" : " (HH:MM from 00:00 to 23:59)"
            report("\"\(text)\" is not a time of day" + hint, at: node, path: path)
            return nil
        }
        return time
    }

    /// `HH:MM` with hours 0...24 and minutes 0...59; 24 only with 00 minutes.
    static func parseTimeOfDay(_ text: String) -> TimeOfDay? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0
        else { return nil }
        return TimeOfDay(hour: hour, minute: minute)
    }

    /// `YYYY-MM-DDTHH:MM`, a wall-clock time in the zone given beside it.
    func localDateTime(_ node: Node, _ path: String) -> LocalDateTime? {
        guard let text = Self.text(node), let value = Self.parseLocalDateTime(Substring(text)), text.count == 16 else {
            report("\(Self.describe(node)) is not a local date and time (YYYY-MM-DDTHH:MM, e.g. 2025-11-28T06:00)", at: node, path: path)
            return nil
        }
        return value
    }

    /// `YYYY-MM-DDTHH:MM`, checked against the Gregorian calendar (no 31 April).
    static func parseLocalDateTime(_ text: Substring) -> LocalDateTime? {
        let characters = Array(text.prefix(16))
        guard characters.count == 16, characters[4] == "-", characters[7] == "-", characters[10] == "T" || characters[10] == "t",
            characters[13] == ":"
        else { return nil }
        func field(_ from: Int, _ count: Int) -> Int? {
            let digits = characters[from..<from + count]
            return digits.allSatisfy { $0.isASCII && $0.isNumber } ? Int(String(digits)) : nil
        }
        guard let year = field(0, 4), let month = field(5, 2), let day = field(8, 2), let hour = field(11, 2),
            let minute = field(14, 2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// An ISO 8601 instant with an offset or `Z`: `2025-11-28T00:00Z`, `2025-11-28T06:00:00+05:30`.
    func instant(_ node: Node, _ path: String) -> Date? {
        guard let text = Self.text(node), let date = Self.parseInstant(text) else {
            report(
                "\(Self.describe(node)) is not an instant; write a date and time with an offset or Z, e.g. 2025-11-28T00:00:00Z or 2025-11-28T09:00:00+05:30",
                at: node,
                path: path
            )
            return nil
        }
        return date
    }

    static func parseInstant(_ text: String) -> Date? {
        let text = Substring(text)
        guard let local = parseLocalDateTime(text) else { return nil }
        var rest = text.dropFirst(16)
        var seconds = 0.0
        if rest.first == ":" {
            let digits = rest.dropFirst().prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            guard digits.count >= 2, digits.prefix(2).allSatisfy(\.isNumber), digits.count == 2 || digits.dropFirst(2).first == ".",
                let value = Double(digits), value < 60
            else { return nil }
            seconds = value
            rest = rest.dropFirst(1 + digits.count)
        }
        var offset = 0
        if rest == "Z" || rest == "z" {
            offset = 0
        } else {
            let characters = Array(rest)
            guard characters.count == 6, characters[0] == "+" || characters[0] == "-", characters[3] == ":",
                let hours = Int(String(characters[1...2])), let minutes = Int(String(characters[4...5])),
                characters[1...2].allSatisfy(\.isNumber), characters[4...5].allSatisfy(\.isNumber), hours <= 18, minutes < 60
            else { return nil }
            offset = (hours * 3600 + minutes * 60) * (characters[0] == "-" ? -1 : 1)
        }
        let days = daysSinceEpoch(year: local.year, month: local.month, day: local.day)
        let utc = Double(days * 86400 + local.hour * 3600 + local.minute * 60 - offset) + seconds
        return Date(timeIntervalSince1970: utc)
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    // MARK: Weekdays

    /// `mon-fri`, `sat`, or a list of days and ranges: `[mon, wed-fri]`. Ranges may wrap (`fri-mon`).
    func weekdays(_ node: Node, _ path: String) -> [Weekday]? {
        if case .sequence = node {
            guard let parts = items(node, path, nonEmpty: true, weekdayRange) else { return nil }
            return Set(parts.flatMap { $0 }).sorted()
        }
        return weekdayRange(node, path)?.sorted()
    }

    private func weekdayRange(_ node: Node, _ path: String) -> [Weekday]? {
        let names = Weekday.allCases.map(\.rawValue)
        guard let text = Self.text(node) else {
            report("expected days such as mon-fri or [sat, sun], found \(Self.describe(node))", at: node, path: path)
            return nil
        }
        let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let days = ends.compactMap { Weekday(rawValue: $0) }
        guard days.count == ends.count, (1...2).contains(days.count) else {
            var message = "\"\(text)\" is not a day or range of days (mon, tue, wed, thu, fri, sat, sun; e.g. mon-fri)"
            if let bad = ends.first(where: { Weekday(rawValue: $0) == nil }), let suggestion = Suggestion.closest(to: bad, among: names) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            report(message, at: node, path: path)
            return nil
        }
        let all = Weekday.allCases
        let first = all.firstIndex(of: days[0])!
        let last = all.firstIndex(of: days[days.count - 1])!
        let length = (last - first + 7) % 7 + 1
        return (0..<length).map { all[(first + $0) % 7] }
    }
}

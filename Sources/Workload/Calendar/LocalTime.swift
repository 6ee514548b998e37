/// A simulated instant as a wall clock in one time zone shows it.
public struct LocalTime: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    /// Whole seconds within the minute.
    public var second: Int
    public var weekday: Weekday
    /// Local time minus UTC, in seconds (−18000 for New York in winter, 19800 for Kolkata).
    public var utcOffset: Int

    /// The date and time without seconds and zone, as events are written.
    public var dateTime: LocalDateTime {
        LocalDateTime(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    /// ISO 8601 with the offset: `2026-03-08T03:15:00-04:00`.
    public var description: String {
        let sign = utcOffset < 0 ? "-" : "+"
        let offsetMinutes = abs(utcOffset) / 60
        return "\(year)-\(Self.two(month))-\(Self.two(day))T\(Self.two(hour)):\(Self.two(minute)):\(Self.two(second))"
            + "\(sign)\(Self.two(offsetMinutes / 60)):\(Self.two(offsetMinutes % 60))"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Proleptic Gregorian day arithmetic on days since 1970-01-01, without Foundation: the conversions the rate
/// and schedule evaluate over and over.
enum CivilDays {
    static let secondsPerDay = 86_400.0

    /// Days since 1970-01-01 of a date (month and day may overflow; they roll into the next month or year).
    static func days(year: Int, month: Int, day: Int) -> Int {
        // Count from 1 March so that the leap day is the last day of the counted year.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (inverse of ``days(year:month:day:)``).
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Index into `Weekday.allCases` (Monday = 0) of a day number; 1970-01-01 was a Thursday.
    @inline(__always)
    static func weekdayIndex(days: Int) -> Int {
        let index = (days + 3) % 7
        return index < 0 ? index + 7 : index
    }
}

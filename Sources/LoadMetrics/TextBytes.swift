import Foundation

/// Text assembled as UTF-8 bytes, for the long number lists of `run.json`'s series and `timeseries.csv`: integers
/// are formatted digit by digit and UTC timestamps field by field, straight into one buffer. A simulated day is
/// 86,400 rows; building them from `String(value)` pieces and `Date.ISO8601FormatStyle` allocated a string per
/// number and took longer than simulating the day (perf). Foundation has no allocation-free number or date
/// formatting to call instead, so these few formats are written here.
struct TextBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The text.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    @inline(__always)
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// An integer in decimal, as `String(value)` writes it.
    mutating func append(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        append(magnitude: value.magnitude)
    }

    /// A whole number's digits, `width` of them at least (zero-padded in front).
    mutating func append(magnitude value: UInt, width: Int = 1) {
        var divisor: UInt = 1
        var digits = 1
        while divisor <= value / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(width, digits) { bytes.append(UInt8(ascii: "0")) }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A finite number the shortest way that reads back to the same `Double`; whole numbers below 10¹⁵ without a
    /// fraction.
    mutating func append(number value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            append(Int(value))
        } else {
            append(value.description)
        }
    }

    /// `date` as ISO 8601 in UTC with milliseconds (`2025-06-04T09:30:00.250Z`), exactly as
    /// `Date.ISO8601FormatStyle(includingFractionalSeconds: true)` writes it for years 1 to 9999: the whole
    /// seconds since the reference date rounded down, the fraction of a second cut (not rounded) to milliseconds.
    mutating func appendISO8601(_ date: Date) {
        let sinceReference = date.timeIntervalSinceReferenceDate
        let whole = sinceReference.rounded(.down)
        let millisecond = Int((sinceReference - whole) * 1_000)
        // 2001-01-01 is 978,307,200 s after 1970-01-01.
        let (days, secondOfDay) = Self.floorDivision(Int(whole) + 978_307_200, 86_400)
        let civil = Self.civilDate(daysSinceEpoch: days)
        append(magnitude: UInt(max(civil.year, 0)), width: 4)
        bytes.append(UInt8(ascii: "-"))
        append(magnitude: UInt(civil.month), width: 2)
        bytes.append(UInt8(ascii: "-"))
        append(magnitude: UInt(civil.day), width: 2)
        bytes.append(UInt8(ascii: "T"))
        append(magnitude: UInt(secondOfDay / 3_600), width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(magnitude: UInt(secondOfDay / 60 % 60), width: 2)
        bytes.append(UInt8(ascii: ":"))
        append(magnitude: UInt(secondOfDay % 60), width: 2)
        bytes.append(UInt8(ascii: "."))
        append(magnitude: UInt(millisecond), width: 3)
        bytes.append(UInt8(ascii: "Z"))
    }

    /// Quotient and remainder rounded towards minus infinity (the remainder is never negative).
    static func floorDivision(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    /// The proleptic Gregorian date `days` after 1970-01-01: counted in 400-year eras (146,097 days each) from
    /// 0000-03-01, so that the leap day is the last day of a counted year.
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468  // days from 0000-03-01 to 1970-01-01
        let era = floorDivision(shifted, 146_097)
        let dayOfEra = era.remainder
        // Years of the era: 365 days each, one more every 4th, one fewer every 100th, one more at the 400th.
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        // Months from March: 153 days per 5 months (31, 30, 31, 30, 31).
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = era.quotient * 400 + yearOfEra + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

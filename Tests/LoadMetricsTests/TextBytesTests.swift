import Foundation
import Testing

@testable import LoadMetrics

@Suite struct TextBytesTests {
    /// Integers read as `String(value)` writes them, at the edges and across every digit count.
    @Test func integersAsStringWritesThem() {
        var rng = SplitMix64(state: 5)
        var values = [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.max - 1, Int.min + 1]
        for digits in 1...18 {
            let limit = Int(pow(10, Double(digits)))
            values += [limit - 1, limit, -limit, Int(rng.next() % UInt64(limit)), -Int(rng.next() % UInt64(limit))]
        }
        for value in values {
            var text = TextBytes()
            text.append(value)
            #expect(text.string == String(value))
        }
    }

    /// Numbers as the series writes them: whole ones below 10¹⁵ as integers, others the shortest way that reads
    /// back (`description`).
    @Test func numbersAsTheSeriesWritesThem() {
        func expected(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
        }
        var rng = SplitMix64(state: 6)
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1e15, 1e15 - 1, -1e15 + 1, 1e16, 123.456, 1e-7, .greatestFiniteMagnitude]
        for _ in 0..<2_000 {
            let scale = pow(10, Double(rng.next() % 12))
            values.append((Double(rng.next() % 2_000_000) - 1_000_000) / 1_000 * scale)
        }
        for value in values {
            var text = TextBytes()
            text.append(number: value)
            #expect(text.string == expected(value), "\(value)")
        }
    }

    /// Timestamps as `Date.ISO8601FormatStyle` with fractional seconds writes them in UTC: across leap years,
    /// century years, before 1970, and with fractions of a millisecond (cut, not rounded).
    @Test func timestampsAsISO8601FormatStyleWritesThem() {
        let format = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        var rng = SplitMix64(state: 7)
        var dates = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -0.001), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 4_107_542_400),  // 2100-03-01
            Date(timeIntervalSince1970: 1_749_025_800.25), Date(timeIntervalSince1970: 1_749_025_800.9996),
        ]
        for _ in 0..<20_000 {
            // From about 1700 to 2300, in whole seconds, milliseconds and arbitrary fractions.
            let seconds = Double(Int64(rng.next() % 18_000_000_000) - 8_500_000_000)
            switch rng.next() % 3 {
            case 0: dates.append(Date(timeIntervalSince1970: seconds))
            case 1: dates.append(Date(timeIntervalSince1970: seconds + Double(rng.next() % 1_000) / 1_000))
            default: dates.append(Date(timeIntervalSince1970: seconds + Double(rng.next() % 1_000_000) / 1_000_000))
            }
        }
        for date in dates {
            var text = TextBytes()
            text.appendISO8601(date)
            #expect(text.string == date.formatted(format), "\(date.timeIntervalSince1970)")
        }
    }
}

public import Foundation

/// One IANA time zone's wall clock over a run: converts run seconds (since `calendar.start`) to local time and
/// back, DST-correct.
///
/// The zone's UTC-offset changes inside `cached` are read once from Foundation
/// (`TimeZone.nextDaylightSavingTimeTransition(after:)`); conversions inside that range are then plain arithmetic
/// without a Foundation call or an allocation. Instants outside it fall back to `TimeZone`, correct but slower.
public struct ZoneClock: Sendable {
    public let timeZone: TimeZone
    /// The run's start in seconds since 1970-01-01T00:00Z.
    public let startEpoch: Double
    /// Run seconds whose offsets are cached.
    public let cached: Range<Double>
    /// Run seconds at which the UTC offset changes, ascending, all inside `cached`.
    public let transitions: [Double]
    /// `offsets[i]` holds before `transitions[i]` and from `transitions[i - 1]` on; one more than `transitions`.
    private let offsets: [Int]

    /// Reads the zone's offset changes over `covering` (run seconds) from Foundation.
    public init(timeZone: TimeZone, start: Date, covering: Range<Double>) {
        self.timeZone = timeZone
        self.startEpoch = start.timeIntervalSince1970
        self.cached = covering
        var transitions: [Double] = []
        var offsets = [timeZone.secondsFromGMT(for: start.addingTimeInterval(covering.lowerBound))]
        var cursor = start.addingTimeInterval(covering.lowerBound)
        let end = start.addingTimeInterval(covering.upperBound)
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < end, next > cursor {
            let offset = timeZone.secondsFromGMT(for: next)
            if offset != offsets[offsets.count - 1] {
                transitions.append(next.timeIntervalSince1970 - startEpoch)
                offsets.append(offset)
            }
            cursor = next
        }
        self.transitions = transitions
        self.offsets = offsets
    }

    /// The zone's identifier, e.g. `Europe/Riga`.
    public var identifier: String { timeZone.identifier }

    /// Local time minus UTC at run second `t`, in seconds.
    @inlinable
    public func utcOffset(at t: Double) -> Int {
        guard cached.contains(t) else { return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: startEpoch + t)) }
        return offsetInCache(at: t)
    }

    @usableFromInline
    func offsetInCache(at t: Double) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= t { low = middle + 1 } else { high = middle }
        }
        return offsets[low]
    }

    /// Seconds since 1970-01-01T00:00 on the local wall clock at run second `t` (a local "epoch" time).
    @inlinable
    public func localSeconds(at t: Double) -> Double {
        startEpoch + t + Double(utcOffset(at: t))
    }

    /// The local hour of the week at run second `t`: `weekday × 24 + hour`, Monday 00:00 = 0.
    public func hourOfWeek(at t: Double) -> Int {
        let local = localSeconds(at: t)
        let days = (local / CivilDays.secondsPerDay).rounded(.down)
        let hour = Int((local - days * CivilDays.secondsPerDay) / 3600)
        return CivilDays.weekdayIndex(days: Int(days)) * 24 + min(hour, 23)
    }

    /// The local date and time at run second `t`.
    public func localTime(at t: Double) -> LocalTime {
        let offset = utcOffset(at: t)
        let local = startEpoch + t + Double(offset)
        let days = (local / CivilDays.secondsPerDay).rounded(.down)
        let secondOfDay = min(Int(local - days * CivilDays.secondsPerDay), 86_399)
        let date = CivilDays.date(days: Int(days))
        return LocalTime(
            year: date.year,
            month: date.month,
            day: date.day,
            hour: secondOfDay / 3600,
            minute: secondOfDay / 60 % 60,
            second: secondOfDay % 60,
            weekday: Weekday.allCases[CivilDays.weekdayIndex(days: Int(days))],
            utcOffset: offset
        )
    }

    /// Run second of a local date and time. A time skipped by a spring-forward change is read with the offset
    /// before the change (02:30 on a New York spring-forward night is 03:30 daylight time), a time repeated by a
    /// fall-back change is its first occurrence; Foundation's `Calendar` does the same.
    public func instant(of local: LocalDateTime) -> Double {
        let days = CivilDays.days(year: local.year, month: local.month, day: local.day)
        return instant(localDay: days, minutes: local.hour * 60 + local.minute)
    }

    /// Run second of `minutes` after the start of local day `localDay` (days since 1970-01-01); minutes past 1440
    /// roll into the next days, as wall-clock arithmetic does.
    func instant(localDay: Int, minutes: Int) -> Double {
        let wall = Double(localDay) * CivilDays.secondsPerDay + Double(minutes) * 60
        // Offsets a day either side of the wall time bracket at most one change.
        let before = utcOffset(at: wall - CivilDays.secondsPerDay - startEpoch)
        let after = utcOffset(at: wall + CivilDays.secondsPerDay - startEpoch)
        let first = wall - Double(before) - startEpoch
        if utcOffset(at: first) == before { return first }
        let second = wall - Double(after) - startEpoch
        if utcOffset(at: second) == after { return second }
        return first  // skipped wall time: keep the offset before the change
    }

    /// The first offset change after run second `t` inside the cached range, if any.
    public func nextTransition(after t: Double) -> Double? {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle] <= t { low = middle + 1 } else { high = middle }
        }
        return low < transitions.count ? transitions[low] : nil
    }

    /// The local day number (days since 1970-01-01) at run second `t`.
    func localDay(at t: Double) -> Int {
        Int((localSeconds(at: t) / CivilDays.secondsPerDay).rounded(.down))
    }
}

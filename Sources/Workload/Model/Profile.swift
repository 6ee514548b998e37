public import Foundation

/// A traffic profile: who arrives, from where, when, speaking what, and who answers.
///
/// Loaded from YAML (`schemaVersion: 1`) by ``ProfileLoader``; built directly in tests. Times of day and dates
/// of events and shifts are local to the region's or site's IANA time zone; everything else is in seconds.
public struct Profile: Sendable, Hashable {
    public var schemaVersion: Int = 1
    public var name: String
    public var description: String?
    /// Seed of every random choice; `--seed` overrides it. Same profile + same seed = same run.
    public var seed: UInt64 = 1
    public var calendar: CalendarSettings
    public var regions: [Region]
    public var events: [Event] = []
    public var visitors: VisitorBehaviour = .init()
    public var agents: AgentRoster
    public var bots: [Bot] = []
    public var handling: HandlingModel?
    public var routing: RoutingRule = .leastLoaded
    /// `routing.overflowAfter`: seconds a chat waits before agents of its department at sites with `translation`
    /// may take it in another language; nil: the default (``defaultOverflowAfter``). See ``overflowWait``.
    public var overflowAfter: Double?
    /// The server to drive; nil means the built-in reference server.
    public var target: Target?
    /// Pass/fail conditions on the run's metrics (k6 style), in file order.
    public var thresholds: [Threshold] = []
    /// Service goals for capacity planning (`chatstorm plan`); nil when the profile gives none.
    public var goals: Goals?

    public init(name: String, calendar: CalendarSettings, regions: [Region], agents: AgentRoster) {
        self.name = name
        self.calendar = calendar
        self.regions = regions
        self.agents = agents
    }
}

/// The simulated calendar of a run.
public struct CalendarSettings: Sendable, Hashable {
    /// Simulated instant the run starts at.
    public var start: Date
    /// Simulated length of the run, in seconds (see ``longestDuration``).
    public var duration: Double
    /// Simulated seconds per real second (1 = real time).
    public var speed: Double = 1

    /// The longest run `chatstorm run` and `simulate` (and `plan --verify`, `--confirm`) take, from the profile or
    /// `--duration`: 31 days. A run records one row of figures per simulated second, about 1.1 KB each, so a month
    /// takes some 3 GB; a longer span is better run as several. Planning alone has no such limit.
    public static let longestDuration = 31 * 86_400.0

    public init(start: Date, duration: Double, speed: Double = 1) {
        self.start = start
        self.duration = duration
        self.speed = speed
    }
}

/// A market visitors arrive from.
public struct Region: Sendable, Hashable {
    public var name: String
    /// IANA time zone name, e.g. `Asia/Kolkata`.
    public var timeZone: String
    /// Arrivals per hour at the curve's peak (weight 1).
    public var peakPerHour: Double
    public var curve: DiurnalCurve = .preset(.businessDay)
    /// Language → share; shares sum to 1.
    public var languages: [String: Double]
    /// Department → share; shares sum to 1.
    public var departments: [String: Double]
    /// Share of visitors who chatted before and name their previous agent.
    public var returningShare: Double = 0
    /// The website the region's visitors use (for multi-site breakdowns).
    public var site: String?

    public init(name: String, timeZone: String, peakPerHour: Double, languages: [String: Double], departments: [String: Double]) {
        self.name = name
        self.timeZone = timeZone
        self.peakPerHour = peakPerHour
        self.languages = languages
        self.departments = departments
    }
}

/// Relative arrival rate over the local day, peak normalised to 1.
public enum DiurnalCurve: Sendable, Hashable {
    public enum Preset: String, Sendable, Hashable, CaseIterable {
        /// Office hours, peak late morning and early afternoon, quiet at night.
        case businessDay = "business-day"
        /// Low in the day, peak in the evening (consumer shopping).
        case eveningPeak = "evening-peak"
        /// The same rate around the clock.
        case flat
    }

    case preset(Preset)
    /// 24 weights for local hours 0…23, every day.
    case hourly([Double])
    /// 24 weights per weekday; days not listed use `otherDays` (or zero when nil).
    case weekly([Weekday: [Double]], otherDays: [Double]?)
}

public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Foundation's `Calendar` weekday number (Sunday = 1).
    public var gregorianNumber: Int {
        switch self {
        case .sun: 1
        case .mon: 2
        case .tue: 3
        case .wed: 4
        case .thu: 5
        case .fri: 6
        case .sat: 7
        }
    }

    public init?(gregorianNumber: Int) {
        guard let day = Self.allCases.first(where: { $0.gregorianNumber == gregorianNumber }) else { return nil }
        self = day
    }

    public static func < (a: Weekday, b: Weekday) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A wall-clock date and time without a zone (the zone comes from the event or shift).
public struct LocalDateTime: Sendable, Hashable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute))"
    }
}

/// A local time of day, in minutes after midnight (0..<1440; a shift end of 24:00 is 1440).
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }
    public init(hour: Int, minute: Int = 0) { self.minutes = hour * 60 + minute }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { a.minutes < b.minutes }

    public var description: String {
        let h = minutes / 60
        let m = minutes % 60
        return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }
}

/// A window of changed demand: Black Friday, a holiday, an outage surge.
public struct Event: Sendable, Hashable {
    public var name: String
    public var timeZone: String
    public var start: LocalDateTime
    public var end: LocalDateTime
    /// Factor on the arrival rate while the event lasts (0.2 for a holiday, 3 for a sale).
    public var multiplier: Double
    /// Regions it applies to; nil means all.
    public var regions: [String]?

    public init(name: String, timeZone: String, start: LocalDateTime, end: LocalDateTime, multiplier: Double, regions: [String]? = nil) {
        self.name = name
        self.timeZone = timeZone
        self.start = start
        self.end = end
        self.multiplier = multiplier
        self.regions = regions
    }
}

/// Where the load goes.
public struct Target: Sendable, Hashable {
    public enum WireProtocol: String, Sendable, Hashable, CaseIterable {
        case native
    }

    /// `ws://host:port` (the visitor and agent paths are the protocol's).
    public var url: String
    /// The URL's host (without an IPv6 address's brackets) and port; the loader accepts only URLs with both.
    public var host: String { URL(string: url)?.host ?? "" }
    public var port: Int { URL(string: url)?.port ?? 0 }
    public var wireProtocol: WireProtocol = .native
    /// Token agents log in with.
    public var agentToken: String?

    public init(url: String, wireProtocol: WireProtocol = .native, agentToken: String? = nil) {
        self.url = url
        self.wireProtocol = wireProtocol
        self.agentToken = agentToken
    }
}

extension Profile {
    /// The overflow wait when the profile gives none.
    public static let defaultOverflowAfter = 60.0

    /// The routing's overflow wait: ``overflowAfter`` (or ``defaultOverflowAfter``) when some site works with
    /// translation, nil when none does (no overflow).
    public var overflowWait: Double? {
        agents.sites.contains { $0.translation } ? (overflowAfter ?? Self.defaultOverflowAfter) : nil
    }
}

public enum RoutingRule: String, Sendable, Hashable, CaseIterable {
    case leastLoaded = "least-loaded"
    case fillFirst = "fill-first"
}

import Foundation

/// A profile's calendar cannot be built: unknown time zones, a negative duration or rate. Lists every problem at once.
///
/// ``ProfileLoader`` rejects such profiles already; this error is for profiles built in code.
public struct CalendarError: Error, CustomStringConvertible, Sendable, Hashable {
    /// One problem, with the key path of the offending value.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// Where in the profile, e.g. `regions[2].timeZone`.
        public var keyPath: String
        public var message: String

        public var description: String { "\(keyPath): \(message)" }
    }

    /// Every problem found, in profile order.
    public var problems: [Problem]

    public var description: String {
        "the profile's calendar cannot be built:\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// Collects calendar problems while a profile is read.
struct CalendarProblems {
    private(set) var problems: [CalendarError.Problem] = []

    mutating func add(_ keyPath: String, _ message: String) {
        problems.append(.init(keyPath: keyPath, message: message))
    }

    /// The zone named `identifier`, or nil after recording a problem at `keyPath`.
    mutating func zone(_ identifier: String, at keyPath: String) -> TimeZone? {
        guard let zone = TimeZone(identifier: identifier) else {
            add(keyPath, "unknown time zone '\(identifier)'")
            return nil
        }
        return zone
    }

    func check() throws(CalendarError) {
        if !problems.isEmpty { throw CalendarError(problems: problems) }
    }
}

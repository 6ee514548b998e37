import Analytic
import Workload

/// Why a plan cannot be made: the profile's calendar cannot be resolved, the interval is not positive, the
/// profile's demand or handling time is out of the model's reach (an infinite demand, a handling time of zero or
/// infinity), or the chat model cannot be solved for a site and interval.
public struct PlanningError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case calendar(CalendarError)
        case interval(Double)
        case model(site: String, interval: Double, ChatModelError)
        case unsolvable(site: String, interval: Double, demand: Double, perChatRates: [Double])
    }

    private let kind: Kind

    static func calendar(_ error: CalendarError) -> PlanningError { PlanningError(kind: .calendar(error)) }
    static func interval(_ seconds: Double) -> PlanningError { PlanningError(kind: .interval(seconds)) }
    static func model(site: String, interval: Double, _ error: ChatModelError) -> PlanningError {
        PlanningError(kind: .model(site: site, interval: interval, error))
    }
    static func unsolvable(site: String, interval: Double, demand: Double, perChatRates: [Double]) -> PlanningError {
        PlanningError(kind: .unsolvable(site: site, interval: interval, demand: demand, perChatRates: perChatRates))
    }

    public var description: String {
        switch kind {
        case .calendar(let error): error.description
        case .interval(let seconds): "the planning interval must be a positive number of seconds, found \(seconds)"
        case .model(let site, let start, let error):
            "site \(site), interval starting at run second \(Int(start)): the chat model cannot be solved: \(error)"
        case .unsolvable(let site, let start, let demand, let rates):
            "site \(site), interval starting at run second \(Int(start)): the profile gives a demand of \(demand) chats/s and "
                + "per-chat handling rates \(rates) /s; the model needs a finite demand and rates finite and above 0, "
                + "i.e. handling times above 0 and finite (check the profile's peaks, events, think times and message counts)"
        }
    }
}

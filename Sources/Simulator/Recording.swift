import Foundation
import LoadMetrics

/// A recorder call of a simulation as plain data: the event loop writes these into batches and the recorder
/// applies them in the same order (`RunRecorder.apply`), on the simulation's second thread or in line.
///
/// Trivially copyable: names (breakdown keys, agents, error kinds) travel beside the records, in the batch's
/// `names`, and a record holds their places there.
enum Recording {
    case visitorArrived(BreakdownKeys)
    case chatRequested(BreakdownKeys)
    case chatQueued(BreakdownKeys)
    case chatAssigned(BreakdownKeys, waitSeconds: Double)
    case messageSent(BreakdownKeys)
    /// The latency first: after the keys (16 bytes) and the direction it was aligned to byte 24, which made every
    /// record 40 bytes instead of 32 (a record no longer straddles two cache lines, and the day's 20 M records
    /// take a fifth less of the event loop's caches).
    case messageDelivered(latencySeconds: Double, BreakdownKeys, RunRecorder.Direction)
    case firstResponse(BreakdownKeys, afterSeconds: Double)
    case messageRefused(BreakdownKeys)
    case transferred(BreakdownKeys)
    case outcome(RunRecorder.Outcome, BreakdownKeys, wasWaiting: Bool)
    case error(BreakdownKeys, kind: Int32)
    case agentJoined(name: Int32, site: Int32, capacity: Int32, atSeconds: Double, expected: Int32)
    case agentConcurrency(agent: Int32, atSeconds: Double, active: Int32)
    case agentLeft(agent: Int32, atSeconds: Double)
    case agentRejoined(agent: Int32, atSeconds: Double)
    case sample(second: Int32, sessions: Int32, activeChats: Int32, agentsOnline: Int32, atSeconds: Double)
    /// Names interned by the event loop's mirror (`RecorderNames`) with the keys it gave them: the recorder interns
    /// them too and must find the same.
    case keys(region: Int32, language: Int32, department: Int32, expected: BreakdownKeys)
    case site(name: Int32, expected: Int32)
}

/// A batch of records with the names they refer to, handed whole between the event loop and the recorder.
final class RecordingBatch: @unchecked Sendable {
    static let capacity = 4_096

    let records: UnsafeMutablePointer<Recording>
    var count = 0
    var names: [String] = []

    init() {
        records = .allocate(capacity: Self.capacity)
    }

    deinit {
        // Records are trivial: only the memory goes.
        records.deallocate()
    }

    /// Applies the records to `recorder` in order and empties the batch.
    func apply(to recorder: inout RunRecorder) {
        // The names read once: through `self` they were retained and released per record.
        let names = names
        for index in 0..<count { recorder.apply(records[index], names: names) }
        count = 0
        self.names.removeAll(keepingCapacity: true)
    }
}

extension RunRecorder {
    /// Makes the call `recording` stands for.
    mutating func apply(_ recording: Recording, names: borrowing [String]) {
        switch recording {
        case .visitorArrived(let keys): visitorArrived(keys)
        case .chatRequested(let keys): chatRequested(keys)
        case .chatQueued(let keys): chatQueued(keys)
        case .chatAssigned(let keys, let wait): chatAssigned(keys, waitSeconds: wait)
        case .messageSent(let keys): messageSent(keys)
        case .messageDelivered(let latency, let keys, let direction):
            messageDelivered(keys, direction: direction, latencySeconds: latency)
        case .firstResponse(let keys, let delay): firstResponse(keys, afterSeconds: delay)
        case .messageRefused(let keys): messageRefused(keys)
        case .transferred(let keys): transferred(keys)
        case .outcome(let outcome, let keys, let wasWaiting): self.outcome(outcome, keys, wasWaiting: wasWaiting)
        case .error(let keys, let kind): error(keys, kind: names[Int(kind)])
        case .agentJoined(let name, let site, let capacity, let time, let expected):
            let handle = agentJoined(name: names[Int(name)], site: names[Int(site)], capacity: Int(capacity), at: .seconds(time))
            precondition(handle == expected, "the simulation's agent handle differs from the recorder's")
        case .agentConcurrency(let agent, let time, let active):
            agentConcurrency(agent: Int(agent), atSeconds: time, active: Int(active))
        case .agentLeft(let agent, let time): agentLeft(agent: Int(agent), at: .seconds(time))
        case .agentRejoined(let agent, let time): agentRejoined(agent: Int(agent), atSeconds: time)
        case .sample(let second, let sessions, let activeChats, let agentsOnline, let time):
            sample(
                second: Int(second),
                simulatedTime: Date(timeIntervalSinceReferenceDate: time),
                gauges: .init(sessions: Int(sessions), activeChats: Int(activeChats), agentsOnline: Int(agentsOnline))
            )
        case .keys(let region, let language, let department, let expected):
            let keys = keys(region: names[Int(region)], language: names[Int(language)], department: names[Int(department)])
            precondition(keys == expected, "the simulation's breakdown keys differ from the recorder's")
        case .site(let name, let expected):
            // Interned outside the check: a precondition's condition is not evaluated under -Ounchecked.
            let site = site(names[Int(name)])
            precondition(site == expected, "the simulation's site id differs from the recorder's")
        }
    }
}

import ChatRouting
import Workload

/// One scheduled happening of a simulation: a machine's timer, a frame the server delivers to a client, an
/// arrival, a handling completion or the per-second sample. Trivially copyable (no strings, no references), so
/// the event queue moves it with plain loads and stores.
struct SimulationEvent {
    var time: Double
    /// The visitor or agent slot the event is for (unused by run-wide events).
    var target: Int32
    /// The visitor slot's generation when the event was scheduled: a slot reused by a later visitor ignores
    /// events meant for its predecessor.
    var generation: UInt32
    var payload: Payload

    enum Payload {
        /// The next visitor of the arrival plan arrives.
        case arrival
        /// The end of a simulated second: a time-series row.
        case sample
        case visitorTimer(VisitorTimer)
        /// A server frame reaches a visitor.
        case toVisitor(VisitorDelivery)
        case agentTimer(AgentTimer)
        /// A server frame reaches an agent.
        case toAgent(AgentDelivery)
        /// The agent's next chat completes under the handling model, unless the agent's load changed since
        /// (`version` is then stale).
        case handlingDone(version: UInt32)
        /// A disconnected visitor's resume grace ran out (`disconnects` tells which disconnection).
        case graceExpired(disconnects: UInt32)
        /// Once a second when overflow is configured: the routing re-examines waiting queue heads.
        case overflowTick
    }
}

/// A server frame for a visitor, as the simulator models it (no text).
enum VisitorDelivery {
    case queued(chat: ChatID, position: Int32)
    case assigned(chat: ChatID, agent: Int32)
    case bot(resolved: Bool)
    case offline(ticket: UInt64)
    case message(chat: ChatID, sentAt: Double)
    case ended(chat: ChatID, reason: ChatEndReason)
    case invited(invitation: UInt64)
}

/// A server frame for an agent, as the simulator models it (no text).
enum AgentDelivery {
    case assigned(chat: ChatID)
    case message(chat: ChatID, sentAt: Double)
    case ended(chat: ChatID, reason: ChatEndReason)
}

extension ChatEndReason {
    /// The reason a visitor or agent learns from the routing's end reason.
    init(_ end: ChatEnd) {
        switch end {
        case .visitor: self = .visitor
        case .agent: self = .agent
        case .left: self = .left
        case .bot: self = .bot
        case .transferred: self = .transferred
        case .disconnected: self = .disconnected
        }
    }
}

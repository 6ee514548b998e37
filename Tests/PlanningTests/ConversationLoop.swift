import Workload

/// Plays one visitor against one agent with no network delay, chat after chat, and measures how long the agent
/// holds each chat: from the assignment to the visitor ending it (or the agent, after an idle timeout). The behaviour machines themselves decide
/// every step, so the measured mean checks the planner's derivation of the handling time independently.
struct ConversationLoop {
    let behaviour: VisitorBehaviour
    let site: Site
    let language: String
    var rng: SeededGenerator

    /// A pending delivery: to the visitor or to the agent.
    private enum Delivery {
        case visitor(VisitorEvent)
        case agent(AgentEvent)
    }

    /// The handling time of one chat, in seconds.
    mutating func chat(number: UInt64) -> Double {
        var visitor = VisitorMachine(id: "v\(number)", language: language, department: "support", behaviour: behaviour)
        var agent = AgentMachine(id: "a", site: site, shifts: [0..<1e12])
        var pending: [(time: Double, order: Int, delivery: Delivery)] = []
        var order = 0
        func push(_ time: Double, _ delivery: Delivery) {
            order += 1
            pending.append((time, order, delivery))
        }
        push(0, .agent(.started))
        push(0, .visitor(.started))
        push(0, .visitor(.assigned(agent: "a")))
        push(0, .agent(.assigned(AgentAssignment(chat: number, visitor: visitor.id, department: "support", language: language))))
        while let next = pending.indices.min(by: { (pending[$0].time, pending[$0].order) < (pending[$1].time, pending[$1].order) }) {
            let (now, _, delivery) = pending.remove(at: next)
            switch delivery {
            case .visitor(let event):
                for action in visitor.handle(event, now: now, using: &rng) {
                    switch action {
                    case .wake(let at, let timer): push(at, .visitor(.timer(timer)))
                    case .sendMessage: push(now, .agent(.messageReceived(chat: number)))
                    case .endChat: return now
                    default: break
                    }
                }
            case .agent(let event):
                for action in agent.handle(event, now: now, using: &rng) {
                    switch action {
                    case .wake(let at, let timer): push(at, .agent(.timer(timer)))
                    case .sendMessage: push(now, .visitor(.messageReceived))
                    case .endChat: return now  // the visitor stayed silent past the agent's idle timeout
                    default: break
                    }
                }
            }
        }
        return .nan
    }
}

import ChatRouting
import Workload

// The profile's handling model: chats end after a handling time that depends on the agent's concurrency.
//
// Each chat carries an amount of work, drawn from the first entry and divided by its mean (so 1 on average).
// While its agent holds k chats, every chat of that agent progresses at 1 / mean(entry k − 1) per second (the
// last entry for higher k). A chat alone with its agent therefore takes exactly the first entry's
// distribution; with exponential entries the completions form the Markov chat model (per-chat rate μ_k with k
// chats), memoryless, whatever the order of changes.
extension Simulation {
    /// Work of a new chat; zero without a handling model.
    mutating func handlingWork(agent index: Int) -> Double {
        guard let handling else { return 0 }
        let first = handling.byConcurrency[0]
        let mean = first.mean
        guard mean > 0 else { return 0 }
        return max(0, first.sample(using: &agents[index].rng)) / mean
    }

    /// Progress per second of each chat of an agent holding `load` chats (`mutating` only so that the call does
    /// not copy the simulation).
    mutating func handlingRate(load: Int) -> Double {
        guard load > 0, !handlingRates.isEmpty else { return 0 }
        return handlingRates[min(load, handlingRates.count) - 1]
    }

    /// Brings the work of the agent's chats up to now, at the rate of its current load.
    mutating func progress(agent index: Int) {
        guard handling != nil else { return }
        let elapsed = now - agents[index].progressedAt
        agents[index].progressedAt = now
        guard elapsed > 0, !agents[index].chats.isEmpty else { return }
        let done = elapsed * handlingRate(load: agents[index].chats.count)
        for slot in agents[index].chats.indices { agents[index].chats[slot].work -= done }
    }

    /// Arms the completion of the agent's chat with the least work left (disowning any earlier one).
    mutating func scheduleCompletion(agent index: Int) {
        guard handling != nil else { return }
        agents[index].handlingVersion &+= 1
        var least = Double.infinity
        for chat in agents[index].chats where chat.work < least { least = chat.work }
        guard least.isFinite else { return }
        let rate = handlingRate(load: agents[index].chats.count)
        queue.push(now + max(0, least) / rate, target: Int32(index), .handlingDone(version: agents[index].handlingVersion))
    }

    /// The armed completion came due: the agent ends that chat (it stays counted until the agent sees it end).
    mutating func handlingDone(agent index: Int, version: UInt32) {
        guard handling != nil, version == agents[index].handlingVersion else { return }
        progress(agent: index)
        var best = -1
        for slot in agents[index].chats.indices
        where agents[index].chats[slot].work.isFinite && (best < 0 || agents[index].chats[slot].work < agents[index].chats[best].work) {
            best = slot
        }
        guard best >= 0 else { return }
        let chat = agents[index].chats[best].chat
        agents[index].chats[best].work = .infinity
        let (id, now) = (agents[index].id, now)
        route { (center, actions) throws(RoutingError) in try center.end(chat: chat, by: .agent(id), now: now, into: &actions) }
        scheduleCompletion(agent: index)
    }
}

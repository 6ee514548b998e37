import ArgumentParser
import ChatRouting
import Foundation
import Workload

/// `chatstorm bench routing`: the reference server's routing alone (`ContactCenter`), on the calls an Erlang C
/// customer makes in a simulation: hello, request, the chat's end, goodbye. It is the floor under every
/// simulated customer, since the simulator routes through the same code as the server.
struct RoutingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routing",
        abstract: "Time the routing alone on a stream of one-chat customers (build with -c release).",
        discussion: """
            Agents of capacity 1 serve one department in one language; each customer says hello, requests a \
            chat and is assigned at once, and the oldest chat in progress ends (its customer then leaves) \
            whenever --busy chats are in progress, so no chat ever waits. That is the least routing work a \
            customer of Profiles/erlang-c.yaml causes: a chat that waits also enters and leaves a queue. No \
            events, machines or recording: only the routing's calls, with their actions collected into a \
            reused buffer as the simulator collects them.
            """
    )

    @Option(help: "Customers per measurement.")
    var customers = 86_400

    @Option(help: "Agents logged in (capacity 1 each).")
    var agents = 10

    @Option(help: "Chats in progress before the oldest ends; at most --agents.")
    var busy = 8

    @Option(help: "Repetitions; the fastest is reported.")
    var repetitions = 5

    func validate() throws {
        guard customers > 0 else { throw ValidationError("--customers must be at least 1") }
        guard agents > 0 else { throw ValidationError("--agents must be at least 1") }
        guard (1...agents).contains(busy) else { throw ValidationError("--busy must be between 1 and --agents (\(agents))") }
        guard repetitions > 0 else { throw ValidationError("--repetitions must be at least 1") }
    }

    func run() throws {
        // The ids are made before the clock starts: the simulator makes each visitor's id at its arrival, outside
        // the routing.
        let ids = (0..<customers).map { "v\($0)" }
        var best = Double.infinity
        var served = 0
        for _ in 0..<repetitions {
            let started = ContinuousClock.now
            served = try Self.serve(ids: ids, agents: agents, busy: busy)
            let elapsed = ContinuousClock.now - started
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        guard served == customers else { throw ValidationError("the routing served \(served) of \(customers) customers") }
        print("routing            \(agents) agents of capacity 1, \(busy) chats in progress, \(customers) customers")
        print("wall time          \(String(format: "%.1f", best * 1e3)) ms (fastest of \(repetitions))")
        print(
            "per customer       \(String(format: "%.0f", best / Double(customers) * 1e9)) ns "
                + "(hello, request and assignment, end, goodbye)"
        )
    }

    /// Routes every customer of `ids` through a new contact centre; returns how many chats were assigned.
    static func serve(ids: [String], agents: Int, busy: Int) throws -> Int {
        var center = ContactCenter()
        for index in 0..<agents {
            let profile = AgentProfile(id: "agent-\(index)", languages: ["en"], departments: ["support"], capacity: 1)
            _ = try center.agentLoggedIn(profile, now: 0)
        }
        let queue = center.queue(department: "support", language: "en")
        var rng = SeededGenerator(seed: 1)
        var actions: [RoutingAction] = []
        actions.reserveCapacity(16)
        // The chats in progress, oldest first, as a ring.
        var ring = [(chat: ChatID, agent: String, visitor: VisitorHandle)?](repeating: nil, count: busy)
        var oldest = 0
        var inProgress = 0
        var assigned = 0
        for (index, id) in ids.enumerated() {
            let now = Double(index)
            if inProgress == busy, let chat = ring[oldest] {
                actions.removeAll(keepingCapacity: true)
                try center.end(chat: chat.chat, by: .agent(chat.agent), now: now, into: &actions)
                _ = center.visitorLeft(chat.visitor, now: now)
                ring[oldest] = nil
                oldest = (oldest + 1) % busy
                inProgress -= 1
            }
            let visitor = center.visitorArrived(
                VisitorProfile(id: id, language: "en", region: "everywhere"),
                findable: false,
                language: queue.language
            )
            actions.removeAll(keepingCapacity: true)
            try center.request(visitor: visitor, queue: queue, now: now, using: &rng, into: &actions)
            guard case .assigned(let chat, _, let agent, _, _, _) = actions.first else {
                throw ValidationError("customer \(index) was not assigned at once: \(actions)")
            }
            ring[(oldest + inProgress) % busy] = (chat, agent, visitor)
            inProgress += 1
            assigned += 1
        }
        return assigned
    }
}

import Workload

/// A binary min-heap of scheduled deliveries, by time, then by scheduling order (FIFO among equal times).
struct EventHeap {
    enum Target: Equatable {
        case visitor(Int)
        case agent(Int)
    }

    struct Entry {
        var time: Double
        var order: Int
        var target: Target
        var visitorEvent: VisitorEvent?
        var agentEvent: AgentEvent?
    }

    private var items: [Entry] = []
    private var counter = 0

    var isEmpty: Bool { items.isEmpty }

    private func before(_ a: Entry, _ b: Entry) -> Bool { (a.time, a.order) < (b.time, b.order) }

    mutating func push(_ time: Double, visitor: Int, _ event: VisitorEvent) {
        insert(Entry(time: time, order: counter, target: .visitor(visitor), visitorEvent: event))
    }

    mutating func push(_ time: Double, agent: Int, _ event: AgentEvent) {
        insert(Entry(time: time, order: counter, target: .agent(agent), agentEvent: event))
    }

    private mutating func insert(_ entry: Entry) {
        counter += 1
        items.append(entry)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard before(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Entry? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, before(items[left], items[smallest]) { smallest = left }
            if right < items.count, before(items[right], items[smallest]) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}

/// Visitors and agents played against each other through a trivial fake server: it assigns a chat at once to
/// the least-loaded online agent with room, queues it otherwise, and gives a ticket when no agent is online.
/// One department may have a bot. Every frame takes `latency` seconds.
struct VisitorAgentLoop {
    struct Chat {
        var visitor: Int
        var agent: Int?
        var department: String
        var transferred = false
    }

    struct Session {
        var loggedIn = false
        var online = false
        var chats: [UInt64] = []
    }

    var visitors: [VisitorMachine]
    var agents: [AgentMachine]
    var bots: [String: Double] = [:]
    var latency = 0.05
    var rng: SeededGenerator
    var heap = EventHeap()
    var now = 0.0

    var sessions: [Session]
    var chats: [UInt64: Chat] = [:]
    var visitorChat: [Int: UInt64] = [:]
    var waiting: [UInt64] = []
    var nextChat: UInt64 = 1

    // What the checks look at.
    var outcomes: [[VisitorOutcome]]
    var agentsFinished: [Int] = []
    var problems: [String] = []
    var events = 0
    /// Visitor timers that fired while not armed (checked to change nothing).
    var unarmedTimers = 0
    var visitorMessagesRelayed = 0
    var agentMessagesRelayed = 0
    var transfers = 0
    var invitations = 0

    init(visitors: [(at: Double, machine: VisitorMachine)], agents: [AgentMachine], seed: UInt64) {
        self.visitors = visitors.map(\.machine)
        self.agents = agents
        self.rng = SeededGenerator(seed: seed)
        self.sessions = Array(repeating: Session(), count: agents.count)
        self.outcomes = Array(repeating: [], count: visitors.count)
        for (index, visitor) in visitors.enumerated() { heap.push(visitor.at, visitor: index, .started) }
        for index in agents.indices { heap.push(0, agent: index, .started) }
    }

    mutating func run() {
        while let entry = heap.pop() {
            if entry.time < now { problems.append("time went backwards") }
            now = entry.time
            events += 1
            switch entry.target {
            case .visitor(let index):
                let event = entry.visitorEvent!
                // A timer the machine says is not armed must change nothing: the simulator drops such timers unseen.
                var unarmed = false
                if case .timer(let timer) = event { unarmed = !visitors[index].isArmed(timer) }
                let (phase, generatorBefore) = (visitors[index].phase, rng)
                let actions = visitors[index].handle(event, now: now, using: &rng)
                if unarmed {
                    unarmedTimers += 1
                    var before = generatorBefore
                    var after = rng
                    if !actions.isEmpty || visitors[index].phase != phase || before.next() != after.next() {
                        problems.append("visitor \(index): a timer that was not armed acted at \(now)")
                    }
                }
                for action in actions { perform(action, visitor: index) }
            case .agent(let index):
                let actions = agents[index].handle(entry.agentEvent!, now: now, using: &rng)
                for action in actions { perform(action, agent: index) }
            }
        }
    }

    // MARK: Visitors

    mutating func perform(_ action: VisitorAction, visitor: Int) {
        switch action {
        case .connect, .reconnect, .disconnect, .typing, .survey, .answerInvitation:
            break
        case .pageView(_, let pages, _):
            if pages == 2 {
                invitations += 1
                heap.push(now + latency, visitor: visitor, .invited(invitation: UInt64(visitor)))
            }
        case .request:
            request(visitor: visitor, department: visitors[visitor].department)
        case .sendMessage:
            guard let id = visitorChat[visitor], let agent = chats[id]?.agent else { return }
            visitorMessagesRelayed += 1
            heap.push(now + latency, agent: agent, .messageReceived(chat: id))
        case .leave:
            guard let id = visitorChat.removeValue(forKey: visitor) else { return }
            waiting.removeAll { $0 == id }
            chats[id] = nil
        case .endChat:
            guard let id = visitorChat.removeValue(forKey: visitor) else { return }
            close(id, reasonForAgent: .visitor)
        case .wake(let at, let timer):
            if at < now { problems.append("visitor \(visitor) wakes in the past") }
            heap.push(at, visitor: visitor, .timer(timer))
        case .finished(let outcome):
            outcomes[visitor].append(outcome)
            // A visitor that vanished without a frame (patience ran out offline): the server cleans up.
            if let id = visitorChat.removeValue(forKey: visitor) {
                waiting.removeAll { $0 == id }
                close(id, reasonForAgent: .disconnected)
            }
        }
    }

    mutating func request(visitor: Int, department: String) {
        let id = nextChat
        nextChat += 1
        if let share = bots[department] {
            let resolved = Double.random(in: 0..<1, using: &rng) < share
            heap.push(now + latency, visitor: visitor, .botAnswered(resolved: resolved))
            if resolved {
                heap.push(now + latency, visitor: visitor, .ended(.bot))
                return
            }
        }
        guard sessions.contains(where: \.online) else {
            heap.push(now + latency, visitor: visitor, .offline(ticket: id))
            return
        }
        chats[id] = Chat(visitor: visitor, department: department)
        visitorChat[visitor] = id
        waiting.append(id)
        drain()
        if let position = waiting.firstIndex(of: id) {
            heap.push(now + latency, visitor: visitor, .queued(position: position + 1))
        }
    }

    /// Ends a chat on the server: frees its agent and tells it.
    mutating func close(_ id: UInt64, reasonForAgent reason: ChatEndReason) {
        guard let chat = chats.removeValue(forKey: id) else { return }
        if let agent = chat.agent {
            sessions[agent].chats.removeAll { $0 == id }
            heap.push(now + latency, agent: agent, .chatEnded(chat: id, reason: reason))
            drain()
        }
    }

    // MARK: Agents

    mutating func perform(_ action: AgentAction, agent: Int) {
        switch action {
        case .login:
            sessions[agent].loggedIn = true
            sessions[agent].online = true
            drain()
        case .setStatus(let status):
            sessions[agent].online = status == .online
            if status == .online { drain() } else { ticketIfNobodyOnline() }
        case .sendMessage(let id, _, _):
            guard let chat = chats[id], chat.agent == agent else { return }
            agentMessagesRelayed += 1
            heap.push(now + latency, visitor: chat.visitor, .messageReceived)
        case .typing:
            break
        case .transfer(let id, let target):
            guard var chat = chats[id], chat.agent == agent else { return }
            let department = agents[agent].transferDepartment(target)
            transfers += 1
            sessions[agent].chats.removeAll { $0 == id }
            heap.push(now + latency, agent: agent, .chatEnded(chat: id, reason: .transferred))
            chat.agent = nil
            chat.department = department
            chat.transferred = true
            chats[id] = chat
            guard sessions.contains(where: \.online) else {
                chats[id] = nil
                visitorChat[chat.visitor] = nil
                heap.push(now + latency, visitor: chat.visitor, .offline(ticket: id))
                return
            }
            waiting.insert(id, at: 0)
            heap.push(now + latency, visitor: chat.visitor, .queued(position: 1))
            drain()
        case .endChat(let id):
            guard let chat = chats.removeValue(forKey: id), chat.agent == agent else { return }
            sessions[agent].chats.removeAll { $0 == id }
            visitorChat[chat.visitor] = nil
            heap.push(now + latency, visitor: chat.visitor, .ended(.agent))
            drain()
        case .logout:
            if !sessions[agent].chats.isEmpty { problems.append("agent \(agent) logged out with open chats") }
            sessions[agent] = Session()
            ticketIfNobodyOnline()
        case .wake(let at, let timer):
            if at < now { problems.append("agent \(agent) wakes in the past") }
            heap.push(at, agent: agent, .timer(timer))
        case .finished:
            agentsFinished.append(agent)
        }
    }

    /// Assigns waiting chats, oldest first, to the least-loaded online agent with room.
    mutating func drain() {
        while let id = waiting.first {
            let candidates = sessions.indices.filter { sessions[$0].online && sessions[$0].chats.count < agents[$0].capacity }
            guard let agent = candidates.min(by: { sessions[$0].chats.count < sessions[$1].chats.count }) else { return }
            waiting.removeFirst()
            guard var chat = chats[id] else { continue }
            chat.agent = agent
            chats[id] = chat
            sessions[agent].chats.append(id)
            if sessions[agent].chats.count > agents[agent].capacity { problems.append("agent \(agent) over capacity") }
            heap.push(now + latency, visitor: chat.visitor, .assigned(agent: agents[agent].id))
            let assignment = AgentAssignment(
                chat: id,
                visitor: visitors[chat.visitor].id,
                department: chat.department,
                language: visitors[chat.visitor].language,
                transferred: chat.transferred
            )
            heap.push(now + latency, agent: agent, .assigned(assignment))
        }
    }

    /// When no agent is online any more, waiting chats become tickets.
    mutating func ticketIfNobodyOnline() {
        guard !sessions.contains(where: \.online) else { return }
        for id in waiting {
            guard let chat = chats.removeValue(forKey: id) else { continue }
            visitorChat[chat.visitor] = nil
            heap.push(now + latency, visitor: chat.visitor, .offline(ticket: id))
        }
        waiting.removeAll()
    }
}

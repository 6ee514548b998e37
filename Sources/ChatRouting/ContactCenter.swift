/// The contact-centre state machine: queues per department and language, agents with skills and
/// capacity, bots, offline tickets, transfers and invitations.
///
/// A pure value: every mutating method takes the event and the caller's `now` (seconds on any clock
/// that only moves forward) and returns the actions to execute. It never reads a clock, does no IO,
/// and draws randomness only from the generator it is handed, so the reference server and the
/// simulator run the very same routing.
///
/// A thrown ``RoutingError`` leaves the state unchanged.
public struct ContactCenter: Sendable {
    public let configuration: RoutingConfiguration
    public internal(set) var counters = RoutingCounters()
    /// Every ticket created, oldest first.
    public internal(set) var tickets: [Ticket] = []

    var departments = Interner()
    /// The configured bot of each department id (nil: none), filled as `bot(of:)` first sees the ids.
    var departmentBots: [RoutingConfiguration.Bot?] = []
    var languages = Interner()
    /// Agents by slot; a slot is kept across logins. Change them only through ContactCenter+AgentIndex.swift.
    var agents: [AgentState] = []
    var agentSlots: [String: Int] = [:]
    /// The agents by routing profile, with those that have room ordered by the assignment rule.
    var pools: AgentPools
    var visitors = VisitorTable()
    var chats = ChatTable<ChatState>()
    /// The texts that came with requests, by chat, while the chat is open (`ChatState.hasText`): kept apart so
    /// that the chat table holds no strings.
    var requestTexts: [ChatID: String] = [:]
    var queues = ChatQueues()
    var nextChat: ChatID = 1
    var nextTicket: UInt64 = 1
    var nextInvitation: UInt64 = 1
    var logins = 0

    public init(configuration: RoutingConfiguration = .init()) {
        self.configuration = configuration
        self.pools = AgentPools(assignment: configuration.assignment)
    }

    // MARK: Visitors

    /// A visitor said hello. Saying hello again (a reconnect) updates its profile and keeps its chat and handle.
    ///
    /// - Parameter findable: whether calls may name the visitor by its id. A runner that keeps the handle and
    ///   uses only the calls that take it passes false: then nothing hashes the id, and each hello is a new visitor.
    @discardableResult
    public mutating func visitorArrived(_ profile: VisitorProfile, findable: Bool = true) -> VisitorHandle {
        visitorArrived(profile, findable: findable, language: LanguageName(id: languages.id(profile.language)))
    }

    /// ``visitorArrived(_:findable:)`` for a caller that has the routing's name of the visitor's language already
    /// (`QueueName.language` of the visitor's queue): no string hashed per visitor. `language` must name
    /// `profile.language`.
    @discardableResult
    public mutating func visitorArrived(_ profile: VisitorProfile, findable: Bool = true, language name: LanguageName) -> VisitorHandle {
        let language = name.id
        if findable, let handle = visitors.handle(of: profile.id) {
            visitors.setPreviousAgent(profile.previousAgent, of: handle)
            visitors[handle].language = language
            return handle
        }
        return visitors.insert(
            VisitorState(language: language),
            id: profile.id,
            previousAgent: profile.previousAgent,
            findable: findable
        )
    }

    /// A visitor disconnected for good: a queued chat counts as abandoned, an active chat ends (`disconnected`).
    /// Either way the visitor is told too (`left`, `disconnected`): a server that keeps frames for a visitor who
    /// may come back with the same id has the end to give it.
    public mutating func visitorLeft(_ visitor: String, now: Double) -> [RoutingAction] {
        guard let handle = visitors.handle(of: visitor) else { return [] }
        return visitorLeft(handle, now: now)
    }

    /// `visitorLeft(_:now:)` by handle (nothing when the visitor has left already).
    public mutating func visitorLeft(_ visitor: VisitorHandle, now: Double) -> [RoutingAction] {
        guard let (state, id) = visitors.remove(visitor) else { return [] }
        guard let chatID = state.openChat, let chat = chats[chatID] else { return [] }
        var actions: [RoutingAction] = []
        switch chat.phase {
        case .queued:
            actions.append(.ended(chat: chatID, to: .visitor(id), reason: .left))
            removeFromQueue(chat, now: now, into: &actions)
            counters.chatsAbandoned += 1
            closeChat(chatID)
        case .active(let slot):
            actions.append(.ended(chat: chatID, to: .visitor(id), reason: .disconnected))
            actions.append(.ended(chat: chatID, to: .agent(agents[slot].profile.id), reason: .disconnected))
            finish(chatID, agentSlot: slot, now: now, into: &actions)
        }
        return actions
    }

    // MARK: Agents

    /// An agent logged in: it is online and takes waiting chats at once.
    public mutating func agentLoggedIn(_ profile: AgentProfile, now: Double) throws(RoutingError) -> [RoutingAction] {
        guard (1...AgentProfile.mostChats).contains(profile.capacity) else {
            throw RoutingError(.invalidValue, "capacity must be from 1 to \(AgentProfile.mostChats)")
        }
        guard !profile.languages.isEmpty, !profile.departments.isEmpty else {
            throw RoutingError(.invalidValue, "an agent needs at least one language and one department")
        }
        guard profile.languages.count <= AgentProfile.mostLanguages, profile.departments.count <= AgentProfile.mostDepartments else {
            throw RoutingError(
                .invalidValue,
                "an agent has at most \(AgentProfile.mostLanguages) languages and \(AgentProfile.mostDepartments) departments"
            )
        }
        if let slot = agentSlots[profile.id], agents[slot].status != .offline {
            throw RoutingError(.alreadyLoggedIn, "agent \(profile.id) is already logged in")
        }
        let departmentIDs = profile.departments.map { departments.id($0) }
        let languageIDs = profile.languages.map { languages.id($0) }
        let skills = departmentIDs.flatMap { d in languageIDs.map { QueueKey(department: d, language: $0) } }
        logins += 1
        let state = AgentState(
            profile: profile,
            status: .online,
            skills: skills,
            departments: departmentIDs,
            languages: languageIDs,
            lastAssigned: now,
            loginOrder: logins
        )
        let slot = placeAgent(state)
        var actions: [RoutingAction] = []
        drain(agent: slot, now: now, into: &actions)
        return actions
    }

    /// An agent changed its availability.
    public mutating func setAvailability(
        _ availability: Availability,
        agent: String,
        now: Double
    ) throws(RoutingError) -> [RoutingAction] {
        let slot = try loggedInSlot(agent)
        var actions: [RoutingAction] = []
        switch availability {
        case .online:
            setStatus(.online, of: slot)
            drain(agent: slot, now: now, into: &actions)
        case .away:
            setStatus(.away, of: slot)
            requeueChats(of: slot, now: now, into: &actions)
        case .closing:
            setStatus(.closing, of: slot)
            ticketUnservable(agents[slot].skills, now: now, into: &actions)
        }
        return actions
    }

    /// An agent logged out or disconnected: its open chats go back to the head of their queues.
    public mutating func agentLoggedOut(_ agent: String, now: Double) -> [RoutingAction] {
        guard let slot = try? loggedInSlot(agent) else { return [] }
        setStatus(.offline, of: slot)
        var actions: [RoutingAction] = []
        requeueChats(of: slot, now: now, into: &actions)
        return actions
    }

    /// The bot that answers a department's requests first: the configuration's, looked up by name once per
    /// department (a string hash per request before).
    mutating func bot(of department: Int32) -> RoutingConfiguration.Bot? {
        while departmentBots.count <= Int(department) {
            departmentBots.append(configuration.bots[departments[Int32(departmentBots.count)]])
        }
        return departmentBots[Int(department)]
    }

    func loggedInSlot(_ agent: String) throws(RoutingError) -> Int {
        guard let slot = agentSlots[agent], agents[slot].status != .offline else {
            throw RoutingError(.unknownParticipant, "agent \(agent) is not logged in")
        }
        return slot
    }

    /// Puts an agent's chats back at the head of their queues (oldest first), offers them to other agents,
    /// and turns queues nobody can serve any more into tickets.
    private mutating func requeueChats(of slot: Int, now: Double, into actions: inout [RoutingAction]) {
        let open = removeAllChats(of: slot).compactMap { chats[$0] }.sorted { $0.requestedAt > $1.requestedAt }
        var touched: [(key: QueueKey, count: Int)] = []
        for var chat in open {
            chat.phase = .queued
            chat.agentSeq = 0
            chats[chat.id] = chat
            queues.prepend(.init(chat: chat.id, since: chat.requestedAt), to: chat.key)
            counters.chatsRequeued += 1
            if let index = touched.firstIndex(where: { $0.key == chat.key }) {
                touched[index].count += 1
            } else {
                touched.append((chat.key, 1))
            }
        }
        for (key, count) in touched {
            announceRequeued(key, count: count, into: &actions)
            drain(queue: key, now: now, into: &actions)
        }
        ticketUnservable(touched.map(\.key) + agents[slot].skills, now: now, into: &actions)
    }
}

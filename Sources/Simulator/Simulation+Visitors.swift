import ChatRouting
import LoadMetrics
import Workload

// Visitors: arrivals, the machine's actions against the routing, the frames the routing sends back.
extension Simulation {
    mutating func scheduleNextArrival() {
        guard let arrival = arrivals.next(), arrival.time < duration else { return }
        pendingArrival = arrival
        queue.push(arrival.time, .arrival)
    }

    /// The planned visitor arrives: a slot (reused when one is free), the recorder's keys, the machine started.
    mutating func arrive() {
        guard let arrival = pendingArrival else { return }
        pendingArrival = nil
        let mix = mix(of: arrival)
        recording.visitorArrived(mix.keys)
        let rng = seeds.split(arrival.streamKey)
        let index: Int
        if let free = freeVisitors.popLast() {
            index = Int(free)
            let generation = visitors[index].generation &+ 1
            visitors[index] = VisitorSlot(arrival: arrival, behaviour: visitorBehaviour, mix: mix, rng: rng, generation: generation)
        } else {
            index = visitors.count
            visitors.append(VisitorSlot(arrival: arrival, behaviour: visitorBehaviour, mix: mix, rng: rng, generation: 0))
        }
        let id = visitors[index].id
        visitorIndex?[id] = Int32(index)
        visitorHandle(index, .started)
        scheduleNextArrival()
    }

    /// What the visitors of an arrival's region, language and department share: resolved once per pair (the
    /// recorder's keys, three string hashes, and the machine's traits), then read by the pair's number.
    mutating func mix(of arrival: Arrival) -> VisitorMix {
        let region = arrival.regionIndex
        let number = arrival.mix
        if region < mixes.count, number >= 0, number < mixes[region].count, let mix = mixes[region][number] { return mix }
        let mix = VisitorMix(
            keys: recording.keys(region: arrival.regionName, language: arrival.language, department: arrival.department),
            traits: .init(language: arrival.language, department: arrival.department, shared: visitorBehaviour),
            queue: center.queue(department: arrival.department, language: arrival.language)
        )
        guard number >= 0 else { return mix }
        if region >= mixes.count { mixes.append(contentsOf: repeatElement([], count: region + 1 - mixes.count)) }
        if number >= mixes[region].count {
            mixes[region].append(contentsOf: repeatElement(nil, count: number + 1 - mixes[region].count))
        }
        mixes[region][number] = mix
        return mix
    }

    mutating func visitorHandle(_ index: Int, _ event: VisitorEvent) {
        var actions = ActionBuffer<VisitorAction>()
        visitors[index].handle(event, now: now, into: &actions)
        // By index: iterating the buffer would copy it whole first.
        for position in 0..<actions.count {
            guard !visitors[index].finished else { return }
            execute(actions[position], visitor: index)
        }
    }

    mutating func execute(_ action: VisitorAction, visitor index: Int) {
        switch action {
        case .connect, .reconnect:
            connect(index)
        case .pageView(let timeOnSite, let pages, let cartValue):
            guard let visitor = visitors[index].routing else { return }
            if let actions = try? center.pageViewed(visitor: visitor, timeOnSite: timeOnSite, pages: pages, cartValue: cartValue) {
                execute(actions)
            }
        case .answerInvitation(let invitation, let accepted):
            guard let visitor = visitors[index].routing else { return }
            try? center.invitationAnswered(visitor: visitor, invitation: invitation, accepted: accepted)
        case .request:
            request(index)
        case .sendMessage(let seq, _):
            sendMessage(index, seq: seq)
        case .typing:
            break
        case .leave:
            let chat = visitors[index].chat
            guard chat != 0 else { return }
            let (id, now) = (visitors[index].id, now)
            route { (center, actions) throws(RoutingError) in try center.leave(chat: chat, visitor: id, now: now, into: &actions) }
        case .endChat:
            let chat = visitors[index].chat
            guard chat != 0 else { return }
            let (id, now) = (visitors[index].id, now)
            route { (center, actions) throws(RoutingError) in try center.end(chat: chat, by: .visitor(id), now: now, into: &actions) }
        case .survey(let score):
            let chat = visitors[index].lastChat
            if chat != 0, let visitor = visitors[index].routing { try? center.survey(chat: chat, visitor: visitor, score: score) }
        case .disconnect:
            disconnect(index)
        case .wake(let at, let timer):
            // A timer due after the run's end never fires: leaving it out keeps the queue small (a patience of days
            // would otherwise keep one event per visitor in it).
            guard at < duration else { return }
            queue.push(max(at, now), target: Int32(index), generation: visitors[index].generation, .visitorTimer(timer))
        case .finished(let outcome):
            finish(index, outcome)
        }
    }

    /// Hello (again): the routing learns the visitor; frames kept while it was away are delivered now.
    mutating func connect(_ index: Int) {
        guard !visitors[index].connected else { return }
        visitors[index].connected = true
        openSessions += 1
        if visitors[index].disconnects == 0 || visitors[index].forgotten {
            visitors[index].forgotten = false
            // Known to the routing by handle only: no call of the simulator names a visitor by id, so nothing hashes
            // visitor ids (about 10 % of a simulated day when the routing kept its visitors in a dictionary by id).
            visitors[index].routing = center.visitorArrived(
                VisitorProfile(id: visitors[index].id, language: visitors[index].machine.language, region: visitors[index].region),
                findable: false,
                language: visitors[index].queue.language
            )
        }
        let kept = visitors[index].pending
        visitors[index].pending.removeAll()
        for delivery in kept { send(delivery, toVisitor: index) }
    }

    /// The visitor's planned drop: the server keeps its chat for the resume grace.
    mutating func disconnect(_ index: Int) {
        guard visitors[index].connected else { return }
        visitors[index].connected = false
        visitors[index].disconnects += 1
        openSessions -= 1
        queue.push(
            now + configuration.resumeGrace,
            target: Int32(index),
            generation: visitors[index].generation,
            .graceExpired(disconnects: visitors[index].disconnects)
        )
    }

    /// The server forgets the visitor: its chat ends (`disconnected`, `left` if still queued). What was kept for it,
    /// that end included, reaches it if it comes back, as the reference server keeps it (`ChatHub.Forgotten`).
    mutating func graceExpired(_ index: Int, disconnects: UInt32) {
        guard !visitors[index].connected, visitors[index].disconnects == disconnects else { return }
        visitors[index].forgotten = true
        if let visitor = visitors[index].routing { execute(center.visitorLeft(visitor, now: now)) }
    }

    mutating func request(_ index: Int) {
        visitors[index].requestedAt = now
        recording.chatRequested(visitors[index].keys)
        // Not `route`: the new chat is noted before its actions are executed.
        var actions = borrowActionBuffer()
        defer { giveBack(&actions) }
        do throws(RoutingError) {
            guard let visitor = visitors[index].routing else {
                throw RoutingError(.unknownParticipant, "visitor \(visitors[index].id) has not said hello")
            }
            try center.request(visitor: visitor, queue: visitors[index].queue, now: now, using: &routingRNG, into: &actions)
        } catch {
            recording.error(visitors[index].keys, kind: error.kind.rawValue)
            return
        }
        if let chat = actions.first?.chat {
            visitors[index].chat = chat
            visitors[index].chatAgent = -1
            chats[chat] = ChatInfo(visitor: Int32(index), generation: visitors[index].generation)
        }
        execute(actions)
    }

    mutating func sendMessage(_ index: Int, seq: Int) {
        let chat = visitors[index].chat
        guard chat != 0 else { return }
        let keys = visitors[index].keys
        recording.messageSent(keys)
        let agent = visitors[index].chatAgent
        guard let visitor = visitors[index].routing,
            case .some(.some) = try? center.relay(chat: chat, fromVisitor: visitor, seq: UInt64(seq)),
            agent >= 0
        else {
            // Refused: the chat ended on the server before the message got there. It is never received.
            recording.messageRefused(keys)
            return
        }
        send(.message(chat: chat, sentAt: now), toAgent: Int(agent))
    }

    /// The visit is over: its outcome is recorded, the server forgets the visitor, the slot is freed.
    mutating func finish(_ index: Int, _ outcome: VisitorOutcome) {
        let recorded: RunRecorder.Outcome
        switch outcome {
        case .leftAtForm: recorded = .leftAtForm
        case .chatted: recorded = .chatted
        case .abandoned: recorded = .abandoned
        case .offlineTicket: recorded = .offlineTicket
        case .botResolved: recorded = .botResolved
        }
        // Field by field: a copy of the whole slot retained and released everything it holds.
        // Never assigned (abandoned, bot-resolved, an offline ticket): the visitor leaves the queue depth now.
        recording.outcome(recorded, visitors[index].keys, wasWaiting: visitors[index].isWaiting)
        visitors[index].finished = true
        if visitors[index].connected { openSessions -= 1 }
        let id = visitors[index].id
        if !visitors[index].forgotten, let visitor = visitors[index].routing { execute(center.visitorLeft(visitor, now: now)) }
        forget(chat: visitors[index].chat)
        forget(chat: visitors[index].lastChat)
        visitorIndex?[id] = nil
        visitors[index].pending = []
        if visitors[index].messagesOnTheWay == 0 { freeVisitors.append(Int32(index)) }
    }

    /// An agent's message reaches a visitor that has finished (it left as the message was on its way): received,
    /// as live, where the visitor's connection stays open until its end is confirmed. The last one frees the slot.
    mutating func messageReachedFinished(_ index: Int, generation: UInt32, sentAt: Double) {
        assert(visitors[index].generation == generation && visitors[index].messagesOnTheWay > 0, "slot freed under a message")
        recording.messageDelivered(visitors[index].keys, direction: .agentToVisitor, latencySeconds: now - sentAt)
        visitors[index].messagesOnTheWay -= 1
        if visitors[index].messagesOnTheWay == 0 { freeVisitors.append(Int32(index)) }
    }

    /// Drops what the simulator kept about a chat (none for 0).
    mutating func forget(chat: ChatID) {
        guard chat != 0, let info = chats.removeValue(forKey: chat) else { return }
        if info.rerouted { reroutedChats[chat] = nil }
    }
}

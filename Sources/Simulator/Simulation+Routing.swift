import ChatRouting
import LoadMetrics
import Workload

// The routing's actions become deliveries: what the reference server would send as frames.
extension Simulation {
    mutating func execute(_ actions: [RoutingAction]) {
        for action in actions { execute(action) }
    }

    /// Runs a routing call that appends its actions to the simulation's reused buffer, then executes them: no
    /// array is allocated per call (an end per chat). A call that throws was refused: nothing to execute.
    mutating func route(_ call: (inout ContactCenter, inout [RoutingAction]) throws(RoutingError) -> Void) {
        var actions = borrowActionBuffer()
        defer { giveBack(&actions) }
        guard (try? call(&center, &actions)) != nil else { return }
        execute(actions)
    }

    /// The simulation's action buffer, empty, for routing calls that append to it (`giveBack` it after).
    mutating func borrowActionBuffer() -> [RoutingAction] {
        var actions: [RoutingAction] = []
        swap(&actions, &actionBuffer)
        return actions
    }

    /// Empties a borrowed action buffer and keeps it, with its capacity, for the next call.
    mutating func giveBack(_ actions: inout [RoutingAction]) {
        actions.removeAll(keepingCapacity: true)
        swap(&actions, &actionBuffer)
    }

    mutating func execute(_ action: RoutingAction) {
        switch action {
        case .queued(let chat, _, let position, _, _):
            guard let info = chats[chat] else { return }
            send(.queued(chat: chat, position: Int32(clamping: position)), toVisitor: Int(info.visitor), generation: info.generation)
        case .assigned(let chat, _, let agentID, let department, let language, _):
            guard let agent = agentIndex(holding: chat, named: agentID) else { return }
            guard var info = chats[chat] else {
                // The visitor is gone already; the agent still gets the chat (and its end).
                send(.assigned(chat: chat), toAgent: Int(agent))
                return
            }
            info.agent = agent
            let visitor = Int(info.visitor)
            let current = visitors[visitor].generation == info.generation
            if current, visitors[visitor].machine.department == department, visitors[visitor].machine.language == language {
                if info.rerouted { reroutedChats[chat] = nil }
                info.rerouted = false
            } else {
                reroutedChats[chat] = (department, language)
                info.rerouted = true
            }
            chats[chat] = info
            if current { visitors[visitor].chatAgent = agent }
            send(.assigned(chat: chat, agent: agent), toVisitor: Int(info.visitor), generation: info.generation)
            send(.assigned(chat: chat), toAgent: Int(agent))
        case .botAnswered(let chat, _, let resolved):
            guard let info = chats[chat] else { return }
            send(.bot(resolved: resolved), toVisitor: Int(info.visitor), generation: info.generation)
        case .ended(let chat, let participant, let reason):
            switch participant {
            case .visitor:
                guard let info = chats[chat] else { return }
                send(.ended(chat: chat, reason: ChatEndReason(reason)), toVisitor: Int(info.visitor), generation: info.generation)
            case .agent(let agentID):
                guard let agent = agentIndex(endingChat: chat, named: agentID) else { return }
                send(.ended(chat: chat, reason: ChatEndReason(reason)), toAgent: Int(agent))
            }
        case .ticket(let id, let chat, _, _):
            guard let info = chats[chat] else { return }
            send(.offline(ticket: id), toVisitor: Int(info.visitor), generation: info.generation)
        case .invite(let id, let visitor):
            guard let index = visitorIndex?[visitor] else { return }
            send(.invited(invitation: id), toVisitor: Int(index))
        }
    }

    /// The agent the routing just gave `chat`, found by the routing's slot number; by name when the numbers do not
    /// say (they always should: the check costs a string comparison, the name a hash).
    mutating func agentIndex(holding chat: ChatID, named agentID: String) -> Int32? {
        if let slot = center.agentSlot(ofChat: chat), slot < agentBySlot.count {
            let agent = agentBySlot[slot]
            if agent >= 0, agents[Int(agent)].id == agentID { return agent }
        }
        return agentIndex[agentID]
    }

    /// The agent a chat's end goes to: the one it was last assigned to, unless the routing names another.
    mutating func agentIndex(endingChat chat: ChatID, named agentID: String) -> Int32? {
        if let bucket = chats.bucket(of: chat) {
            let agent = chats[bucket: bucket].agent
            if agent >= 0, agents[Int(agent)].id == agentID { return agent }
        }
        return agentIndex[agentID]
    }

    /// Schedules a frame for a visitor after the modelled delay, behind the frames already on their way to it.
    mutating func send(_ delivery: VisitorDelivery, toVisitor index: Int, generation: UInt32? = nil) {
        guard generation == nil || visitors[index].generation == generation, !visitors[index].finished else { return }
        let time = deliveryTime(after: visitors[index].lastDelivery)
        // A machine that has finished is ending the handling under way, whose `finished` action frees the slot
        // before the frame could arrive: it would be dropped on arrival (the echo of a visitor's own end, 3 % of a
        // day's events). The delay is drawn all the same, so the other frames keep their delays.
        guard !visitors[index].machine.isFinished else { return }
        visitors[index].lastDelivery = time
        if case .message = delivery { visitors[index].messagesOnTheWay += 1 }
        queue.push(time, target: Int32(index), generation: visitors[index].generation, .toVisitor(delivery))
    }

    /// Schedules a frame for an agent after the modelled delay, behind the frames already on their way to it.
    mutating func send(_ delivery: AgentDelivery, toAgent index: Int) {
        let time = deliveryTime(after: agents[index].lastDelivery)
        agents[index].lastDelivery = time
        queue.push(time, target: Int32(index), .toAgent(delivery))
    }

    /// A frame reaches a visitor: recorded as the live engine records it, then given to the machine. While
    /// disconnected, the server keeps it for the reconnection.
    mutating func deliver(_ delivery: VisitorDelivery, toVisitor index: Int) {
        if case .message = delivery { visitors[index].messagesOnTheWay -= 1 }
        guard visitors[index].connected else {
            visitors[index].pending.append(delivery)
            return
        }
        switch delivery {
        case .queued(let chat, let position):
            visitors[index].chat = chat
            if !visitors[index].queuedOnce, !visitors[index].assignedOnce {
                visitors[index].queuedOnce = true
                recording.chatQueued(visitors[index].keys)
            }
            visitorHandle(index, .queued(position: Int(position)))
        case .assigned(let chat, let agent):
            visitors[index].chat = chat
            visitors[index].keys.site = agents[Int(agent)].siteKey
            if !visitors[index].assignedOnce, visitors[index].requestedAt >= 0 {
                visitors[index].assignedOnce = true
                recording.chatAssigned(visitors[index].keys, waitSeconds: now - visitors[index].requestedAt)
            }
            visitorHandle(index, .assigned(agent: agents[Int(agent)].id))
        case .bot(let resolved):
            visitorHandle(index, .botAnswered(resolved: resolved))
        case .offline(let ticket):
            visitorHandle(index, .offline(ticket: ticket))
        case .message(_, let sentAt):
            let keys = visitors[index].keys
            recording.messageDelivered(keys, direction: .agentToVisitor, latencySeconds: now - sentAt)
            if !visitors[index].answered, visitors[index].requestedAt >= 0 {
                visitors[index].answered = true
                recording.firstResponse(keys, afterSeconds: now - visitors[index].requestedAt)
            }
            visitorHandle(index, .messageReceived)
        case .ended(let chat, let reason):
            visitors[index].lastChat = chat
            visitors[index].chat = 0
            visitorHandle(index, .ended(reason))
        case .invited(let invitation):
            visitorHandle(index, .invited(invitation: invitation))
        }
    }
}

extension RoutingAction {
    /// The chat the action is about (none for an invitation).
    var chat: ChatID? {
        switch self {
        case .queued(let chat, _, _, _, _): chat
        case .assigned(let chat, _, _, _, _, _): chat
        case .botAnswered(let chat, _, _): chat
        case .ended(let chat, _, _): chat
        case .ticket(_, let chat, _, _): chat
        case .invite: nil
        }
    }
}

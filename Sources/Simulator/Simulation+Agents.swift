import ChatRouting
import LoadMetrics
import Workload

// Agents: shifts, the machine's actions against the routing, the frames the routing sends back.
extension Simulation {
    mutating func agentHandle(_ index: Int, _ event: AgentEvent) {
        var actions = ActionBuffer<AgentAction>()
        agents[index].handle(event, now: now, into: &actions)
        for position in 0..<actions.count { execute(actions[position], agent: index) }
    }

    mutating func execute(_ action: AgentAction, agent index: Int) {
        let id = agents[index].id
        switch action {
        case .login:
            login(index)
        case .setStatus(let status):
            let availability: Availability = status == .closing ? .closing : .online
            if let actions = try? center.setAvailability(availability, agent: id, now: now) { execute(actions) }
        case .sendMessage(let chat, let seq, _):
            agentSends(index, chat: chat, seq: seq)
        case .typing:
            break
        case .transfer(let chat, let target):
            recording.transferred(agents[index].keys(of: chat))
            let department = agents[index].machine.transferDepartment(target)
            if let actions = try? center.transfer(chat: chat, by: id, to: department, now: now) { execute(actions) }
        case .endChat(let chat):
            let now = now
            route { (center, actions) throws(RoutingError) in try center.end(chat: chat, by: .agent(id), now: now, into: &actions) }
        case .logout:
            logout(index)
        case .wake(let at, let timer):
            // Under the handling model the chats end by handling time, not by replies and silences.
            if handling != nil, timer.kind == .reply || timer.kind == .idle { return }
            if timer.kind == .idle, let slot = agents[index].index(of: timer.chat) {
                // Every reply re-arms the chat's idle timer, which nearly never fires: one event per chat stays in
                // the queue and moves on to the latest arming when it comes due (see `agentTimerDue(_:agent:)`).
                agents[index].chats[slot].idleTimer = timer
                agents[index].chats[slot].idleDue = max(at, now)
                if agents[index].chats[slot].idleQueued { return }
                guard at < duration else { return }
                agents[index].chats[slot].idleQueued = true
            }
            // A timer due after the run's end never fires: it stays out of the queue.
            guard at < duration else { return }
            queue.push(max(at, now), target: Int32(index), .agentTimer(timer))
        case .finished:
            break
        }
    }

    /// An agent timer came due; an idle event that is not the chat's latest arming moves on to it.
    mutating func agentTimerDue(_ timer: AgentTimer, agent index: Int) {
        guard timer.kind == .idle, let slot = agents[index].index(of: timer.chat), let latest = agents[index].chats[slot].idleTimer
        else {
            agentHandle(index, .timer(timer))
            return
        }
        if latest.id != timer.id, agents[index].chats[slot].idleDue > now {
            if agents[index].chats[slot].idleDue < duration {
                queue.push(agents[index].chats[slot].idleDue, target: Int32(index), .agentTimer(latest))
            } else {
                agents[index].chats[slot].idleQueued = false
            }
            return
        }
        agents[index].chats[slot].idleQueued = false
        agentHandle(index, .timer(latest))
    }

    mutating func login(_ index: Int) {
        guard !agents[index].online else { return }
        let actions: [RoutingAction]
        do {
            actions = try center.agentLoggedIn(agents[index].profile, now: now)
        } catch {
            recording.error(.none, kind: error.kind.rawValue)
            return
        }
        agents[index].online = true
        if let slot = center.agentSlot(of: agents[index].id) {
            agents[index].routingSlot = slot
            if slot >= agentBySlot.count { agentBySlot.append(contentsOf: repeatElement(-1, count: slot + 1 - agentBySlot.count)) }
            agentBySlot[slot] = Int32(index)
        }
        agentsOnline += 1
        openSessions += 1
        if agents[index].record < 0 {
            let profile = agents[index].profile
            agents[index].record = recording.agentJoined(
                name: profile.id,
                site: profile.site ?? "",
                capacity: profile.capacity,
                atSeconds: now
            )
        } else {
            // The next shift: online at its site again (its capacity with it), observed from now.
            recording.agentRejoined(agent: agents[index].record, atSeconds: now)
        }
        execute(actions)
    }

    /// Logs out: the observation stops, chats the agent has not yet seen go back to their queues.
    mutating func logout(_ index: Int) {
        guard agents[index].online else { return }
        agents[index].online = false
        agentsOnline -= 1
        openSessions -= 1
        if agents[index].record >= 0 { recording.agentLeft(agent: agents[index].record, atSeconds: now) }
        activeChats -= agents[index].chats.count
        agents[index].chats.removeAll(keepingCapacity: true)
        agents[index].handlingVersion &+= 1
        execute(center.agentLoggedOut(agents[index].id, now: now))
    }

    mutating func agentSends(_ index: Int, chat: ChatID, seq: Int) {
        let slot = agents[index].index(of: chat)
        let keys = agents[index].keys(of: chat)
        recording.messageSent(keys)
        guard case .some(.some) = try? center.relay(chat: chat, fromAgentSlot: agents[index].routingSlot, seq: UInt64(seq)),
            let slot
        else {
            // Refused: the chat ended before the message got there (the visitor left or ended it as the agent
            // wrote). Counted as refused, not as an error, as live once the chat's end reaches the agent.
            recording.messageRefused(keys)
            return
        }
        let visitor = Int(agents[index].chats[slot].visitor)
        guard visitor >= 0 else { return }
        send(.message(chat: chat, sentAt: now), toVisitor: visitor, generation: agents[index].chats[slot].generation)
    }

    /// A frame reaches an agent: recorded as the live engine records it, then given to the machine.
    mutating func deliver(_ delivery: AgentDelivery, toAgent index: Int) {
        switch delivery {
        case .assigned(let chat):
            let info = chats[chat]
            var keys = BreakdownKeys.none
            var (visitorID, department, language) = ("", "", "")
            var messageLanguage: MessageLanguage?
            if let info {
                keys = visitors[Int(info.visitor)].keys
                visitorID = visitors[Int(info.visitor)].id
                if info.rerouted, let names = reroutedChats[chat] {
                    (department, language) = names
                } else {
                    (department, language) = (visitors[Int(info.visitor)].machine.department, visitors[Int(info.visitor)].machine.language)
                    messageLanguage = visitors[Int(info.visitor)].machine.messageLanguage
                }
            }
            keys.site = agents[index].siteKey
            if agents[index].online {
                progress(agent: index)
                agents[index].chats.append(
                    .init(
                        chat: chat,
                        visitor: info?.visitor ?? -1,
                        generation: info?.generation ?? .max,
                        keys: keys,
                        work: handlingWork(agent: index)
                    )
                )
                activeChats += 1
                recordConcurrency(index)
                scheduleCompletion(agent: index)
            }
            let assignment = AgentAssignment(
                chat: chat,
                visitor: visitorID,
                department: department,
                language: language,
                messageLanguage: messageLanguage
            )
            agentHandle(index, .assigned(assignment))
        case .message(let chat, let sentAt):
            let keys = agents[index].keys(of: chat)
            recording.messageDelivered(keys, direction: .visitorToAgent, latencySeconds: now - sentAt)
            agentHandle(index, .messageReceived(chat: chat))
        case .ended(let chat, let reason):
            if let slot = agents[index].index(of: chat) {
                progress(agent: index)
                agents[index].chats.remove(at: slot)
                activeChats -= 1
                recordConcurrency(index)
                scheduleCompletion(agent: index)
            }
            agentHandle(index, .chatEnded(chat: chat, reason: reason))
        }
    }

    mutating func recordConcurrency(_ index: Int) {
        guard agents[index].record >= 0 else { return }
        recording.agentConcurrency(agent: agents[index].record, atSeconds: now, active: agents[index].chats.count)
    }
}

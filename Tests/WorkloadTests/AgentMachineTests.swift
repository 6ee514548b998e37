import Testing
import Workload

/// Plays an agent's own timers: remembers every wake it returns and fires the earliest on request.
struct AgentDriver {
    var machine: AgentMachine
    var rng: SeededGenerator
    var now = 0.0
    var timers: [(at: Double, timer: AgentTimer)] = []
    var log: [AgentAction] = []

    init(_ machine: AgentMachine, seed: UInt64 = 1) {
        self.machine = machine
        self.rng = SeededGenerator(seed: seed)
    }

    @discardableResult
    mutating func send(_ event: AgentEvent) -> [AgentAction] {
        let actions = machine.handle(event, now: now, using: &rng)
        for case .wake(let at, let timer) in actions { timers.append((at, timer)) }
        log += actions
        return Array(actions)
    }

    /// Fires the earliest remembered timer (stale ones included: the machine must ignore them).
    @discardableResult
    mutating func fire() -> [AgentAction] {
        guard let index = timers.indices.min(by: { timers[$0].at < timers[$1].at }) else { return [] }
        let (at, timer) = timers.remove(at: index)
        now = max(now, at)
        return send(.timer(timer))
    }

    mutating func assign(_ chat: UInt64, department: String = "sales", transferred: Bool = false) -> [AgentAction] {
        send(.assigned(AgentAssignment(chat: chat, visitor: "v\(chat)", department: department, language: "lv", transferred: transferred)))
    }
}

@Suite("Agent machine: shifts")
struct AgentShiftTests {
    @Test("before its shift the agent waits; at shift start it logs in and arms the shift end")
    func login() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [100..<500]))
        let start = driver.send(.started)
        #expect(start.count == 1 && start.first.map { if case .wake(100, _) = $0 { true } else { false } } == true)
        #expect(driver.machine.phase == .offline)
        let login = driver.fire()
        #expect(login.first == .login && driver.machine.phase == .online)
        #expect(driver.timers.first?.at == 500 && driver.timers.first?.timer.kind == .shiftEnd)
        #expect(driver.send(.started).isEmpty)
    }

    @Test("started in the middle of a shift: logs in at once; a shift already over is skipped")
    func lateStart() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [0..<50, 100..<500]))
        driver.now = 200
        let actions = driver.send(.started)
        #expect(actions.first == .login && actions.count == 2)
        var none = AgentDriver(AgentMachine(id: "b", site: site(), shifts: [0..<50]))
        none.now = 60
        #expect(none.send(.started) == [.finished] && none.machine.phase == .done)
    }

    @Test("shift end without chats: logout, then the next shift, then finished")
    func shiftEdges() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [300..<400, 0..<100]))
        #expect(driver.machine.shifts == [0..<100, 300..<400])
        #expect(driver.send(.started).first == .login, "the first shift starts at once")
        let first = driver.fire()
        #expect(driver.now == 100 && first.first == .logout && driver.machine.phase == .offline)
        #expect(driver.fire() == [.login, .wake(at: 400, timer: driver.timers.last!.timer)] && driver.now == 300)
        #expect(driver.fire() == [.logout, .finished] && driver.now == 400)
        #expect(driver.machine.phase == .done)
        #expect(driver.assign(1).isEmpty, "a finished agent ignores everything")
    }

    @Test("overlapping and touching shifts are merged")
    func merge() {
        let machine = AgentMachine(id: "a", site: site(), shifts: [0..<10, 5..<20, 20..<30, 40..<40, 50..<60])
        #expect(machine.shifts == [0..<30, 50..<60])
    }

    @Test("shift end with open chats: closing, the chats finish, then logout")
    func closing() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [0..<100, 1000..<2000]))
        driver.send(.started)
        _ = driver.assign(1)
        _ = driver.assign(2)
        let replies = driver.timers.filter { $0.timer.kind == .reply }
        driver.timers.removeAll { $0.timer.kind != .shiftEnd }
        let end = driver.fire()
        #expect(end.first == .setStatus(.closing) && driver.machine.phase == .closing)
        #expect(driver.machine.activeChats == 2)
        let reply = driver.send(.timer(replies[0].timer))
        #expect(reply.first.map { if case .sendMessage(1, 1, _) = $0 { true } else { false } } == true, "chats go on while closing")
        #expect(driver.send(.messageReceived(chat: 1)).count == 1)
        #expect(driver.send(.chatEnded(chat: 2, reason: .visitor)).isEmpty)
        #expect(driver.assign(3).count == 1, "a chat assigned before the server learnt the status is taken")
        #expect(driver.send(.chatEnded(chat: 3, reason: .visitor)).isEmpty)
        #expect(driver.send(.chatEnded(chat: 1, reason: .visitor)) == [.logout], "next shift start is already armed")
        #expect(driver.machine.phase == .offline)
        driver.timers.removeAll { $0.timer.kind != .shiftStart }
        #expect(driver.fire().first == .login && driver.now == 1000)
    }

    @Test("the last shift ends with chats: logout and finished when the last one ends")
    func closingLastShift() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [0..<100]))
        driver.send(.started)
        _ = driver.assign(7)
        driver.timers.removeAll { $0.timer.kind != .shiftEnd }
        #expect(driver.fire() == [.setStatus(.closing)])
        #expect(driver.send(.chatEnded(chat: 7, reason: .agent)) == [.logout, .finished])
    }

    @Test("the next shift starts before the chats are finished: back online without a new login")
    func reopen() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [0..<100, 150..<300]))
        driver.send(.started)
        _ = driver.assign(7)
        driver.timers.removeAll { $0.timer.kind == .reply }
        driver.fire()  // shift end
        let reopen = driver.fire()
        #expect(reopen.first == .setStatus(.online) && driver.now == 150 && driver.machine.phase == .online)
        #expect(driver.send(.chatEnded(chat: 7, reason: .visitor)).isEmpty, "online: no logout")
    }
}

@Suite("Agent machine: chats")
struct AgentChatTests {
    func online(_ site: Site = site(), seed: UInt64 = 1) -> AgentDriver {
        var driver = AgentDriver(AgentMachine(id: "a", site: site, shifts: [0..<10_000]), seed: seed)
        driver.send(.started)
        return driver
    }

    @Test("capacity is never exceeded; duplicates and assignments while logged out are refused")
    func capacity() {
        var driver = online(site(maxChats: 2))
        #expect(driver.assign(1).count == 1)
        #expect(driver.assign(2).count == 1)
        #expect(driver.assign(3).isEmpty && driver.assign(1).isEmpty)
        #expect(driver.machine.activeChats == 2 && driver.machine.maxConcurrentChats == 2 && driver.machine.refusedAssignments == 2)
        driver.send(.chatEnded(chat: 1, reason: .visitor))
        #expect(driver.assign(3).count == 1)
        #expect(driver.machine.openChats == [2, 3] && driver.machine.chatsTaken == 3)

        var offline = AgentDriver(AgentMachine(id: "b", site: site(), shifts: [100..<200]))
        offline.send(.started)
        #expect(offline.assign(1).isEmpty && offline.machine.activeChats == 0)
    }

    @Test("replies come after replyTime × performance; the agent speaks first")
    func replyTime() {
        var driver = online(site(replyTime: 10, performance: 1.5))
        driver.now = 20
        let assigned = driver.assign(1)
        #expect(assigned.count == 1)
        guard case .wake(let at, let timer) = assigned[0] else { return }
        #expect(at == 35 && timer.kind == .reply && timer.chat == 1)
        let reply = driver.fire()
        guard case .sendMessage(1, 1, let text) = reply.first else {
            Issue.record("no first reply: \(reply)")
            return
        }
        #expect(text.lead == .greeting && text.body == .answer && text.language == MessageLanguage("lv"))
        #expect(driver.machine.repliesSent == 1)
    }

    @Test("an assignment that brings its phrase bank is answered from it, the language's code not looked up")
    func replyLanguageGiven() {
        var driver = online(site(replyTime: 10, performance: 1))
        let assignment = AgentAssignment(
            chat: 1,
            visitor: "v1",
            department: "sales",
            language: "xx",
            messageLanguage: MessageLanguage("ja")
        )
        _ = driver.send(.assigned(assignment))
        guard case .sendMessage(1, 1, let text) = driver.fire().first else {
            Issue.record("no first reply")
            return
        }
        #expect(text.language == MessageLanguage("ja") && text.language != MessageLanguage("xx"))
    }

    @Test("one pending reply per chat answers every visitor message since the last reply")
    func pendingReply() {
        var driver = online()
        _ = driver.assign(1)
        #expect(driver.send(.messageReceived(chat: 1)).isEmpty, "a reply is already pending")
        #expect(driver.fire().first.map { if case .sendMessage(1, 1, _) = $0 { true } else { false } } == true)
        driver.timers.removeAll()
        driver.now = 50
        let next = driver.send(.messageReceived(chat: 1))
        #expect(next.count == 1)
        #expect(driver.send(.messageReceived(chat: 1)).isEmpty)
        #expect(driver.send(.messageReceived(chat: 99)).isEmpty, "unknown chat")
        #expect(driver.fire().first.map { if case .sendMessage(1, 2, _) = $0 { true } else { false } } == true)
        #expect(driver.machine.messagesReceived == 3 && driver.machine.repliesSent == 2)
    }

    @Test("a silent visitor: the agent ends the chat after the idle timeout")
    func idle() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [0..<10_000], idleTimeout: 120))
        driver.send(.started)
        _ = driver.assign(4)
        let reply = driver.fire()
        #expect(reply.last.map { if case .wake(130, let t) = $0 { t.kind == .idle } else { false } } == true)
        #expect(driver.fire() == [.endChat(chat: 4)])
        #expect(driver.machine.activeChats == 0 && driver.machine.chatsEndedByAgent == 1)
    }

    @Test("a visitor message disowns the idle timer; timers of ended chats are stale")
    func staleTimers() {
        var driver = online()
        _ = driver.assign(1)
        driver.fire()  // reply; idle armed
        let idle = driver.timers.removeLast()
        #expect(idle.timer.kind == .idle)
        driver.send(.messageReceived(chat: 1))
        #expect(driver.send(.timer(idle.timer)).isEmpty)
        driver.send(.chatEnded(chat: 1, reason: .visitor))
        #expect(driver.fire().isEmpty, "the reply timer of an ended chat")
        #expect(driver.send(.timer(AgentTimer(kind: .shiftEnd, id: 9999))).isEmpty)
        #expect(driver.machine.phase == .online)
    }

    @Test("typing indicators precede the reply")
    func typing() {
        var driver = AgentDriver(AgentMachine(id: "a", site: site(), shifts: [0..<100], typingIndicators: true))
        driver.send(.started)
        #expect(driver.assign(1).first == .typing(chat: 1, on: true))
    }

    @Test("with transferShare 1 the first reply is a transfer to another department, once")
    func transfer() {
        var transferring = site()
        transferring.transferShare = 1
        transferring.transferTo = ["sales", "billing"]
        var driver = online(transferring)
        _ = driver.assign(1, department: "sales")
        #expect(driver.fire() == [.transfer(chat: 1, target: 1)])
        #expect(driver.machine.transferDepartment(1) == "billing")
        #expect(driver.machine.activeChats == 0 && driver.machine.transfers == 1)
        #expect(driver.send(.chatEnded(chat: 1, reason: .transferred)).isEmpty)

        _ = driver.assign(2, department: "billing", transferred: true)
        #expect(driver.fire().first.map { if case .sendMessage(2, 1, _) = $0 { true } else { false } } == true)

        var onlySame = site()
        onlySame.transferShare = 1
        onlySame.transferTo = ["sales"]
        var same = online(onlySame)
        _ = same.assign(1, department: "sales")
        #expect(same.fire().first.map { if case .sendMessage = $0 { true } else { false } } == true, "no other department")
    }

    @Test("transfers happen with the transfer share")
    func transferShare() {
        var transferring = site(maxChats: 1)
        transferring.transferShare = 0.3
        transferring.transferTo = ["billing"]
        var driver = online(transferring)
        let n = 5_000
        for chat in 1...n {
            _ = driver.assign(UInt64(chat))
            let first = driver.fire()
            driver.timers.removeAll()
            if driver.machine.activeChats == 1 { driver.send(.chatEnded(chat: UInt64(chat), reason: .visitor)) }
            #expect(first.count >= 1)
        }
        #expect(abs(Double(driver.machine.transfers) / Double(n) - 0.3) < 0.025)
        #expect(driver.machine.chatsTaken == n && driver.machine.maxConcurrentChats == 1)
    }

    @Test("transferring the last chat while closing logs out")
    func transferWhileClosing() {
        var transferring = site()
        transferring.transferShare = 1
        transferring.transferTo = ["billing"]
        var driver = AgentDriver(AgentMachine(id: "a", site: transferring, shifts: [0..<5]))
        driver.send(.started)
        _ = driver.assign(1)
        #expect(driver.fire() == [.setStatus(.closing)])
        #expect(driver.fire() == [.transfer(chat: 1, target: 0), .logout, .finished])
    }
}

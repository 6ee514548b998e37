import Testing

@testable import Workload

@Suite("Visitor machine: arrival, form, queue")
struct VisitorMachineTests {
    func visitor(_ behaviour: VisitorBehaviour = constantBehaviour()) -> VisitorMachine {
        VisitorMachine(id: "v-1", language: "lv", department: "sales", behaviour: behaviour)
    }

    @Test("without browsing or form the visitor connects and requests at once, patience armed")
    func directRequest() throws {
        var driver = VisitorDriver(visitor())
        driver.now = 50
        let actions = driver.send(.started)
        #expect(actions.count == 3)
        #expect(actions[0] == .connect)
        guard case .request(let text) = actions[1] else {
            Issue.record("no request: \(actions)")
            return
        }
        #expect(driver.machine.department == "sales" && driver.machine.language == "lv")
        #expect(text.length == 10 && text.lead == .greeting && text.language == MessageLanguage("lv"))
        let wake = try #require(actions.wake)
        #expect(wake.at == 150 && wake.timer.kind == .patience)
        #expect(driver.machine.phase == .waiting && driver.machine.requestedAt == 50)
        #expect(driver.send(.started).isEmpty, "a second start is ignored")
    }

    @Test("the generic entry point behaves like the one for SeededGenerator")
    func genericEntryPoint() {
        /// Any other generator type goes through the generic `handle`.
        struct Wrapped: RandomNumberGenerator {
            var inner: SeededGenerator
            mutating func next() -> UInt64 { inner.next() }
        }
        var behaviour = VisitorBehaviour()
        behaviour.preChatForm.fields = 2
        var concrete = visitor(behaviour)
        var generic = visitor(behaviour)
        var buffered = visitor(behaviour)
        var a = SeededGenerator(seed: 6)
        var b = Wrapped(inner: SeededGenerator(seed: 6))
        var c = SeededGenerator(seed: 6)
        let events: [VisitorEvent] = [.started, .assigned(agent: "x"), .messageReceived]
        var acted = 0
        for event in events {
            let actions = concrete.handle(event, now: 1, using: &a)
            acted += actions.count
            #expect(actions == generic.handle(event, now: 1, using: &b))
            // The entry point that writes into the caller's buffer (the simulator's) too.
            var into = ActionBuffer<VisitorAction>()
            buffered.handle(event, now: 1, using: &c, into: &into)
            #expect(into == actions)
        }
        #expect(acted > 0)
        var agentA = AgentMachine(id: "a", site: site(), shifts: [0..<10])
        var agentB = agentA
        var agentC = agentA
        let assignment = AgentEvent.assigned(AgentAssignment(chat: 1, visitor: "v", department: "sales", language: "es"))
        for event in [AgentEvent.started, assignment] {
            let actions = agentA.handle(event, now: 1, using: &a)
            #expect(!actions.isEmpty)
            #expect(actions == agentB.handle(event, now: 1, using: &b))
            var into = ActionBuffer<AgentAction>()
            agentC.handle(event, now: 1, using: &c, into: &into)
            #expect(into == actions)
        }
    }

    @Test("patience runs out: leave, then abandoned")
    func patienceExpiry() {
        var driver = VisitorDriver(visitor())
        driver.send(.started)
        driver.send(.queued(position: 4))
        driver.send(.queued(position: 2))
        #expect(driver.machine.queuePosition == 2)
        let actions = driver.fire()
        #expect(Array(actions) == [.leave, .finished(.abandoned)])
        #expect(driver.machine.outcome == .abandoned && driver.machine.isFinished)
        #expect(driver.send(.assigned(agent: "late")).isEmpty, "a finished visitor ignores everything")
    }

    @Test("assigned before patience runs out: the patience timer is stale")
    func assignedBeforeExpiry() {
        var driver = VisitorDriver(visitor())
        driver.send(.started)
        let patience = driver.pending!
        #expect(driver.machine.isArmed(patience.timer))
        driver.now = 30
        #expect(driver.send(.assigned(agent: "anna")).isEmpty, "the visitor waits for the agent to speak first")
        #expect(!driver.machine.isArmed(patience.timer), "answered: the patience timer is disowned")
        #expect(driver.machine.phase == .awaitingReply && driver.machine.assignedAt == 30 && driver.machine.agent == "anna")
        driver.now = patience.at
        #expect(driver.send(.timer(patience.timer)).isEmpty)
        #expect(driver.machine.outcome == nil)
    }

    @Test("timers with a wrong id or of a passed phase are ignored")
    func staleTimers() {
        var driver = VisitorDriver(visitor())
        driver.send(.started)
        let patience = driver.pending!.timer
        for kind in VisitorTimer.Kind.allCases {
            #expect(!driver.machine.isArmed(VisitorTimer(kind: kind, id: patience.id &+ 100)), "\(kind)")
            #expect(driver.send(.timer(VisitorTimer(kind: kind, id: patience.id &+ 100))).isEmpty, "\(kind)")
        }
        #expect(!driver.machine.isArmed(VisitorTimer(kind: .send, id: patience.id)), "right id, wrong kind")
        #expect(driver.send(.timer(VisitorTimer(kind: .send, id: patience.id))).isEmpty, "right id, wrong kind")
        #expect(driver.machine.phase == .waiting)
    }

    @Test("an offline ticket ends the visit")
    func offlineTicket() {
        var driver = VisitorDriver(visitor())
        driver.send(.started)
        #expect(Array(driver.send(.offline(ticket: 9))) == [.finished(.offlineTicket)])
        #expect(driver.fire().isEmpty, "patience after the end is ignored")
    }

    @Test("the bot resolves the request, or escalates it to a human")
    func bot() {
        var resolved = VisitorDriver(visitor())
        resolved.send(.started)
        #expect(Array(resolved.send(.botAnswered(resolved: true))) == [.finished(.botResolved)])
        #expect(resolved.send(.ended(.bot)).isEmpty)

        var endedByBot = VisitorDriver(visitor())
        endedByBot.send(.started)
        #expect(endedByBot.send(.ended(.bot)).outcome == .botResolved)

        var escalated = VisitorDriver(visitor())
        escalated.send(.started)
        #expect(escalated.send(.botAnswered(resolved: false)).isEmpty)
        #expect(escalated.machine.botEscalated && escalated.machine.phase == .waiting)
        escalated.send(.assigned(agent: "anna"))
        #expect(escalated.machine.phase == .awaitingReply)
    }

    @Test("the pre-chat form takes the sum of its field times, then the visitor requests")
    func formTime() throws {
        var behaviour = constantBehaviour()
        behaviour.preChatForm.fields = 4
        behaviour.preChatForm.abandonPerField = 0
        behaviour.preChatForm.timePerField = .constant(6)
        var driver = VisitorDriver(visitor(behaviour))
        driver.now = 10
        let start = driver.send(.started)
        #expect(start.count == 2 && start.wake?.at == 34 && start.wake?.timer.kind == .formDone)
        #expect(driver.machine.phase == .form)
        let request = driver.fire()
        guard case .request = request.first else {
            Issue.record("no request: \(request)")
            return
        }
        #expect(driver.machine.requestedAt == 34)
    }

    @Test("each field adds abandonPerField to the chance of giving up at the form", arguments: [(5, 0.05), (3, 0.2), (2, 0.7)])
    func formAbandonment(fields: Int, perField: Double) {
        var behaviour = constantBehaviour()
        behaviour.preChatForm.fields = fields
        behaviour.preChatForm.abandonPerField = perField
        behaviour.preChatForm.timePerField = .constant(1)
        var rng = SeededGenerator(seed: 21)
        let n = 20_000
        var left = 0
        var leftAtField = [Int](repeating: 0, count: fields + 1)
        for _ in 0..<n {
            var machine = visitor(behaviour)
            let start = machine.handle(.started, now: 0, using: &rng)
            let actions = machine.handle(.timer(start.wake!.timer), now: start.wake!.at, using: &rng)
            if actions.outcome == .leftAtForm {
                left += 1
                leftAtField[Int(start.wake!.at)] += 1
            }
        }
        let expected = min(1, Double(fields) * perField)
        let share = Double(left) / Double(n)
        #expect(abs(share - expected) < 4 * (expected * (1 - expected) / Double(n)).squareRoot() + 1e-9, "share \(share)")
        if expected < 1 {
            // Giving up is spread evenly over the fields.
            for field in 1...fields {
                #expect(abs(Double(leftAtField[field]) / Double(n) - perField) < 0.01, "field \(field)")
            }
        }
    }
}

@Suite("Visitor machine: browsing and invitations")
struct VisitorBrowsingTests {
    func browsingBehaviour(acceptance: Double) -> VisitorBehaviour {
        var behaviour = constantBehaviour()
        var invitation = VisitorBehaviour.Invitation()
        invitation.browsingShare = 1
        invitation.browseTime = .constant(40)
        invitation.pages = .constant(4)
        invitation.cartValue = .constant(25)
        invitation.acceptanceRate = acceptance
        behaviour.invitation = invitation
        return behaviour
    }

    @Test("a browsing visitor views its pages evenly, then asks on its own")
    func pages() {
        var driver = VisitorDriver(
            VisitorMachine(id: "v", language: "en", department: "sales", behaviour: browsingBehaviour(acceptance: 0))
        )
        let start = driver.send(.started)
        #expect(Array(start.prefix(2)) == [.connect, .pageView(timeOnSite: 0, pages: 1, cartValue: 25)])
        #expect(driver.machine.phase == .browsing)
        #expect(driver.fire().first == .pageView(timeOnSite: 10, pages: 2, cartValue: 25))
        #expect(driver.fire().first == .pageView(timeOnSite: 20, pages: 3, cartValue: 25))
        #expect(driver.fire().first == .pageView(timeOnSite: 30, pages: 4, cartValue: 25))
        let end = driver.fire()
        guard case .request = end.first else {
            Issue.record("no request after browsing: \(end)")
            return
        }
        #expect(driver.now == 40 && !driver.machine.invited)
    }

    @Test("an accepted invitation ends browsing at once; the browse timer is stale")
    func accepted() {
        var driver = VisitorDriver(
            VisitorMachine(id: "v", language: "en", department: "sales", behaviour: browsingBehaviour(acceptance: 1))
        )
        driver.send(.started)
        let browse = driver.pending!
        driver.now = 3
        let actions = driver.send(.invited(invitation: 77))
        #expect(actions.first == .answerInvitation(invitation: 77, accepted: true))
        guard case .request = actions[1] else {
            Issue.record("no request after accepting: \(actions)")
            return
        }
        #expect(driver.machine.invited && driver.machine.acceptedInvitation)
        #expect(driver.send(.timer(browse.timer)).isEmpty)
        #expect(driver.send(.invited(invitation: 78)).isEmpty, "one invitation per visitor")
    }

    @Test("a declined invitation: the visitor goes on browsing and asks afterwards")
    func declined() {
        var driver = VisitorDriver(
            VisitorMachine(id: "v", language: "en", department: "sales", behaviour: browsingBehaviour(acceptance: 0))
        )
        driver.send(.started)
        #expect(Array(driver.send(.invited(invitation: 5))) == [.answerInvitation(invitation: 5, accepted: false)])
        #expect(driver.machine.phase == .browsing && !driver.machine.acceptedInvitation)
        for _ in 0..<3 { driver.fire() }
        guard case .request = driver.fire().first else {
            Issue.record("no request after declining")
            return
        }
    }

    @Test("invited visitors accept with the acceptance rate; only the browsing share browses")
    func rates() {
        var behaviour = browsingBehaviour(acceptance: 0.3)
        behaviour.invitation?.browsingShare = 0.6
        var rng = SeededGenerator(seed: 8)
        let n = 20_000
        var browsing = 0
        var accepted = 0
        for i in 0..<n {
            var machine = VisitorMachine(id: "v\(i)", language: "en", department: "sales", behaviour: behaviour)
            _ = machine.handle(.started, now: 0, using: &rng)
            guard machine.phase == .browsing else { continue }
            browsing += 1
            let answer = machine.handle(.invited(invitation: UInt64(i)), now: 1, using: &rng)
            if answer.first == .answerInvitation(invitation: UInt64(i), accepted: true) { accepted += 1 }
        }
        #expect(abs(Double(browsing) / Double(n) - 0.6) < 0.015)
        #expect(abs(Double(accepted) / Double(browsing) - 0.3) < 0.02)
    }

    @Test("invitations outside browsing are ignored")
    func notBrowsing() {
        var driver = VisitorDriver(VisitorMachine(id: "v", language: "en", department: "sales", behaviour: constantBehaviour()))
        #expect(driver.send(.invited(invitation: 1)).isEmpty)
        driver.send(.started)
        #expect(driver.send(.invited(invitation: 1)).isEmpty)
        #expect(!driver.machine.invited)
    }
}

@Suite("Visitor machine: traits of a (language, department) pair")
struct VisitorTraitsTests {
    /// What a machine takes from its pair, resolved once for all visitors of the pair: the language's message
    /// length (or the default), its phrase bank (a regional code uses its language), the department's conversion
    /// (or none); a machine given them acts as one that looks them up.
    @Test func traitsFollowThePair() {
        var behaviour = constantBehaviour()
        behaviour.messageLength = ["pt-BR": .uniform(min: 10, max: 30)]
        behaviour.defaultMessageLength = .constant(25)
        behaviour.conversion = ["sales": 0.5]
        let shared = SharedVisitorBehaviour(behaviour)
        let brazil = VisitorMachine.Traits(language: "pt-BR", department: "sales", shared: shared)
        #expect(brazil.messageLength == .uniform(min: 10, max: 30))
        #expect(brazil.messageLanguage == MessageLanguage("pt"))
        #expect(brazil.conversionProbability == 0.5)
        let other = VisitorMachine.Traits(language: "xx", department: "support", shared: shared)
        #expect(other.messageLength == .constant(25) && other.messageLanguage == MessageLanguage("en"))
        #expect(other.conversionProbability == 0)

        var given = VisitorMachine(id: "v", language: "pt-BR", department: "sales", shared: shared, traits: brazil)
        var looked = VisitorMachine(id: "v", language: "pt-BR", department: "sales", shared: shared)
        var a = SeededGenerator(seed: 8)
        var b = SeededGenerator(seed: 8)
        for event in [VisitorEvent.started, .assigned(agent: "x"), .messageReceived] {
            let actions = given.handle(event, now: 1, using: &a)
            #expect(actions == looked.handle(event, now: 1, using: &b))
        }
    }
}

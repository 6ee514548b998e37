import Testing
import Workload

@Suite("Visitor machine: conversation")
struct VisitorConversationTests {
    /// A visitor assigned at time 0 to agent "anna".
    func assigned(_ behaviour: VisitorBehaviour = constantBehaviour(), typing: Bool = false, seed: UInt64 = 1) -> VisitorDriver {
        var driver = VisitorDriver(
            VisitorMachine(id: "v", language: "hi", department: "sales", behaviour: behaviour, typingIndicators: typing),
            seed: seed
        )
        driver.send(.started)
        driver.send(.assigned(agent: "anna"))
        return driver
    }

    @Test("the conversation alternates: one message per agent message, seq 1…N, then the visitor ends")
    func alternation() throws {
        var driver = assigned()
        #expect(driver.machine.messagesPlanned == 3)
        for seq in 1...3 {
            driver.now += 20
            let reply = driver.send(.messageReceived)
            let wake = try #require(reply.wake)
            #expect(wake.at == driver.now + 10 && wake.timer.kind == .send, "think 5 s + 10 scalars at 2/s")
            #expect(driver.send(.messageReceived).isEmpty, "a second agent message while composing is only counted")
            let sent = driver.fire()
            #expect(sent.sentSeq == seq)
            guard case .sendMessage(_, let text) = sent.first else { return }
            #expect(text.language == MessageLanguage("hi") && text.length == 10)
            #expect(text.lead == (seq == 3 ? .thanks : .question))
            #expect(driver.machine.phase == .awaitingReply)
        }
        driver.now += 20
        let end = driver.send(.messageReceived)
        #expect(Array(end) == [.endChat, .finished(.chatted)])
        #expect(driver.machine.messagesSent == 3 && driver.machine.messagesReceived == 7 && driver.machine.endReason == .visitor)
        #expect(driver.send(.ended(.visitor)).isEmpty)
    }

    @Test("messagesPerChat is rounded and at least 1")
    func messageCount() {
        var behaviour = constantBehaviour()
        behaviour.messagesPerChat = .constant(0.2)
        var driver = assigned(behaviour)
        #expect(driver.machine.messagesPlanned == 1)
        driver.send(.messageReceived)
        #expect(driver.fire().sentSeq == 1)
        #expect(driver.send(.messageReceived).outcome == .chatted)
    }

    @Test("with typing indicators the visitor types after thinking, then sends")
    func typingIndicators() {
        var driver = assigned(typing: true)
        driver.now = 1
        #expect(driver.send(.messageReceived).wake?.at == 6)
        let typing = driver.fire()
        #expect(typing.first == .typing(on: true) && typing.wake?.at == 11 && typing.wake?.timer.kind == .send)
        #expect(driver.fire().sentSeq == 1)
    }

    @Test("the agent ends the chat: the visitor chatted, no end of its own")
    func endedByAgent() {
        var driver = assigned()
        driver.send(.messageReceived)
        let actions = driver.send(.ended(.agent))
        #expect(Array(actions) == [.finished(.chatted)])
        #expect(driver.machine.endReason == .agent)
        #expect(driver.fire().isEmpty, "the compose timer is stale")
    }

    @Test("surveys are answered with the answer rate, scores 1…5; conversions by department")
    func surveyAndConversion() {
        var behaviour = constantBehaviour()
        behaviour.messagesPerChat = .constant(1)
        behaviour.survey.answerRate = 0.4
        behaviour.survey.score = .normal(mean: 4, standardDeviation: 3)
        behaviour.conversion = ["sales": 0.25]
        var rng = SeededGenerator(seed: 4)
        let n = 10_000
        var answered = 0
        var converted = 0
        for _ in 0..<n {
            var machine = VisitorMachine(id: "v", language: "en", department: "sales", behaviour: behaviour)
            _ = machine.handle(.started, now: 0, using: &rng)
            _ = machine.handle(.assigned(agent: "a"), now: 1, using: &rng)
            _ = machine.handle(.ended(.agent), now: 2, using: &rng)
            if let score = machine.surveyScore {
                answered += 1
                #expect((1...5).contains(score))
            }
            if machine.converted { converted += 1 }
            #expect(machine.outcome == .chatted)
        }
        #expect(abs(Double(answered) / Double(n) - 0.4) < 0.02)
        #expect(abs(Double(converted) / Double(n) - 0.25) < 0.02)

        var other = VisitorMachine(id: "v", language: "en", department: "billing", behaviour: behaviour)
        _ = other.handle(.started, now: 0, using: &rng)
        _ = other.handle(.assigned(agent: "a"), now: 1, using: &rng)
        _ = other.handle(.ended(.agent), now: 2, using: &rng)
        #expect(!other.converted, "no conversion probability for billing")
    }

    @Test("the survey action follows the visitor's end of the chat")
    func surveyAction() {
        var behaviour = constantBehaviour()
        behaviour.messagesPerChat = .constant(1)
        behaviour.survey.answerRate = 1
        behaviour.survey.score = .constant(4)
        var driver = assigned(behaviour)
        driver.send(.messageReceived)
        driver.fire()
        #expect(Array(driver.send(.messageReceived)) == [.endChat, .survey(score: 4), .finished(.chatted)])
    }

    @Test("a chat that ended because the visitor was away too long gets no survey; the visitor chatted all the same")
    func noSurveyAfterAForgottenChat() {
        var behaviour = constantBehaviour()
        behaviour.survey.answerRate = 1
        behaviour.survey.score = .constant(4)
        var driver = assigned(behaviour)
        #expect(Array(driver.send(.ended(.disconnected))) == [.finished(.chatted)])
        #expect(driver.machine.surveyScore == nil)
        var ended = assigned(behaviour)
        #expect(Array(ended.send(.ended(.agent))) == [.survey(score: 4), .finished(.chatted)])
    }

    @Test("planned drop: once, before one of the messages; the message goes out on reconnection")
    func plannedReconnect() throws {
        var behaviour = constantBehaviour()
        behaviour.reconnect.probability = 1
        behaviour.reconnect.after = .constant(7)
        var driver = assigned(behaviour)
        var drops = 0
        var sent: [Int] = []
        while !driver.machine.isFinished {
            let actions = driver.machine.phase == .awaitingReply ? driver.send(.messageReceived) : driver.fire()
            if actions.contains(.disconnect) {
                drops += 1
                #expect(!driver.machine.connected)
                let wake = try #require(actions.wake)
                #expect(wake.timer.kind == .reconnect && wake.at == driver.now + 7)
                #expect(actions.sentSeq == nil)
                let back = driver.fire()
                #expect(back.first == .reconnect)
                #expect(back.sentSeq == driver.machine.messagesSent, "the message deferred by the drop is sent on return")
            }
        }
        for action in driver.log {
            if case .sendMessage(let seq, _) = action { sent.append(seq) }
        }
        #expect(drops == 1 && driver.machine.reconnects == 1)
        #expect(sent == [1, 2, 3])
        #expect(driver.machine.outcome == .chatted)
    }

    @Test("the reconnect probability is drawn once per chat")
    func reconnectShare() {
        var behaviour = constantBehaviour()
        behaviour.reconnect.probability = 0.3
        var rng = SeededGenerator(seed: 12)
        let n = 5_000
        var dropped = 0
        for _ in 0..<n {
            var machine = VisitorMachine(id: "v", language: "en", department: "sales", behaviour: behaviour)
            var now = 0.0
            var actions = machine.handle(.started, now: now, using: &rng)
            actions = machine.handle(.assigned(agent: "a"), now: now, using: &rng)
            var drops = 0
            while !machine.isFinished {
                if machine.phase == .awaitingReply {
                    actions = machine.handle(.messageReceived, now: now, using: &rng)
                } else {
                    let wake = actions.wake!
                    now = wake.at
                    actions = machine.handle(.timer(wake.timer), now: now, using: &rng)
                }
                if actions.contains(.disconnect) { drops += 1 }
            }
            #expect(drops <= 1)
            dropped += drops
        }
        #expect(abs(Double(dropped) / Double(n) - 0.3) < 0.025)
    }

    @Test("an unexpected drop while waiting: patience running out offline abandons without a leave frame")
    func unexpectedDropWhileWaiting() {
        var behaviour = constantBehaviour()
        behaviour.reconnect.after = .constant(500)
        var driver = VisitorDriver(VisitorMachine(id: "v", language: "en", department: "sales", behaviour: behaviour))
        driver.send(.started)
        let patience = driver.pending!
        driver.now = 10
        let drop = driver.send(.disconnected)
        #expect(drop.wake?.timer.kind == .reconnect && drop.wake?.at == 510)
        #expect(driver.send(.disconnected).isEmpty, "already offline")
        driver.now = patience.at
        #expect(Array(driver.send(.timer(patience.timer))) == [.finished(.abandoned)])
    }

    @Test("an unexpected drop while composing defers the message to the reconnection")
    func unexpectedDropWhileComposing() {
        var behaviour = constantBehaviour()
        behaviour.reconnect.after = .constant(30)
        var driver = assigned(behaviour)
        driver.send(.messageReceived)
        let send = driver.pending!
        let drop = driver.send(.disconnected)
        let reconnect = drop.wake!
        driver.now = send.at
        #expect(driver.send(.timer(send.timer)).isEmpty, "due while offline: deferred")
        driver.now = reconnect.at
        let back = driver.send(.timer(reconnect.timer))
        #expect(back.first == .reconnect && back.sentSeq == 1)
        #expect(driver.machine.reconnects == 1 && driver.machine.connected)
    }

    @Test("transfer: re-queued mid-chat, the typed message is dropped, seq goes on with the next agent")
    func transfer() {
        var driver = assigned()
        driver.send(.messageReceived)
        driver.fire()  // seq 1 to anna
        driver.send(.messageReceived)  // composing seq 2
        let stale = driver.pending!
        #expect(driver.send(.queued(position: 2)).isEmpty)
        #expect(driver.machine.phase == .requeued && driver.machine.transfers == 1)
        #expect(driver.send(.timer(stale.timer)).isEmpty, "what it was typing is dropped")
        #expect(driver.send(.messageReceived).isEmpty)
        driver.send(.assigned(agent: "bruno"))
        #expect(driver.machine.phase == .awaitingReply && driver.machine.agent == "bruno" && driver.machine.transfers == 1)
        driver.send(.messageReceived)
        #expect(driver.fire().sentSeq == 2)
        // Assigned directly to a third agent, without a queued frame.
        driver.send(.assigned(agent: "carla"))
        #expect(driver.machine.transfers == 2 && driver.machine.agent == "carla")
        driver.send(.messageReceived)
        #expect(driver.fire().sentSeq == 3)
        #expect(driver.send(.messageReceived).outcome == .chatted)
    }

    @Test("a transferred chat that nobody can serve becomes a ticket")
    func transferToOffline() {
        var driver = assigned()
        driver.send(.queued(position: 1))
        #expect(Array(driver.send(.offline(ticket: 3))) == [.finished(.offlineTicket)])
    }

    @Test("same seed, same visit")
    func deterministic() {
        var behaviour = VisitorBehaviour()
        behaviour.preChatForm.fields = 3
        func run(seed: UInt64) -> [VisitorAction] {
            var driver = VisitorDriver(VisitorMachine(id: "v", language: "ja", department: "sales", behaviour: behaviour), seed: seed)
            driver.send(.started)
            driver.fire()
            if driver.machine.phase == .waiting { driver.send(.assigned(agent: "a")) }
            while driver.machine.phase == .awaitingReply || driver.machine.phase == .composing {
                if driver.machine.phase == .awaitingReply { driver.send(.messageReceived) } else { driver.fire() }
            }
            return driver.log
        }
        #expect(run(seed: 5) == run(seed: 5))
        #expect(run(seed: 5) != run(seed: 6))
    }
}

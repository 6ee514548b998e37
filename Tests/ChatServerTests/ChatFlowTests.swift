import ChatProtocol
import ChatRouting
import ChatServer
import ChatStormTesting
import Testing

@Suite("Chat flows over real WebSockets", .timeLimit(.minutes(1)))
struct ChatFlowTests {
    @Test("visitor → queue → agent → messages both ways → end → survey")
    func fullPath() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana"))
                _ = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("v1"))
                    try await visitor.send(.request(ChatRequest(department: "sales", text: "¿Envían a Lima?")))
                    let seen = try await visitor.assigned()
                    let given = try await agent.assigned()
                    #expect(seen == given)
                    #expect(seen.agent == "ana" && seen.visitor == "v1" && seen.text == "¿Envían a Lima?")

                    try await visitor.send(.message(ChatMessage(chat: seen.chat, id: "v1-1", seq: 1, text: "Hola 👋", sentAt: 42)))
                    #expect(try await visitor.ack() == Ack(chat: seen.chat, id: "v1-1", seq: 1, serverSeq: 1))
                    let toAgent = try await agent.relayed()
                    #expect(
                        toAgent
                            == RelayedMessage(chat: seen.chat, from: .visitor, id: "v1-1", seq: 1, serverSeq: 1, text: "Hola 👋", sentAt: 42)
                    )

                    try await agent.send(.typing(chat: seen.chat, on: true))
                    #expect(try await visitor.next() == .typing(chat: seen.chat, from: .agent, on: true))
                    try await agent.send(.message(ChatMessage(chat: seen.chat, id: "ana-1", seq: 1, text: "Sí, claro.")))
                    #expect(try await agent.ack().serverSeq == 1)
                    #expect(try await visitor.relayed().text == "Sí, claro.")

                    try await visitor.send(.end(chat: seen.chat))
                    #expect(try await visitor.ended() == (seen.chat, .visitor))
                    #expect(try await agent.ended() == (seen.chat, .visitor))
                    try await visitor.send(.survey(Survey(chat: seen.chat, score: 5)))
                    #expect(try await visitor.ack().id == "survey")
                    return true
                }
                return true
            }
        }
    }

    @Test("an agent at capacity leaves the next visitor queued until a chat ends")
    func capacity() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana", capacity: 1))
                _ = try await withVisitor(port: port) { first in
                    try await first.hello(visitorHello("first"))
                    try await first.send(.request(ChatRequest(department: "sales")))
                    let chat = try await first.assigned().chat
                    _ = try await agent.assigned()
                    _ = try await withVisitor(port: port) { second in
                        try await second.hello(visitorHello("second"))
                        try await second.send(.request(ChatRequest(department: "sales")))
                        #expect(try await second.queued().position == 1)
                        try await agent.send(.end(chat: chat))
                        #expect(try await agent.ended() == (chat, .agent))
                        let next = try await agent.assigned()
                        #expect(next.visitor == "second")
                        #expect(try await second.assigned() == next)
                        return true
                    }
                    return true
                }
                return true
            }
        }
    }

    @Test("a visitor leaving the queue is told, and the one behind moves up")
    func abandonment() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana", capacity: 1))
                _ = try await withVisitor(port: port) { busy in
                    try await busy.hello(visitorHello("busy"))
                    try await busy.send(.request(ChatRequest(department: "sales")))
                    _ = try await busy.assigned()
                    _ = try await withVisitor(port: port) { impatient in
                        try await impatient.hello(visitorHello("impatient"))
                        try await impatient.send(.request(ChatRequest(department: "sales")))
                        let waiting = try await impatient.queued()
                        _ = try await withVisitor(port: port) { behind in
                            try await behind.hello(visitorHello("behind"))
                            try await behind.send(.request(ChatRequest(department: "sales")))
                            #expect(try await behind.queued().position == 2)
                            try await impatient.send(.leave(chat: waiting.chat))
                            #expect(try await impatient.ended() == (waiting.chat, .left))
                            #expect(try await behind.queued().position == 1)
                            return true
                        }
                        return true
                    }
                    return true
                }
                return true
            }
        }
    }

    @Test("a bot answers first and resolves the chat without an agent")
    func bot() async throws {
        let configuration = ServerConfiguration(
            agentTokens: [token],
            routing: RoutingConfiguration(bots: ["faq": .init(resolvedShare: 1)])
        )
        try await withChatServer(configuration) { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.hello(visitorHello("curious", language: "es"))
                try await visitor.send(.request(ChatRequest(department: "faq")))
                let answer = try await visitor.next()
                let ended = try await visitor.ended()
                return (answer, ended.reason)
            }
            guard case .bot(_, let text, let resolved) = outcome.value.0 else {
                Issue.record("expected a bot answer, got \(String(describing: outcome.value.0))")
                return
            }
            #expect(resolved)
            #expect(text.contains("centro de ayuda"), "the bot answers in the visitor's language")
            #expect(outcome.value.1 == .bot)
        }
    }

    @Test("with no agent online the visitor gets an offline ticket")
    func offline() async throws {
        try await withChatServer { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.hello(visitorHello("late"))
                try await visitor.send(.request(ChatRequest(department: "sales", text: "Call me back")))
                return try await visitor.next()
            }
            guard case .offline(let ticket, _, let department) = outcome.value else {
                Issue.record("expected offline, got \(String(describing: outcome.value))")
                return
            }
            #expect(ticket == 1)
            #expect(department == "sales")
        }
    }

    @Test("a transfer hands the chat to an agent of the other department")
    func transfer() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { tier1 in
                try await tier1.hello(agentHello("tier1", departments: ["support"]))
                _ = try await withAgent(port: port) { tier2 in
                    try await tier2.hello(agentHello("tier2", departments: ["billing"]))
                    _ = try await withVisitor(port: port) { visitor in
                        try await visitor.hello(visitorHello("v"))
                        try await visitor.send(.request(ChatRequest(department: "support")))
                        let first = try await tier1.assigned()
                        #expect(try await visitor.assigned().agent == "tier1")
                        try await tier1.send(.transfer(chat: first.chat, department: "billing"))
                        #expect(try await tier1.ended() == (first.chat, .transferred))
                        let second = try await tier2.assigned()
                        #expect(second.chat == first.chat && second.department == "billing")
                        #expect(try await visitor.assigned().agent == "tier2")
                        try await tier2.send(.message(ChatMessage(chat: first.chat, id: "t2-1", seq: 1, text: "Billing here")))
                        #expect(try await visitor.relayed().text == "Billing here")
                        return true
                    }
                    return true
                }
                return true
            }
        }
    }

    @Test("an agent disconnecting puts its chat back at the head of the queue, where the next agent takes it")
    func agentDisconnect() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { keeper in
                try await keeper.hello(agentHello("keeper", capacity: 1))
                _ = try await withVisitor(port: port) { other in
                    try await other.hello(visitorHello("other"))
                    try await other.send(.request(ChatRequest(department: "sales")))
                    let busy = try await keeper.assigned()
                    _ = try await withVisitor(port: port) { visitor in
                        try await visitor.hello(visitorHello("v"))
                        let chat = try await withAgent(port: port) { leaver in
                            try await leaver.hello(agentHello("leaver", capacity: 1))
                            try await visitor.send(.request(ChatRequest(department: "sales")))
                            return try await leaver.assigned().chat
                        }.value
                        #expect(try await visitor.assigned().agent == "leaver")
                        // The leaver's connection is closed: the chat is queued again, first in line.
                        let queued = try await visitor.queued()
                        #expect(queued.chat == chat && queued.position == 1)
                        try await keeper.send(.end(chat: busy.chat))
                        let next = try await keeper.assigned()
                        #expect(next.chat == chat && next.visitor == "v")
                        #expect(try await visitor.assigned().agent == "keeper")
                        return true
                    }
                    return true
                }
                return true
            }
        }
    }
}

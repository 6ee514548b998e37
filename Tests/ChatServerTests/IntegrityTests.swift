import ChatProtocol
import ChatServer
import ChatStormTesting
import Testing

@Suite("Delivery integrity", .timeLimit(.minutes(1)))
struct IntegrityTests {
    @Test("every accepted message arrives once, in order, numbered without gaps, both ways")
    func noLossNoDuplicates() async throws {
        let count = 300
        var configuration = ServerConfiguration(agentTokens: [token])
        configuration.rateLimit = .init(framesPerSecond: 10_000, burst: 10_000)
        try await withChatServer(configuration) { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana"))
                _ = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("v"))
                    try await visitor.send(.request(ChatRequest(department: "sales")))
                    let chat = try await visitor.assigned().chat
                    _ = try await agent.assigned()
                    for i in 1...count {
                        try await visitor.send(.message(ChatMessage(chat: chat, id: "v\(i)", seq: UInt64(i), text: "v→a \(i)")))
                        try await agent.send(.message(ChatMessage(chat: chat, id: "a\(i)", seq: UInt64(i), text: "a→v \(i)")))
                    }
                    var toAgent: [UInt64] = []
                    var toVisitor: [UInt64] = []
                    var acks = 0
                    while toAgent.count < count {
                        if case .message(let m) = try await agent.next() {
                            #expect(m.serverSeq == m.seq && m.id == "v\(m.seq)")
                            toAgent.append(m.seq)
                        }
                    }
                    while toVisitor.count < count || acks < count {
                        switch try await visitor.next() {
                        case .message(let m): toVisitor.append(m.serverSeq)
                        case .ack: acks += 1
                        default: break
                        }
                    }
                    #expect(toAgent == Array(1...UInt64(count)))
                    #expect(toVisitor == Array(1...UInt64(count)))
                    return true
                }
                return true
            }
        }
    }

    @Test("a repeated sequence number is acknowledged as a duplicate and not relayed again")
    func duplicate() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana"))
                _ = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("v"))
                    try await visitor.send(.request(ChatRequest(department: "sales")))
                    let chat = try await visitor.assigned().chat
                    _ = try await agent.assigned()
                    let message = ChatMessage(chat: chat, id: "m1", seq: 1, text: "once")
                    try await visitor.send(.message(message))
                    try await visitor.send(.message(message))
                    try await visitor.send(.message(ChatMessage(chat: chat, id: "m2", seq: 2, text: "twice?")))
                    #expect(try await visitor.ack().duplicate == false)
                    #expect(try await visitor.ack().duplicate == true)
                    #expect(try await agent.relayed().text == "once")
                    #expect(try await agent.relayed().text == "twice?")
                    return true
                }
                return true
            }
        }
    }

    @Test("a visitor that reconnects within the grace keeps its chat and gets the messages it missed")
    func resume() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana"))
                let chat = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("dropper"))
                    try await visitor.send(.request(ChatRequest(department: "sales")))
                    return try await visitor.assigned().chat
                }.value
                _ = try await agent.assigned()
                // The visitor is disconnected now; the agent writes anyway.
                try await agent.send(.message(ChatMessage(chat: chat, id: "a1", seq: 1, text: "still there?")))
                #expect(try await agent.ack().serverSeq == 1)
                _ = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("dropper"))
                    #expect(try await visitor.relayed().text == "still there?")
                    try await visitor.send(.message(ChatMessage(chat: chat, id: "v1", seq: 1, text: "yes")))
                    #expect(try await agent.relayed().text == "yes")
                    return true
                }
                return true
            }
        }
    }

    @Test(
        "a visitor that does not come back within the grace: the chat ends for both, the visitor learns it if it comes back",
        arguments: [0.0, 1.0]
    )
    func graceRunsOut(grace: Double) async throws {
        var configuration = ServerConfiguration(agentTokens: [token])
        configuration.resumeGrace = grace
        try await withChatServer(configuration) { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana", capacity: 1))
                let chat = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("gone"))
                    try await visitor.send(.request(ChatRequest(department: "sales")))
                    return try await visitor.assigned().chat
                }.value
                #expect(try await agent.assigned().chat == chat)
                if grace > 0 {
                    // Written while the visitor is away (without a grace, the chat may have ended already).
                    try await agent.send(.message(ChatMessage(chat: chat, id: "a1", seq: 1, text: "still there?")))
                    #expect(try await agent.ack().serverSeq == 1)
                }
                #expect(try await agent.ended() == (chat, .disconnected))
                // Back with the same id, a new visitor to the routing: first what was kept, then the end.
                _ = try await withVisitor(port: port) { visitor in
                    try await visitor.hello(visitorHello("gone"))
                    if grace > 0 { #expect(try await visitor.relayed().text == "still there?") }
                    #expect(try await visitor.ended() == (chat, .disconnected))
                    return true
                }
                return true
            }
        }
    }

    @Test("a queued visitor that does not come back within the grace abandons; back later, it learns it left")
    func graceRunsOutInTheQueue() async throws {
        var configuration = ServerConfiguration(agentTokens: [token])
        configuration.resumeGrace = 0.5
        try await withChatServer(configuration) { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana", capacity: 1))
                // The agent is busy with a first visitor; two more wait, and the first of them drops.
                _ = try await withVisitor(port: port) { first in
                    try await first.hello(visitorHello("first"))
                    try await first.send(.request(ChatRequest(department: "sales")))
                    _ = try await first.assigned()
                    _ = try await withVisitor(port: port) { behind in
                        let waiting = try await withVisitor(port: port) { visitor in
                            try await visitor.hello(visitorHello("waiting"))
                            try await visitor.send(.request(ChatRequest(department: "sales")))
                            return try await visitor.queued().chat
                        }.value
                        try await behind.hello(visitorHello("behind"))
                        try await behind.send(.request(ChatRequest(department: "sales")))
                        #expect(try await behind.queued().position == 2)
                        // Its grace over, the dropped visitor leaves the queue.
                        #expect(try await behind.queued().position == 1)
                        _ = try await withVisitor(port: port) { visitor in
                            try await visitor.hello(visitorHello("waiting"))
                            #expect(try await visitor.ended() == (waiting, .left))
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
}

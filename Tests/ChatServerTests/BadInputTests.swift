import ChatProtocol
import ChatServer
import ChatStormTesting
import Testing

/// Bad input never crashes the server and never affects other connections: each case gets its documented
/// error frame and/or close code, and a fresh visitor is served normally afterwards.
@Suite("Bad input", .timeLimit(.minutes(1)))
struct BadInputTests {
    @Test("malformed JSON gets an error and the connection stays usable")
    func malformedJSON() async throws {
        try await withChatServer { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.sendText("{\"type\":\"hello\",")
                let error = try await visitor.error()
                try await visitor.hello(visitorHello("after-error"))
                return error
            }
            #expect(outcome.value.code == .malformed)
            try await expectFreshVisitorServed(port: port)
        }
    }

    @Test("an unknown frame type and a missing field are named")
    func unknownTypeAndMissingField() async throws {
        try await withChatServer { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.hello(visitorHello("v"))
                try await visitor.sendText(#"{"type":"teleport","chat":1}"#)
                let unknown = try await visitor.error()
                try await visitor.sendText(#"{"type":"message","chat":1,"seq":1,"text":"hi"}"#)
                let missing = try await visitor.error()
                return (unknown, missing)
            }
            #expect(outcome.value.0.code == .unknownType)
            #expect(outcome.value.1.code == .missingField)
            #expect(outcome.value.1.ref == "id")
            try await expectFreshVisitorServed(port: port)
        }
    }

    @Test("frames before hello are refused with helloRequired")
    func helloFirst() async throws {
        try await withChatServer { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.send(.request(ChatRequest(department: "sales")))
                return try await visitor.error()
            }
            #expect(outcome.value.code == .helloRequired)
        }
    }

    @Test("a frame over the maximum size gets tooLarge and close 1009")
    func tooLarge() async throws {
        var configuration = ServerConfiguration(agentTokens: [token])
        configuration.maxFrameSize = 1_024
        try await withChatServer(configuration) { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.hello(visitorHello("big"))
                let text = String(repeating: "x", count: 4_000)
                try await visitor.send(.message(ChatMessage(chat: 1, id: "m", seq: 1, text: text)))
                let error = try await visitor.error()
                return (error, try await visitor.next() == nil)
            }
            #expect(outcome.value.0.code == .tooLarge)
            #expect(outcome.value.1, "the server closes the connection")
            #expect(outcome.closeCode == 1009)
            try await expectFreshVisitorServed(port: port)
        }
    }

    @Test("an agent hello with more languages or departments than an agent has is refused at once, and the server serves on")
    func agentWithTooManySkills() async throws {
        // 600 × 600: the skill list (a language per department) was deduplicated in quadratic time, and a hello of
        // this size held the server for minutes.
        let codes = (0..<600).map { "l\(String($0, radix: 36))" }
        var configuration = ServerConfiguration(agentTokens: [token])
        configuration.maxFrameSize = 64 * 1_024
        try await withChatServer(configuration) { port in
            let outcome = try await withAgent(port: port) { agent in
                try await agent.send(agentHello("polyglot", departments: codes, languages: codes))
                return try await agent.error()
            }
            #expect(outcome.value.code == .invalidField)
            #expect(outcome.value.text.contains("at most 64 languages"), "\(outcome.value.text)")
            try await expectFreshVisitorServed(port: port)
        }
    }

    @Test("invalid UTF-8 gets invalidUTF8 and close 1007")
    func invalidUTF8() async throws {
        try await withChatServer { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.hello(visitorHello("bytes"))
                let prefix = Array(#"{"type":"request","department":""#.utf8)
                try await visitor.sendTextBytes(prefix + [0xC3, 0x28] + Array(#""}"#.utf8))
                let error = try await visitor.error()
                return (error, try await visitor.next() == nil)
            }
            #expect(outcome.value.0.code == .invalidUTF8)
            #expect(outcome.value.1)
            #expect(outcome.closeCode == 1007)
            try await expectFreshVisitorServed(port: port)
        }
    }

    @Test("a binary frame gets binaryFrame and close 1003")
    func binaryFrame() async throws {
        try await withChatServer { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.hello(visitorHello("binary"))
                try await visitor.sendBinary([1, 2, 3])
                return try await visitor.error()
            }
            #expect(outcome.value.code == .binaryFrame)
            #expect(outcome.closeCode == 1003)
            try await expectFreshVisitorServed(port: port)
        }
    }

    @Test("a visitor naming another visitor's chat gets notYourChat, and that chat is untouched")
    func notYourChat() async throws {
        try await withChatServer { port in
            _ = try await withAgent(port: port) { agent in
                try await agent.hello(agentHello("ana"))
                _ = try await withVisitor(port: port) { owner in
                    try await owner.hello(visitorHello("owner"))
                    try await owner.send(.request(ChatRequest(department: "sales")))
                    let chat = try await owner.assigned().chat
                    _ = try await agent.assigned()
                    let outcome = try await withVisitor(port: port) { intruder in
                        try await intruder.hello(visitorHello("intruder"))
                        try await intruder.send(.message(ChatMessage(chat: chat, id: "x", seq: 1, text: "hijack")))
                        let first = try await intruder.error()
                        try await intruder.send(.end(chat: chat))
                        return (first, try await intruder.error())
                    }
                    #expect(outcome.value.0.code == .notYourChat)
                    #expect(outcome.value.0.ref == "x")
                    #expect(outcome.value.1.code == .notYourChat)
                    try await owner.send(.message(ChatMessage(chat: chat, id: "o1", seq: 1, text: "still mine")))
                    #expect(try await agent.relayed().text == "still mine")
                    return true
                }
                return true
            }
        }
    }

    @Test("an agent without a valid token gets unauthorized and close 4001")
    func unauthorizedAgent() async throws {
        try await withChatServer { port in
            let outcome = try await withAgent(port: port) { agent in
                try await agent.send(
                    .hello(AgentHello(agent: "mallory", token: "guess", languages: ["en"], departments: ["sales"], capacity: 9))
                )
                return try await agent.error()
            }
            #expect(outcome.value.code == .unauthorized)
            #expect(outcome.closeCode == 4001)
            try await expectFreshVisitorServed(port: port)
        }
    }

    @Test("a flood beyond the rate limit gets rateLimited, then close 1008")
    func flood() async throws {
        var configuration = ServerConfiguration(agentTokens: [token])
        configuration.rateLimit = .init(framesPerSecond: 1, burst: 5, closeAfterDropped: 50)
        try await withChatServer(configuration) { port in
            let outcome = try await withVisitor(port: port) { visitor in
                try await visitor.hello(visitorHello("flood"))
                for _ in 0..<100 { try? await visitor.send(.typing(chat: 1, on: true)) }
                var codes: [ErrorCode] = []
                while let frame = try await visitor.next() {
                    if case .error(let error) = frame { codes.append(error.code) }
                }
                return codes
            }
            #expect(outcome.value.contains(.rateLimited))
            #expect(outcome.closeCode == 1008)
            try await expectFreshVisitorServed(port: port)
        }
    }
}

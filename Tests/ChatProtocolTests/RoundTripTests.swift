import ChatProtocol
import Testing

/// Every frame of every endpoint survives encoding and decoding, with and without its optional
/// fields.
@Suite("Round trips")
struct RoundTripTests {
    static let visitorFrames: [VisitorFrame] = [
        .hello(VisitorHello(visitor: "v-1", language: "es", region: "PE")),
        .hello(VisitorHello(visitor: "v-2", language: "hi", region: "IN", site: "shop.example", previousAgent: "a-9")),
        .pageView(PageView(timeOnSite: 12.5, pages: 3, cartValue: 0)),
        .pageView(PageView(page: "/checkout?step=2", timeOnSite: 0.001, pages: 17, cartValue: 149.99)),
        .pageView(PageView(timeOnSite: 1e21, pages: -1, cartValue: -0.5)),
        .inviteReply(invitation: 7, accepted: true),
        .inviteReply(invitation: .max, accepted: false),
        .request(ChatRequest(department: "sales")),
        .request(ChatRequest(department: "support", language: "ar", text: "مرحبا، أحتاج مساعدة")),
        .message(ChatMessage(chat: 42, id: "v17-3", seq: 3, text: "Hola")),
        .message(ChatMessage(chat: .max, id: "", seq: 0, text: "", sentAt: .min)),
        .message(ChatMessage(chat: 1, id: "v1-1", seq: .max, text: "x", sentAt: .max)),
        .message(ChatMessage(chat: 9, id: "v9-9", seq: 10, text: "neg", sentAt: -1)),
        .typing(chat: 1, on: true),
        .typing(chat: 2, on: false),
        .leave(chat: 5),
        .end(chat: 0),
        .survey(Survey(chat: 1, score: 5)),
        .survey(Survey(chat: 2, score: -3, comment: "很好，谢谢")),
    ]

    static let agentFrames: [AgentFrame] =
        [
            .hello(AgentHello(agent: "a-1", token: "t", languages: [], departments: [], capacity: 0)),
            .hello(
                AgentHello(
                    agent: "a-2",
                    token: "s3cr3t",
                    languages: ["es", "en"],
                    departments: ["sales", "support"],
                    capacity: 4,
                    site: "shop.example",
                    translation: true
                )
            ),
            .message(ChatMessage(chat: 42, id: "a2-1", seq: 1, text: "¿En qué puedo ayudarle?", sentAt: 1_700_000_000_000_000)),
            .message(ChatMessage(chat: 42, id: "a2-2", seq: 2, text: "Claro")),
            .typing(chat: 42, on: true),
            .end(chat: 42),
            .transfer(chat: 42, department: "billing"),
        ] + AgentStatus.allCases.map { .status($0) }

    static let serverFrames: [ServerFrame] =
        [
            .welcome(session: 9, protocolVersion: protocolVersion),
            .queued(Queued(chat: 3, position: 1, department: "sales", language: "es")),
            .assigned(Assignment(chat: 3, visitor: "v-1", agent: "a-1", department: "sales", language: "es")),
            .assigned(Assignment(chat: 3, visitor: "v-1", agent: "a-1", department: "sales", language: "es", text: "¿Envío?")),
            .ack(Ack(chat: 3, id: "v1-1", seq: 1, serverSeq: 1)),
            .ack(Ack(chat: 3, id: "v1-1", seq: 1, serverSeq: 0, duplicate: true)),
            .bot(chat: 3, text: "Our hours are 9–17.", resolved: true),
            .bot(chat: 3, text: "", resolved: false),
            .offline(ticket: 77, chat: 12, department: "support"),
            .invite(invitation: 12, text: "Need help with your order?"),
        ]
        + Party.allCases.flatMap { party -> [ServerFrame] in
            [
                .message(RelayedMessage(chat: 3, from: party, id: "m", seq: 1, serverSeq: 2, text: "hi")),
                .message(RelayedMessage(chat: 3, from: party, id: "m", seq: 1, serverSeq: 2, text: "hi", sentAt: 5)),
                .typing(chat: 3, from: party, on: party == .agent),
            ]
        }
        + EndReason.allCases.map { .ended(chat: 3, reason: $0) }
        + ErrorCode.allCases.flatMap { code -> [ServerFrame] in
            [.error(ErrorFrame(code: code, text: "refused")), .error(ErrorFrame(code: code, text: "refused", ref: "v1-1"))]
        }

    @Test("visitor frames", arguments: visitorFrames)
    func visitor(_ frame: VisitorFrame) throws {
        #expect(try VisitorFrame.decode(frame.encoded()) == frame)
        #expect(try VisitorFrame.decode(frame.json) == frame)
    }

    @Test("agent frames", arguments: agentFrames)
    func agent(_ frame: AgentFrame) throws {
        #expect(try AgentFrame.decode(frame.encoded()) == frame)
        #expect(try AgentFrame.decode(frame.json) == frame)
    }

    @Test("server frames", arguments: serverFrames)
    func server(_ frame: ServerFrame) throws {
        #expect(try ServerFrame.decode(frame.encoded()) == frame)
        #expect(try ServerFrame.decode(frame.json) == frame)
    }

    @Test("every case of every enum is covered")
    func coverage() {
        func name(_ value: some Any) -> Substring {
            String(describing: value).prefix { $0 != "(" }
        }
        #expect(Set(Self.visitorFrames.map(name)).count == 9)
        #expect(Set(Self.agentFrames.map(name)).count == 6)
        #expect(Set(Self.serverFrames.map(name)).count == 11)
    }

    @Test("encode(into:) appends to what the buffer holds")
    func appends() throws {
        var buffer: [UInt8] = Array("prefix".utf8)
        ServerFrame.welcome(session: 1, protocolVersion: 1).encode(into: &buffer)
        ServerFrame.welcome(session: 2, protocolVersion: 1).encode(into: &buffer)
        #expect(
            String(decoding: buffer, as: UTF8.self)
                == #"prefix{"type":"welcome","session":1,"protocol":1}{"type":"welcome","session":2,"protocol":1}"#
        )
    }

    @Test("the raw-buffer, array and string decoders agree")
    func decoders() throws {
        let json = #"{"type":"end","chat":12}"#
        let bytes = Array(json.utf8)
        let fromBuffer = try bytes.withUnsafeBytes { buffer in try VisitorFrame.decode(buffer) }
        #expect(fromBuffer == .end(chat: 12))
        #expect(try VisitorFrame.decode(bytes) == .end(chat: 12))
        #expect(try VisitorFrame.decode(json) == .end(chat: 12))
        #expect(throws: FrameDecodingError(.malformed(offset: 0, reason: "not an object"))) {
            try ServerFrame.decode(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }
}

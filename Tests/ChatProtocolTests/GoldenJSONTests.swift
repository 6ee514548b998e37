import ChatProtocol
import Testing

/// The exact bytes the encoder writes: `type` first, fields in protocol order, optional fields
/// omitted when absent, no whitespace.
@Suite("Golden JSON")
struct GoldenJSONTests {
    @Test("visitor message, as in the protocol reference")
    func visitorMessage() {
        let frame = VisitorFrame.message(
            ChatMessage(chat: 42, id: "v17-3", seq: 3, text: "Hola, ¿tienen envío a Lima?", sentAt: 1_700_000_000_123_456)
        )
        let expected = #"""
            {"type":"message","chat":42,"id":"v17-3","seq":3,"text":"Hola, ¿tienen envío a Lima?","sentAt":1700000000123456}
            """#
        #expect(frame.json == expected)
        #expect(frame.encoded() == Array(frame.json.utf8))
    }

    @Test("optional fields are omitted when nil")
    func omitted() {
        #expect(
            VisitorFrame.message(ChatMessage(chat: 1, id: "a", seq: 1, text: "b")).json
                == #"{"type":"message","chat":1,"id":"a","seq":1,"text":"b"}"#
        )
        #expect(
            VisitorFrame.hello(VisitorHello(visitor: "v", language: "en", region: "US", previousAgent: "a7")).json
                == #"{"type":"hello","visitor":"v","language":"en","region":"US","previousAgent":"a7"}"#
        )
        #expect(VisitorFrame.request(ChatRequest(department: "sales")).json == #"{"type":"request","department":"sales"}"#)
    }

    @Test("visitor frames without strings")
    func visitorSmallFrames() {
        #expect(VisitorFrame.typing(chat: 7, on: true).json == #"{"type":"typing","chat":7,"on":true}"#)
        #expect(VisitorFrame.leave(chat: 7).json == #"{"type":"leave","chat":7}"#)
        #expect(VisitorFrame.end(chat: 18_446_744_073_709_551_615).json == #"{"type":"end","chat":18446744073709551615}"#)
        #expect(
            VisitorFrame.inviteReply(invitation: 3, accepted: false).json
                == #"{"type":"inviteReply","invitation":3,"accepted":false}"#
        )
        #expect(
            VisitorFrame.pageView(PageView(page: "/", timeOnSite: 12.5, pages: 3, cartValue: 0)).json
                == #"{"type":"pageView","page":"/","timeOnSite":12.5,"pages":3,"cartValue":0.0}"#
        )
        #expect(VisitorFrame.survey(Survey(chat: 1, score: -2)).json == #"{"type":"survey","chat":1,"score":-2}"#)
    }

    @Test("agent frames")
    func agentFrames() {
        let hello = AgentHello(agent: "a1", token: "t", languages: ["es", "en"], departments: ["sales"], capacity: 3)
        #expect(
            AgentFrame.hello(hello).json
                == #"{"type":"hello","agent":"a1","token":"t","languages":["es","en"],"departments":["sales"],"#
                + #""capacity":3,"translation":false}"#
        )
        #expect(AgentFrame.status(.closing).json == #"{"type":"status","status":"closing"}"#)
        #expect(
            AgentFrame.transfer(chat: 4, department: "billing").json == #"{"type":"transfer","chat":4,"department":"billing"}"#
        )
    }

    @Test("server frames")
    func serverFrames() {
        #expect(ServerFrame.welcome(session: 9, protocolVersion: 1).json == #"{"type":"welcome","session":9,"protocol":1}"#)
        #expect(
            ServerFrame.ack(Ack(chat: 42, id: "v17-3", seq: 3, serverSeq: 11)).json
                == #"{"type":"ack","chat":42,"id":"v17-3","seq":3,"serverSeq":11}"#
        )
        #expect(
            ServerFrame.ack(Ack(chat: 42, id: "v17-3", seq: 3, serverSeq: 0, duplicate: true)).json
                == #"{"type":"ack","chat":42,"id":"v17-3","seq":3,"serverSeq":0,"duplicate":true}"#
        )
        #expect(
            ServerFrame.message(RelayedMessage(chat: 42, from: .agent, id: "a1-1", seq: 1, serverSeq: 5, text: "Sí", sentAt: -7))
                .json
                == #"{"type":"message","chat":42,"from":"agent","id":"a1-1","seq":1,"serverSeq":5,"text":"Sí","sentAt":-7}"#
        )
        #expect(ServerFrame.typing(chat: 1, from: .bot, on: false).json == #"{"type":"typing","chat":1,"from":"bot","on":false}"#)
        #expect(ServerFrame.ended(chat: 1, reason: .transferred).json == #"{"type":"ended","chat":1,"reason":"transferred"}"#)
        #expect(
            ServerFrame.queued(Queued(chat: 2, position: 1, department: "sales", language: "pt")).json
                == #"{"type":"queued","chat":2,"position":1,"department":"sales","language":"pt"}"#
        )
        #expect(
            ServerFrame.error(ErrorFrame(code: .missingField, text: #"missing field "chat" in "message""#, ref: "chat")).json
                == #"{"type":"error","code":"missingField","text":"missing field \"chat\" in \"message\"","ref":"chat"}"#
        )
    }

    @Test("long strings, escaped or not, are written whole")
    func longStrings() throws {
        let pieces = ["plain ASCII words ", "é", "🚚", "\"", "\\", "\n", "\u{01}", "नमस्ते ", "你好", "مرحبا"]
        var text = ""
        var index = 0
        while text.utf8.count < 5_000 {
            text += pieces[index % pieces.count]
            index += 7
        }
        let frame = ServerFrame.bot(chat: 1, text: text, resolved: true)
        #expect(frame.json == #"{"type":"bot","chat":1,"text":"# + Self.reference(text) + #","resolved":true}"#)
        #expect(try ServerFrame.decode(frame.encoded()) == frame)
        let plain = String(repeating: "0123456789", count: 200)
        let invite = ServerFrame.invite(invitation: 1, text: plain)
        #expect(invite.json == #"{"type":"invite","invitation":1,"text":""# + plain + #""}"#)
    }

    /// A straightforward JSON string encoder to compare the writer with.
    static func reference(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += #"\""#
            case "\\": result += #"\\"#
            case "\n": result += #"\n"#
            case "\r": result += #"\r"#
            case "\t": result += #"\t"#
            case "\u{08}": result += #"\b"#
            case "\u{0C}": result += #"\f"#
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                result += #"\u"# + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    @Test("non-finite numbers are written as 0, which JSON can carry")
    func nonFinite() {
        let frame = VisitorFrame.pageView(PageView(timeOnSite: .infinity, pages: 1, cartValue: .nan))
        #expect(frame.json == #"{"type":"pageView","timeOnSite":0,"pages":1,"cartValue":0}"#)
    }

    @Test("strings are escaped minimally")
    func escapes() {
        let text = "a\"b\\c/d\n\t\r\u{08}\u{0C}\u{01}\u{1F}\u{7F}é"
        #expect(
            VisitorFrame.message(ChatMessage(chat: 1, id: "i", seq: 1, text: text)).json
                == #"{"type":"message","chat":1,"id":"i","seq":1,"text":"a\"b\\c/d\n\t\r\b\f\u0001\u001f"# + "\u{7F}é\"}"
        )
    }
}

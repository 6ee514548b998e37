import ChatProtocol
import Testing

/// What the decoder accepts beyond what the encoder writes: `type` anywhere, unknown keys,
/// whitespace, escapes other encoders use.
@Suite("Accepted input")
struct LenientInputTests {
    let message = VisitorFrame.message(ChatMessage(chat: 1, id: "a", seq: 2, text: "t"))

    @Test("type may come anywhere in the object")
    func typeAnywhere() throws {
        #expect(try VisitorFrame.decode(#"{"chat":1,"id":"a","type":"message","seq":2,"text":"t"}"#) == message)
        #expect(try VisitorFrame.decode(#"{"chat":1,"id":"a","seq":2,"text":"t","type":"message"}"#) == message)
        #expect(
            try ServerFrame.decode(#"{"protocol":1,"session":3,"type":"welcome"}"#) == .welcome(session: 3, protocolVersion: 1)
        )
    }

    @Test("unknown keys are ignored, whatever their value")
    func unknownKeys() throws {
        let json = """
            {"type":"message","extra":{"a":[1,2,{"b":null}],"c":"x\\n\\u00e9"},"chat":1,"id":"a",\
            "v2":[true,false,null,-1.5e3,0,"s",[],{}],"seq":2,"text":"t","more":"\u{1F69A}"}
            """
        #expect(try VisitorFrame.decode(json) == message)
    }

    @Test("fields of other frame types are unknown keys: their type does not matter")
    func otherFramesFields() throws {
        #expect(try VisitorFrame.decode(#"{"type":"typing","chat":1,"on":true,"text":5,"seq":-1}"#) == .typing(chat: 1, on: true))
        #expect(try AgentFrame.decode(#"{"type":"end","chat":1,"status":"nap"}"#) == .end(chat: 1))
    }

    @Test("JSON whitespace between tokens")
    func whitespace() throws {
        let json = " \n{ \"type\" :\t\"message\" ,\r\n \"chat\" : 1 , \"id\":\"a\", \"seq\" :2 ,\"text\": \"t\" }\n "
        #expect(try VisitorFrame.decode(json) == message)
        let hello = try AgentFrame.decode(
            #"{"type":"hello","agent":"a","token":"t","languages":[ "es" , "en" ],"departments":[ ],"capacity":1}"#
        )
        #expect(hello == .hello(AgentHello(agent: "a", token: "t", languages: ["es", "en"], departments: [], capacity: 1)))
    }

    @Test("every JSON escape, in values and keys")
    func escapes() throws {
        let text = #"\"\\\/\b\f\n\r\t\u00e9\u00C9\u4F60\uD83D\uDE9A\u0000"#
        let json = #"{"type":"message","ch\u0061t":1,"id":"\/a","seq":2,"text":"\#(text)"}"#
        let expected = "\"\\/\u{08}\u{0C}\n\r\té\u{C9}你🚚\u{0}"
        #expect(try VisitorFrame.decode(json) == .message(ChatMessage(chat: 1, id: "/a", seq: 2, text: expected)))
        #expect(try VisitorFrame.decode(#"{"t\u0079pe":"m\u0065ssage","chat":1,"id":"a","seq":2,"text":"t"}"#) == message)
    }

    @Test("defaults for absent optional booleans")
    func defaults() throws {
        let json = #"{"type":"hello","agent":"a","token":"t","languages":[],"departments":[],"capacity":2}"#
        let hello = try AgentFrame.decode(json)
        guard case .hello(let fields) = hello else {
            Issue.record("decoded \(hello)")
            return
        }
        #expect(fields.translation == false)
        #expect(fields.site == nil)
    }
}

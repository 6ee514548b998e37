import ChatProtocol
import Testing

/// Decoding a frame that is not valid fails with a typed error that names the field.
@Suite("Decoding errors")
struct DecodingErrorTests {
    /// The error decoding `json` as a `Frame` throws, or `nil` if it decodes.
    func decodingError<Frame: WireFrame>(_: Frame.Type, _ json: String) -> FrameDecodingError? {
        do {
            _ = try Frame.decode(json)
            return nil
        } catch {
            return error
        }
    }

    /// The error decoding `bytes` as a `Frame` throws, or `nil` if it decodes.
    func decodingError<Frame: WireFrame>(_: Frame.Type, bytes: [UInt8]) -> FrameDecodingError? {
        do {
            _ = try Frame.decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing field is named, with the frame type")
    func missingField() throws {
        let error = try #require(decodingError(VisitorFrame.self, #"{"type":"message","chat":1,"id":"a","text":"x"}"#))
        #expect(error.kind == .missingField("seq"))
        #expect(error.field == "seq")
        #expect(error.code == .missingField)
        #expect(error.frameType == "message")
        #expect(error.description == #"missing field "seq" in "message""#)
        #expect(decodingError(ServerFrame.self, #"{"type":"welcome","session":1}"#)?.kind == .missingField("protocol"))
        #expect(decodingError(AgentFrame.self, #"{"type":"end"}"#)?.description == #"missing field "chat" in "end""#)
    }

    @Test("a missing type")
    func missingType() throws {
        let error = try #require(decodingError(VisitorFrame.self, #"{"chat":1}"#))
        #expect(error.kind == .missingField("type"))
        #expect(error.description == #"missing field "type""#)
        #expect(decodingError(VisitorFrame.self, "{}")?.kind == .missingField("type"))
    }

    @Test("a field of the wrong JSON type")
    func wrongType() throws {
        let error = try #require(decodingError(VisitorFrame.self, #"{"type":"message","chat":"42","id":"a","seq":1,"text":"x"}"#))
        #expect(error.kind == .invalidField("chat", expected: "an unsigned integer"))
        #expect(error.code == .invalidField)
        #expect(error.field == "chat")
        #expect(error.description == #"field "chat" must be an unsigned integer"#)
        #expect(
            decodingError(VisitorFrame.self, #"{"type":"message","chat":1,"id":7,"seq":1,"text":"x"}"#)?.kind
                == .invalidField("id", expected: "a string")
        )
        #expect(
            decodingError(VisitorFrame.self, #"{"type":"typing","chat":1,"on":"yes"}"#)?.kind
                == .invalidField("on", expected: "a boolean")
        )
        #expect(
            decodingError(VisitorFrame.self, #"{"type":"pageView","timeOnSite":"1","pages":1,"cartValue":0}"#)?.kind
                == .invalidField("timeOnSite", expected: "a finite number")
        )
        for languages in [#""es""#, #"["es",1]"#, #"["es",null]"#, #"{"es":1}"#] {
            let json = #"{"type":"hello","agent":"a","token":"t","languages":\#(languages),"departments":[],"capacity":1}"#
            #expect(decodingError(AgentFrame.self, json)?.kind == .invalidField("languages", expected: "an array of strings"))
        }
        #expect(
            decodingError(VisitorFrame.self, #"{"type":"message","chat":{"n":1},"id":"a","seq":1,"text":"x"}"#)?.kind
                == .invalidField("chat", expected: "an unsigned integer")
        )
    }

    @Test("an unknown type, and a type that is not a string")
    func unknownType() throws {
        let error = try #require(decodingError(VisitorFrame.self, #"{"type":"dance","chat":1}"#))
        #expect(error.kind == .unknownType("dance"))
        #expect(error.code == .unknownType)
        #expect(error.field == "type")
        #expect(error.description == #"unknown frame type "dance""#)
        // A server frame type is unknown to the visitor endpoint, and the other way round.
        let welcome = #"{"type":"welcome","session":1,"protocol":1}"#
        #expect(decodingError(VisitorFrame.self, welcome)?.kind == .unknownType("welcome"))
        #expect(decodingError(ServerFrame.self, #"{"chat":1,"type":"leave"}"#)?.kind == .unknownType("leave"))
        #expect(decodingError(AgentFrame.self, #"{"type":"Hello"}"#)?.kind == .unknownType("Hello"))
        #expect(decodingError(VisitorFrame.self, #"{"type":5}"#)?.kind == .invalidField("type", expected: "a string"))
        #expect(decodingError(VisitorFrame.self, #"{"type":null}"#)?.kind == .invalidField("type", expected: "a string"))
    }

    @Test("an unknown enumeration value")
    func unknownEnumValue() throws {
        let error = try #require(decodingError(AgentFrame.self, #"{"type":"status","status":"sleeping"}"#))
        #expect(error.kind == .invalidField("status", expected: #"one of "online", "away", "closing""#))
        #expect(error.description == #"field "status" must be one of "online", "away", "closing""#)
        #expect(decodingError(ServerFrame.self, #"{"type":"typing","chat":1,"from":"robot","on":true}"#)?.field == "from")
        #expect(decodingError(ServerFrame.self, #"{"type":"ended","chat":1,"reason":"Visitor"}"#)?.field == "reason")
        #expect(decodingError(ServerFrame.self, #"{"type":"error","code":"oops","text":"x"}"#)?.code == .invalidField)
    }

    @Test("integers: negative where unsigned, fractions, exponents, overflow")
    func integers() throws {
        func seq(_ value: String) -> FrameDecodingError? {
            decodingError(VisitorFrame.self, #"{"type":"message","chat":1,"id":"a","seq":\#(value),"text":"x"}"#)
        }
        let negative = try #require(seq("-1"))
        #expect(negative.kind == .invalidField("seq", expected: "an unsigned integer"))
        #expect(negative.description == #"field "seq" must be an unsigned integer"#)
        #expect(seq("1.5")?.kind == .invalidField("seq", expected: "an unsigned integer"))
        #expect(seq("1.0")?.kind == .invalidField("seq", expected: "an unsigned integer"))
        #expect(seq("1e3")?.kind == .invalidField("seq", expected: "an unsigned integer"))
        #expect(seq("18446744073709551616")?.kind == .invalidField("seq", expected: "an unsigned integer below 2^64"))
        #expect(seq("99999999999999999999")?.kind == .invalidField("seq", expected: "an unsigned integer below 2^64"))
        #expect(seq("100000000000000000000")?.kind == .invalidField("seq", expected: "an unsigned integer below 2^64"))
        #expect(seq("18446744073709551615") == nil)
        #expect(seq("09")?.code == .malformed)
        #expect(seq("-0") == nil)
        #expect(seq("true")?.field == "seq")

        let fractionalChat = decodingError(VisitorFrame.self, #"{"type":"leave","chat":4.2}"#)
        #expect(fractionalChat?.kind == .invalidField("chat", expected: "an unsigned integer"))

        func sentAt(_ value: String) -> FrameDecodingError? {
            decodingError(VisitorFrame.self, #"{"type":"message","chat":1,"id":"a","seq":1,"text":"x","sentAt":\#(value)}"#)
        }
        #expect(sentAt("-9223372036854775808") == nil)
        #expect(sentAt("9223372036854775807") == nil)
        #expect(sentAt("9223372036854775808")?.kind == .invalidField("sentAt", expected: "an integer between -2^63 and 2^63-1"))
        #expect(sentAt("-9223372036854775809")?.field == "sentAt")
        #expect(sentAt("1.5")?.kind == .invalidField("sentAt", expected: "an integer"))
        let survey = #"{"type":"survey","chat":1,"score":2.5}"#
        #expect(decodingError(VisitorFrame.self, survey)?.kind == .invalidField("score", expected: "an integer"))
    }

    @Test("numbers for Double fields accept integers but not infinity")
    func doubles() throws {
        let json = #"{"type":"pageView","timeOnSite":12,"pages":3,"cartValue":-1.25e2}"#
        #expect(try VisitorFrame.decode(json) == .pageView(PageView(timeOnSite: 12, pages: 3, cartValue: -125)))
        let huge = decodingError(VisitorFrame.self, #"{"type":"pageView","timeOnSite":1e400,"pages":3,"cartValue":0}"#)
        #expect(huge?.kind == .invalidField("timeOnSite", expected: "a finite number"))
        let pages = #"{"type":"pageView","timeOnSite":1,"pages":3.5,"cartValue":0}"#
        #expect(decodingError(VisitorFrame.self, pages)?.field == "pages")
    }

    @Test("a duplicate key")
    func duplicateKey() throws {
        let json = #"{"type":"message","chat":1,"seq":1,"id":"a","seq":2,"text":"x"}"#
        let error = try #require(decodingError(VisitorFrame.self, json))
        #expect(error.kind == .invalidField("seq", expected: "given only once"))
        #expect(error.description == #"field "seq" must be given only once"#)
        #expect(
            decodingError(VisitorFrame.self, #"{"type":"end","type":"end","chat":1}"#)?.kind
                == .invalidField("type", expected: "given only once")
        )
        #expect(decodingError(VisitorFrame.self, #"{"chat":1,"type":"end","type":"end"}"#)?.field == "type")
        #expect(decodingError(VisitorFrame.self, #"{"type":"request","department":"d","text":null,"text":"x"}"#)?.field == "text")
        // An ignored key may repeat.
        #expect(decodingError(VisitorFrame.self, #"{"type":"end","x":1,"x":2,"chat":1}"#) == nil)
    }

    @Test("null is absent for optional fields and invalid for required ones")
    func nulls() throws {
        let error = try #require(decodingError(VisitorFrame.self, #"{"type":"message","chat":1,"id":"a","seq":1,"text":null}"#))
        #expect(error.kind == .invalidField("text", expected: "a string"))
        #expect(
            decodingError(VisitorFrame.self, #"{"type":"leave","chat":null}"#)?.kind
                == .invalidField("chat", expected: "an unsigned integer")
        )
        let frame = try VisitorFrame.decode(#"{"type":"message","chat":1,"id":"a","seq":1,"text":"b","sentAt":null}"#)
        #expect(frame == .message(ChatMessage(chat: 1, id: "a", seq: 1, text: "b")))
        let ack = try ServerFrame.decode(#"{"type":"ack","chat":1,"id":"a","seq":1,"serverSeq":1,"duplicate":null}"#)
        #expect(ack == .ack(Ack(chat: 1, id: "a", seq: 1, serverSeq: 1)))
    }

    @Test("bytes after the object")
    func trailingGarbage() throws {
        let json = #"{"type":"leave","chat":1} x"#
        let error = try #require(decodingError(VisitorFrame.self, json))
        #expect(error.kind == .malformed(offset: 26, reason: "trailing bytes"))
        #expect(error.code == .malformed)
        #expect(error.field == nil)
        #expect(error.description == "malformed JSON at byte 26: trailing bytes")
        #expect(decodingError(VisitorFrame.self, #"{"type":"leave","chat":1}{}"#)?.code == .malformed)
        #expect(decodingError(VisitorFrame.self, " \t\r\n{\"type\":\"leave\",\"chat\":1} \n") == nil)
    }

    @Test("input that is not an object", arguments: ["", "   ", "[1]", #""leave""#, "null", "42", "\u{FEFF}{}"])
    func notAnObject(_ json: String) throws {
        let error = try #require(decodingError(VisitorFrame.self, json))
        guard case .malformed(_, let reason) = error.kind else {
            Issue.record("expected malformed, got \(error)")
            return
        }
        #expect(reason == "not an object")
    }

    @Test(
        "malformed JSON",
        arguments: [
            #"{"type":"leave","chat":1"#, #"{"type":"leave","chat":1,}"#, #"{"type":"leave" "chat":1}"#,
            #"{"type":"leave","chat"1}"#, #"{"type":"leave","chat":01}"#, #"{"type":"leave","chat":-}"#,
            #"{"type":"leave","chat":1.}"#, #"{"type":"leave","chat":+1}"#, #"{"type":"leave","chat":1,"x":tru}"#,
            #"{"type":"leave","chat":1,"x":[1,]}"#, #"{"type":"leave","chat":1,"x":{"a"}}"#,
            #"{"type":"leave","chat":1,"x":"\x"}"#,
            #"{"type":"leave","chat":1,"x":"abc}"#, "{\"type\":\"leave\",\"chat\":1,\"x\":\"a\tb\"}", #"{"type":"leave",chat:1}"#,
            "{\"type\":\"leave\",\"chat\":1,\u{A0}\"x\":1}", #"{'type':'leave'}"#, #"{"type":"leave","chat":1,"x":"\u12"}"#,
            #"{"type":"dance","chat":1,"x":[}"#,
        ]
    )
    func malformed(_ json: String) throws {
        let error = try #require(decodingError(VisitorFrame.self, json))
        #expect(error.code == .malformed, "\(error)")
    }

    @Test("invalid UTF-8 inside strings")
    func invalidUTF8() throws {
        let prefix = Array(#"{"type":"message","chat":1,"id":"a","seq":1,"text":"ok"#.utf8)
        let suffix = Array(#""}"#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80]] {
            let error = try #require(decodingError(VisitorFrame.self, bytes: prefix + bad + suffix))
            #expect(error.kind == .invalidUTF8(offset: prefix.count), "\(bad)")
            #expect(error.code == .invalidUTF8)
            #expect(error.description == "invalid UTF-8 at byte \(prefix.count)")
        }
        // In an ignored field, in a key, and in the type itself.
        let ignored = Array(#"{"type":"leave","chat":1,"x":"é"#.utf8) + [0xFF] + Array(#""}"#.utf8)
        #expect(decodingError(VisitorFrame.self, bytes: ignored)?.kind == .invalidUTF8(offset: ignored.count - 3))
        let key = Array(#"{"type":"leave","chat":1,""#.utf8) + [0xC3] + Array(#"":1}"#.utf8)
        #expect(decodingError(VisitorFrame.self, bytes: key)?.code == .invalidUTF8)
        let type = Array(#"{"type":"le"#.utf8) + [0xFE] + Array(#"ave","chat":1}"#.utf8)
        #expect(decodingError(VisitorFrame.self, bytes: type)?.code == .invalidUTF8)
        // Outside a string, a non-ASCII byte is not JSON at all.
        let outside = Array(#"{"type":"leave","chat":1"#.utf8) + [0xFF] + Array("}".utf8)
        #expect(decodingError(VisitorFrame.self, bytes: outside)?.code == .malformed)
    }

    @Test("lone surrogate escapes", arguments: [#"\uD800"#, #"\uDC00"#, #"\uD83D\u0041"#, #"\uD83Dx"#, #"\uDE9A\uD83D"#])
    func loneSurrogate(_ escape: String) throws {
        let json = #"{"type":"message","chat":1,"id":"a","seq":1,"text":"a\#(escape)"}"#
        let error = try #require(decodingError(VisitorFrame.self, json))
        #expect(error.kind == .malformed(offset: 53, reason: "lone surrogate"))
    }

    @Test("nesting deeper than 32 levels in an ignored field")
    func nestingTooDeep() throws {
        func frame(depth: Int) -> String {
            // The frame object is level 1, so `depth - 1` arrays reach `depth` levels.
            let arrays = depth - 1
            let nested = String(repeating: "[", count: arrays) + String(repeating: "]", count: arrays)
            return #"{"type":"leave","chat":1,"x":\#(nested)}"#
        }
        #expect(try VisitorFrame.decode(frame(depth: 32)) == .leave(chat: 1))
        let error = try #require(decodingError(VisitorFrame.self, frame(depth: 33)))
        guard case .malformed(_, let reason) = error.kind else {
            Issue.record("expected malformed, got \(error)")
            return
        }
        #expect(reason == "nesting too deep")
        let objects = String(repeating: #"{"a":"#, count: 40) + "1" + String(repeating: "}", count: 40)
        #expect(decodingError(VisitorFrame.self, #"{"x":\#(objects),"type":"leave","chat":1}"#)?.code == .malformed)
    }
}

/// JSON coding of the frames a visitor sends.
extension VisitorFrame: WireFrame {
    /// Decodes a visitor frame from the UTF-8 bytes of one WebSocket text frame.
    ///
    /// - Parameter bytes: The frame's payload: one JSON object, optionally surrounded by whitespace.
    /// - Returns: The frame.
    /// - Throws: ``FrameDecodingError`` naming what is wrong and where.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(FrameDecodingError) -> VisitorFrame {
        var reader = JSONReader(bytes)
        let type = try reader.openFrame()
        if reader.recognise(type, as: "message") {
            return .message(try ChatMessage(reading: &reader))
        } else if reader.recognise(type, as: "typing") {
            let (chat, on) = try readTyping(&reader)
            return .typing(chat: chat, on: on)
        } else if reader.recognise(type, as: "hello") {
            return .hello(try VisitorHello(reading: &reader))
        } else if reader.recognise(type, as: "pageView") {
            return .pageView(try PageView(reading: &reader))
        } else if reader.recognise(type, as: "inviteReply") {
            return try readInviteReply(&reader)
        } else if reader.recognise(type, as: "request") {
            return .request(try ChatRequest(reading: &reader))
        } else if reader.recognise(type, as: "leave") {
            return .leave(chat: try readChat(&reader))
        } else if reader.recognise(type, as: "end") {
            return .end(chat: try readChat(&reader))
        } else if reader.recognise(type, as: "survey") {
            return .survey(try Survey(reading: &reader))
        }
        throw reader.unknownType(type)
    }

    /// Appends the frame's compact JSON to `buffer`.
    ///
    /// - Parameter buffer: The buffer to append to; its existing bytes are kept.
    public func encode(into buffer: inout [UInt8]) {
        switch self {
        case .hello(let hello):
            JSONWriter.frame("hello", into: &buffer) { writer in
                hello.write(to: &writer)
            }
        case .pageView(let view):
            JSONWriter.frame("pageView", into: &buffer) { writer in
                view.write(to: &writer)
            }
        case .inviteReply(let invitation, let accepted):
            JSONWriter.frame("inviteReply", into: &buffer) { writer in
                writer.field("invitation", invitation)
                writer.field("accepted", accepted)
            }
        case .request(let request):
            JSONWriter.frame("request", into: &buffer, stringBytes: request.text?.utf8.count ?? 0) { writer in
                request.write(to: &writer)
            }
        case .message(let message):
            JSONWriter.frame("message", into: &buffer, stringBytes: message.stringBytes) { writer in
                message.write(to: &writer)
            }
        case .typing(let chat, let on):
            JSONWriter.frame("typing", into: &buffer) { writer in
                writer.field("chat", chat)
                writer.field("on", on)
            }
        case .leave(let chat):
            Self.encodeChatOnly("leave", chat, into: &buffer)
        case .end(let chat):
            Self.encodeChatOnly("end", chat, into: &buffer)
        case .survey(let survey):
            JSONWriter.frame("survey", into: &buffer, stringBytes: survey.comment?.utf8.count ?? 0) { writer in
                survey.write(to: &writer)
            }
        }
    }

    // MARK: Small frames

    /// Writes a frame whose only member is `chat`.
    static func encodeChatOnly(_ type: StaticString, _ chat: ChatID, into buffer: inout [UInt8]) {
        JSONWriter.frame(type, into: &buffer) { writer in
            writer.field("chat", chat)
        }
    }

    /// Reads the members of a frame whose only member is `chat`.
    static func readChat(_ reader: inout JSONReader) throws(FrameDecodingError) -> ChatID {
        var chat = FrameField<ChatID>.required("chat")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return try reader.value(chat)
    }

    /// Reads the members of a visitor's or an agent's `typing`.
    static func readTyping(_ reader: inout JSONReader) throws(FrameDecodingError) -> (ChatID, Bool) {
        var chat = FrameField<ChatID>.required("chat")
        var on = FrameField<Bool>.required("on")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case on: try reader.read(&on)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return (try reader.value(chat), try reader.value(on))
    }

    /// Reads the members of an `inviteReply`.
    private static func readInviteReply(_ reader: inout JSONReader) throws(FrameDecodingError) -> VisitorFrame {
        var invitation = FrameField<UInt64>.required("invitation")
        var accepted = FrameField<Bool>.required("accepted")
        while let key = try reader.nextKey() {
            switch key {
            case invitation: try reader.read(&invitation)
            case accepted: try reader.read(&accepted)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .inviteReply(invitation: try reader.value(invitation), accepted: try reader.value(accepted))
    }
}

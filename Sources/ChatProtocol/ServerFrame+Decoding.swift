/// JSON decoding of the frames the server sends, for clients such as ChatStorm's simulated
/// visitors and agents.
extension ServerFrame: WireFrame {
    /// Decodes a server frame from the UTF-8 bytes of one WebSocket text frame.
    ///
    /// - Parameter bytes: The frame's payload: one JSON object, optionally surrounded by whitespace.
    /// - Returns: The frame.
    /// - Throws: ``FrameDecodingError`` naming what is wrong and where.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(FrameDecodingError) -> ServerFrame {
        var reader = JSONReader(bytes)
        let type = try reader.openFrame()
        if reader.recognise(type, as: "message") {
            return .message(try RelayedMessage(reading: &reader))
        } else if reader.recognise(type, as: "ack") {
            return .ack(try Ack(reading: &reader))
        } else if reader.recognise(type, as: "typing") {
            return try readTyping(&reader)
        } else if reader.recognise(type, as: "welcome") {
            return try readWelcome(&reader)
        } else if reader.recognise(type, as: "queued") {
            return .queued(try Queued(reading: &reader))
        } else if reader.recognise(type, as: "assigned") {
            return .assigned(try Assignment(reading: &reader))
        } else if reader.recognise(type, as: "ended") {
            return try readEnded(&reader)
        } else if reader.recognise(type, as: "bot") {
            return try readBot(&reader)
        } else if reader.recognise(type, as: "offline") {
            return try readOffline(&reader)
        } else if reader.recognise(type, as: "invite") {
            return try readInvite(&reader)
        } else if reader.recognise(type, as: "error") {
            return .error(try ErrorFrame(reading: &reader))
        }
        throw reader.unknownType(type)
    }

    // MARK: Small frames

    /// Reads the members of a `welcome`; the protocol version's key is `protocol`.
    private static func readWelcome(_ reader: inout JSONReader) throws(FrameDecodingError) -> ServerFrame {
        var session = FrameField<UInt64>.required("session")
        var version = FrameField<Int>.required("protocol")
        while let key = try reader.nextKey() {
            switch key {
            case session: try reader.read(&session)
            case version: try reader.read(&version)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .welcome(session: try reader.value(session), protocolVersion: try reader.value(version))
    }

    /// Reads the members of a server `typing`.
    private static func readTyping(_ reader: inout JSONReader) throws(FrameDecodingError) -> ServerFrame {
        var chat = FrameField<ChatID>.required("chat")
        var from = FrameField<Party>.required("from")
        var on = FrameField<Bool>.required("on")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case from: try reader.read(&from)
            case on: try reader.read(&on)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .typing(chat: try reader.value(chat), from: try reader.value(from), on: try reader.value(on))
    }

    /// Reads the members of an `ended`.
    private static func readEnded(_ reader: inout JSONReader) throws(FrameDecodingError) -> ServerFrame {
        var chat = FrameField<ChatID>.required("chat")
        var reason = FrameField<EndReason>.required("reason")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case reason: try reader.read(&reason)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .ended(chat: try reader.value(chat), reason: try reader.value(reason))
    }

    /// Reads the members of a `bot`.
    private static func readBot(_ reader: inout JSONReader) throws(FrameDecodingError) -> ServerFrame {
        var chat = FrameField<ChatID>.required("chat")
        var text = FrameField<String>.required("text")
        var resolved = FrameField<Bool>.required("resolved")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case text: try reader.read(&text)
            case resolved: try reader.read(&resolved)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .bot(chat: try reader.value(chat), text: try reader.value(text), resolved: try reader.value(resolved))
    }

    /// Reads the members of an `offline`.
    private static func readOffline(_ reader: inout JSONReader) throws(FrameDecodingError) -> ServerFrame {
        var ticket = FrameField<UInt64>.required("ticket")
        var chat = FrameField<UInt64>.required("chat")
        var department = FrameField<String>.required("department")
        while let key = try reader.nextKey() {
            switch key {
            case ticket: try reader.read(&ticket)
            case chat: try reader.read(&chat)
            case department: try reader.read(&department)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .offline(ticket: try reader.value(ticket), chat: try reader.value(chat), department: try reader.value(department))
    }

    /// Reads the members of an `invite`.
    private static func readInvite(_ reader: inout JSONReader) throws(FrameDecodingError) -> ServerFrame {
        var invitation = FrameField<UInt64>.required("invitation")
        var text = FrameField<String>.required("text")
        while let key = try reader.nextKey() {
            switch key {
            case invitation: try reader.read(&invitation)
            case text: try reader.read(&text)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .invite(invitation: try reader.value(invitation), text: try reader.value(text))
    }
}

// JSON members of the payloads the server sends.

extension Queued {
    /// Reads the members of a `queued`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var chat = FrameField<ChatID>.required("chat")
        var position = FrameField<Int>.required("position")
        var department = FrameField<String>.required("department")
        var language = FrameField<String>.required("language")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case position: try reader.read(&position)
            case department: try reader.read(&department)
            case language: try reader.read(&language)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            chat: try reader.value(chat),
            position: try reader.value(position),
            department: try reader.value(department),
            language: try reader.value(language)
        )
    }

    /// Writes the members of a `queued`.
    func write(to writer: inout JSONWriter) {
        writer.field("chat", chat)
        writer.field("position", position)
        writer.field("department", department)
        writer.field("language", language)
    }
}

extension Assignment {
    /// Reads the members of an `assigned`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var chat = FrameField<ChatID>.required("chat")
        var visitor = FrameField<String>.required("visitor")
        var agent = FrameField<String>.required("agent")
        var department = FrameField<String>.required("department")
        var language = FrameField<String>.required("language")
        var text = FrameField<String>.optional("text")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case visitor: try reader.read(&visitor)
            case agent: try reader.read(&agent)
            case department: try reader.read(&department)
            case language: try reader.read(&language)
            case text: try reader.read(&text)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            chat: try reader.value(chat),
            visitor: try reader.value(visitor),
            agent: try reader.value(agent),
            department: try reader.value(department),
            language: try reader.value(language),
            text: text.value
        )
    }

    /// Writes the members of an `assigned`.
    func write(to writer: inout JSONWriter) {
        writer.field("chat", chat)
        writer.field("visitor", visitor)
        writer.field("agent", agent)
        writer.field("department", department)
        writer.field("language", language)
        writer.field("text", text)
    }
}

extension RelayedMessage {
    /// Reads the members of a relayed `message`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var chat = FrameField<ChatID>.required("chat")
        var from = FrameField<Party>.required("from")
        var id = FrameField<String>.required("id")
        var seq = FrameField<UInt64>.required("seq")
        var serverSeq = FrameField<UInt64>.required("serverSeq")
        var text = FrameField<String>.required("text")
        var sentAt = FrameField<Int64>.optional("sentAt")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case from: try reader.read(&from)
            case id: try reader.read(&id)
            case seq: try reader.read(&seq)
            case serverSeq: try reader.read(&serverSeq)
            case text: try reader.read(&text)
            case sentAt: try reader.read(&sentAt)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            chat: try reader.value(chat),
            from: try reader.value(from),
            id: try reader.value(id),
            seq: try reader.value(seq),
            serverSeq: try reader.value(serverSeq),
            text: try reader.value(text),
            sentAt: sentAt.value
        )
    }

    /// Writes the members of a relayed `message`.
    func write(to writer: inout JSONWriter) {
        writer.field("chat", chat)
        writer.field("from", from)
        writer.field("id", id)
        writer.field("seq", seq)
        writer.field("serverSeq", serverSeq)
        writer.field("text", text)
        writer.field("sentAt", sentAt)
    }
}

extension Ack {
    /// Reads the members of an `ack`; `duplicate` defaults to `false`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var chat = FrameField<ChatID>.required("chat")
        var id = FrameField<String>.required("id")
        var seq = FrameField<UInt64>.required("seq")
        var serverSeq = FrameField<UInt64>.required("serverSeq")
        var duplicate = FrameField<Bool>.optional("duplicate")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case id: try reader.read(&id)
            case seq: try reader.read(&seq)
            case serverSeq: try reader.read(&serverSeq)
            case duplicate: try reader.read(&duplicate)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            chat: try reader.value(chat),
            id: try reader.value(id),
            seq: try reader.value(seq),
            serverSeq: try reader.value(serverSeq),
            duplicate: duplicate.value ?? false
        )
    }

    /// Writes the members of an `ack`; `duplicate` only when it is `true`.
    func write(to writer: inout JSONWriter) {
        writer.field("chat", chat)
        writer.field("id", id)
        writer.field("seq", seq)
        writer.field("serverSeq", serverSeq)
        if duplicate {
            writer.field("duplicate", true)
        }
    }
}

extension ErrorFrame {
    /// Reads the members of an `error`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var code = FrameField<ErrorCode>.required("code")
        var text = FrameField<String>.required("text")
        var ref = FrameField<String>.optional("ref")
        while let key = try reader.nextKey() {
            switch key {
            case code: try reader.read(&code)
            case text: try reader.read(&text)
            case ref: try reader.read(&ref)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(code: try reader.value(code), text: try reader.value(text), ref: ref.value)
    }

    /// Writes the members of an `error`.
    func write(to writer: inout JSONWriter) {
        writer.field("code", code)
        writer.field("text", text)
        writer.field("ref", ref)
    }
}

// JSON members of the payloads that visitors and agents send.
//
// Each payload reads its members after `JSONReader.openFrame()` has found the frame's `type`, and
// writes them once `JSONWriter.frame(_:into:stringBytes:_:)` has written it, in the order of the
// protocol reference.

extension VisitorHello {
    /// Reads the members of a visitor `hello`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var visitor = FrameField<String>.required("visitor")
        var language = FrameField<String>.required("language")
        var region = FrameField<String>.required("region")
        var site = FrameField<String>.optional("site")
        var previousAgent = FrameField<String>.optional("previousAgent")
        while let key = try reader.nextKey() {
            switch key {
            case visitor: try reader.read(&visitor)
            case language: try reader.read(&language)
            case region: try reader.read(&region)
            case site: try reader.read(&site)
            case previousAgent: try reader.read(&previousAgent)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            visitor: try reader.value(visitor),
            language: try reader.value(language),
            region: try reader.value(region),
            site: site.value,
            previousAgent: previousAgent.value
        )
    }

    /// Writes the members of a visitor `hello`.
    func write(to writer: inout JSONWriter) {
        writer.field("visitor", visitor)
        writer.field("language", language)
        writer.field("region", region)
        writer.field("site", site)
        writer.field("previousAgent", previousAgent)
    }
}

extension PageView {
    /// Reads the members of a `pageView`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var page = FrameField<String>.optional("page")
        var timeOnSite = FrameField<Double>.required("timeOnSite")
        var pages = FrameField<Int>.required("pages")
        var cartValue = FrameField<Double>.required("cartValue")
        while let key = try reader.nextKey() {
            switch key {
            case page: try reader.read(&page)
            case timeOnSite: try reader.read(&timeOnSite)
            case pages: try reader.read(&pages)
            case cartValue: try reader.read(&cartValue)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            page: page.value,
            timeOnSite: try reader.value(timeOnSite),
            pages: try reader.value(pages),
            cartValue: try reader.value(cartValue)
        )
    }

    /// Writes the members of a `pageView`.
    func write(to writer: inout JSONWriter) {
        writer.field("page", page)
        writer.field("timeOnSite", timeOnSite)
        writer.field("pages", pages)
        writer.field("cartValue", cartValue)
    }
}

extension ChatRequest {
    /// Reads the members of a `request`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var department = FrameField<String>.required("department")
        var language = FrameField<String>.optional("language")
        var text = FrameField<String>.optional("text")
        while let key = try reader.nextKey() {
            switch key {
            case department: try reader.read(&department)
            case language: try reader.read(&language)
            case text: try reader.read(&text)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(department: try reader.value(department), language: language.value, text: text.value)
    }

    /// Writes the members of a `request`.
    func write(to writer: inout JSONWriter) {
        writer.field("department", department)
        writer.field("language", language)
        writer.field("text", text)
    }
}

extension ChatMessage {
    /// Reads the members of a visitor's or an agent's `message`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var chat = FrameField<ChatID>.required("chat")
        var id = FrameField<String>.required("id")
        var seq = FrameField<UInt64>.required("seq")
        var text = FrameField<String>.required("text")
        var sentAt = FrameField<Int64>.optional("sentAt")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case id: try reader.read(&id)
            case seq: try reader.read(&seq)
            case text: try reader.read(&text)
            case sentAt: try reader.read(&sentAt)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            chat: try reader.value(chat),
            id: try reader.value(id),
            seq: try reader.value(seq),
            text: try reader.value(text),
            sentAt: sentAt.value
        )
    }

    /// Writes the members of a `message`.
    func write(to writer: inout JSONWriter) {
        writer.field("chat", chat)
        writer.field("id", id)
        writer.field("seq", seq)
        writer.field("text", text)
        writer.field("sentAt", sentAt)
    }

    /// The UTF-8 size of the message's strings, for ``JSONWriter/frame(_:into:stringBytes:_:)``.
    var stringBytes: Int {
        id.utf8.count + text.utf8.count
    }
}

extension Survey {
    /// Reads the members of a `survey`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var chat = FrameField<ChatID>.required("chat")
        var score = FrameField<Int>.required("score")
        var comment = FrameField<String>.optional("comment")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case score: try reader.read(&score)
            case comment: try reader.read(&comment)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(chat: try reader.value(chat), score: try reader.value(score), comment: comment.value)
    }

    /// Writes the members of a `survey`.
    func write(to writer: inout JSONWriter) {
        writer.field("chat", chat)
        writer.field("score", score)
        writer.field("comment", comment)
    }
}

extension AgentHello {
    /// Reads the members of an agent `hello`.
    init(reading reader: inout JSONReader) throws(FrameDecodingError) {
        var agent = FrameField<String>.required("agent")
        var token = FrameField<String>.required("token")
        var languages = FrameField<[String]>.required("languages")
        var departments = FrameField<[String]>.required("departments")
        var capacity = FrameField<Int>.required("capacity")
        var site = FrameField<String>.optional("site")
        var translation = FrameField<Bool>.optional("translation")
        while let key = try reader.nextKey() {
            switch key {
            case agent: try reader.read(&agent)
            case token: try reader.read(&token)
            case languages: try reader.read(&languages)
            case departments: try reader.read(&departments)
            case capacity: try reader.read(&capacity)
            case site: try reader.read(&site)
            case translation: try reader.read(&translation)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        self.init(
            agent: try reader.value(agent),
            token: try reader.value(token),
            languages: try reader.value(languages),
            departments: try reader.value(departments),
            capacity: try reader.value(capacity),
            site: site.value,
            translation: translation.value ?? false
        )
    }

    /// Writes the members of an agent `hello`; `translation` is always written.
    func write(to writer: inout JSONWriter) {
        writer.field("agent", agent)
        writer.field("token", token)
        writer.field("languages", languages)
        writer.field("departments", departments)
        writer.field("capacity", capacity)
        writer.field("site", site)
        writer.field("translation", translation)
    }
}

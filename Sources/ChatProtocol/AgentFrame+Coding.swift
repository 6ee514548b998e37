/// JSON coding of the frames an agent sends.
extension AgentFrame: WireFrame {
    /// Decodes an agent frame from the UTF-8 bytes of one WebSocket text frame.
    ///
    /// - Parameter bytes: The frame's payload: one JSON object, optionally surrounded by whitespace.
    /// - Returns: The frame.
    /// - Throws: ``FrameDecodingError`` naming what is wrong and where.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(FrameDecodingError) -> AgentFrame {
        var reader = JSONReader(bytes)
        let type = try reader.openFrame()
        if reader.recognise(type, as: "message") {
            return .message(try ChatMessage(reading: &reader))
        } else if reader.recognise(type, as: "typing") {
            let (chat, on) = try VisitorFrame.readTyping(&reader)
            return .typing(chat: chat, on: on)
        } else if reader.recognise(type, as: "hello") {
            return .hello(try AgentHello(reading: &reader))
        } else if reader.recognise(type, as: "status") {
            return .status(try readStatus(&reader))
        } else if reader.recognise(type, as: "end") {
            return .end(chat: try VisitorFrame.readChat(&reader))
        } else if reader.recognise(type, as: "transfer") {
            return try readTransfer(&reader)
        }
        throw reader.unknownType(type)
    }

    /// Appends the frame's compact JSON to `buffer`.
    ///
    /// - Parameter buffer: The buffer to append to; its existing bytes are kept.
    public func encode(into buffer: inout [UInt8]) {
        switch self {
        case .hello(let hello):
            let stringBytes = (hello.languages + hello.departments).reduce(0) { $0 + $1.utf8.count + 3 }
            JSONWriter.frame("hello", into: &buffer, stringBytes: stringBytes) { writer in
                hello.write(to: &writer)
            }
        case .status(let status):
            JSONWriter.frame("status", into: &buffer) { writer in
                writer.field("status", status)
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
        case .end(let chat):
            VisitorFrame.encodeChatOnly("end", chat, into: &buffer)
        case .transfer(let chat, let department):
            JSONWriter.frame("transfer", into: &buffer) { writer in
                writer.field("chat", chat)
                writer.field("department", department)
            }
        }
    }

    // MARK: Small frames

    /// Reads the members of a `status`.
    private static func readStatus(_ reader: inout JSONReader) throws(FrameDecodingError) -> AgentStatus {
        var status = FrameField<AgentStatus>.required("status")
        while let key = try reader.nextKey() {
            switch key {
            case status: try reader.read(&status)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return try reader.value(status)
    }

    /// Reads the members of a `transfer`.
    private static func readTransfer(_ reader: inout JSONReader) throws(FrameDecodingError) -> AgentFrame {
        var chat = FrameField<ChatID>.required("chat")
        var department = FrameField<String>.required("department")
        while let key = try reader.nextKey() {
            switch key {
            case chat: try reader.read(&chat)
            case department: try reader.read(&department)
            default: try reader.skipValue()
            }
        }
        try reader.finish()
        return .transfer(chat: try reader.value(chat), department: try reader.value(department))
    }
}

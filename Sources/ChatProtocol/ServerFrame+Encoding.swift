/// JSON encoding of the frames the server sends.
extension ServerFrame {
    /// Appends the frame's compact JSON to `buffer`.
    ///
    /// - Parameter buffer: The buffer to append to; its existing bytes are kept.
    public func encode(into buffer: inout [UInt8]) {
        switch self {
        case .welcome(let session, let version):
            JSONWriter.frame("welcome", into: &buffer) { writer in
                writer.field("session", session)
                writer.field("protocol", version)
            }
        case .queued(let queued):
            JSONWriter.frame("queued", into: &buffer) { writer in
                queued.write(to: &writer)
            }
        case .assigned(let assignment):
            JSONWriter.frame("assigned", into: &buffer, stringBytes: assignment.text?.utf8.count ?? 0) { writer in
                assignment.write(to: &writer)
            }
        case .message(let message):
            JSONWriter.frame("message", into: &buffer, stringBytes: message.id.utf8.count + message.text.utf8.count) {
                writer in
                message.write(to: &writer)
            }
        case .ack(let ack):
            JSONWriter.frame("ack", into: &buffer, stringBytes: ack.id.utf8.count) { writer in
                ack.write(to: &writer)
            }
        case .typing(let chat, let from, let on):
            JSONWriter.frame("typing", into: &buffer) { writer in
                writer.field("chat", chat)
                writer.field("from", from)
                writer.field("on", on)
            }
        case .ended(let chat, let reason):
            JSONWriter.frame("ended", into: &buffer) { writer in
                writer.field("chat", chat)
                writer.field("reason", reason)
            }
        case .bot(let chat, let text, let resolved):
            JSONWriter.frame("bot", into: &buffer, stringBytes: text.utf8.count) { writer in
                writer.field("chat", chat)
                writer.field("text", text)
                writer.field("resolved", resolved)
            }
        case .offline(let ticket, let chat, let department):
            JSONWriter.frame("offline", into: &buffer) { writer in
                writer.field("ticket", ticket)
                writer.field("chat", chat)
                writer.field("department", department)
            }
        case .invite(let invitation, let text):
            JSONWriter.frame("invite", into: &buffer, stringBytes: text.utf8.count) { writer in
                writer.field("invitation", invitation)
                writer.field("text", text)
            }
        case .error(let error):
            JSONWriter.frame("error", into: &buffer, stringBytes: error.text.utf8.count) { writer in
                error.write(to: &writer)
            }
        }
    }
}

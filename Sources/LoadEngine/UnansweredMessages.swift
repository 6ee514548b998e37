/// The messages a session sent that the server has neither acknowledged nor refused yet, each with what its sender
/// needs to record a refusal (the breakdown keys it was sent under, and for an agent its chat). A few at a time: a
/// visitor writes one message at a time, an agent one reply per chat.
struct UnansweredMessages<Info> {
    private var entries: [(id: String, info: Info)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func sent(_ id: String, _ info: Info) { entries.append((id, info)) }

    /// The server acknowledged the message `id` (an unknown id changes nothing).
    mutating func acknowledged(_ id: String) {
        if let index = entries.firstIndex(where: { $0.id == id }) { entries.remove(at: index) }
    }

    /// The server refused the frame `ref` names: its info when that is one of these messages, nil otherwise (an
    /// error about another frame, or about none).
    mutating func refused(_ ref: String?) -> Info? {
        guard let ref, let index = entries.firstIndex(where: { $0.id == ref }) else { return nil }
        return entries.remove(at: index).info
    }

    /// The connection closed: no answer will come for these.
    mutating func removeAll() { entries.removeAll() }
}

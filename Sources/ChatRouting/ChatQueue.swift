/// One first-come-first-served queue of chats waiting for an agent.
///
/// An array with a moving head: `popFirst` is O(1) amortised, removal from the middle (abandonment) and
/// insertion at the head (re-queued chats) are O(n), which is fine for queues of thousands.
struct ChatQueue: Sendable {
    struct Entry: Sendable, Hashable {
        var chat: ChatID
        /// When the visitor asked for the chat; orders heads across queues (longest wait first).
        var since: Double
    }

    private var storage: [Entry] = []
    private var head = 0

    var count: Int { storage.count - head }
    var isEmpty: Bool { head == storage.count }
    var first: Entry? { isEmpty ? nil : storage[head] }

    /// Entries in queue order.
    var entries: ArraySlice<Entry> { storage[head...] }

    mutating func append(_ entry: Entry) { storage.append(entry) }

    mutating func prepend(_ entry: Entry) {
        if head > 0 {
            head -= 1
            storage[head] = entry
        } else {
            storage.insert(entry, at: 0)
        }
    }

    mutating func popFirst() -> Entry? {
        guard !isEmpty else { return nil }
        let entry = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return entry
    }

    /// Removes a chat; returns its 1-based position, or nil when it was not queued here.
    mutating func remove(_ chat: ChatID) -> Int? {
        guard let index = storage[head...].firstIndex(where: { $0.chat == chat }) else { return nil }
        storage.remove(at: index)
        return index - head + 1
    }

    /// The earliest `since` in the queue (re-queued chats at the head need not be the oldest).
    var oldestSince: Double? { storage[head...].lazy.map(\.since).min() }
}

/// The routing's queues by key, and the number of chats in all of them, kept as they change: a chat's end looks
/// for waiting chats in its agent's queues only when some chat waits (the look began with a miss on the agent's
/// list of skills: 1.1 % of a simulated day at that one load).
struct ChatQueues: Sequence, Sendable {
    private var byKey: [QueueKey: ChatQueue] = [:]
    /// The keys in the order their queues were first used: what iterating the queues follows. A dictionary's own
    /// order differs from process to process, and the overflow rule drains queues in iteration order, so it would
    /// make a simulation differ between runs of one seed.
    private(set) var keys: [QueueKey] = []
    /// The chats waiting in all the queues.
    private(set) var chatCount = 0

    subscript(key: QueueKey) -> ChatQueue? { byKey[key] }

    /// The longest-waiting chat of the queue of `key`, read in place.
    func head(of key: QueueKey) -> ChatQueue.Entry? { byKey[key]?.first }

    func makeIterator() -> some IteratorProtocol<(key: QueueKey, value: ChatQueue)> {
        keys.lazy.map { (key: $0, value: byKey[$0]!) }.makeIterator()
    }

    mutating func append(_ entry: ChatQueue.Entry, to key: QueueKey) {
        if byKey[key] == nil { keys.append(key) }
        byKey[key, default: ChatQueue()].append(entry)
        chatCount += 1
    }

    mutating func prepend(_ entry: ChatQueue.Entry, to key: QueueKey) {
        if byKey[key] == nil { keys.append(key) }
        byKey[key, default: ChatQueue()].prepend(entry)
        chatCount += 1
    }

    mutating func popFirst(of key: QueueKey) -> ChatQueue.Entry? {
        guard let entry = byKey[key]?.popFirst() else { return nil }
        chatCount -= 1
        return entry
    }

    /// Removes a chat from the queue of `key`; returns its 1-based position, or nil when it was not queued there.
    mutating func remove(_ chat: ChatID, from key: QueueKey) -> Int? {
        guard let position = byKey[key]?.remove(chat) else { return nil }
        chatCount -= 1
        return position
    }
}

import ChatProtocol

/// What the run knows of each chat's messages in each direction, from both ends: the server numbers the messages
/// it relays in a chat and direction 1, 2, 3 … (`serverSeq`), tells the sender each number in its `ack`, and the
/// receiver sees it on the message.
///
/// - A gap in the numbers a receiver sees is that many lost messages; a repeat of the last number a duplicate; an
///   older number a late message, which is no longer lost.
/// - A message the server acknowledged that its receiver has not seen when the chat's `ended` reaches the receiver
///   is lost too: the server sends a chat's `ended` after every message it relayed in that chat, so nothing it
///   relayed can come later. Without this, a server that loses the last messages of a chat (where no later number
///   shows the gap) would lose them unseen. An acknowledgement that arrives after the receiver's `ended` (the two
///   travel on different connections) is counted then.
///
/// Both parties are played by this run, so the ledger is kept per chat for the run, not per session: an agent
/// that takes over a chat (a transfer, or a requeue when its first agent dropped) sees its numbers carry on, which
/// is no gap. A message acknowledged but neither seen nor followed by its receiver's `ended` when the run ends is
/// in flight, not lost.
struct DeliveryLedger {
    struct Integrity: Equatable {
        var lost = 0
        var duplicated = 0
        var reordered = 0
    }

    private struct Key: Hashable {
        var chat: ChatID
        var toVisitor: Bool
    }

    private struct Entry {
        /// Every number up to this one is accounted for: received, or counted lost.
        var accounted: UInt64 = 0
        /// The last number received (a repeat of it is a duplicate).
        var lastReceived: UInt64 = 0
        /// The highest number acknowledged to a sender.
        var acknowledged: UInt64 = 0
        /// The run second the receiver had the chat's `ended`, if it has.
        var endedAt: Int?
        /// The run second of the entry's last change.
        var touched: Int
    }

    private var entries: [Key: Entry] = [:]
    /// Chats forgotten without news for ``keptIdle`` (a chat waiting long in a queue after a transfer, at speed 1):
    /// should one carry on, its numbers start from where they are instead of showing a gap from 1. Eight bytes a
    /// chat, for the few chats whose end a receiver never hears.
    private var forgotten: Set<Key> = []

    /// How long an entry is kept after its receiver's `ended`, for an acknowledgement still on its way (run seconds).
    static let keptAfterEnd = 60
    /// How long an entry is kept without news, for a receiver that never hears its chat's `ended` (run seconds).
    static let keptIdle = 3_600

    /// Chats with an entry (for tests and the sweep).
    var count: Int { entries.count }

    /// The receiver saw the message numbered `serverSeq` in `chat`.
    mutating func received(chat: ChatID, toVisitor: Bool, serverSeq: UInt64, second: Int) -> Integrity {
        update(Key(chat: chat, toVisitor: toVisitor), seeing: serverSeq, second: second) { entry in
            if serverSeq > entry.accounted {
                defer {
                    entry.accounted = serverSeq
                    entry.lastReceived = serverSeq
                }
                return Integrity(lost: Int(serverSeq - entry.accounted - 1))
            }
            if serverSeq == entry.lastReceived { return Integrity(duplicated: 1) }
            // An older number: a late message, counted lost when the gap (or the chat's end) showed it missing.
            return Integrity(lost: -1, reordered: 1)
        }
    }

    /// The server acknowledged a message it numbered `serverSeq` in `chat` (0: not relayed, a duplicate). Returns
    /// the messages this shows lost: none until the receiver has the chat's `ended`.
    mutating func acknowledged(chat: ChatID, toVisitor: Bool, serverSeq: UInt64, second: Int) -> Int {
        guard serverSeq > 0 else { return 0 }
        return update(Key(chat: chat, toVisitor: toVisitor), seeing: serverSeq, second: second) { entry in
            entry.acknowledged = max(entry.acknowledged, serverSeq)
            guard entry.endedAt != nil, serverSeq > entry.accounted else { return 0 }
            defer { entry.accounted = serverSeq }
            return Int(serverSeq - entry.accounted)
        }
    }

    /// The receiver had the chat's `ended`: what was acknowledged and not received is lost.
    mutating func ended(chat: ChatID, toVisitor: Bool, second: Int) -> Int {
        update(Key(chat: chat, toVisitor: toVisitor), seeing: 0, second: second) { entry in
            entry.endedAt = second
            guard entry.acknowledged > entry.accounted else { return 0 }
            defer { entry.accounted = entry.acknowledged }
            return Int(entry.acknowledged - entry.accounted)
        }
    }

    /// Applies `change` to the entry of `key`, touched at `second`, in place (one hash per message). A new entry for
    /// a chat forgotten in a ``sweep(second:)`` takes the numbers before `serverSeq` as accounted for.
    private mutating func update<Result>(
        _ key: Key,
        seeing serverSeq: UInt64,
        second: Int,
        _ change: (inout Entry) -> Result
    ) -> Result {
        if let index = entries.index(forKey: key) {
            entries.values[index].touched = second
            return change(&entries.values[index])
        }
        var entry = Entry(touched: second)
        if forgotten.remove(key) != nil {
            entry.accounted = max(serverSeq, 1) - 1
            entry.lastReceived = entry.accounted
        }
        let result = change(&entry)
        entries[key] = entry
        return result
    }

    /// Forgets the chats ended more than ``keptAfterEnd`` ago and those without news for ``keptIdle``.
    mutating func sweep(second: Int) {
        entries = entries.filter { key, entry in
            if let endedAt = entry.endedAt { return second - endedAt < Self.keptAfterEnd }
            if second - entry.touched < Self.keptIdle { return true }
            forgotten.insert(key)
            return false
        }
    }
}

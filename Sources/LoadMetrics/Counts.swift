/// Event counts of a run (or of one breakdown key). Every field adds up when runs are merged.
///
/// `messagesReceived` counts first receipts only; a repeated receipt counts in `messagesDuplicated`.
/// `chatsCompleted` is the "chatted" outcome: a visitor whose chat reached its end.
public struct Counts: Codable, Sendable, Equatable {
    public var visitorsArrived = 0
    public var chatsRequested = 0
    public var chatsAssigned = 0
    public var chatsCompleted = 0
    public var chatsAbandoned = 0
    public var offlineTickets = 0
    public var botResolved = 0
    public var leftAtForm = 0
    public var stillActive = 0
    public var transfers = 0
    public var messagesSent = 0
    public var messagesReceived = 0
    public var messagesLost = 0
    public var messagesDuplicated = 0
    public var messagesReordered = 0
    public var errors = 0
    /// Errors by kind (`"connect"`, `"protocol"`, `"timeout"`, … as the producer names them).
    public var errorsByKind: [String: Int] = [:]

    public init() {}

    /// The arrivals that reached exactly one final outcome.
    public var outcomes: Int {
        leftAtForm + chatsCompleted + chatsAbandoned + offlineTickets + botResolved + stillActive
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: Counts) {
        visitorsArrived += other.visitorsArrived
        chatsRequested += other.chatsRequested
        chatsAssigned += other.chatsAssigned
        chatsCompleted += other.chatsCompleted
        chatsAbandoned += other.chatsAbandoned
        offlineTickets += other.offlineTickets
        botResolved += other.botResolved
        leftAtForm += other.leftAtForm
        stillActive += other.stillActive
        transfers += other.transfers
        messagesSent += other.messagesSent
        messagesReceived += other.messagesReceived
        messagesLost += other.messagesLost
        messagesDuplicated += other.messagesDuplicated
        messagesReordered += other.messagesReordered
        errors += other.errors
        errorsByKind.merge(other.errorsByKind, uniquingKeysWith: +)
    }
}

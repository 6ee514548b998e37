/// Event counts of a run (or of one breakdown key). Every field adds up when runs are merged.
///
/// `messagesReceived` counts first receipts only; a repeated receipt counts in `messagesDuplicated`.
/// `chatsCompleted` is the "chatted" outcome: a visitor whose chat reached its end.
/// `messagesRefused` counts messages the server refused because their chat had already ended: the other side
/// ended it while the message was on its way (a race of any live chat, neither received nor lost).
public struct Counts: Codable, Sendable, Equatable {
    public var visitorsArrived = 0
    public var chatsRequested = 0
    /// Requests that waited in a queue (were not assigned, resolved or ticketed the moment they
    /// arrived): P(wait) is `chatsQueued / chatsOffered`.
    public var chatsQueued = 0
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
    public var messagesRefused = 0
    public var messagesDuplicated = 0
    public var messagesReordered = 0
    public var errors = 0
    /// Errors by kind (`"connect"`, `"protocol"`, `"timeout"`, … as the producer names them).
    public var errorsByKind: [String: Int] = [:]

    /// The requests offered to the agents: all but those a bot resolved, which never needed one. The service
    /// level, abandonment and P(wait) are shares of these, as `chatstorm plan` plans them (a department whose bot
    /// resolves half its chats is not at most 50 % within T for that).
    public var chatsOffered: Int { chatsRequested - botResolved }

    public init() {}

    /// The arrivals that reached exactly one final outcome.
    public var outcomes: Int {
        leftAtForm + chatsCompleted + chatsAbandoned + offlineTickets + botResolved + stillActive
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: Counts) {
        visitorsArrived += other.visitorsArrived
        chatsRequested += other.chatsRequested
        chatsQueued += other.chatsQueued
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
        messagesRefused += other.messagesRefused
        messagesDuplicated += other.messagesDuplicated
        messagesReordered += other.messagesReordered
        errors += other.errors
        errorsByKind.merge(other.errorsByKind, uniquingKeysWith: +)
    }
}

extension Counts {
    enum CodingKeys: String, CodingKey {
        case visitorsArrived, chatsRequested, chatsQueued, chatsAssigned, chatsCompleted, chatsAbandoned
        case offlineTickets, botResolved, leftAtForm, stillActive, transfers, messagesSent, messagesReceived
        case messagesLost, messagesRefused, messagesDuplicated, messagesReordered, errors, errorsByKind
    }

    /// Reads counts; `chatsQueued` and `messagesRefused`, added within schema version 1, are 0 in older files.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        visitorsArrived = try c.decode(Int.self, forKey: .visitorsArrived)
        chatsRequested = try c.decode(Int.self, forKey: .chatsRequested)
        chatsQueued = try c.decodeIfPresent(Int.self, forKey: .chatsQueued) ?? 0
        chatsAssigned = try c.decode(Int.self, forKey: .chatsAssigned)
        chatsCompleted = try c.decode(Int.self, forKey: .chatsCompleted)
        chatsAbandoned = try c.decode(Int.self, forKey: .chatsAbandoned)
        offlineTickets = try c.decode(Int.self, forKey: .offlineTickets)
        botResolved = try c.decode(Int.self, forKey: .botResolved)
        leftAtForm = try c.decode(Int.self, forKey: .leftAtForm)
        stillActive = try c.decode(Int.self, forKey: .stillActive)
        transfers = try c.decode(Int.self, forKey: .transfers)
        messagesSent = try c.decode(Int.self, forKey: .messagesSent)
        messagesReceived = try c.decode(Int.self, forKey: .messagesReceived)
        messagesLost = try c.decode(Int.self, forKey: .messagesLost)
        messagesRefused = try c.decodeIfPresent(Int.self, forKey: .messagesRefused) ?? 0
        messagesDuplicated = try c.decode(Int.self, forKey: .messagesDuplicated)
        messagesReordered = try c.decode(Int.self, forKey: .messagesReordered)
        errors = try c.decode(Int.self, forKey: .errors)
        errorsByKind = try c.decode([String: Int].self, forKey: .errorsByKind)
    }
}

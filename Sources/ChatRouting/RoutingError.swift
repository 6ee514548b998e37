/// A request the contact centre refuses; the state is unchanged when one is thrown.
public struct RoutingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// The visitor or agent has not said hello (or has gone).
        case unknownParticipant
        /// An agent with this id is already logged in.
        case alreadyLoggedIn
        /// The chat does not exist or does not belong to the sender.
        case notYourChat
        /// The chat is not in a state that allows this (message while queued, survey before the end, …).
        case invalidState
        /// The visitor already has an open chat.
        case alreadyRequested
        /// A value out of range (capacity below 1, score outside 1...5, sequence number 0).
        case invalidValue
    }

    public var kind: Kind
    public var detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}

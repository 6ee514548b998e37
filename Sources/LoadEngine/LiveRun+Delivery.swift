import ChatProtocol
import LoadMetrics
import NIOCore

// Delivery integrity: what the drivers tell the run of each message's way, kept in the run's `DeliveryLedger`.
extension LiveRun {
    /// A relayed message arrived: latency from its intended send time, and delivery integrity.
    func delivered(_ message: RelayedMessage, to keys: BreakdownKeys, direction: RunRecorder.Direction) {
        let integrity = ledger.received(
            chat: message.chat,
            toVisitor: direction == .agentToVisitor,
            serverSeq: message.serverSeq,
            second: second
        )
        if integrity != DeliveryLedger.Integrity() {
            recorder.messageIntegrity(keys, lost: integrity.lost, duplicated: integrity.duplicated, reordered: integrity.reordered)
        }
        guard integrity.duplicated == 0 else { return }
        let latency = message.sentAt.map { NIODeadline.now() - clock.deadline(micros: $0) } ?? .nanoseconds(0)
        recorder.messageDelivered(keys, direction: direction, latency: .nanoseconds(max(0, latency.nanoseconds)))
    }

    /// The server acknowledged a message sent in `direction`; `keys` are its chat's.
    func acknowledged(_ ack: Ack, direction: RunRecorder.Direction, keys: BreakdownKeys) {
        let lost = ledger.acknowledged(
            chat: ack.chat,
            toVisitor: direction == .agentToVisitor,
            serverSeq: ack.serverSeq,
            second: second
        )
        if lost != 0 { recorder.messageIntegrity(keys, lost: lost) }
    }

    /// The receiver of `direction` had `chat`'s `ended`: nothing more will reach it in that chat.
    func chatEnded(_ chat: ChatID, direction: RunRecorder.Direction, keys: BreakdownKeys) {
        let lost = ledger.ended(chat: chat, toVisitor: direction == .agentToVisitor, second: second)
        if lost != 0 { recorder.messageIntegrity(keys, lost: lost) }
    }
}

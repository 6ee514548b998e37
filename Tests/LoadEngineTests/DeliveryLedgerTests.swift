import Testing

@testable import LoadEngine

@Suite("Delivery integrity: the ledger of each chat's numbers")
struct DeliveryLedgerTests {
    private typealias Integrity = DeliveryLedger.Integrity

    @Test("gaps count as lost, a repeat as duplicated, a late one as reordered and no longer lost")
    func oneChat() {
        var ledger = DeliveryLedger()
        func receive(_ serverSeq: UInt64) -> Integrity {
            ledger.received(chat: 7, toVisitor: true, serverSeq: serverSeq, second: 0)
        }
        #expect(receive(1) == Integrity())
        #expect(receive(2) == Integrity())
        #expect(receive(5) == Integrity(lost: 2))
        #expect(receive(5) == Integrity(duplicated: 1))
        #expect(receive(3) == Integrity(lost: -1, reordered: 1))
        #expect(receive(6) == Integrity())
    }

    @Test("chats and directions keep their own numbering")
    func interleaved() {
        var ledger = DeliveryLedger()
        var totals = Integrity()
        // Three chats, each numbered 1…20 both ways, delivered round-robin; chat 2 skips 10 towards the visitor and
        // chat 3 repeats 15 towards the agent.
        for seq in 1...20 as ClosedRange<UInt64> {
            for chat in [1, 2, 3] as [UInt64] {
                for toVisitor in [true, false] {
                    if chat == 2 && seq == 10 && toVisitor { continue }
                    let repeats = chat == 3 && seq == 15 && !toVisitor ? 2 : 1
                    for _ in 0..<repeats {
                        let found = ledger.received(chat: chat, toVisitor: toVisitor, serverSeq: seq, second: 0)
                        totals.lost += found.lost
                        totals.duplicated += found.duplicated
                        totals.reordered += found.reordered
                    }
                }
            }
        }
        #expect(totals == Integrity(lost: 1, duplicated: 1))
    }

    @Test("what was acknowledged and not received when the receiver has the chat's end is lost, late acknowledgements too")
    func lostTail() {
        var ledger = DeliveryLedger()
        // The agent's messages 1…3 were acknowledged; the visitor saw only 1: no gap shows the other two.
        for serverSeq in 1...3 as ClosedRange<UInt64> {
            #expect(ledger.acknowledged(chat: 4, toVisitor: true, serverSeq: serverSeq, second: 1) == 0)
        }
        #expect(ledger.received(chat: 4, toVisitor: true, serverSeq: 1, second: 1) == Integrity())
        #expect(ledger.ended(chat: 4, toVisitor: true, second: 2) == 2)
        // Message 4's acknowledgement comes after the visitor's `ended` (another connection): lost as well, once.
        #expect(ledger.acknowledged(chat: 4, toVisitor: true, serverSeq: 4, second: 2) == 1)
        #expect(ledger.acknowledged(chat: 4, toVisitor: true, serverSeq: 3, second: 2) == 0)
        // A duplicate's acknowledgement (number 0) names no message.
        #expect(ledger.acknowledged(chat: 4, toVisitor: true, serverSeq: 0, second: 2) == 0)
        // Should one of them still come, it is late, no longer lost.
        #expect(ledger.received(chat: 4, toVisitor: true, serverSeq: 2, second: 3) == Integrity(lost: -1, reordered: 1))
        // The other direction of the chat had everything.
        #expect(ledger.acknowledged(chat: 4, toVisitor: false, serverSeq: 1, second: 1) == 0)
        #expect(ledger.received(chat: 4, toVisitor: false, serverSeq: 1, second: 1) == Integrity())
        #expect(ledger.ended(chat: 4, toVisitor: false, second: 2) == 0)
    }

    @Test("an agent taking over a chat carries on its numbering: no gap")
    func takeover() {
        var ledger = DeliveryLedger()
        // The visitor's messages 1 and 2 reached the first agent, 3 the agent the chat was transferred to.
        for serverSeq in 1...3 as ClosedRange<UInt64> {
            #expect(ledger.acknowledged(chat: 9, toVisitor: false, serverSeq: serverSeq, second: 0) == 0)
            #expect(ledger.received(chat: 9, toVisitor: false, serverSeq: serverSeq, second: 0) == Integrity())
        }
        #expect(ledger.ended(chat: 9, toVisitor: false, second: 1) == 0)
    }

    @Test("ended chats are forgotten a minute later, chats without news after an hour, and such a chat may carry on")
    func sweep() {
        var ledger = DeliveryLedger()
        _ = ledger.received(chat: 1, toVisitor: true, serverSeq: 1, second: 10)
        _ = ledger.ended(chat: 1, toVisitor: true, second: 10)
        _ = ledger.received(chat: 2, toVisitor: true, serverSeq: 1, second: 10)
        ledger.sweep(second: 10 + DeliveryLedger.keptAfterEnd - 1)
        #expect(ledger.count == 2)
        ledger.sweep(second: 10 + DeliveryLedger.keptAfterEnd)
        #expect(ledger.count == 1)
        ledger.sweep(second: 10 + DeliveryLedger.keptIdle)
        #expect(ledger.count == 0)
        // Chat 2 carries on after all (its transfer waited an hour in a queue): its numbers go on without a gap.
        #expect(ledger.received(chat: 2, toVisitor: true, serverSeq: 2, second: 4_000) == Integrity())
        #expect(ledger.received(chat: 2, toVisitor: true, serverSeq: 3, second: 4_000) == Integrity())
        // And one whose next news is an acknowledgement counts from that message.
        _ = ledger.received(chat: 3, toVisitor: false, serverSeq: 4, second: 4_000)
        ledger.sweep(second: 4_000 + DeliveryLedger.keptIdle)
        #expect(ledger.acknowledged(chat: 3, toVisitor: false, serverSeq: 5, second: 8_000) == 0)
        #expect(ledger.ended(chat: 3, toVisitor: false, second: 8_000) == 1)
    }
}

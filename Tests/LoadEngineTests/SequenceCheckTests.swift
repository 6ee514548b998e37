import Testing

@testable import LoadEngine

@Suite("Delivery integrity from server sequence numbers")
struct SequenceCheckTests {
    @Test("gaps count as lost, a repeat as duplicated, a late one as reordered and no longer lost")
    func oneChat() {
        var check = SequenceCheck()
        #expect(check.record(chat: 7, serverSeq: 1) == (0, 0, 0))
        #expect(check.record(chat: 7, serverSeq: 2) == (0, 0, 0))
        #expect(check.record(chat: 7, serverSeq: 5) == (2, 0, 0))
        #expect(check.record(chat: 7, serverSeq: 5) == (0, 1, 0))
        #expect(check.record(chat: 7, serverSeq: 3) == (-1, 0, 1))
        #expect(check.record(chat: 7, serverSeq: 6) == (0, 0, 0))
    }

    @Test("interleaved chats keep their own numbering")
    func interleaved() {
        var check = SequenceCheck()
        var totals = (lost: 0, duplicated: 0, reordered: 0)
        // Three chats, each numbered 1…20, delivered round-robin; chat 2 skips 10 and chat 3 repeats 15.
        for seq in 1...20 as ClosedRange<UInt64> {
            for chat in [1, 2, 3] as [UInt64] {
                if chat == 2 && seq == 10 { continue }
                let repeats = chat == 3 && seq == 15 ? 2 : 1
                for _ in 0..<repeats {
                    let found = check.record(chat: chat, serverSeq: seq)
                    totals.lost += found.lost
                    totals.duplicated += found.duplicated
                    totals.reordered += found.reordered
                }
            }
        }
        #expect(totals.lost == 1 && totals.duplicated == 1 && totals.reordered == 0)
    }
}

@Suite("Peak connect rate")
struct ConnectRateTests {
    @Test("the peak is the most sessions opened within any one second, wherever the second starts")
    func slidingSecond() {
        var rate = ConnectRate()
        // 300 in 0.0–0.3 s and 400 in 0.5–0.9 s: 700 within the first second.
        for i in 0..<300 { rate.opened(at: Int64(i) * 1_000_000) }
        for i in 0..<400 { rate.opened(at: 500_000_000 + Int64(i) * 1_000_000) }
        #expect(rate.peak == 700)
        // 400 more in 1.2–1.6 s: the window 0.6–1.6 s holds 300 of the earlier 400 and these 400.
        for i in 0..<400 { rate.opened(at: 1_200_000_000 + Int64(i) * 1_000_000) }
        #expect(rate.peak == 700)
        for _ in 0..<100 { rate.opened(at: 5_000_000_000) }
        #expect(rate.peak == 700)
        for i in 0..<100 { rate.opened(at: 1_700_000_000 + Int64(i) * 1_000_000) }
        #expect(rate.peak == 700, "0.8–1.8 s holds 100 + 400 + 100")
        // After a gap the window starts empty.
        for i in 0..<900 { rate.opened(at: 9_000_000_000 + Int64(i) * 1_000_000) }
        #expect(rate.peak == 900)
    }
}

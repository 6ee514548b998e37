import Testing

@testable import LoadEngine

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

/// The most sessions opened within any one second of a run (a sliding window in tenths of a second): the
/// connect rate the generator reached, e.g. when a shift's agents log in together.
struct ConnectRate {
    private var tenths = [Int](repeating: 0, count: 10)
    private var current = 0
    private var inWindow = 0
    private(set) var peak = 0

    /// A session opened `nanoseconds` after the run's start.
    mutating func opened(at nanoseconds: Int64) {
        let tenth = Int(max(0, nanoseconds) / 100_000_000)
        if tenth > current {
            // Tenths that slid out of the window leave it; those skipped held nothing.
            for step in 1...min(tenth - current, 10) {
                let slot = (current + step) % 10
                inWindow -= tenths[slot]
                tenths[slot] = 0
            }
            current = tenth
        }
        tenths[current % 10] += 1
        inWindow += 1
        peak = max(peak, inWindow)
    }
}

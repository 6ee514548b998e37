import Testing
import Workload

@testable import Simulator

@Suite struct EventHeapTests {
    @Test func popsInTimeOrderAndTiesInPushOrder() {
        var heap = EventHeap()
        var rng = SeededGenerator(seed: 3)
        var pushed: [(time: Double, target: Int32)] = []
        for index in 0..<5_000 {
            // Few distinct times, so that ties are common.
            let time = Double(Int.random(in: 0..<200, using: &rng))
            heap.push(time, target: Int32(index), .sample)
            pushed.append((time, Int32(index)))
            if index % 7 == 0, let popped = heap.pop() {
                let earliest = pushed.min { ($0.time, $0.target) < ($1.time, $1.target) }!
                #expect(popped.time == earliest.time && popped.target == earliest.target)
                pushed.removeAll { $0.target == popped.target }
            }
        }
        var expected = pushed.sorted { ($0.time, $0.target) < ($1.time, $1.target) }
        while let event = heap.pop() {
            let next = expected.removeFirst()
            #expect(event.time == next.time && event.target == next.target)
        }
        #expect(expected.isEmpty && heap.isEmpty)
    }
}

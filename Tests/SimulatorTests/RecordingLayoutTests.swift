import Testing

@testable import Simulator

/// The event loop writes a record for most events (20 M in a simulated million-chat day), so their size is part of
/// the simulator's speed.
@Suite("Simulator records")
struct RecordingLayoutTests {
    @Test("a record is 32 bytes, two to a cache line")
    func recordSize() {
        #expect(MemoryLayout<Recording>.stride == 32)
    }
}

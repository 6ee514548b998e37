import Testing

@testable import ChatRouting

@Suite struct ChatTableTests {
    /// Random inserts, updates and removals (ids clustered, as chat ids are, so probe runs collide and wrap) agree
    /// with a `Dictionary` after every step.
    @Test func agreesWithADictionary() {
        var table = ChatTable<Int>()
        var reference: [ChatID: Int] = [:]
        var rng = SeededGenerator(seed: 11)
        for step in 0..<40_000 {
            let key = ChatID.random(in: 1...3_000, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0, 1:
                table[key] = step
                reference[key] = step
            default:
                #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key))
            }
            if step % 97 == 0 {
                let probe = ChatID.random(in: 1...3_100, using: &rng)
                #expect(table[probe] == reference[probe])
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table[key] == value) }
        #expect(table.values.sorted() == reference.values.sorted())
        for key in reference.keys { table[key] = nil }
        #expect(table.isEmpty && table[reference.keys.first ?? 1] == nil)
    }
}

import Testing

@testable import ChatRouting

/// The pool heap on its own: random rank changes, agents gaining and losing room, checked against a sort.
@Suite("Agent pool heap")
struct AgentPoolsHeapTests {
    @Test("the top, and the next best when the top is excluded, follow every change", arguments: [1 as UInt64, 2, 3])
    func randomChanges(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let key = QueueKey(department: 0, language: 0)
        var pools = AgentPools(assignment: .leastLoaded)
        let slots = 60
        var expected = [AgentPools.Expected](
            repeating: .init(skills: [key], translation: false, online: false, rank: nil),
            count: slots
        )
        for slot in 0..<slots { pools.place(slot, skills: [key], translation: false) }
        var problems: [String] = []
        for step in 0..<3_000 {
            let slot = Int.random(in: 0..<slots, using: &rng)
            let online = Int.random(in: 0..<5, using: &rng) > 0
            // Few distinct loads and times, so ties fall through to the login order.
            let rank =
                online && Bool.random(using: &rng)
                ? AgentPools.Rank(
                    primary: Int.random(in: 0..<3, using: &rng),
                    secondary: Double(Int.random(in: 0..<3, using: &rng)),
                    loginOrder: slot
                ) : nil
            pools.update(slot, online: online, rank: rank)
            expected[slot].online = online
            expected[slot].rank = rank

            let sorted = expected.indices.filter { expected[$0].rank != nil }
                .sorted { expected[$0].rank!.precedes(expected[$1].rank!) }
            let best = pools.best(for: key, overflow: false, excluding: nil)
            let next = pools.best(for: key, overflow: false, excluding: sorted.first)
            if best != sorted.first { problems.append("step \(step): best \(best as Int?), expected \(sorted.first as Int?)") }
            if next != sorted.dropFirst().first { problems.append("step \(step): next best \(next as Int?)") }
            problems += pools.problems(expecting: expected).map { "step \(step): \($0)" }
            if !problems.isEmpty { break }
        }
        #expect(problems.isEmpty, "\(problems)")
        #expect(pools.pools.count == 1, "agents with one profile share one pool")
    }

    @Test("an agent that logs in again with another profile moves to that profile's pool")
    func moveBetweenPools() {
        let sales = QueueKey(department: 0, language: 0)
        let support = QueueKey(department: 1, language: 0)
        var pools = AgentPools(assignment: .fillFirst)
        pools.place(0, skills: [sales], translation: false)
        pools.update(0, online: true, rank: pools.rank(load: 0, lastAssigned: 0, loginOrder: 1))
        #expect(pools.best(for: sales, overflow: false, excluding: nil) == 0)
        pools.place(0, skills: [support, support], translation: true)
        #expect(pools.best(for: sales, overflow: false, excluding: nil) == nil)
        #expect(!pools.anyOnline(for: sales, overflow: true))
        pools.update(0, online: true, rank: pools.rank(load: 1, lastAssigned: 5, loginOrder: 2))
        #expect(pools.best(for: support, overflow: false, excluding: nil) == 0)
        #expect(pools.best(for: QueueKey(department: 1, language: 7), overflow: true, excluding: nil) == 0, "translates")
        #expect(pools.anyOnline(for: QueueKey(department: 1, language: 7), overflow: true))
        #expect(!pools.anyOnline(for: QueueKey(department: 1, language: 7), overflow: false))
        let expected = AgentPools.Expected(
            skills: [support],
            translation: true,
            online: true,
            rank: pools.rank(load: 1, lastAssigned: 5, loginOrder: 2)
        )
        #expect(pools.problems(expecting: [expected]).isEmpty)
    }
}

import Testing

@testable import ChatRouting

@Suite("Calls that append to a caller's buffer")
struct AppendingCallsTests {
    /// `request`, `end` and `leave` into a buffer that already holds an action keep it and append exactly what the
    /// array-returning calls return, from the same state; a call that throws appends nothing.
    @Test func appendingMatchesReturning() throws {
        let marker = RoutingAction.ticket(id: 99, chat: 99, visitor: "marker", department: "sales")
        var returning = ContactCenter()
        var appending = ContactCenter()
        for center in [0, 1] {
            if center == 0 {
                _ = try returning.agentLoggedIn(agent("a"), now: 0)
            } else {
                _ = try appending.agentLoggedIn(agent("a"), now: 0)
            }
        }
        for visitor in ["v1", "v2", "v3"] {
            returning.visitorArrived(VisitorProfile(id: visitor, language: "en", region: "emea"))
            appending.visitorArrived(VisitorProfile(id: visitor, language: "en", region: "emea"))
        }
        var rngA = SeededGenerator(seed: 1)
        var rngB = SeededGenerator(seed: 1)
        var buffer = [marker]
        // v1 is assigned to the only agent, v2 and v3 wait.
        for (visitor, now) in [("v1", 1.0), ("v2", 2.0), ("v3", 3.0)] {
            let expected = try returning.request(visitor: visitor, department: "sales", now: now, using: &rngA)
            try appending.request(visitor: visitor, department: "sales", now: now, using: &rngB, into: &buffer)
            #expect(buffer == [marker] + expected)
            buffer = [marker]
        }
        // Ending v1's chat assigns v2's; v3 leaves the queue.
        let ended = try returning.end(chat: 1, by: .visitor("v1"), now: 4)
        try appending.end(chat: 1, by: .visitor("v1"), now: 4, into: &buffer)
        #expect(ended.count > 2 && buffer == [marker] + ended)
        buffer = [marker]
        let left = try returning.leave(chat: 3, visitor: "v3", now: 5)
        try appending.leave(chat: 3, visitor: "v3", now: 5, into: &buffer)
        #expect(!left.isEmpty && buffer == [marker] + left)
        buffer = [marker]
        // A request from a visitor who never said hello throws and appends nothing.
        #expect(throws: RoutingError.self) {
            try appending.request(visitor: "nobody", department: "sales", now: 6, using: &rngB, into: &buffer)
        }
        #expect(buffer == [marker])
    }
}

import Foundation
import Testing

/// `chatstorm bench routing` through the built binary: that it routes every customer at once, as its figure assumes,
/// and names a wrong flag. Its timing is a figure for the README, not a test.
@Suite("chatstorm bench routing", .enabled(if: CLI.binary != nil, "the chatstorm binary is not built"))
struct BenchCommandTests {
    @Test("every customer is assigned at once and the chats in progress stay at --busy")
    func routesEveryCustomer() async throws {
        let result = try await CLI.run(["bench", "routing", "--customers", "3000", "--agents", "4", "--busy", "4", "--repetitions", "1"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("4 agents of capacity 1, 4 chats in progress, 3000 customers"))
        #expect(result.output.contains("per customer"))
    }

    @Test("more chats in progress than agents is a command-line error naming --busy")
    func busyBeyondAgents() async throws {
        let result = try await CLI.run(["bench", "routing", "--agents", "3", "--busy", "4"])
        #expect(result.status == 64)
        #expect(result.error.contains("--busy"))
    }
}

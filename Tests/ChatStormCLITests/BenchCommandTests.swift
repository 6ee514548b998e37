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

/// `chatstorm bench simulator --replications`: that it runs every replication and adds their events up.
@Suite("chatstorm bench simulator", .enabled(if: CLI.binary != nil, "the chatstorm binary is not built"))
struct SimulatorBenchCommandTests {
    /// The number before `marker` on the line that starts with `label`.
    private func figure(_ output: String, line label: String, before marker: String) -> Int? {
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(label) }),
            let range = line.range(of: marker)
        else { return nil }
        return line[..<range.lowerBound].split(separator: " ").last.flatMap { Int($0) }
    }

    @Test("three replications hold three runs' chats, and more events than one run")
    func replicationsAddUp() async throws {
        let one = try await CLI.run(["bench", "simulator", "Profiles/erlang-c.yaml", "--duration", "2h"])
        #expect(one.status == 0, "\(one.error)")
        let three = try await CLI.run(["bench", "simulator", "Profiles/erlang-c.yaml", "--duration", "2h", "--replications", "3"])
        #expect(three.status == 0, "\(three.error)")
        let single = try #require(figure(one.output, line: "events", before: ","))
        let total = try #require(figure(three.output, line: "events", before: " in all"))
        let chats = try #require(figure(three.output, line: "replications", before: " chats requested in all"))
        // One arrival a second: 7,200 chats per replication, Poisson (sd 85 each, 147 for three).
        #expect(abs(chats - 3 * 7_200) < 6 * 147, "\(three.output)")
        // The first replication is the plain run's seed; the other two add about as many events again each.
        #expect(total > 2 * single && total < 4 * single, "one run \(single) events, three \(total)")
    }

    @Test("--replications 0 is a command-line error naming the flag")
    func noReplications() async throws {
        let result = try await CLI.run(["bench", "simulator", "Profiles/erlang-c.yaml", "--replications", "0"])
        #expect(result.status == 64)
        #expect(result.error.contains("--replications"))
    }
}

import Testing
import Workload

@Suite("Loading goals:")
struct GoalsLoaderTests {
    static func profile(goals: String) -> String {
        LoaderFixtures.base + "goals:\n" + goals + "\n"
    }

    @Test("goals: are read with durations and shares")
    func reads() throws {
        let yaml = Self.profile(goals: "  serviceLevel: { target: 0.9, within: 1m }\n  maxAbandonment: 3%\n  maxOccupancy: 0.8")
        let issues = LoaderFixtures.issues(yaml)
        // Shares are plain numbers here, as everywhere else in a profile.
        #expect(issues.map(\.keyPath) == ["goals.maxAbandonment"])
        let fixed = Self.profile(goals: "  serviceLevel: { target: 0.9, within: 1m }\n  maxAbandonment: 0.03\n  maxOccupancy: 0.8")
        let profile = try ProfileLoader.parse(yaml: fixed, file: "test.yaml")
        #expect(profile.goals == Goals(serviceLevel: .init(target: 0.9, within: 60), maxAbandonment: 0.03, maxOccupancy: 0.8))
    }

    @Test("A profile without goals: has none (the planner then uses the standard ones)")
    func absent() throws {
        let profile = try ProfileLoader.parse(yaml: LoaderFixtures.base, file: "test.yaml")
        #expect(profile.goals == nil)
        #expect(Goals.standard.serviceLevel == .init(target: 0.8, within: 30))
    }

    @Test(
        "Mistakes in goals: are reported with their position and key path",
        arguments: [
            (
                "  serviceLevel: { target: 1.5, within: 30s }", "1.5", "goals.serviceLevel.target",
                "a probability must be between 0 and 1, found 1.5"
            ),
            ("  serviceLevel: { target: 0.8 }", "{ target", "goals.serviceLevel", "missing required key \"within\""),
            (
                "  serviceLevel: { target: 0.8, within: soon }", "soon", "goals.serviceLevel.within",
                "\"soon\" is not a duration; write a number of seconds or use units ms, s, m, h, d (e.g. 90s, 1h30m)"
            ),
            ("  maxOccupancy: 0", "0", "goals.maxOccupancy", "an occupancy ceiling must be above 0, found 0"),
            ("  maxAbandonment: 0", "0", "goals.maxAbandonment", "an abandonment ceiling must be above 0, found 0"),
            (
                "  maxAbandonmnet: 0.05", "maxAbandonmnet", "goals.maxAbandonmnet",
                "unknown key \"maxAbandonmnet\"; did you mean \"maxAbandonment\"?"
            ),
            ("  {}", "{}", "goals", "give at least one of: serviceLevel, maxAbandonment, maxOccupancy"),
        ]
    )
    func mistakes(goals: String, at: String, keyPath: String, message: String) {
        let yaml = Self.profile(goals: goals)
        let issues = LoaderFixtures.issues(yaml)
        let goalsStart = yaml.count - goals.count - 1
        let position = LoaderFixtures.position(of: at, in: yaml, from: goalsStart)
        #expect(issues.count == 1)
        #expect(issues.first?.keyPath == keyPath)
        #expect(issues.first?.message == message)
        #expect(issues.first?.line == position.line)
        #expect(issues.first?.column == position.column)
    }
}

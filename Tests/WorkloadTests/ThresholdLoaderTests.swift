import Testing
import Workload

@Suite("Profile loader: thresholds")
struct ThresholdLoaderTests {
    private static let thresholds = """
        thresholds:
          queue_wait: ["p(90) < 60s"]
          "message_latency{direction:agent_to_visitor,region:india}": ["p(99.9) <= 1.5s", "count > 0"]
          "errors{kind:connect}": ["count < 3"]
          "agent_concurrency{site:pune}": ["occupancy < 90%"]
          "queue_depth{language:mr}": ["max <= 4"]
          "abandonment_rate{department:support}":
            - { threshold: "rate < 0.05", abortOnFail: true, delayAbortEval: 30s }
            - { threshold: "value < 0.5" }

        """

    private func load() throws -> Profile {
        let yaml = LoaderFixtures.base(replacing: "thresholds:\n  queue_wait: [\"p(90) < 60s\"]\n", with: Self.thresholds)
        return try ProfileLoader.parse(yaml: yaml, file: "test.yaml")
    }

    @Test("every expression is read, in file order, with its tags, bound and abort settings")
    func reads() throws {
        let thresholds = try load().thresholds
        #expect(
            thresholds.map(\.description) == [
                "queue_wait: p(90) < 60s",
                "message_latency{direction:agent_to_visitor,region:india}: p(99.9) <= 1.5s",
                "message_latency{direction:agent_to_visitor,region:india}: count > 0",
                "errors{kind:connect}: count < 3",
                "agent_concurrency{site:pune}: occupancy < 90%",
                "queue_depth{language:mr}: max <= 4",
                "abandonment_rate{department:support}: rate < 0.05",
                "abandonment_rate{department:support}: value < 0.5",
            ]
        )
        #expect(thresholds[0].bound == 60_000)
        #expect(thresholds[1].bound == 1_500 && thresholds[1].aggregate == .percentile(99.9))
        #expect(thresholds[4].bound == 0.9)
        #expect(thresholds[6].abortOnFail && thresholds[6].delayAbortEval == 30)
        #expect(!thresholds[7].abortOnFail && thresholds[7].delayAbortEval == 0)
        #expect(thresholds.prefix(6).allSatisfy { !$0.abortOnFail })
    }

    @Test("tag values are checked against the profile's names")
    func tagValues() throws {
        let profile = try load()
        #expect(profile.unknownTagValue(in: try ThresholdParser.selector("queue_wait{language:te}")) == nil)
        #expect(profile.unknownTagValue(in: try ThresholdParser.selector("queue_wait{department:sales}")) == nil)
        #expect(profile.unknownTagValue(in: try ThresholdParser.selector("queue_wait{site:riga}")) == nil)
        #expect(profile.unknownTagValue(in: try ThresholdParser.selector("errors{kind:anything}")) == nil)
        let wrong = profile.unknownTagValue(in: try ThresholdParser.selector("queue_wait{language:ta}"))
        #expect(wrong?.hasPrefix("no language of this profile is named \"ta\"") == true)
    }

    @Test("a wrong tag value and wrong expressions under it are all reported")
    func allAtOnce() {
        let yaml = LoaderFixtures.base(
            replacing: "queue_wait: [\"p(90) < 60s\"]",
            with: "\"queue_wait{region:indai}\": [\"p90 < 1s\", \"avg < 2 sec\"]"
        )
        let issues = LoaderFixtures.issues(yaml)
        #expect(
            issues.map(\.keyPath) == [
                "thresholds[\"queue_wait{region:indai}\"]",
                "thresholds[\"queue_wait{region:indai}\"][0]",
                "thresholds[\"queue_wait{region:indai}\"][1]",
            ]
        )
        #expect(issues.first?.message == "no region of this profile is named \"indai\"; did you mean \"india\"?")
    }
}

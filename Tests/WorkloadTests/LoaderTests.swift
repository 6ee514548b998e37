import Foundation
import Testing
import Workload

@Suite("Profile loader: valid profiles")
struct LoaderTests {
    static let full = """
        # yaml-language-server: $schema=./profile.schema.json
        schemaVersion: 1
        name: full
        description: Every key of the format.
        seed: 18446744073709551615
        calendar: { start: 2025-11-28T06:30:00+05:30, duration: 2d, speed: 120 }
        regions:
          - name: india
            timeZone: Asia/Kolkata
            peakPerHour: 900.5
            curve: evening-peak
            languages: { hi: 0.45, mr: 0.2, te: 0.15, en: 0.2 }
            departments: { sales: 0.5, support: 0.5 }
            returningShare: 0.15
            site: shop.example.in
          - name: japan
            timeZone: Asia/Tokyo
            peakPerHour: 10
            curve:
              sat: [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
              other: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
            languages: { ja: 1 }
            departments: { support: 1 }
        events:
          - { name: diwali, timeZone: Asia/Kolkata, start: 2025-10-20T00:00, end: 2025-10-21T00:00, multiplier: 0.2 }
          - name: sale
            timeZone: Asia/Tokyo
            start: 2025-11-28T06:00
            end: 2025-11-29T00:00
            multiplier: 3
            regions: [japan]
        visitors:
          preChatForm: { fields: 3, abandonPerField: 0.05, timePerField: 4s }
          invitation: { browsingShare: 0.6, browseTime: 2m, pages: 5, cartValue: 80, acceptanceRate: 0.25 }
          patience: { exponential: 3m }
          messagesPerChat: { empirical: [2, 4, 8] }
          thinkTime: { lognormal: { mu: 2, sigma: 0.5 } }
          typingSpeed: { normal: { mean: 3.5, sd: 1 } }
          messageLength: { default: 40, ja: { uniform: [10, 30] } }
          survey: { answerRate: 0.5, score: { weighted: { 4: 1, 5: 3 } } }
          conversion: { sales: 0.1 }
          reconnect: { probability: 0.02, after: 1500ms }
        agents:
          sites:
            - name: pune
              timeZone: Asia/Kolkata
              headcount: 40
              shifts:
                - { start: "09:00", end: "18:00", days: mon-fri }
                - { start: "22:00", end: "06:00", days: [sat, sun], headcount: 5 }
              languages: [hi, mr, te, en]
              departments: [sales, support]
              maxChats: 2
              replyTime: { lognormal: { median: 20s, p95: 1m } }
              transferShare: 0.05
              transferTo: [support]
              performance: 1.3
              translation: true
        bots:
          - { departments: [support], resolvedShare: 0.4, answerTime: { uniform: [1s, 3s] } }
        handling:
          byConcurrency: [4m, { exponential: 6m }]
        routing: fill-first
        target: { url: "wss://chat.example.com:443", protocol: native, agentToken: secret }
        thresholds:
          "message_latency{direction:visitor_to_agent}": ["p(99) < 250ms"]
          errors: ["count == 0"]

        """

    static var expected: Profile {
        let start = ISO8601DateFormatter().date(from: "2025-11-28T01:00:00Z")!
        var india = Region(
            name: "india",
            timeZone: "Asia/Kolkata",
            peakPerHour: 900.5,
            languages: ["hi": 0.45, "mr": 0.2, "te": 0.15, "en": 0.2],
            departments: ["sales": 0.5, "support": 0.5]
        )
        india.curve = .preset(.eveningPeak)
        india.returningShare = 0.15
        india.site = "shop.example.in"
        var japan = Region(name: "japan", timeZone: "Asia/Tokyo", peakPerHour: 10, languages: ["ja": 1], departments: ["support": 1])
        let saturday = [Double](repeating: 0, count: 8) + [Double](repeating: 1, count: 10) + [Double](repeating: 0, count: 6)
        let other = [Double](repeating: 1, count: 12) + [Double](repeating: 2, count: 12)
        japan.curve = .weekly([.sat: saturday], otherDays: other)

        var site = Site(
            name: "pune",
            timeZone: "Asia/Kolkata",
            headcount: 40,
            shifts: [
                Shift(start: TimeOfDay(hour: 9), end: TimeOfDay(hour: 18), days: [.mon, .tue, .wed, .thu, .fri]),
                Shift(start: TimeOfDay(hour: 22), end: TimeOfDay(hour: 6), days: [.sat, .sun], headcount: 5),
            ],
            languages: ["hi", "mr", "te", "en"],
            departments: ["sales", "support"]
        )
        site.maxChats = 2
        site.replyTime = .lognormal(median: 20, p95: 60)
        site.transferShare = 0.05
        site.transferTo = ["support"]
        site.performance = 1.3
        site.translation = true

        var profile = Profile(
            name: "full",
            calendar: CalendarSettings(start: start, duration: 2 * 86400, speed: 120),
            regions: [india, japan],
            agents: AgentRoster(sites: [site])
        )
        profile.description = "Every key of the format."
        profile.seed = .max
        profile.events = [
            Event(
                name: "diwali",
                timeZone: "Asia/Kolkata",
                start: LocalDateTime(year: 2025, month: 10, day: 20),
                end: LocalDateTime(year: 2025, month: 10, day: 21),
                multiplier: 0.2
            ),
            Event(
                name: "sale",
                timeZone: "Asia/Tokyo",
                start: LocalDateTime(year: 2025, month: 11, day: 28, hour: 6),
                end: LocalDateTime(year: 2025, month: 11, day: 29),
                multiplier: 3,
                regions: ["japan"]
            ),
        ]
        var visitors = VisitorBehaviour()
        visitors.preChatForm.fields = 3
        visitors.preChatForm.abandonPerField = 0.05
        visitors.preChatForm.timePerField = .constant(4)
        var invitation = VisitorBehaviour.Invitation()
        invitation.browsingShare = 0.6
        invitation.browseTime = .constant(120)
        invitation.pages = .constant(5)
        invitation.cartValue = .constant(80)
        invitation.acceptanceRate = 0.25
        visitors.invitation = invitation
        visitors.patience = .exponential(mean: 180)
        visitors.messagesPerChat = .empirical([2, 4, 8])
        visitors.thinkTime = .lognormal(mu: 2, sigma: 0.5)
        visitors.typingSpeed = .normal(mean: 3.5, standardDeviation: 1)
        visitors.defaultMessageLength = .constant(40)
        visitors.messageLength = ["ja": .uniform(min: 10, max: 30)]
        visitors.survey.answerRate = 0.5
        visitors.survey.score = .weighted([.init(value: 4, weight: 1), .init(value: 5, weight: 3)])
        visitors.conversion = ["sales": 0.1]
        visitors.reconnect.probability = 0.02
        visitors.reconnect.after = .constant(1.5)
        profile.visitors = visitors
        var bot = Bot(departments: ["support"], resolvedShare: 0.4)
        bot.answerTime = .uniform(min: 1, max: 3)
        profile.bots = [bot]
        profile.handling = HandlingModel(byConcurrency: [.constant(240), .exponential(mean: 360)])
        profile.routing = .fillFirst
        profile.target = Target(url: "wss://chat.example.com:443", wireProtocol: .native, agentToken: "secret")
        profile.thresholds = [
            Threshold(
                selector: MetricSelector(metric: .messageLatency, tags: [ThresholdTag(.direction, "visitor_to_agent")]),
                aggregate: .percentile(99),
                comparison: .less,
                bound: 250,
                expression: "p(99) < 250ms"
            ),
            Threshold(selector: MetricSelector(metric: .errors), aggregate: .count, comparison: .equal, bound: 0, expression: "count == 0"),
        ]
        return profile
    }

    @Test("a profile with every key loads to the expected model")
    func fullProfile() throws {
        let profile = try ProfileLoader.parse(yaml: Self.full, file: "full.yaml")
        let expected = Self.expected
        #expect(profile.calendar == expected.calendar)
        #expect(profile.regions == expected.regions)
        #expect(profile.events == expected.events)
        #expect(profile.visitors == expected.visitors)
        #expect(profile.agents == expected.agents)
        #expect(profile.bots == expected.bots)
        #expect(profile.handling == expected.handling)
        #expect(profile == expected)
    }

    @Test("a command that records every simulated second takes a calendar of at most 31 days; others take longer ones")
    func longestDuration() throws {
        let month = LoaderFixtures.base(replacing: "duration: 1h", with: "duration: 31d")
        #expect(
            try ProfileLoader.parse(yaml: month, file: "p.yaml", longestDuration: CalendarSettings.longestDuration).calendar.duration == 31
                * 86_400
        )
        let quarter = LoaderFixtures.base(replacing: "duration: 1h", with: "duration: 90d")
        #expect(try ProfileLoader.parse(yaml: quarter, file: "p.yaml").calendar.duration == 90 * 86_400)
        #expect {
            _ = try ProfileLoader.parse(yaml: quarter, file: "p.yaml", longestDuration: CalendarSettings.longestDuration)
        } throws: { error in
            let issues = (error as? ProfileLoadError)?.issues ?? []
            return issues.count == 1 && issues[0].keyPath == "calendar.duration" && issues[0].line == 6
                && issues[0].message.contains("at most 31 days, found 90")
        }
    }

    @Test("left-out keys keep the model's defaults")
    func defaults() throws {
        let profile = try ProfileLoader.parse(yaml: LoaderFixtures.base, file: "base.yaml")
        #expect(profile.regions[1].curve == .preset(.businessDay))
        #expect(profile.visitors.typingSpeed == VisitorBehaviour().typingSpeed)
        #expect(profile.visitors.invitation == nil)
        #expect(profile.agents.sites[1].maxChats == 3)
        // A site without a head count takes its largest shift's.
        #expect(profile.agents.sites[1].headcount == 20)
        #expect(profile.agents.sites[1].shifts[0].end == TimeOfDay(minutes: 1440))
        #expect(profile.agents.sites[1].shifts[0].days == Weekday.allCases)
        #expect(profile.handling == nil)
    }

    @Test(
        "durations: plain seconds and units",
        arguments: [
            ("90", 90.0), ("0.5", 0.5), ("250ms", 0.25), ("90s", 90), ("1.5s", 1.5), ("15m", 900), ("8h", 28800),
            ("2d", 172_800), ("1h30m", 5400), ("\"45s\"", 45),
        ]
    )
    func durations(text: String, seconds: Double) throws {
        let yaml = LoaderFixtures.base(replacing: "duration: 1h", with: "duration: \(text)")
        let profile = try ProfileLoader.parse(yaml: yaml, file: "durations.yaml")
        #expect(profile.calendar.duration == seconds)
    }

    @Test(
        "every distribution syntax",
        arguments: [
            ("45s", Distribution.constant(45)),
            ("12", .constant(12)),
            ("{ constant: 2m }", .constant(120)),
            ("{ exponential: 30s }", .exponential(mean: 30)),
            ("{ uniform: [2s, 6s] }", .uniform(min: 2, max: 6)),
            ("{ normal: { mean: 50, sd: 5 } }", .normal(mean: 50, standardDeviation: 5)),
            ("{ normal: { mean: 1m, sd: 10s } }", .normal(mean: 60, standardDeviation: 10)),
            ("{ lognormal: { median: 20s, p95: 1m } }", .lognormal(median: 20, p95: 60)),
            ("{ lognormal: { mu: 3, sigma: 0.5 } }", .lognormal(mu: 3, sigma: 0.5)),
            ("{ empirical: [1, 2s, 1m] }", .empirical([1, 2, 60])),
            ("{ weighted: { 1: 0.25, 30s: 0.75 } }", .weighted([.init(value: 1, weight: 0.25), .init(value: 30, weight: 0.75)])),
            (
                "[{ weighted: [{ value: 1m, weight: 1 }, { value: 2m, weight: 3 }] }]",
                .weighted([.init(value: 60, weight: 1), .init(value: 120, weight: 3)])
            ),
        ]
    )
    func distributions(text: String, expected: Distribution) throws {
        // The last case is given as a list to check the loader in a `byConcurrency` list too.
        let yaml: String
        if text.hasPrefix("[") {
            yaml = LoaderFixtures.base(replacing: "routing: fill-first", with: "handling: { byConcurrency: \(text) }")
        } else {
            yaml = LoaderFixtures.base(replacing: "thinkTime: 8s", with: "thinkTime: \(text)")
        }
        let profile = try ProfileLoader.parse(yaml: yaml, file: "distributions.yaml")
        let actual = text.hasPrefix("[") ? profile.handling?.byConcurrency.first : profile.visitors.thinkTime
        #expect(actual == expected)
    }

    @Test("routing: a rule, or a mapping with the overflow wait of translating sites (60 s when left out)")
    func routing() throws {
        let plain = try ProfileLoader.parse(yaml: LoaderFixtures.base, file: "routing.yaml")
        #expect(plain.routing == .fillFirst && plain.overflowAfter == nil)
        #expect(plain.overflowWait == nil, "no site translates")
        let mapping = try ProfileLoader.parse(
            yaml: LoaderFixtures.base(replacing: "routing: fill-first", with: "routing: { overflowAfter: 2m }"),
            file: "routing.yaml"
        )
        #expect(mapping.routing == .leastLoaded && mapping.overflowAfter == 120)
        var translating = mapping
        translating.agents.sites[0].translation = true
        #expect(translating.overflowWait == 120)
        translating.overflowAfter = nil
        #expect(translating.overflowWait == Profile.defaultOverflowAfter)
    }

    @Test(
        "shift days: ranges, lists and wrapping ranges",
        arguments: [
            ("mon-fri", [Weekday.mon, .tue, .wed, .thu, .fri]),
            ("sat", [.sat]),
            ("[sun, mon-tue]", [.mon, .tue, .sun]),
            ("fri-mon", [.mon, .fri, .sat, .sun]),
        ]
    )
    func weekdays(text: String, days: [Weekday]) throws {
        let yaml = LoaderFixtures.base(replacing: "days: mon-fri", with: "days: \(text)")
        let profile = try ProfileLoader.parse(yaml: yaml, file: "days.yaml")
        #expect(profile.agents.sites[0].shifts[0].days == days)
    }

    @Test("instants with Z, offsets, seconds and fractions")
    func instants() throws {
        for (text, iso) in [
            ("2025-03-11T14:00Z", "2025-03-11T14:00:00Z"),
            ("2025-03-11T14:00:30+02:00", "2025-03-11T12:00:30Z"),
            ("2024-02-29T23:30:00-05:00", "2024-03-01T04:30:00Z"),
        ] {
            let yaml = LoaderFixtures.base(replacing: "start: 2025-03-11T14:00:00Z", with: "start: \(text)")
            let profile = try ProfileLoader.parse(yaml: yaml, file: "instants.yaml")
            #expect(profile.calendar.start == ISO8601DateFormatter().date(from: iso), "\(text)")
        }
        let fraction = LoaderFixtures.base(replacing: "start: 2025-03-11T14:00:00Z", with: "start: 1970-01-01T00:00:01.25Z")
        #expect(try ProfileLoader.parse(yaml: fraction, file: "f.yaml").calendar.start == Date(timeIntervalSince1970: 1.25))
    }

    @Test("YAML anchors and merge keys are followed")
    func mergeKeys() throws {
        let yaml = LoaderFixtures.base(
            replacing: "        - { start: \"08:00\", end: \"20:00\", days: mon-fri }",
            with: """
                        - &day { start: "08:00", end: "20:00", days: mon-fri }
                        - { <<: *day, days: sat, headcount: 4 }
                """
        )
        let shifts = try ProfileLoader.parse(yaml: yaml, file: "merge.yaml").agents.sites[0].shifts
        #expect(shifts.count == 2)
        #expect(shifts[1] == Shift(start: TimeOfDay(hour: 8), end: TimeOfDay(hour: 20), days: [.sat], headcount: 4))
    }

    @Test("shares may be off by rounding up to 0.001")
    func shareTolerance() throws {
        let yaml = LoaderFixtures.base(replacing: "{ lv: 0.7, en: 0.3 }", with: "{ lv: 0.333, en: 0.333, ru: 0.3335 }")
        #expect(LoaderFixtures.issues(yaml).isEmpty)
    }
}

import Foundation
import Testing
import Workload

@Suite("Profile loader: many errors at once")
struct LoaderManyErrorsTests {
    static let broken = """
        schemaVersion: 1
        name: broken
        calendar:
          start: 2025-03-11T14:00
          duration: 1 hour
        regions:
          - name: baltics
            timeZone: Europe/Rigaa
            peakPerHour: 120
            languages: { lv: 0.6, en: 0.3 }
            departments: { sales: 1 }
            curve: buisness-day
        events:
          - { name: sale, timeZone: UTC, start: 2025-03-11T16:00, end: 2025-03-11T18:00, multiplier: 2, regions: [asia] }
        visitors:
          patience: { exponential: -1 }
          thinkTme: 8s
        agents:
          sites:
            - name: riga
              timeZone: Europe/Riga
              headcount: 0
              shifts:
                - { start: "8:00", end: "16:30", days: mon-fri }
              languages: [lv]
              departments: [sales, support]
        bots:
          - { departments: [billing], resolvedShare: 2 }
        routing: round-robin

        """

    @Test("every problem in a file is reported, in file order")
    func allReported() {
        let issues = LoaderFixtures.issues(Self.broken)
        let expected: [(line: Int, keyPath: String)] = [
            (4, "calendar.start"),
            (5, "calendar.duration"),
            (8, "regions[0].timeZone"),
            (10, "regions[0].languages"),
            (12, "regions[0].curve"),
            (14, "events[0].regions[0]"),
            (16, "visitors.patience.exponential"),
            (17, "visitors.thinkTme"),
            (22, "agents.sites[0].headcount"),
            (24, "agents.sites[0].shifts[0].start"),
            (26, "agents.sites[0].departments[1]"),
            (28, "bots[0].departments[0]"),
            (28, "bots[0].resolvedShare"),
            (29, "routing"),
        ]
        #expect(issues.map(\.line) == expected.map(\.line), "\(issues.map(\.description).joined(separator: "\n"))")
        #expect(issues.map(\.keyPath) == expected.map(\.keyPath))
        #expect(issues.contains { $0.message == "unknown key \"thinkTme\"; did you mean \"thinkTime\"?" })
    }

    @Test("misspelt keys get a suggestion at every level")
    func didYouMean() {
        let yaml = LoaderFixtures.base
            .replacingOccurrences(of: "schemaVersion: 1", with: "schemaversion: 1")
            .replacingOccurrences(of: "    peakPerHour: 120", with: "    peakPerHr: 120")
            .replacingOccurrences(of: "      maxChats: 3", with: "      maxChat: 3")
            .replacingOccurrences(of: "  thinkTime: 8s", with: "  thinkTime: { lognormal: { median: 8s, p59: 30s } }")
        let messages = LoaderFixtures.issues(yaml).map(\.message)
        for (wrong, right) in [("schemaversion", "schemaVersion"), ("peakPerHr", "peakPerHour"), ("maxChat", "maxChats"), ("p59", "p95")] {
            #expect(messages.contains("unknown key \"\(wrong)\"; did you mean \"\(right)\"?"), "\(messages)")
        }
        // Nothing close: the known keys are listed instead.
        let far = LoaderFixtures.issues(LoaderFixtures.base(replacing: "  speed: 60", with: "  velocity: 60"))
        #expect(far.first?.message == "unknown key \"velocity\"; expected one of: start, duration, speed")
    }

    @Test("the departments of bots, sites, transfers and conversion rates are checked against the region mixes")
    func references() {
        let yaml = LoaderFixtures.base
            .replacingOccurrences(of: "conversion: { sales: 0.1 }", with: "conversion: { sales: 0.1, refunds: 0.1 }")
            .replacingOccurrences(of: "transferTo: [support]", with: "transferTo: [support, refunds]")
        // refunds is only transferred to, and nobody serves it.
        let issues = LoaderFixtures.issues(yaml)
        #expect(issues.map(\.message) == ["no site serves department \"refunds\" (known: sales, support)"])
        // Once a site serves it, a transfer-only department is fine, for conversion rates too.
        let served = yaml.replacingOccurrences(of: "      departments: [support]\n", with: "      departments: [support, refunds]\n")
        #expect(LoaderFixtures.issues(served).isEmpty)
    }
}

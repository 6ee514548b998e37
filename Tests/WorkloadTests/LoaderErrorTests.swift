import Foundation
import Testing
import Workload

@Suite("Profile loader: errors")
struct LoaderErrorTests {
    @Test("key, type and shape errors", arguments: LoaderErrorCase.structure)
    func structure(_ errorCase: LoaderErrorCase) throws {
        try check(errorCase)
    }

    @Test("value errors", arguments: LoaderErrorCase.values)
    func values(_ errorCase: LoaderErrorCase) throws {
        try check(errorCase)
    }

    @Test("threshold errors", arguments: LoaderErrorCase.thresholds)
    func thresholds(_ errorCase: LoaderErrorCase) throws {
        try check(errorCase)
    }

    @Test("reference errors", arguments: LoaderErrorCase.references)
    func references(_ errorCase: LoaderErrorCase) throws {
        try check(errorCase)
    }

    /// The edit gives exactly the expected issue, at the expected line, column and key path.
    private func check(_ errorCase: LoaderErrorCase) throws {
        let yaml = LoaderFixtures.base(replacing: errorCase.old, with: errorCase.new)
        let issues = LoaderFixtures.issues(yaml)
        let issue = try #require(issues.first, "no issue reported")
        #expect(issues.count == 1, "\(issues)")
        // The issue's text is looked for from the edit on, then (for a missing key) in the whole document.
        let edit = LoaderFixtures.base.distance(
            from: LoaderFixtures.base.startIndex,
            to: LoaderFixtures.base.range(of: errorCase.old)!.lowerBound
        )
        let position = LoaderFixtures.position(of: errorCase.at, in: yaml, from: edit)
        #expect(issue.line == position.line)
        #expect(issue.column == position.column)
        #expect(issue.keyPath == errorCase.keyPath)
        #expect(issue.message.contains(errorCase.message), "\(issue.message)")
        #expect(issue.file == "test.yaml")
    }

    @Test("the description is FILE:LINE:COLUMN: KEYPATH: MESSAGE")
    func description() throws {
        let yaml = LoaderFixtures.base(replacing: "start: \"08:00\"", with: "start: \"25:00\"")
        let issue = try #require(LoaderFixtures.issues(yaml, file: "Profiles/x.yaml").first)
        #expect(
            issue.description
                == "Profiles/x.yaml:40:20: agents.sites[0].shifts[0].start: \"25:00\" is not a time of day (HH:MM from 00:00 to 23:59)"
        )
        let error = ProfileLoadError(issues: [issue, issue])
        #expect(error.description == issue.description + "\n" + issue.description)
    }

    @Test("a YAML syntax error is reported at its position, without a key path")
    func syntaxError() throws {
        let yaml = LoaderFixtures.base(replacing: "  speed: 60", with: "  speed: [60")
        let issue = try #require(LoaderFixtures.issues(yaml).first)
        #expect(issue.keyPath.isEmpty)
        #expect(issue.message.hasPrefix("YAML syntax error"))
        #expect(issue.line > 1)
        #expect(!issue.description.contains(": : "))
    }

    @Test("a key given twice is reported")
    func duplicateKey() throws {
        let yaml = LoaderFixtures.base(replacing: "  speed: 60", with: "  speed: 60\n  speed: 30")
        let issue = try #require(LoaderFixtures.issues(yaml).first)
        #expect(issue.message == "duplicate key \"speed\"")
        #expect(issue.line == 7)
    }

    @Test("an empty document and a missing file are reported")
    func emptyAndMissing() throws {
        #expect(LoaderFixtures.issues("# nothing\n").first?.message.contains("the document is empty") == true)
        #expect(LoaderFixtures.issues("just text").first?.message == "expected a mapping, found \"just text\"")
        #expect(throws: ProfileLoadError.self) { try ProfileLoader.load(contentsOf: "/nonexistent/x.yaml") }
        do {
            _ = try ProfileLoader.load(contentsOf: "/nonexistent/x.yaml")
        } catch {
            #expect(error.description == "/nonexistent/x.yaml: cannot read the file")
        }
    }

    @Test("the required top-level keys are reported at the top of the document")
    func missingTopLevel() {
        let issues = LoaderFixtures.issues("description: nothing else\n")
        let keys = ["schemaVersion", "name", "calendar", "regions", "agents"]
        #expect(issues.map(\.message) == keys.map { "missing required key \"\($0)\"" })
        #expect(issues.allSatisfy { $0.line == 1 && $0.column == 1 && $0.keyPath.isEmpty })
    }
}

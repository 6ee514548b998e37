import Foundation
import Workload

/// YAML fixtures and helpers for the profile loader's tests.
enum LoaderFixtures {
    /// A valid profile touching most sections; error tests edit one line of it.
    static let base = """
        schemaVersion: 1
        name: fixture
        seed: 3
        calendar:
          start: 2025-03-11T14:00:00Z
          duration: 1h
          speed: 60
        regions:
          - name: baltics
            timeZone: Europe/Riga
            peakPerHour: 120
            curve: flat
            languages: { lv: 0.7, en: 0.3 }
            departments: { sales: 0.4, support: 0.6 }
          - name: india
            timeZone: Asia/Kolkata
            peakPerHour: 80
            languages: { hi: 0.5, mr: 0.2, te: 0.1, en: 0.2 }
            departments: { support: 1 }
        events:
          - name: sale
            timeZone: Europe/Riga
            start: 2025-03-11T16:00
            end: 2025-03-11T18:00
            multiplier: 3
            regions: [baltics]
        visitors:
          patience: { exponential: 3m }
          thinkTime: 8s
          messageLength:
            default: 40
            hi: { uniform: [20, 60] }
          conversion: { sales: 0.1 }
        agents:
          sites:
            - name: riga
              timeZone: Europe/Riga
              headcount: 12
              shifts:
                - { start: "08:00", end: "20:00", days: mon-fri }
              languages: [lv, en]
              departments: [sales, support]
              maxChats: 3
              transferShare: 0.1
              transferTo: [support]
            - name: pune
              timeZone: Asia/Kolkata
              shifts:
                - start: "09:00"
                  end: "24:00"
                  headcount: 20
              languages: [hi, mr, te, en]
              departments: [support]
        bots:
          - departments: [support]
            resolvedShare: 0.3
        routing: fill-first
        target: { url: "ws://127.0.0.1:8080", protocol: native, agentToken: secret }
        thresholds:
          queue_wait: ["p(90) < 60s"]

        """

    /// `base` with the first occurrence of `old` replaced by `new`.
    static func base(replacing old: String, with new: String) -> String {
        guard let range = base.range(of: old) else { fatalError("the fixture has no \(old)") }
        return base.replacingCharacters(in: range, with: new)
    }

    /// The issues `yaml` is rejected with; empty when it loads.
    static func issues(_ yaml: String, file: String = "test.yaml") -> [ProfileIssue] {
        do {
            _ = try ProfileLoader.parse(yaml: yaml, file: file)
            return []
        } catch {
            return error.issues
        }
    }

    /// 1-based line and column (in Unicode scalars) where `needle` first occurs in `text` from the `from`th
    /// character on, or else anywhere.
    static func position(of needle: String, in text: String, from: Int = 0) -> (line: Int, column: Int) {
        let start = text.index(text.startIndex, offsetBy: from, limitedBy: text.endIndex) ?? text.endIndex
        guard let range = text.range(of: needle, range: start..<text.endIndex) ?? text.range(of: needle) else {
            fatalError("no \(needle) in the text")
        }
        let before = text[..<range.lowerBound]
        let line = before.count(where: { $0 == "\n" }) + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, text.unicodeScalars[lineStart..<range.lowerBound].count + 1)
    }

    // MARK: Files

    /// The package's root directory, found from this file's path.
    static let packageRoot: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    static var profilesDirectory: URL { packageRoot.appendingPathComponent("Profiles") }

    /// `Profiles/*.yaml`, as paths relative to the package root.
    static func profileFiles() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: profilesDirectory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "Profiles/" + $0 }
    }
}

public import Foundation

/// What is wrong with a `run.json` that `JSONDecoder` reports only as "The given data was not valid JSON." with no
/// place: Foundation's decoder (Swift 6.3) says so both for a syntax error and for a number that does not fit its
/// field (a count of `1.5`, `1e30`, or `-1` where the count is unsigned). This finds the place by hand: the line and
/// column of a syntax error, or the key path of the first number in the file's sections of counts (`counts`, each
/// breakdown's `counts`, the generator's counts) that is not a whole number from 0 to 2^63. A negative count in
/// `counts`, which `JSONDecoder` takes, is refused by ``negativeCount(_:path:)``.
public struct RunFileProblem: Error, CustomStringConvertible, Sendable {
    public let description: String

    /// The problem with `data`, if one is found; nil when the file reads as JSON and every such number fits.
    public static func locate(in data: Data) -> RunFileProblem? {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            return RunFileProblem(description: syntaxError(error, in: data))
        }
        // A `RunDocument` writes its result's keys at the top level, beside its own.
        guard let run = object as? [String: Any] else {
            return RunFileProblem(description: "not a run.json: the file holds no JSON object")
        }
        var sections: [(String, Any)] = [("counts", run["counts"] as Any)]
        if let generator = run["generator"] as? [String: Any] {
            for key in ["peakRSSBytes", "baseRSSBytes", "messageEvents", "peakSessions", "peakConnectsPerSecond", "lateArrivals"] {
                sections.append(("generator." + key, generator[key] as Any))
            }
        }
        if let breakdowns = run["breakdowns"] as? [String: Any] {
            for (dimension, entries) in breakdowns.sorted(by: { $0.key < $1.key }) {
                for (name, entry) in ((entries as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
                    sections.append(("breakdowns.\(dimension).\(name).counts", (entry as? [String: Any])?["counts"] as Any))
                }
            }
        }
        for (path, value) in sections {
            if let found = firstUnfit(value, path: path) { return RunFileProblem(description: found) }
        }
        return nil
    }

    /// The first number under `value` that is not a whole number from 0 to 2^63, described with its key path.
    private static func firstUnfit(_ value: Any, path: String) -> String? {
        switch value {
        case let object as [String: Any]:
            for (key, child) in object.sorted(by: { $0.key < $1.key }) {
                if let found = firstUnfit(child, path: path + "." + key) { return found }
            }
        case let array as [Any]:
            for (index, child) in array.enumerated() {
                if let found = firstUnfit(child, path: path + "[\(index)]") { return found }
            }
        case let number as NSNumber:
            let double = number.doubleValue
            // A breakdown cell's `messagesLost` may be below 0 (see `negativeCount(_:path:)`).
            let least = path.hasSuffix(".messagesLost") ? -0x1p63 : 0
            guard double.isFinite, double >= least, double < 0x1p63, double == double.rounded() else {
                return "\(path): \(number) does not fit: a whole number from 0 to 2^63 is expected"
            }
        default:
            break
        }
        return nil
    }

    /// A problem naming the first negative field of `counts` (at key path `path`), if any. `messagesLost` is left
    /// out: a late message takes one off the cell it is received under, which in a race may not be the cell its
    /// loss was counted in.
    static func negativeCount(_ counts: Counts, path: String) -> RunFileProblem? {
        for child in Mirror(reflecting: counts).children where child.label != "messagesLost" {
            if let label = child.label, let value = child.value as? Int, value < 0 {
                return RunFileProblem(description: "\(path).\(label): \(value) does not fit: a count is 0 or more")
            }
        }
        for (kind, value) in counts.errorsByKind.sorted(by: { $0.key < $1.key }) where value < 0 {
            return RunFileProblem(description: "\(path).errorsByKind.\(kind): \(value) does not fit: a count is 0 or more")
        }
        return nil
    }

    /// JSONSerialization's message, its "around character N" as the line and column.
    private static func syntaxError(_ error: any Error, in data: Data) -> String {
        let detail = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        guard let range = detail.range(of: #"character \d+"#, options: .regularExpression),
            let offset = Int(detail[range].dropFirst("character ".count))
        else {
            return "not valid JSON: \(detail)"
        }
        var line = 1
        var column = 1
        for byte in data.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "not valid JSON at line \(line), column \(column): \(detail)"
    }
}

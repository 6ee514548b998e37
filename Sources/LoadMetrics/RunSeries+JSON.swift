public import Foundation

// `run.json`'s `series` written by hand: a simulated day is 86,400 rows of some 25 columns, and `JSONEncoder` spent
// about 1.3 s of a 2.2 s `chatstorm simulate` on them (one boxed encode per number). The text has run.json's layout:
// keys sorted, objects indented two spaces per level, arrays of numbers on one line; `JSONDecoder` reads it back
// through the synthesised `Decodable`.
extension RunSeries {
    /// The series as a JSON object whose lines after the first are indented by `indent` spaces.
    func jsonText(indent: Int) -> String {
        var fields: [(String, String)] = [
            ("activeChats", Self.json(activeChats)),
            ("agentsOnline", Self.json(agentsOnline)),
            ("agentsOnlineBySite", Self.json(agentsOnlineBySite, indent: indent + 2, Self.json)),
            ("arrivals", Self.json(arrivals)),
            ("chatCapacity", Self.json(chatCapacity)),
            ("chatsAbandoned", Self.json(chatsAbandoned)),
            ("chatsAssigned", Self.json(chatsAssigned)),
            ("chatsCompleted", Self.json(chatsCompleted)),
            ("chatsRequested", Self.json(chatsRequested)),
            ("errors", Self.json(errors)),
            ("messageLatency", Self.json(messageLatency, indent: indent + 2) { $0.jsonText(indent: indent + 4) }),
            ("messagesReceived", Self.json(messagesReceived)),
            ("messagesSent", Self.json(messagesSent)),
            ("queueDepth", Self.json(queueDepth)),
            ("queueDepthByDepartment", Self.json(queueDepthByDepartment, indent: indent + 2, Self.json)),
            ("queueDepthByLanguage", Self.json(queueDepthByLanguage, indent: indent + 2, Self.json)),
            ("regionTimeZones", Self.json(regionTimeZones, indent: indent + 2, Self.json)),
            ("second", Self.json(second)),
            ("sessions", Self.json(sessions)),
            ("simulatedOrigin", Self.json(simulatedOrigin)),
            ("simulatedSeconds", Self.json(simulatedSeconds.map { Optional($0) })),
            ("siteTimeZones", Self.json(siteTimeZones, indent: indent + 2, Self.json)),
        ]
        if let serverQueueDepth { fields.append(("serverQueueDepth", Self.json(serverQueueDepth.map { $0.map(Double.init) }))) }
        return Self.object(fields, indent: indent)
    }

    /// `{ "key" : value, … }` with sorted keys, one per line at `indent + 2`, the closing brace at `indent`.
    static func object(_ fields: [(String, String)], indent: Int) -> String {
        guard !fields.isEmpty else { return "{\n\n" + String(repeating: " ", count: indent) + "}" }
        let inner = String(repeating: " ", count: indent + 2)
        let lines = fields.sorted { $0.0 < $1.0 }.map { inner + json($0.0) + " : " + $0.1 }
        return "{\n" + lines.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
    }

    static func json<Value>(_ values: [String: Value], indent: Int, _ render: (Value) -> String) -> String {
        object(values.map { ($0.key, render($0.value)) }, indent: indent - 2)
    }

    static func json(_ values: [Int]) -> String {
        var text = TextBytes(capacity: values.count * 4 + 2)
        text.append(byte: UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(byte: UInt8(ascii: ",")) }
            text.append(value)
        }
        text.append(byte: UInt8(ascii: "]"))
        return text.string
    }

    static func json(_ values: [Double?]) -> String {
        var text = TextBytes(capacity: values.count * 5 + 2)
        text.append(byte: UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { text.append(byte: UInt8(ascii: ",")) }
            if let value { text.append(number: value) } else { text.append("null") }
        }
        text.append(byte: UInt8(ascii: "]"))
        return text.string
    }

    /// A JSON string literal.
    static func json(_ string: String) -> String {
        var text = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case let control where control.value < 0x20: text += String(format: "\\u%04x", control.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}

extension RunSeries.Percentiles {
    func jsonText(indent: Int) -> String {
        RunSeries.object(
            [("p50", RunSeries.json(p50)), ("p90", RunSeries.json(p90)), ("p99", RunSeries.json(p99))],
            indent: indent - 2
        )
    }
}

extension RunResult {
    /// `run.json` bytes of a document holding this result's keys at its top level (the result itself, or a
    /// document that adds keys beside them): pretty-printed with sorted keys, arrays of numbers on one line, the
    /// series written by hand and spliced in at its sorted place.
    /// - Parameter document: the document with this result's `series` set to nil.
    public func runJSON(of document: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = CompactJSON.collapsingNumberArrays(try encoder.encode(document))
        guard let series else { return data }
        var text = String(decoding: data, as: UTF8.self)
        // The top-level keys stand at two spaces; the series goes before the first that sorts after it
        // (`toolVersion` always does).
        var cursor = text.startIndex
        var inserted = false
        while !inserted, let line = text.range(of: "\n  \"", range: cursor..<text.endIndex),
            let keyEnd = text[line.upperBound...].firstIndex(of: "\"")
        {
            if text[line.upperBound..<keyEnd] > "series" {
                text.insert(contentsOf: "\n  \"series\" : " + series.jsonText(indent: 2) + ",", at: line.lowerBound)
                inserted = true
            } else {
                cursor = keyEnd
            }
        }
        precondition(inserted, "run.json has no top-level key after \"series\"")
        return Data(text.utf8)
    }
}

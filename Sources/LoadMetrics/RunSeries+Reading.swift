public import Foundation

// `run.json`'s `series` read by hand, the counterpart of `RunSeries+JSON.swift`: `JSONDecoder` took about a second
// for a simulated day's 86,400 rows of some 30 columns (2.6 M numbers), five times as long as all the rest of the
// file, which made `chatstorm report` and `compare` of a big simulation slow. The reader takes the series out of
// the bytes and leaves the rest to `JSONDecoder`. It reads any JSON (whitespace, escapes, key order, unknown keys
// skipped as the synthesised `Decodable` skips them); whatever it does not understand, it declines (nil), and the
// caller decodes the whole file the usual way, with `JSONDecoder`'s errors.
extension RunSeries {
    /// An empty series (every column empty) starting at `simulatedOrigin`.
    init(simulatedOrigin: String) {
        self.simulatedOrigin = simulatedOrigin
    }

    /// A `run.json` document (a `RunResult`, or a document holding one) read with its series by hand: the rest
    /// through `JSONDecoder` and the series put at `series`; when the series reader declines, or the rest does not
    /// decode, the whole file through `JSONDecoder`, with its errors.
    public static func decode<Document: Decodable>(
        _ type: Document.Type,
        fromRunJSON data: Data,
        series path: WritableKeyPath<Document, RunSeries?>
    ) throws -> Document {
        if let (rest, series) = extract(fromRunJSON: data), var document = try? JSONDecoder().decode(type, from: rest) {
            document[keyPath: path] = series
            return document
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // "Not valid JSON", with no place: find it (RunFileProblem).
            if let problem = RunFileProblem.locate(in: data) { throw problem }
            throw DecodingError.dataCorrupted(context)
        }
    }

    /// `data` (a `run.json`) with its top-level `series` value replaced by `null`, and that series read; nil when
    /// the file has no such member or it is not a series this reader takes (decode `data` as it is then).
    public static func extract(fromRunJSON data: Data) -> (rest: Data, series: RunSeries)? {
        let bytes = [UInt8](data)
        return bytes.withUnsafeBufferPointer { buffer -> (Data, RunSeries)? in
            var reader = SeriesReader(buffer)
            guard let span = try? reader.topLevelMember("series") else { return nil }
            var valueReader = SeriesReader(buffer, at: span.lowerBound)
            guard let series = try? valueReader.series(), valueReader.position == span.upperBound else { return nil }
            var rest = Data(capacity: bytes.count - span.count + 4)
            rest.append(contentsOf: buffer[..<span.lowerBound])
            rest.append(contentsOf: Array("null".utf8))
            rest.append(contentsOf: buffer[span.upperBound...])
            return (rest, series)
        }
    }
}

/// A cursor over JSON bytes with the few typed reads a series needs. Throws `Declined` on anything unexpected.
struct SeriesReader {
    struct Declined: Error {}

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var position: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    // MARK: Structure

    /// The byte range of the value of `key` in the top-level object.
    mutating func topLevelMember(_ key: String) throws(Declined) -> Range<Int> {
        var found: Range<Int>?
        try object { name, reader throws(Declined) in
            let start = reader.skipWhitespace()
            try reader.skipValue()
            if name == key { found = start..<reader.position }
        }
        guard let found else { throw Declined() }
        return found
    }

    /// Reads an object, calling `member` with each key and the reader at its value (which it must read).
    mutating func object(_ member: (String, inout SeriesReader) throws(Declined) -> Void) throws(Declined) {
        try expect(UInt8(ascii: "{"))
        try items(closedBy: UInt8(ascii: "}")) { reader throws(Declined) in
            let key = try reader.string()
            try reader.expect(UInt8(ascii: ":"))
            reader.skipWhitespace()
            try member(key, &reader)
        }
    }

    /// Reads an array, calling `element` with the reader at each element (which it must read).
    mutating func array(_ element: (inout SeriesReader) throws(Declined) -> Void) throws(Declined) {
        try expect(UInt8(ascii: "["))
        try items(closedBy: UInt8(ascii: "]"), element)
    }

    /// Comma-separated items up to and including `close` (none when it comes first).
    private mutating func items(closedBy close: UInt8, _ item: (inout SeriesReader) throws(Declined) -> Void) throws(Declined) {
        if try peek() == close {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            try item(&self)
            switch try next() {
            case UInt8(ascii: ","): continue
            case close: return
            default: throw Declined()
            }
        }
    }

    /// Steps over any value.
    mutating func skipValue() throws(Declined) {
        switch try peek() {
        case UInt8(ascii: "{"): try object { _, reader throws(Declined) in try reader.skipValue() }
        case UInt8(ascii: "["): try array { reader throws(Declined) in try reader.skipValue() }
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    // MARK: Values

    /// `null` (consumed: true) or something else (left: false).
    mutating func null() throws(Declined) -> Bool {
        guard try peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// A whole number, as `JSONDecoder` reads an `Int`.
    mutating func int() throws(Declined) -> Int {
        guard let whole = try number().whole else { throw Declined() }
        return whole
    }

    mutating func double() throws(Declined) -> Double {
        try number().double
    }

    /// A number, and its value as an `Int` when it is a whole one: integers without a fraction or exponent are read
    /// digit by digit, the rest by `Double(_:)` (correctly rounded, as `JSONDecoder` reads them).
    mutating func number() throws(Declined) -> (whole: Int?, double: Double) {
        skipWhitespace()
        let start = position
        var negative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
            negative = true
            position += 1
        }
        var magnitude: UInt64 = 0
        var digits = 0
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(bytes[position] &- UInt8(ascii: "0")))
            if overflow1 || overflow2 { throw Declined() }
            magnitude = sum
            digits += 1
            position += 1
        }
        // JSON has no leading zeros.
        guard digits > 0, digits == 1 || bytes[position - digits] != UInt8(ascii: "0") else { throw Declined() }
        var isWhole = true
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                isWhole = false
                position += 1
                continue
            default: break
            }
            break
        }
        if isWhole, magnitude <= UInt64(Int.max), !(negative && magnitude == 0) {
            let value = negative ? -Int(magnitude) : Int(magnitude)
            return (value, Double(value))
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw Declined() }
        // A whole number written with a fraction or an exponent (the series writes integers of 10¹⁵ and more
        // that way) is an `Int` too, as `JSONDecoder` reads it; beyond 2⁵³ the nearest `Double` may not be the
        // written integer, so those are declined.
        return (abs(value) < 0x1p53 ? Int(exactly: value) : nil, value)
    }

    /// A string; escapes are decoded (`\uXXXX` with surrogate pairs too).
    mutating func string() throws(Declined) -> String {
        try expect(UInt8(ascii: "\""))
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") {
            guard bytes[position] >= 0x20 else { throw Declined() }
            position += 1
        }
        guard position < bytes.count else { throw Declined() }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while true {
            guard position < bytes.count else { throw Declined() }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: utf8, as: UTF8.self) else { throw Declined() }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw Declined() }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        try literal("\\u")
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Declined() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Declined() }
                    utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw Declined()
                }
            default:
                guard byte >= 0x20 else { throw Declined() }
                utf8.append(byte)
            }
        }
    }

    private mutating func hex4() throws(Declined) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw Declined() }
            let byte = bytes[position]
            position += 1
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Declined()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    // MARK: Bytes

    @discardableResult
    mutating func skipWhitespace() -> Int {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return position
            }
        }
        return position
    }

    private mutating func peek() throws(Declined) -> UInt8 {
        skipWhitespace()
        guard position < bytes.count else { throw Declined() }
        return bytes[position]
    }

    private mutating func next() throws(Declined) -> UInt8 {
        let byte = try peek()
        position += 1
        return byte
    }

    private mutating func expect(_ byte: UInt8) throws(Declined) {
        guard try next() == byte else { throw Declined() }
    }

    private mutating func literal(_ text: StaticString) throws(Declined) {
        skipWhitespace()
        let count = text.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw Declined() }
        for index in 0..<count where bytes[position + index] != text.utf8Start[index] { throw Declined() }
        position += count
    }
}

// MARK: The series

extension SeriesReader {
    /// A `RunSeries` object, member by member as the synthesised `Decodable` reads it: unknown keys skipped,
    /// every member required but `serverQueueDepth`.
    mutating func series() throws(Declined) -> RunSeries {
        var series = RunSeries(simulatedOrigin: "")
        var seen: Set<String> = []
        try object { key, reader throws(Declined) in
            seen.insert(key)
            switch key {
            case "simulatedOrigin": series.simulatedOrigin = try reader.string()
            case "second": series.second = try reader.ints()
            case "simulatedSeconds": series.simulatedSeconds = try reader.doubles()
            case "arrivals": series.arrivals = try reader.ints()
            case "chatsRequested": series.chatsRequested = try reader.ints()
            case "chatsAssigned": series.chatsAssigned = try reader.ints()
            case "chatsCompleted": series.chatsCompleted = try reader.ints()
            case "chatsAbandoned": series.chatsAbandoned = try reader.ints()
            case "messagesSent": series.messagesSent = try reader.ints()
            case "messagesReceived": series.messagesReceived = try reader.ints()
            case "errors": series.errors = try reader.ints()
            case "queueDepth": series.queueDepth = try reader.ints()
            case "serverQueueDepth":
                series.serverQueueDepth = try reader.null() ? nil : try reader.optionalInts()
            case "sessions": series.sessions = try reader.ints()
            case "activeChats": series.activeChats = try reader.ints()
            case "agentsOnline": series.agentsOnline = try reader.ints()
            case "agentsOnlineBySite": series.agentsOnlineBySite = try reader.dictionary { reader throws(Declined) in try reader.ints() }
            case "chatCapacity": series.chatCapacity = try reader.ints()
            case "queueDepthByDepartment":
                series.queueDepthByDepartment = try reader.dictionary { reader throws(Declined) in try reader.ints() }
            case "queueDepthByLanguage":
                series.queueDepthByLanguage = try reader.dictionary { reader throws(Declined) in try reader.ints() }
            case "messageLatency":
                series.messageLatency = try reader.dictionary { reader throws(Declined) in try reader.percentiles() }
            case "regionTimeZones": series.regionTimeZones = try reader.dictionary { reader throws(Declined) in try reader.string() }
            case "siteTimeZones": series.siteTimeZones = try reader.dictionary { reader throws(Declined) in try reader.string() }
            default: try reader.skipValue()
            }
        }
        // Like the synthesised `Decodable`, every member but the optional one is required.
        guard seen.isSuperset(of: Self.requiredSeriesKeys) else { throw Declined() }
        return series
    }

    static let requiredSeriesKeys: Set<String> = [
        "simulatedOrigin", "second", "simulatedSeconds", "arrivals", "chatsRequested", "chatsAssigned", "chatsCompleted",
        "chatsAbandoned", "messagesSent", "messagesReceived", "errors", "queueDepth", "sessions", "activeChats",
        "agentsOnline", "agentsOnlineBySite", "chatCapacity", "queueDepthByDepartment", "queueDepthByLanguage",
        "messageLatency", "regionTimeZones", "siteTimeZones",
    ]

    private mutating func ints() throws(Declined) -> [Int] {
        try list { reader throws(Declined) in try reader.int() }
    }

    private mutating func doubles() throws(Declined) -> [Double] {
        try list { reader throws(Declined) in try reader.double() }
    }

    private mutating func optionalInts() throws(Declined) -> [Int?] {
        try list { reader throws(Declined) in try reader.null() ? nil : try reader.int() }
    }

    private mutating func optionalDoubles() throws(Declined) -> [Double?] {
        try list { reader throws(Declined) in try reader.null() ? nil : try reader.double() }
    }

    /// An array of values `value` reads.
    private mutating func list<Value>(_ value: (inout SeriesReader) throws(Declined) -> Value) throws(Declined) -> [Value] {
        var values: [Value] = []
        try array { reader throws(Declined) in values.append(try value(&reader)) }
        return values
    }

    private mutating func dictionary<Value>(
        _ value: (inout SeriesReader) throws(Declined) -> Value
    ) throws(Declined) -> [String: Value] {
        var result: [String: Value] = [:]
        try object { key, reader throws(Declined) in result[key] = try value(&reader) }
        return result
    }

    private mutating func percentiles() throws(Declined) -> RunSeries.Percentiles {
        var percentiles = RunSeries.Percentiles()
        try object { key, reader throws(Declined) in
            switch key {
            case "p50": percentiles.p50 = try reader.optionalDoubles()
            case "p90": percentiles.p90 = try reader.optionalDoubles()
            case "p99": percentiles.p99 = try reader.optionalDoubles()
            default: try reader.skipValue()
            }
        }
        return percentiles
    }
}

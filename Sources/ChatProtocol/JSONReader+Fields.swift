/// Reading member values into typed ``FrameField``s, with the protocol's strict rules: `null` means
/// absent for optional fields and is invalid for required ones, integers have no fraction or
/// exponent and must fit, and a member may appear only once.
extension JSONReader {
    /// Reads a string member.
    mutating func read(_ field: inout FrameField<String>) throws(FrameDecodingError) {
        guard try begin(&field, expected: FrameDecodingError.expectedString) else { return }
        guard bytes[position] == UInt8(ascii: "\"") else { throw wrongType(field.name, FrameDecodingError.expectedString) }
        field.value = try scanString().string
    }

    /// Reads a boolean member.
    mutating func read(_ field: inout FrameField<Bool>) throws(FrameDecodingError) {
        guard try begin(&field, expected: FrameDecodingError.expectedBoolean) else { return }
        switch bytes[position] {
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            field.value = true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            field.value = false
        default:
            throw wrongType(field.name, FrameDecodingError.expectedBoolean)
        }
    }

    /// Reads an unsigned 64-bit integer member.
    mutating func read(_ field: inout FrameField<UInt64>) throws(FrameDecodingError) {
        let expected = FrameDecodingError.expectedUnsignedInteger
        guard try begin(&field, expected: expected) else { return }
        guard Self.startsNumber(bytes[position]) else { throw wrongType(field.name, expected) }
        let number = try scanNumber()
        guard number.isInteger, !number.isNegative || number.magnitude == 0 else { throw invalid(field.name, expected) }
        guard !number.overflows else { throw invalid(field.name, FrameDecodingError.expectedUnsigned64) }
        field.value = number.magnitude
    }

    /// Reads a signed 64-bit integer member.
    mutating func read(_ field: inout FrameField<Int64>) throws(FrameDecodingError) {
        guard try begin(&field, expected: FrameDecodingError.expectedInteger) else { return }
        field.value = try readInt64(field.name)
    }

    /// Reads an `Int` member (64 bits on every platform the protocol runs on).
    mutating func read(_ field: inout FrameField<Int>) throws(FrameDecodingError) {
        guard try begin(&field, expected: FrameDecodingError.expectedInteger) else { return }
        guard let value = Int(exactly: try readInt64(field.name)) else {
            throw invalid(field.name, FrameDecodingError.expectedInteger64)
        }
        field.value = value
    }

    /// Reads a finite number member; integers are accepted.
    mutating func read(_ field: inout FrameField<Double>) throws(FrameDecodingError) {
        let expected = FrameDecodingError.expectedNumber
        guard try begin(&field, expected: expected) else { return }
        guard Self.startsNumber(bytes[position]) else { throw wrongType(field.name, expected) }
        guard let value = double(try scanNumber()) else { throw invalid(field.name, expected) }
        field.value = value
    }

    /// Reads an array-of-strings member.
    mutating func read(_ field: inout FrameField<[String]>) throws(FrameDecodingError) {
        let expected = FrameDecodingError.expectedStringArray
        guard try begin(&field, expected: expected) else { return }
        let start = position
        guard bytes[start] == UInt8(ascii: "[") else { throw wrongType(field.name, expected) }
        position += 1
        var strings: [String] = []
        skipWhitespace()
        if try peek() == UInt8(ascii: "]") {
            position += 1
            field.value = strings
            return
        }
        strings.reserveCapacity(4)
        while true {
            guard try peek() == UInt8(ascii: "\"") else {
                position = start
                throw wrongType(field.name, expected)
            }
            strings.append(try scanString().string)
            skipWhitespace()
            let byte = try peek()
            position += 1
            if byte == UInt8(ascii: "]") { break }
            guard byte == UInt8(ascii: ",") else { throw malformed("expected ',' or ']'", at: position - 1) }
            skipWhitespace()
        }
        field.value = strings
    }

    /// Reads a member whose value is the raw value of a string enumeration.
    mutating func read<Value: RawRepresentable & CaseIterable>(_ field: inout FrameField<Value>) throws(FrameDecodingError)
    where Value.RawValue == String {
        guard try begin(&field, expected: Self.oneOf(Value.self)) else { return }
        guard bytes[position] == UInt8(ascii: "\"") else { throw wrongType(field.name, Self.oneOf(Value.self)) }
        guard let value = Value(rawValue: try scanString().string) else {
            throw invalid(field.name, Self.oneOf(Value.self))
        }
        field.value = value
    }

    /// The `expected` wording for an enumeration: `one of "online", "away", "closing"`.
    static func oneOf<Value: RawRepresentable & CaseIterable>(_: Value.Type) -> String where Value.RawValue == String {
        "one of " + Value.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }

    /// The value of a filled-in field; a missing required field is an error.
    func value<Value>(_ field: FrameField<Value>) throws(FrameDecodingError) -> Value {
        guard let value = field.value else { throw error(.missingField(field.name.description)) }
        return value
    }

    // MARK: Helpers

    /// Marks `field` as seen and handles `null`; returns whether a value remains to be read.
    @inline(__always)
    private mutating func begin<Value>(
        _ field: inout FrameField<Value>,
        expected: @autoclosure () -> String
    )
        throws(FrameDecodingError) -> Bool
    {
        guard !field.isPresent else { throw invalid(field.name, FrameDecodingError.expectedOnce) }
        field.isPresent = true
        guard try peek() == UInt8(ascii: "n") else { return true }
        try expectLiteral("null")
        guard !field.isRequired else { throw invalid(field.name, expected()) }
        return false
    }

    /// Reads an integer that must fit in an `Int64`.
    private mutating func readInt64(_ name: StaticString) throws(FrameDecodingError) -> Int64 {
        guard Self.startsNumber(bytes[position]) else { throw wrongType(name, FrameDecodingError.expectedInteger) }
        let number = try scanNumber()
        guard number.isInteger else { throw invalid(name, FrameDecodingError.expectedInteger) }
        let limit: UInt64 = number.isNegative ? 1 << 63 : UInt64(Int64.max)
        guard !number.overflows, number.magnitude <= limit else {
            throw invalid(name, FrameDecodingError.expectedInteger64)
        }
        return number.isNegative ? Int64(truncatingIfNeeded: 0 &- number.magnitude) : Int64(number.magnitude)
    }

    /// The error for a value of the wrong JSON type, once the value is known to be well-formed.
    private mutating func wrongType(_ name: StaticString, _ expected: String) -> FrameDecodingError {
        do {
            try skipValue()
        } catch {
            return error
        }
        return invalid(name, expected)
    }
}

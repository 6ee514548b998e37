/// Scanning JSON numbers, with the integer part computed on the way.
extension JSONReader {
    /// A number as ``JSONReader/scanNumber()`` found it.
    struct Number {
        /// Offset of the first byte (the sign or first digit).
        var start: Int
        /// Offset after the last byte.
        var end: Int
        /// Whether the number starts with a minus sign (`-0` included).
        var isNegative = false
        /// Whether the number has neither a fraction nor an exponent.
        var isInteger = true
        /// The absolute value of the integer part, when it fits (see ``overflows``).
        var magnitude: UInt64 = 0
        /// Whether the integer part does not fit in a `UInt64`.
        var overflows = false
    }

    /// Scans the number at the current position, strictly by the JSON grammar (no leading zeros,
    /// no leading `+`, digits on both sides of the point), and moves past it.
    mutating func scanNumber() throws(FrameDecodingError) -> Number {
        var number = Number(start: position, end: position)
        var index = position
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            number.isNegative = true
            index += 1
        }
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw malformed("bad number", at: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, Self.isDigit(bytes[index]) { throw malformed("leading zero in number", at: index) }
        } else {
            let first = index
            var magnitude: UInt64 = 0
            while index < bytes.count, Self.isDigit(bytes[index]) {
                magnitude = magnitude &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
                index += 1
            }
            number.magnitude = magnitude
            // Up to 19 digits always fit; 20 may; more never do.
            if index - first >= 20 {
                number.overflows = index - first > 20 || !Self.fits(UnsafeBufferPointer(rebasing: bytes[first..<index]))
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            number.isInteger = false
            index = try digits(from: index + 1)
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            number.isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            index = try digits(from: index)
        }
        position = index
        number.end = index
        return number
    }

    /// Whether the 20 decimal `digits` are at most `UInt64.max` (18446744073709551615).
    private static func fits(_ digits: UnsafeBufferPointer<UInt8>) -> Bool {
        let maximum: StaticString = "18446744073709551615"
        for index in 0..<20 where digits[index] != maximum.utf8Start[index] {
            return digits[index] < maximum.utf8Start[index]
        }
        return true
    }

    /// Skips one or more digits from `index`; returns the offset after them.
    private func digits(from index: Int) throws(FrameDecodingError) -> Int {
        var index = index
        guard index < bytes.count, Self.isDigit(bytes[index]) else { throw malformed("bad number", at: index) }
        while index < bytes.count, Self.isDigit(bytes[index]) {
            index += 1
        }
        return index
    }

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// Whether `byte` can start a JSON number.
    @inline(__always)
    static func startsNumber(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || isDigit(byte)
    }

    /// The value of a scanned number as a `Double`, or `nil` if it is not finite.
    func double(_ number: Number) -> Double? {
        if number.isInteger, !number.overflows, number.magnitude <= 1 << 53 {
            let value = Double(number.magnitude)
            return number.isNegative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[number.start..<number.end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

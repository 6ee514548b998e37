/// UTF-8 well-formedness as Unicode defines it (table 3-7): no overlong forms, no surrogates,
/// nothing above U+10FFFF.
enum UTF8Validation {
    /// The length of the well-formed multi-byte sequence that starts at `index`, or `nil` if the
    /// bytes there are not one. `bytes[index]` must be `0x80` or above.
    @inline(__always)
    static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xED: length = 3; upper = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; lower = 0x90
        case 0xF4: length = 4; upper = 0x8F
        case 0xF1...0xF3: length = 4
        default: return nil
        }
        guard bytes.count - index >= length else { return nil }
        let second = bytes[index + 1]
        guard second >= lower, second <= upper else { return nil }
        if length > 2 {
            guard bytes[index + 2] & 0xC0 == 0x80 else { return nil }
            if length > 3 {
                guard bytes[index + 3] & 0xC0 == 0x80 else { return nil }
            }
        }
        return length
    }

    /// Appends the UTF-8 form of `scalar`, which must be a Unicode scalar value.
    static func append(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            bytes.append(UInt8(truncatingIfNeeded: scalar))
        case ..<0x800:
            bytes.append(UInt8(truncatingIfNeeded: 0xC0 | scalar >> 6))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        case ..<0x10000:
            bytes.append(UInt8(truncatingIfNeeded: 0xE0 | scalar >> 12))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(truncatingIfNeeded: 0xF0 | scalar >> 18))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(truncatingIfNeeded: 0x80 | scalar & 0x3F))
        }
    }
}

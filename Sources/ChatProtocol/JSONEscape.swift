/// JSON backslash escapes: `\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t` and `\uXXXX`, where a
/// UTF-16 surrogate pair (`\uD83D\uDE9A`) stands for one scalar and a lone surrogate is an error.
enum JSONEscape {
    /// What one escape stands for, or why it is invalid, with the number of bytes it spans.
    case byte(UInt8, length: Int)
    /// A `\u` escape (or surrogate pair) and the Unicode scalar value it stands for.
    case scalar(UInt32, length: Int)
    /// Not a JSON escape, or a `\u` without four hexadecimal digits.
    case bad
    /// A `\u` escape of a surrogate that is not half of a pair.
    case loneSurrogate

    /// Resolves the escape whose backslash is at `index` of `bytes`.
    static func resolve(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> JSONEscape {
        guard index + 1 < bytes.count else { return .bad }
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): return .byte(UInt8(ascii: "\""), length: 2)
        case UInt8(ascii: "\\"): return .byte(UInt8(ascii: "\\"), length: 2)
        case UInt8(ascii: "/"): return .byte(UInt8(ascii: "/"), length: 2)
        case UInt8(ascii: "b"): return .byte(0x08, length: 2)
        case UInt8(ascii: "f"): return .byte(0x0C, length: 2)
        case UInt8(ascii: "n"): return .byte(0x0A, length: 2)
        case UInt8(ascii: "r"): return .byte(0x0D, length: 2)
        case UInt8(ascii: "t"): return .byte(0x09, length: 2)
        case UInt8(ascii: "u"): return resolveUnicode(in: bytes, at: index)
        default: return .bad
        }
    }

    /// Resolves `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair, at `index`.
    private static func resolveUnicode(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> JSONEscape {
        guard let unit = hexQuad(in: bytes, at: index + 2) else { return .bad }
        switch unit {
        case 0xD800...0xDBFF:
            let low = index + 6
            guard low + 1 < bytes.count, bytes[low] == UInt8(ascii: "\\"), bytes[low + 1] == UInt8(ascii: "u") else {
                return .loneSurrogate
            }
            guard let trailing = hexQuad(in: bytes, at: low + 2) else { return .bad }
            guard (0xDC00...0xDFFF).contains(trailing) else { return .loneSurrogate }
            return .scalar(0x10000 + ((unit - 0xD800) << 10) + (trailing - 0xDC00), length: 12)
        case 0xDC00...0xDFFF:
            return .loneSurrogate
        default:
            return .scalar(unit, length: 6)
        }
    }

    /// The value of the four hexadecimal digits at `index`, or `nil`.
    private static func hexQuad(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

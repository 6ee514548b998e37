/// A JSON string found by ``JSONReader``: a key or a string value, not yet turned into a `String`.
///
/// A token is only a view of the input (it holds no references, so it costs nothing to drop). Keys
/// are compared with static names byte by byte (`case chat:` in a `switch` works through `~=`);
/// values become a `String` with one copy. The scan has checked the UTF-8 and the escapes; the few
/// strings with escapes have them resolved only when the string is used.
struct JSONToken {
    /// The raw content between the quotes, escapes unresolved; a view of the reader's input.
    var content: UnsafeBufferPointer<UInt8>
    /// Whether the content has backslash escapes.
    var hasEscapes: Bool

    /// Whether the string's content is exactly `name`.
    @inline(__always)
    func matches(_ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        guard !hasEscapes else { return unescaped().elementsEqual(UnsafeBufferPointer(start: expected, count: count)) }
        guard content.count == count else { return false }
        var index = 0
        while index < count {
            guard content[index] == expected[index] else { return false }
            index += 1
        }
        return true
    }

    /// Matches a key against a field's name in a `switch`.
    @inline(__always)
    static func ~= <Value>(field: FrameField<Value>, token: JSONToken) -> Bool {
        token.matches(field.name)
    }

    /// The content as a `String` (the scan has checked that it is UTF-8).
    var string: String {
        hasEscapes ? String(decoding: unescaped(), as: UTF8.self) : String(decoding: content, as: UTF8.self)
    }

    /// The content with its escapes resolved; the scan has already checked them.
    func unescaped() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == UInt8(ascii: "\\") else {
                bytes.append(byte)
                index += 1
                continue
            }
            switch JSONEscape.resolve(in: content, at: index) {
            case .byte(let resolved, let length):
                bytes.append(resolved)
                index += length
            case .scalar(let scalar, let length):
                UTF8Validation.append(scalar, to: &bytes)
                index += length
            case .bad, .loneSurrogate:
                return bytes  // Unreachable: the scan rejects these.
            }
        }
        return bytes
    }
}

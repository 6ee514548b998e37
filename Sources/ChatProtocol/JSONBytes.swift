/// Word-at-a-time byte tests shared by the reader and the writer.
enum JSONBytes {
    /// `0x01` in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// `0x80` in every byte.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any of the eight bytes of `word` is a quote, a backslash or below `0x20`: the bytes
    /// that end a string or need an escape.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let controls = (word &- ones &* 0x20) & ~word
        let quoteZero = (quotes &- ones) & ~quotes
        let backslashZero = (backslashes &- ones) & ~backslashes
        return (controls | quoteZero | backslashZero) & highBits != 0
    }

    /// Whether the eight bytes of `word` are all ASCII and none is special (see ``hasSpecialByte(_:)``).
    @inline(__always)
    static func isPlainASCII(_ word: UInt64) -> Bool {
        !hasSpecialByte(word) && isASCII(word)
    }

    /// Whether no byte ORed into `bits` had its high bit set.
    @inline(__always)
    static func isASCII(_ bits: UInt64) -> Bool {
        bits & highBits == 0
    }

    /// The index of the first quote, backslash or control byte in `utf8`, or `utf8.count`.
    @inline(__always)
    static func firstSpecialByte(in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        if let base = utf8.baseAddress {
            while index &+ 8 <= utf8.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                guard !hasSpecialByte(word) else { break }
                index &+= 8
            }
        }
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }
}

/// Scanning JSON strings: eight plain ASCII bytes at a time, then multi-byte UTF-8 sequences,
/// escapes and the closing quote one by one.
extension JSONReader {
    /// Scans the string whose opening quote is at the current position and moves past its closing
    /// quote, checking UTF-8, control characters and escapes on the way.
    mutating func scanString() throws(FrameDecodingError) -> JSONToken {
        let quote = position
        var index = quote + 1
        var hasEscapes = false
        while true {
            if index &+ 8 <= bytes.count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if JSONBytes.isPlainASCII(word) {
                    index &+= 8
                    continue
                }
            }
            // Something in the next eight bytes needs a look: go through them one by one.
            let windowEnd = index &+ 8
            repeat {
                guard index < bytes.count else { throw malformed("unterminated string", at: quote) }
                let byte = bytes[index]
                if byte >= 0x80 {
                    guard let length = UTF8Validation.sequenceLength(in: bytes, at: index) else {
                        throw error(.invalidUTF8(offset: index))
                    }
                    index &+= length
                } else if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index &+= 1
                } else if byte == UInt8(ascii: "\"") {
                    position = index + 1
                    return JSONToken(
                        content: UnsafeBufferPointer(rebasing: bytes[(quote + 1)..<index]),
                        hasEscapes: hasEscapes
                    )
                } else if byte == UInt8(ascii: "\\") {
                    hasEscapes = true
                    switch JSONEscape.resolve(in: bytes, at: index) {
                    case .byte(_, let length), .scalar(_, let length): index &+= length
                    case .bad: throw malformed("bad escape", at: index)
                    case .loneSurrogate: throw malformed("lone surrogate", at: index)
                    }
                } else {
                    throw malformed("control character in string", at: index)
                }
            } while index < windowEnd
        }
    }
}

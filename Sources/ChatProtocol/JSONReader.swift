/// A strict, allocation-light cursor over the bytes of one frame: a single JSON object.
///
/// The reader walks the object member by member. Frame decoders ask for the next key
/// (``nextKey()``), compare it with the ``FrameField``s they expect (`switch key { case chat: … }`)
/// and read the value with a typed `read` method or skip it (``skipValue()``). Keys are never turned
/// into `String`s; string values are validated while scanned and copied once.
///
/// The frame's `type` may stand anywhere in the object: ``openFrame()`` reads it when it comes first
/// (the usual case, and how ``JSONWriter`` writes it) and otherwise pre-scans the object for it.
struct JSONReader {
    /// The deepest nesting of objects and arrays accepted, the frame object included.
    static let maximumDepth = 32

    /// The input.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next byte to look at.
    var position = 0
    /// The frame type once recognised, for error messages.
    var frameType: StaticString?
    /// Whether the frame object has had a member yet (so the next one needs a comma).
    private var hasMembers = false
    /// Whether the member `type` has been read, to reject a second one.
    private var typeSeen = false

    /// Creates a reader over `bytes`, which must stay valid while the reader is used.
    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = UnsafeBufferPointer(start: bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }

    // MARK: Errors

    /// An error annotated with the frame type, when known.
    func error(_ kind: FrameDecodingError.Kind) -> FrameDecodingError {
        FrameDecodingError(kind, frameType: frameType.map { $0.description })
    }

    /// A `malformed` error at `offset` (the current position by default).
    func malformed(_ reason: String, at offset: Int? = nil) -> FrameDecodingError {
        error(.malformed(offset: offset ?? position, reason: reason))
    }

    /// An `invalidField` error.
    func invalid(_ field: StaticString, _ expected: String) -> FrameDecodingError {
        error(.invalidField(field.description, expected: expected))
    }

    /// The error for input that stops in the middle of the object.
    var unexpectedEnd: FrameDecodingError { malformed("unexpected end of input", at: bytes.count) }

    // MARK: Structure

    /// Skips JSON whitespace: space, tab, line feed and carriage return.
    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// The byte at the current position, or an error at the end of the input.
    @inline(__always)
    func peek() throws(FrameDecodingError) -> UInt8 {
        guard position < bytes.count else { throw unexpectedEnd }
        return bytes[position]
    }

    /// Consumes the opening brace of the frame object and returns the value of its `type` member.
    ///
    /// Afterwards the reader stands where frame decoders can call ``nextKey()``: after `type` when it
    /// came first, otherwise at the start of the object again (the later `type` member is skipped).
    mutating func openFrame() throws(FrameDecodingError) -> JSONToken {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else { throw malformed("not an object") }
        position += 1
        let start = position
        guard let first = try nextMember() else {
            try finish()
            throw error(.missingField("type"))
        }
        if first.matches("type") {
            typeSeen = true
            return try readTypeValue()
        }
        try skipValue()
        while let key = try nextMember() {
            if key.matches("type") {
                let type = try readTypeValue()
                position = start
                hasMembers = false
                return type
            }
            try skipValue()
        }
        try finish()
        throw error(.missingField("type"))
    }

    /// Reads the value of `type`, which must be a string.
    private mutating func readTypeValue() throws(FrameDecodingError) -> JSONToken {
        guard try peek() == UInt8(ascii: "\"") else {
            try skipValue()
            throw invalid("type", FrameDecodingError.expectedString)
        }
        return try scanString()
    }

    /// Whether the frame's `type` is `name`; if so, error messages mention it from now on.
    @inline(__always)
    mutating func recognise(_ type: JSONToken, as name: StaticString) -> Bool {
        guard type.matches(name) else { return false }
        frameType = name
        return true
    }

    /// The error for a `type` that names no frame of the endpoint, once the rest of the object has
    /// been checked to be well-formed.
    mutating func unknownType(_ type: JSONToken) -> FrameDecodingError {
        do {
            try finishSkippingMembers()
        } catch {
            return error
        }
        return error(.unknownType(type.string))
    }

    /// Moves to the next member of the frame object and returns its key, or `nil` after the closing
    /// brace. A repeated `type` member is an error; the first one is skipped if still ahead.
    mutating func nextKey() throws(FrameDecodingError) -> JSONToken? {
        while let key = try nextMember() {
            guard key.matches("type") else { return key }
            guard !typeSeen else { throw invalid("type", FrameDecodingError.expectedOnce) }
            typeSeen = true
            try skipValue()
        }
        return nil
    }

    /// Reads `,` (unless first), the key and `:`; returns `nil` after the closing brace.
    private mutating func nextMember() throws(FrameDecodingError) -> JSONToken? {
        skipWhitespace()
        var byte = try peek()
        if byte == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if hasMembers {
            guard byte == UInt8(ascii: ",") else { throw malformed("expected ',' or '}'") }
            position += 1
            skipWhitespace()
            byte = try peek()
            guard byte == UInt8(ascii: "\"") else { throw malformed("expected a key") }
        } else {
            guard byte == UInt8(ascii: "\"") else { throw malformed("expected a key or '}'") }
        }
        hasMembers = true
        let key = try scanString()
        skipWhitespace()
        guard try peek() == UInt8(ascii: ":") else { throw malformed("expected ':'") }
        position += 1
        skipWhitespace()
        return key
    }

    /// Checks that only whitespace follows the frame object.
    mutating func finish() throws(FrameDecodingError) {
        skipWhitespace()
        guard position == bytes.count else { throw malformed("trailing bytes") }
    }

    /// Skips the rest of the frame object (validating it) and checks that nothing follows it.
    mutating func finishSkippingMembers() throws(FrameDecodingError) {
        while try nextKey() != nil {
            try skipValue()
        }
        try finish()
    }

    // MARK: Skipping

    /// Skips one member value of the frame object, checking that it is well-formed JSON.
    mutating func skipValue() throws(FrameDecodingError) {
        try skipValue(depth: 2)
    }

    /// Skips one value; `depth` is the nesting level an object or array here would have.
    private mutating func skipValue(depth: Int) throws(FrameDecodingError) {
        switch try peek() {
        case UInt8(ascii: "\""):
            _ = try scanString()
        case UInt8(ascii: "{"):
            try skipContainer(depth: depth, close: UInt8(ascii: "}"), keyed: true)
        case UInt8(ascii: "["):
            try skipContainer(depth: depth, close: UInt8(ascii: "]"), keyed: false)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
        case UInt8(ascii: "f"):
            try expectLiteral("false")
        case UInt8(ascii: "n"):
            try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            _ = try scanNumber()
        default:
            throw malformed("expected a value")
        }
    }

    /// Skips an object or array whose opening byte is at the current position.
    private mutating func skipContainer(depth: Int, close: UInt8, keyed: Bool) throws(FrameDecodingError) {
        guard depth <= Self.maximumDepth else { throw malformed("nesting too deep") }
        position += 1
        skipWhitespace()
        if try peek() == close {
            position += 1
            return
        }
        while true {
            if keyed {
                guard try peek() == UInt8(ascii: "\"") else { throw malformed("expected a key") }
                _ = try scanString()
                skipWhitespace()
                guard try peek() == UInt8(ascii: ":") else { throw malformed("expected ':'") }
                position += 1
                skipWhitespace()
            }
            try skipValue(depth: depth + 1)
            skipWhitespace()
            let byte = try peek()
            position += 1
            if byte == close { return }
            guard byte == UInt8(ascii: ",") else {
                throw malformed(keyed ? "expected ',' or '}'" : "expected ',' or ']'", at: position - 1)
            }
            skipWhitespace()
        }
    }

    /// Consumes `literal` (`true`, `false` or `null`) or fails with "bad literal".
    mutating func expectLiteral(_ literal: StaticString) throws(FrameDecodingError) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw malformed("bad literal") }
        for index in 0..<count where bytes[position + index] != literal.utf8Start[index] {
            throw malformed("bad literal")
        }
        position += count
    }
}

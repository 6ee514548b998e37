/// Appends one compact JSON frame object to a byte buffer: `{"type":"…"` first, then each member in
/// the order the encoder writes them, no whitespace.
///
/// Small pieces (keys, numbers, literals, short strings) are staged in a stack buffer through a raw
/// pointer and reach the output array in a few large appends, so the array's uniqueness and capacity
/// checks run a few times per frame rather than for every byte. Keys are static byte sequences,
/// integers are formatted by hand, and strings without characters that need an escape (nearly all)
/// are copied in one go.
struct JSONWriter {
    /// The size of the staging buffer; every single staged piece is smaller.
    static let stagingCapacity = 512

    /// The output, which the writer appends to.
    private var output: [UInt8]
    /// The staging buffer, valid during ``frame(_:into:stringBytes:_:)`` only.
    private let staging: UnsafeMutablePointer<UInt8>
    /// How many bytes are staged.
    private var staged = 0

    /// Appends the frame object of type `type` to `buffer`, with the members `body` writes.
    ///
    /// - Parameters:
    ///   - type: The frame's `type`, written first.
    ///   - buffer: The buffer to append to.
    ///   - stringBytes: The UTF-8 size of the frame's long strings, if any, to reserve enough room.
    ///   - body: Writes the members.
    @inline(__always)
    static func frame(
        _ type: StaticString,
        into buffer: inout [UInt8],
        stringBytes: Int = 0,
        _ body: (inout JSONWriter) -> Void
    ) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: stagingCapacity) { staging in
            var writer = JSONWriter(output: [], staging: staging.baseAddress!)
            swap(&writer.output, &buffer)
            writer.output.reserveCapacity(writer.output.count + 112 + stringBytes + stringBytes / 8)
            writer.raw("{\"type\":\"")
            writer.raw(type)
            writer.byte(UInt8(ascii: "\""))
            body(&writer)
            writer.byte(UInt8(ascii: "}"))
            writer.flush()
            swap(&writer.output, &buffer)
        }
    }

    // MARK: Staging

    /// Room for `count` more staged bytes, flushing first if needed; `count` is at most
    /// ``stagingCapacity``.
    @inline(__always)
    private mutating func space(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if staged &+ count > Self.stagingCapacity {
            flush()
        }
        return staging + staged
    }

    /// Moves the staged bytes to the output.
    private mutating func flush() {
        guard staged > 0 else { return }
        output.append(contentsOf: UnsafeBufferPointer(start: staging, count: staged))
        staged = 0
    }

    /// Writes one byte.
    @inline(__always)
    mutating func byte(_ byte: UInt8) {
        space(1).pointee = byte
        staged &+= 1
    }

    /// Writes `bytes` as they are: staged if they fit, else straight to the output.
    private mutating func bulk(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count <= Self.stagingCapacity - staged {
            (staging + staged).update(from: base, count: bytes.count)
            staged &+= bytes.count
        } else {
            flush()
            output.append(contentsOf: bytes)
        }
    }

    /// Writes the bytes of `text` as they are.
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        bulk(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Writes `,"name":`.
    @inline(__always)
    mutating func key(_ name: StaticString) {
        let count = name.utf8CodeUnitCount
        precondition(count + 4 <= Self.stagingCapacity, "key too long")
        let target = space(count + 4)
        target[0] = UInt8(ascii: ",")
        target[1] = UInt8(ascii: "\"")
        (target + 2).update(from: name.utf8Start, count: count)
        target[count + 2] = UInt8(ascii: "\"")
        target[count + 3] = UInt8(ascii: ":")
        staged &+= count + 4
    }

    // MARK: Members

    /// Writes a string member.
    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// Writes a string member, or nothing when `value` is `nil`.
    mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        field(name, value)
    }

    /// Writes an unsigned integer member.
    mutating func field(_ name: StaticString, _ value: UInt64) {
        key(name)
        unsigned(value)
    }

    /// Writes a signed integer member.
    mutating func field(_ name: StaticString, _ value: Int64) {
        key(name)
        signed(value)
    }

    /// Writes a signed integer member, or nothing when `value` is `nil`.
    mutating func field(_ name: StaticString, _ value: Int64?) {
        guard let value else { return }
        field(name, value)
    }

    /// Writes an `Int` member.
    mutating func field(_ name: StaticString, _ value: Int) {
        field(name, Int64(value))
    }

    /// Writes a boolean member.
    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        value ? raw("true") : raw("false")
    }

    /// Writes a number member, in the shortest form that reads back exactly. JSON has no
    /// infinities or NaN: those are written as `0`.
    mutating func field(_ name: StaticString, _ value: Double) {
        key(name)
        guard value.isFinite else {
            byte(UInt8(ascii: "0"))
            return
        }
        var text = value.description
        text.withUTF8 { bulk($0) }
    }

    /// Writes an array-of-strings member.
    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        byte(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            string(value)
        }
        byte(UInt8(ascii: "]"))
    }

    /// Writes a member whose value is the raw value of a string enumeration.
    mutating func field<Value: RawRepresentable>(_ name: StaticString, _ value: Value) where Value.RawValue == String {
        field(name, value.rawValue)
    }

    // MARK: Values

    /// Two ASCII digits for every number from 0 to 99.
    private static let digitPairs: StaticString = """
        0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Writes `value` in decimal.
    mutating func unsigned(_ value: UInt64) {
        var count = 1
        var threshold: UInt64 = 10
        while count < 20 && value >= threshold {
            count += 1
            threshold &*= 10
        }
        var cursor = space(count) + count
        var rest = value
        let pairs = Self.digitPairs.utf8Start
        while rest >= 100 {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 100)
            cursor -= 2
            cursor[0] = pairs[Int(remainder) * 2]
            cursor[1] = pairs[Int(remainder) * 2 + 1]
            rest = quotient
        }
        if rest >= 10 {
            cursor -= 2
            cursor[0] = pairs[Int(rest) * 2]
            cursor[1] = pairs[Int(rest) * 2 + 1]
        } else {
            cursor -= 1
            cursor[0] = UInt8(truncatingIfNeeded: rest) &+ UInt8(ascii: "0")
        }
        staged &+= count
    }

    /// Writes `value` in decimal.
    mutating func signed(_ value: Int64) {
        if value < 0 {
            byte(UInt8(ascii: "-"))
        }
        unsigned(value.magnitude)
    }

    /// Writes `value` as a JSON string, escaping quotes, backslashes and control characters.
    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            let special = JSONBytes.firstSpecialByte(in: utf8)
            if special == utf8.count, let base = utf8.baseAddress, utf8.count + 2 <= Self.stagingCapacity - staged {
                let target = staging + staged
                target[0] = UInt8(ascii: "\"")
                (target + 1).update(from: base, count: utf8.count)
                target[utf8.count + 1] = UInt8(ascii: "\"")
                staged &+= utf8.count + 2
                return
            }
            byte(UInt8(ascii: "\""))
            bulk(UnsafeBufferPointer(rebasing: utf8[..<special]))
            if special < utf8.count {
                escape(UnsafeBufferPointer(rebasing: utf8[special...]))
            }
            byte(UInt8(ascii: "\""))
        }
    }

    /// Writes `utf8`, escaping the bytes that need it.
    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        let hexDigits: StaticString = "0123456789abcdef"
        for byte in utf8 {
            let target = space(6)
            var length = 2
            target[0] = UInt8(ascii: "\\")
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): target[1] = byte
            case 0x08: target[1] = UInt8(ascii: "b")
            case 0x0C: target[1] = UInt8(ascii: "f")
            case 0x0A: target[1] = UInt8(ascii: "n")
            case 0x0D: target[1] = UInt8(ascii: "r")
            case 0x09: target[1] = UInt8(ascii: "t")
            case ..<0x20:
                target[1] = UInt8(ascii: "u")
                target[2] = UInt8(ascii: "0")
                target[3] = UInt8(ascii: "0")
                target[4] = hexDigits.utf8Start[Int(byte >> 4)]
                target[5] = hexDigits.utf8Start[Int(byte & 0x0F)]
                length = 6
            default:
                target[0] = byte
                length = 1
            }
            staged &+= length
        }
    }
}

import Foundation

/// Rewrites pretty-printed JSON so that every array holding only numbers, `null`s, `true`/`false`
/// stands on one line (`[1,2,null]`); objects, strings and other arrays keep their layout.
///
/// `JSONEncoder`'s pretty printing puts each array element on its own indented line, which multiplies
/// the size of `run.json`'s histograms and per-second columns several times; it has no option to
/// format arrays differently from objects, hence this small pass over the bytes.
enum CompactJSON {
    static func collapsingNumberArrays(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                output.append(byte)
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    output.append(bytes[index + 1])
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "["), let end = scalarArrayEnd(bytes, from: index + 1) {
                output.append(byte)
                for scalar in bytes[(index + 1)..<end] where !isWhitespace(scalar) {
                    output.append(scalar)
                }
                output.append(UInt8(ascii: "]"))
                index = end + 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return Data(output)
    }

    /// The index of the `]` closing an array that starts at `start` and holds only scalars other
    /// than strings; nil otherwise.
    private static func scalarArrayEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "]"): return index
            case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""): return nil
            default: index += 1
            }
        }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t")
    }
}

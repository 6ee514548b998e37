import ChatProtocol
import Testing

/// Damaged frames: truncated, with bytes flipped, inserted or removed. The decoder must throw or
/// decode, never crash or read out of bounds (debug builds check every access), and whatever it
/// decodes must survive a round trip.
@Suite("Mutated input")
struct MutationTests {
    typealias SplitMix64 = RandomRoundTripTests.SplitMix64

    /// Bytes that matter to a JSON parser, to make mutations hit interesting paths.
    static let interestingBytes: [UInt8] =
        Array(#"{}[]:,"\/u0123456789abcdefABCDEF-+.eEtrufalsn "#.utf8)
        + [0x00, 0x09, 0x0A, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]

    static let seeds: [[UInt8]] = [
        VisitorFrame.message(ChatMessage(chat: 42, id: "v17-3", seq: 3, text: "Hola, ¿envío? 🚚 \"q\"\n", sentAt: 17)).encoded(),
        VisitorFrame.hello(VisitorHello(visitor: "v", language: "hi", region: "IN", site: "s", previousAgent: "a")).encoded(),
        VisitorFrame.pageView(PageView(page: "/p", timeOnSite: 1.5e-3, pages: 2, cartValue: -3)).encoded(),
        Array(#"{"chat":1,"x":[{"a":[null,true,-0.5e+2]}],"id":"\uD83D\uDE9A","type":"message","seq":1,"text":"t"}"#.utf8),
    ]

    /// Applies one random mutation to `bytes`.
    static func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
        let byte = interestingBytes.randomElement(using: &generator)!
        switch generator.next() % 5 {
        case 0 where !bytes.isEmpty: bytes[position] = byte
        case 1: bytes.insert(byte, at: position)
        case 2 where !bytes.isEmpty: bytes.remove(at: position)
        case 3: bytes.removeLast(Int.random(in: 0...min(bytes.count, 8), using: &generator))
        default: bytes[position...].reverse()
        }
    }

    @Test("mutated frames throw or decode to frames that round-trip", arguments: [7, 8, 9] as [UInt64])
    func mutated(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        var decodedCount = 0
        var errorCodes: Set<ErrorCode> = []
        for _ in 0..<2_000 {
            var bytes = Self.seeds.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                Self.mutate(&bytes, using: &generator)
            }
            do {
                let frame = try VisitorFrame.decode(bytes)
                decodedCount += 1
                #expect(try VisitorFrame.decode(frame.encoded()) == frame)
            } catch {
                errorCodes.insert(error.code)
                #expect(!error.description.isEmpty)
            }
        }
        // The mutations reach both outcomes and every kind of error.
        #expect(decodedCount > 0)
        #expect(errorCodes == [.malformed, .unknownType, .missingField, .invalidField, .invalidUTF8])
    }
}

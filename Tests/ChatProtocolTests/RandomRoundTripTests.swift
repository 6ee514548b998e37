import ChatProtocol
import Testing

/// Seeded, deterministic round trips of random Unicode text and random numbers.
@Suite("Random round trips")
struct RandomRoundTripTests {
    /// SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fast, seedable generator.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// Ranges of scalars to draw from: controls and JSON's special characters are weighted up.
    static let scalarRanges: [ClosedRange<UInt32>] = [
        0x00...0x1F,  // controls, which must be escaped
        0x20...0x7F,  // ASCII, with `"` and `\`
        0x22...0x22,
        0x5C...0x5C,
        0x80...0x7FF,  // two-byte UTF-8: Latin, Greek, Cyrillic, Hebrew, Arabic
        0x900...0x97F,  // Devanagari
        0x4E00...0x9FFF,  // CJK
        0xE000...0xFFFF,  // private use and specials, above the surrogates
        0x1_0000...0x10_FFFF,  // astral planes: emoji and beyond
    ]

    static func randomString(using generator: inout SplitMix64) -> String {
        let length = Int.random(in: 0...40, using: &generator)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            let range = scalarRanges.randomElement(using: &generator)!
            let value = UInt32.random(in: range, using: &generator)
            scalars.append(Unicode.Scalar(value)!)
        }
        return String(scalars)
    }

    /// Any finite `Double`, subnormals and negative zero included: random bits with a finite exponent.
    static func randomFiniteDouble(using generator: inout SplitMix64) -> Double {
        let exponent = UInt64.random(in: 0...0x7FE, using: &generator) << 52
        return Double(bitPattern: generator.next() & ~(0x7FF << 52) | exponent)
    }

    @Test("random Unicode text and numbers survive a round trip", arguments: [1, 2, 3, 0xC0FFEE] as [UInt64])
    func randomFrames(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        for _ in 0..<300 {
            let message = ChatMessage(
                chat: generator.next(),
                id: Self.randomString(using: &generator),
                seq: generator.next() >> (generator.next() % 64),
                text: Self.randomString(using: &generator),
                sentAt: Bool.random(using: &generator) ? Int64(bitPattern: generator.next()) : nil
            )
            let visitorFrame = VisitorFrame.message(message)
            let bytes = visitorFrame.encoded()
            #expect(!bytes.contains { $0 < 0x20 }, "control bytes must be escaped")
            #expect(String(validating: bytes, as: UTF8.self) != nil)
            #expect(try VisitorFrame.decode(bytes) == visitorFrame)

            let serverFrame = ServerFrame.error(
                ErrorFrame(
                    code: ErrorCode.allCases.randomElement(using: &generator)!,
                    text: Self.randomString(using: &generator),
                    ref: Bool.random(using: &generator) ? Self.randomString(using: &generator) : nil
                )
            )
            #expect(try ServerFrame.decode(serverFrame.encoded()) == serverFrame)

            let pageView = VisitorFrame.pageView(
                PageView(
                    page: Self.randomString(using: &generator),
                    timeOnSite: Self.randomFiniteDouble(using: &generator),
                    pages: Int(truncatingIfNeeded: generator.next()),
                    cartValue: Double.random(in: -1e9...1e9, using: &generator)
                )
            )
            #expect(try VisitorFrame.decode(pageView.encoded()) == pageView)
        }
    }

    @Test("the generator is deterministic")
    func deterministic() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        #expect((0..<8).map { _ in first.next() } == (0..<8).map { _ in second.next() })
        var zero = SplitMix64(seed: 0)
        #expect(zero.next() == 0xE220_A839_7B1D_CDAF)
    }
}

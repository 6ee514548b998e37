import ChatProtocol

/// Micro-benchmarks of the protocol v1 JSON codec, in nanoseconds per operation.
///
/// Each case runs a warm-up, then `iterations` timed operations on frames that change every
/// iteration (the sequence number), and checks a checksum of what it decoded so that the optimizer
/// cannot drop the work and a broken codec cannot report a fast time. Run it on a release build.
struct CodecBenchmark {
    /// A typical visitor message: 94 UTF-8 bytes, Spanish with accents, inverted question mark and emoji.
    static let typicalText = "Hola, ¿tienen envío a Lima? Quisiera saber el costo y cuánto tarda en llegar el pedido 🚚"

    /// Runs every case.
    ///
    /// - Parameter iterations: Timed operations per case; 100 000 or more gives stable figures.
    /// - Returns: One row per case: its name and the mean time of one operation.
    static func run(iterations: Int) -> [(name: String, nanosecondsPerOp: Double)] {
        let iterations = max(iterations, 1)
        return [
            ("visitor message encode+decode", measure(iterations, visitorMessage)),
            ("server relayed message encode+decode", measure(iterations, relayedMessage)),
            ("server ack encode+decode", measure(iterations, ack)),
            ("agent hello decode", measure(iterations, agentHello)),
        ]
    }

    /// Times `iterations` calls of `operation` after a warm-up; returns nanoseconds per call.
    ///
    /// `operation(index, &buffer)` returns a checksum contribution; the sum must equal the sum of
    /// what ``expectedChecksum(_:)`` gives for the same indices.
    private static func measure(_ iterations: Int, _ operation: (Int, inout [UInt8]) -> UInt64) -> Double {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(512)
        var checksum: UInt64 = 0
        for index in 0..<min(iterations, 1_000) {
            checksum &+= operation(index, &buffer)
        }
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<iterations {
            checksum &+= operation(index, &buffer)
        }
        let elapsed = start.duration(to: clock.now)
        var expected: UInt64 = 0
        for index in 0..<min(iterations, 1_000) { expected &+= expectedChecksum(index) }
        for index in 0..<iterations { expected &+= expectedChecksum(index) }
        precondition(checksum == expected, "codec benchmark decoded something other than it encoded")
        let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
        return nanoseconds / Double(iterations)
    }

    /// The checksum contribution of iteration `index` in every case: the sequence number used.
    private static func expectedChecksum(_ index: Int) -> UInt64 {
        UInt64(index) + 1
    }

    // MARK: Cases

    /// Encodes a visitor `message` and decodes it as the server does.
    private static func visitorMessage(_ index: Int, _ buffer: inout [UInt8]) -> UInt64 {
        let frame = VisitorFrame.message(
            ChatMessage(chat: 42, id: "v17-3", seq: UInt64(index) + 1, text: typicalText, sentAt: 1_700_000_000_123_456)
        )
        buffer.removeAll(keepingCapacity: true)
        frame.encode(into: &buffer)
        guard case .message(let decoded) = try? buffer.withUnsafeBytes({ try VisitorFrame.decode($0) }) else { return 0 }
        return decoded.text.utf8.count == typicalText.utf8.count ? decoded.seq : 0
    }

    /// Encodes a relayed `message` as the server does and decodes it as a client does.
    private static func relayedMessage(_ index: Int, _ buffer: inout [UInt8]) -> UInt64 {
        let frame = ServerFrame.message(
            RelayedMessage(
                chat: 42,
                from: .visitor,
                id: "v17-3",
                seq: UInt64(index) + 1,
                serverSeq: 1_000 + UInt64(index),
                text: typicalText,
                sentAt: 1_700_000_000_123_456
            )
        )
        buffer.removeAll(keepingCapacity: true)
        frame.encode(into: &buffer)
        guard case .message(let decoded) = try? buffer.withUnsafeBytes({ try ServerFrame.decode($0) }) else { return 0 }
        return decoded.text.utf8.count == typicalText.utf8.count && decoded.from == .visitor ? decoded.seq : 0
    }

    /// Encodes an `ack` as the server does and decodes it as a client does.
    private static func ack(_ index: Int, _ buffer: inout [UInt8]) -> UInt64 {
        let frame = ServerFrame.ack(Ack(chat: 42, id: "v17-3", seq: UInt64(index) + 1, serverSeq: 7))
        buffer.removeAll(keepingCapacity: true)
        frame.encode(into: &buffer)
        guard case .ack(let decoded) = try? buffer.withUnsafeBytes({ try ServerFrame.decode($0) }) else { return 0 }
        return decoded.serverSeq == 7 ? decoded.seq : 0
    }

    /// An agent `hello` as ChatStorm's simulated agents send it, encoded once.
    private static let agentHelloBytes = AgentFrame.hello(
        AgentHello(
            agent: "agent-0042",
            token: "s3cr3t-t0k3n-0042",
            languages: ["es", "en", "pt"],
            departments: ["sales", "support"],
            capacity: 4,
            site: "shop.example",
            translation: true
        )
    ).encoded()

    /// Decodes an agent `hello` as the server does.
    private static func agentHello(_ index: Int, _ buffer: inout [UInt8]) -> UInt64 {
        guard case .hello(let hello) = try? agentHelloBytes.withUnsafeBytes({ try AgentFrame.decode($0) }) else { return 0 }
        return hello.capacity == 4 && hello.languages.count == 3 ? UInt64(index) + 1 : 0
    }
}

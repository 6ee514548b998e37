import NIOCore
import Testing

@testable import ChatClient

@Suite("Client WebSocket framing")
struct WebSocketWireTests {
    /// Payload sizes around each length encoding's edges.
    static let sizes = [0, 1, 7, 8, 9, 125, 126, 127, 65_535, 65_536, 70_000]

    @Test("a frame written by the client reads back with its payload unmasked", arguments: sizes)
    func roundTrip(size: Int) throws {
        var random = SessionRandom(seed: UInt64(size) + 1)
        let payload = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        var buffer = ByteBuffer()
        let mask = UInt32(truncatingIfNeeded: random.next())
        payload.withUnsafeBytes { WebSocketWire.appendFrame(.text, payload: $0, mask: mask, to: &buffer) }
        // On the wire the payload is masked (unless the key happens to be zero).
        let headerLength = size < 126 ? 2 : size <= 0xFFFF ? 4 : 10
        #expect(buffer.readableBytes == headerLength + 4 + size)
        #expect(buffer.getInteger(at: 0, as: UInt8.self) == 0x81)
        let frame = try #require(try WebSocketWire.readFrame(from: &buffer, maxPayload: 1 << 20))
        #expect(frame.fin && frame.opcode == .text)
        #expect(Array(frame.payload.readableBytesView) == payload)
        #expect(buffer.readableBytes == 0)
    }

    @Test("the eight-bytes-at-a-time mask equals the byte-by-byte definition")
    func masking() {
        for length in 0..<40 {
            let mask: UInt32 = 0xA1B2_C3D4
            var bytes = (0..<length).map { UInt8($0 * 7 & 0xFF) }
            let expected = bytes.enumerated().map { index, byte in byte ^ [0xA1, 0xB2, 0xC3, 0xD4][index % 4] }
            bytes.withUnsafeMutableBytes { WebSocketWire.applyMask(mask, to: $0) }
            #expect(bytes == expected, "length \(length)")
        }
    }

    @Test("an incomplete frame is left in the buffer until the rest arrives")
    func partial() throws {
        var whole = ByteBuffer()
        Array("{\"type\":\"ack\"}".utf8).withUnsafeBytes {
            WebSocketWire.appendFrame(.text, payload: $0, mask: 0x0102_0304, to: &whole)
        }
        for cut in 0..<whole.readableBytes {
            var part = whole.getSlice(at: 0, length: cut)!
            #expect(try WebSocketWire.readFrame(from: &part, maxPayload: 1024) == nil)
            #expect(part.readableBytes == cut, "bytes consumed from a partial frame of \(cut) bytes")
        }
    }

    @Test(
        "frames a server must not send are refused with the RFC 6455 close code",
        arguments: [
            ([0xC1, 0x00], 1002),  // RSV1 without an extension
            ([0x83, 0x00], 1002),  // opcode 3 is reserved
            ([0x09, 0x00], 1002),  // a fragmented ping
            ([0x89, 0x7E, 0x00, 0x7E], 1002),  // a ping of 126 bytes
            ([0x81, 0x7E, 0x04, 0x01], 1009),  // 1025 bytes with a 1024-byte limit
            ([0x81, 0x7F, 0, 0, 0, 1, 0, 0, 0, 0], 1009),  // 4 GiB
        ] as [([UInt8], Int)]
    )
    func violations(bytes: [UInt8], code: Int) {
        var buffer = ByteBuffer(bytes: bytes)
        #expect {
            _ = try WebSocketWire.readFrame(from: &buffer, maxPayload: 1024)
        } throws: { error in
            (error as? WebSocketWire.ProtocolViolation)?.closeCode == UInt16(code)
        }
    }

    @Test("an unmasked server frame is read as it is, and two frames in one read come out one by one")
    func serverFrames() throws {
        var buffer = ByteBuffer(bytes: [0x81, 0x02, 0x68, 0x69, 0x8A, 0x00])
        let text = try #require(try WebSocketWire.readFrame(from: &buffer, maxPayload: 1024))
        #expect(text.opcode == .text && String(buffer: text.payload) == "hi")
        let pong = try #require(try WebSocketWire.readFrame(from: &buffer, maxPayload: 1024))
        #expect(pong.opcode == .pong && pong.payload.readableBytes == 0)
        #expect(try WebSocketWire.readFrame(from: &buffer, maxPayload: 1024) == nil)
    }
}

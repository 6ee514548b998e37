public import NIOCore

/// The client side of RFC 6455 framing, on `ByteBuffer`s, for a session that owns its socket.
///
/// Written here rather than taken from NIOWebSocket's `WebSocketFrameDecoder`/`WebSocketFrameEncoder`
/// because those cost two more pipeline handlers and a `WebSocketFrame` (with its own buffers) per frame
/// and per session, which was most of the generator's per-message CPU and a large part of its memory per
/// idle session (`chatstorm bench client` measures both). The server side stays on NIOWebSocket.
public enum WebSocketWire {
    /// The frame kinds of RFC 6455 §5.2.
    public enum Opcode: UInt8, Sendable {
        case continuation = 0x0
        case text = 0x1
        case binary = 0x2
        case close = 0x8
        case ping = 0x9
        case pong = 0xA

        /// Control frames (close, ping, pong) may not be fragmented and carry at most 125 bytes.
        var isControl: Bool { rawValue & 0x8 != 0 }
    }

    /// One frame read from the server; `payload` is a slice of the read buffer (no copy).
    public struct Frame {
        public var fin: Bool
        public var opcode: Opcode
        public var payload: ByteBuffer
    }

    /// What the server sent that is not valid WebSocket, with the RFC 6455 close code to answer it with.
    public struct ProtocolViolation: Error, CustomStringConvertible {
        public var closeCode: UInt16
        public var description: String

        init(_ closeCode: UInt16, _ description: String) {
            self.closeCode = closeCode
            self.description = description
        }
    }

    /// Reads the next complete frame from `buffer`, or returns nil (leaving `buffer` untouched) when it holds
    /// only part of one.
    ///
    /// - Parameter maxPayload: Frames announcing more are refused with close code 1009.
    public static func readFrame(from buffer: inout ByteBuffer, maxPayload: Int) throws(ProtocolViolation) -> Frame? {
        guard let first = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
            let second = buffer.getInteger(at: buffer.readerIndex + 1, as: UInt8.self)
        else { return nil }
        guard first & 0x70 == 0 else { throw ProtocolViolation(1002, "reserved bits set without an extension") }
        guard let opcode = Opcode(rawValue: first & 0x0F) else {
            throw ProtocolViolation(1002, "unknown opcode \(first & 0x0F)")
        }
        let fin = first & 0x80 != 0
        let masked = second & 0x80 != 0
        var headerLength = 2
        var length = Int(second & 0x7F)
        if length == 126 {
            guard let extended = buffer.getInteger(at: buffer.readerIndex + 2, as: UInt16.self) else { return nil }
            length = Int(extended)
            headerLength += 2
        } else if length == 127 {
            guard let extended = buffer.getInteger(at: buffer.readerIndex + 2, as: UInt64.self) else { return nil }
            guard extended <= UInt64(maxPayload) else { throw ProtocolViolation(1009, "a frame of \(extended) bytes") }
            length = Int(extended)
            headerLength += 8
        }
        if opcode.isControl {
            guard fin, length <= 125 else { throw ProtocolViolation(1002, "a fragmented or oversize control frame") }
        }
        guard length <= maxPayload else { throw ProtocolViolation(1009, "a frame of \(length) bytes") }
        // Servers must not mask (RFC 6455 §5.1); a masked frame is still read correctly.
        let maskLength = masked ? 4 : 0
        guard buffer.readableBytes >= headerLength + maskLength + length else { return nil }
        buffer.moveReaderIndex(forwardBy: headerLength)
        let mask = masked ? buffer.readInteger(as: UInt32.self) : nil
        var payload = buffer.readSlice(length: length)!
        if let mask {
            payload = ByteBuffer(bytes: payload.readableBytesView)
            payload.withUnsafeMutableReadableBytes { applyMask(mask, to: $0) }
        }
        return Frame(fin: fin, opcode: opcode, payload: payload)
    }

    /// Appends one final client frame: header, masking key and the masked `payload`.
    public static func appendFrame(
        _ opcode: Opcode,
        payload: UnsafeRawBufferPointer,
        mask: UInt32,
        to buffer: inout ByteBuffer
    ) {
        let length = payload.count
        buffer.reserveCapacity(minimumWritableBytes: length + 14)
        buffer.writeInteger(0x80 | opcode.rawValue)
        if length < 126 {
            buffer.writeInteger(0x80 | UInt8(length))
        } else if length <= 0xFFFF {
            buffer.writeInteger(UInt8(0x80 | 126))
            buffer.writeInteger(UInt16(length))
        } else {
            buffer.writeInteger(UInt8(0x80 | 127))
            buffer.writeInteger(UInt64(length))
        }
        buffer.writeInteger(mask)
        let offset = buffer.writerIndex - buffer.readerIndex
        buffer.writeBytes(payload)
        buffer.withUnsafeMutableReadableBytes { bytes in
            applyMask(mask, to: UnsafeMutableRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
        }
    }

    /// XORs `bytes` with the masking key (big-endian, as written on the wire).
    static func applyMask(_ mask: UInt32, to bytes: UnsafeMutableRawBufferPointer) {
        // Eight bytes at a time with the key repeated; the tail byte by byte.
        let wide = UInt64(mask.bigEndian) | (UInt64(mask.bigEndian) << 32)
        var index = 0
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            bytes.storeBytes(of: word ^ wide, toByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            bytes[index] ^= UInt8(truncatingIfNeeded: mask >> (24 - 8 * UInt32(index & 3)))
            index += 1
        }
    }
}

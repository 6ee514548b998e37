/// A protocol v1 frame that converts to and from its JSON text: ``VisitorFrame``, ``AgentFrame`` and
/// ``ServerFrame``.
///
/// Conforming types implement the two byte-level requirements; the conveniences for arrays and
/// strings come with the protocol. The codec is strict: see ``FrameDecodingError`` for what it
/// rejects.
public protocol WireFrame: Sendable, Hashable {
    /// Decodes a frame from the UTF-8 bytes of one WebSocket text frame.
    ///
    /// - Parameter bytes: The frame's payload: one JSON object, optionally surrounded by whitespace.
    /// - Returns: The frame.
    /// - Throws: ``FrameDecodingError`` naming what is wrong and where.
    static func decode(_ bytes: UnsafeRawBufferPointer) throws(FrameDecodingError) -> Self

    /// Appends the frame's compact JSON to `buffer`.
    ///
    /// - Parameter buffer: The buffer to append to; its existing bytes are kept.
    func encode(into buffer: inout [UInt8])
}

extension WireFrame {
    /// Decodes a frame from the UTF-8 bytes of one WebSocket text frame.
    ///
    /// - Parameter bytes: The frame's payload.
    /// - Throws: ``FrameDecodingError`` naming what is wrong and where.
    @inlinable
    public static func decode(_ bytes: [UInt8]) throws(FrameDecodingError) -> Self {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(FrameDecodingError) in try decode(raw) }
        }
        return try result.get()
    }

    /// Decodes a frame from its JSON text.
    ///
    /// - Parameter text: The frame's JSON.
    /// - Throws: ``FrameDecodingError`` naming what is wrong and where.
    @inlinable
    public static func decode(_ text: String) throws(FrameDecodingError) -> Self {
        var text = text
        let result = text.withUTF8 { utf8 in
            Result { () throws(FrameDecodingError) in try decode(UnsafeRawBufferPointer(utf8)) }
        }
        return try result.get()
    }

    /// The frame's compact JSON as bytes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }

    /// The frame's compact JSON text.
    public var json: String {
        String(decoding: encoded(), as: UTF8.self)
    }
}

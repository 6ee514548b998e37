/// Why a text frame could not be decoded into a protocol v1 frame.
///
/// Every problem maps to one of the stable ``ErrorCode`` values a server sends back in an `error`
/// frame (``code``), names the offending field where there is one (``field``) and reads well in a
/// log line (``description``):
///
/// ```
/// missing field "chat" in "message"
/// field "seq" must be an unsigned integer
/// malformed JSON at byte 31: trailing bytes
/// ```
public struct FrameDecodingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong.
    public enum Kind: Equatable, Sendable {
        /// The bytes are not one well-formed JSON object; `offset` is where the parser stopped.
        case malformed(offset: Int, reason: String)
        /// `type` is a string that names no frame of this endpoint.
        case unknownType(String)
        /// A required field is absent.
        case missingField(String)
        /// A field has the wrong JSON type, an impossible value, or appears twice.
        ///
        /// `expected` completes the sentence "field … must be …", e.g. `an unsigned integer`.
        case invalidField(String, expected: String)
        /// A string holds bytes that are not UTF-8; `offset` is the first bad byte.
        case invalidUTF8(offset: Int)
    }

    /// What went wrong.
    public var kind: Kind

    /// The frame's `type` when it was known at the time of the error, e.g. `"message"`.
    public var frameType: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - frameType: The frame's `type`, when known.
    public init(_ kind: Kind, frameType: String? = nil) {
        self.kind = kind
        self.frameType = frameType
    }

    /// The field the error is about: the missing or invalid field, `type` for an unknown type,
    /// `nil` when the frame is not well-formed JSON at all.
    public var field: String? {
        switch kind {
        case .malformed, .invalidUTF8: nil
        case .unknownType: "type"
        case .missingField(let name), .invalidField(let name, _): name
        }
    }

    /// The machine-readable code a server reports for this error.
    public var code: ErrorCode {
        switch kind {
        case .malformed: .malformed
        case .unknownType: .unknownType
        case .missingField: .missingField
        case .invalidField: .invalidField
        case .invalidUTF8: .invalidUTF8
        }
    }

    /// A one-line, human-readable account of the error that names the field.
    public var description: String {
        switch kind {
        case .malformed(let offset, let reason):
            return "malformed JSON at byte \(offset): \(reason)"
        case .unknownType(let type):
            return "unknown frame type \"\(type)\""
        case .missingField(let name):
            guard let frameType, name != "type" else { return "missing field \"\(name)\"" }
            return "missing field \"\(name)\" in \"\(frameType)\""
        case .invalidField(let name, let expected):
            return "field \"\(name)\" must be \(expected)"
        case .invalidUTF8(let offset):
            return "invalid UTF-8 at byte \(offset)"
        }
    }
}

// MARK: - Expectations

/// The `expected` wording of ``FrameDecodingError/Kind/invalidField(_:expected:)`` errors.
extension FrameDecodingError {
    /// A field that must be a JSON string.
    static let expectedString = "a string"
    /// A field that must be `true` or `false`.
    static let expectedBoolean = "a boolean"
    /// A field that must be a non-negative integer without fraction or exponent.
    static let expectedUnsignedInteger = "an unsigned integer"
    /// An unsigned field whose value does not fit in 64 bits.
    static let expectedUnsigned64 = "an unsigned integer below 2^64"
    /// A field that must be an integer without fraction or exponent.
    static let expectedInteger = "an integer"
    /// A signed field whose value does not fit in 64 bits.
    static let expectedInteger64 = "an integer between -2^63 and 2^63-1"
    /// A field that must be a finite JSON number.
    static let expectedNumber = "a finite number"
    /// A field that must be an array of JSON strings.
    static let expectedStringArray = "an array of strings"
    /// A field that appeared more than once in the same object.
    static let expectedOnce = "given only once"
}

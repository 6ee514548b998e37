/// One member a frame decoder expects, filled in while ``JSONReader`` walks the object.
///
/// Decoders declare a field per member of the frame (``required(_:)`` or ``optional(_:)``), let the
/// reader fill them (`reader.read(&field)`), and take the values out at the end
/// (``JSONReader/value(_:)``), which is where a missing required member is reported.
struct FrameField<Value> {
    /// The member's key, exactly as on the wire.
    let name: StaticString
    /// Whether the member must be present and not `null`.
    let isRequired: Bool
    /// The decoded value; `nil` while absent or when an optional member is `null`.
    var value: Value?
    /// Whether the member has been seen, to reject a second occurrence.
    var isPresent = false

    /// A member that must be present and not `null`.
    static func required(_ name: StaticString) -> FrameField {
        FrameField(name: name, isRequired: true)
    }

    /// A member that may be absent or `null`.
    static func optional(_ name: StaticString) -> FrameField {
        FrameField(name: name, isRequired: false)
    }
}

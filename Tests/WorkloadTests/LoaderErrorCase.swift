import Testing

/// One edit that breaks the fixture, and the issue it must produce.
struct LoaderErrorCase: Sendable, CustomTestStringConvertible {
    var old: String
    var new: String
    /// Text at the position in the edited document.
    var at: String
    var keyPath: String
    var message: String

    var testDescription: String { keyPath + ": " + message }
}

/// One problem in a profile: where it is and what is wrong.
///
/// Its description is `FILE:LINE:COLUMN: KEYPATH: MESSAGE`, the form editors and CI logs turn into links:
///
///     Profiles/x.yaml:41:14: agents.sites[2].shifts[0].start: "25:00" is not a time of day
///
/// The key path is left out when the problem concerns the document as a whole (a YAML syntax error), and
/// the line and column when it concerns the file (it cannot be read).
public struct ProfileIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file as it was named to the loader.
    public var file: String
    /// Line, from 1; 0 when the problem is about the file itself.
    public var line: Int
    /// Column in Unicode scalars, from 1; 0 when the problem is about the file itself.
    public var column: Int
    /// Where in the profile, e.g. `agents.sites[2].shifts[0].start`; empty for the document as a whole.
    public var keyPath: String
    /// What is wrong, and where possible how to fix it.
    public var message: String

    /// Creates an issue.
    public init(file: String, line: Int, column: Int, keyPath: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
    }

    public var description: String {
        var text = file
        if line > 0 {
            text += ":\(line):\(column)"
        }
        text += ": "
        if !keyPath.isEmpty {
            text += keyPath + ": "
        }
        return text + message
    }
}

/// Every problem found in a profile, in the order they appear in the file.
public struct ProfileLoadError: Error, CustomStringConvertible, Sendable {
    /// The problems, sorted by line and column; never empty.
    public var issues: [ProfileIssue]

    /// Creates an error from the problems found.
    public init(issues: [ProfileIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}

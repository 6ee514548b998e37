import Foundation

/// The `chatstorm` binary that `swift build --build-tests` put next to the test bundle, if any.
var chatstormBinary: URL? {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [bundle, bundle.deletingLastPathComponent()] {
        let candidate = folder.appendingPathComponent("chatstorm")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let debug = repository.appendingPathComponent(".build/debug/chatstorm")
    return FileManager.default.isExecutableFile(atPath: debug.path) ? debug : nil
}

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

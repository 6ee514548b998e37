import ArgumentParser
import Foundation

/// `chatstorm serve` in a child process on a free port.
final class ChildServer: Sendable {
    let process: Process
    let port: Int
    var pid: Int32 { process.processIdentifier }

    private init(process: Process, port: Int) {
        self.process = process
        self.port = port
    }

    static func start(arguments: [String]) throws -> ChildServer {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The server prints its port alone on the first line.
        var line: [UInt8] = []
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let first = byte.first else { break }
            if first == UInt8(ascii: "\n") { break }
            line.append(first)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self)) else {
            process.terminate()
            throw ValidationError("the server did not report its port (got \"\(String(decoding: line, as: UTF8.self))\")")
        }
        return ChildServer(process: process, port: port)
    }

    /// Calls `body` when the server process exits.
    func onExit(_ body: @escaping @Sendable () -> Void) {
        process.terminationHandler = { _ in body() }
    }

    func stop() {
        process.terminationHandler = nil
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

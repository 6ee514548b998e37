import ArgumentParser
import Foundation
import LoadEngine
import NIOCore

extension RunCommand {
    /// Starts `--metrics-port`'s endpoint and announces its address on standard output (the port the system picked
    /// when 0 was given); nil without the flag. A port that cannot be bound is a command-line error (64): the run
    /// is then ended before it started and `group` shut down.
    func serveMetrics(of live: LiveRun, group: any EventLoopGroup) async throws -> MetricsEndpoint? {
        guard let metricsPort else { return nil }
        do {
            let endpoint = try await live.serveMetrics(port: metricsPort)
            FileHandle.standardOutput.write(Data("metrics: http://127.0.0.1:\(endpoint.port)/metrics\n".utf8))
            return endpoint
        } catch {
            // A LiveRun must end (its completion promise fulfilled) before it goes away, even one that never ran.
            live.stop()
            try? await group.shutdownGracefully()
            FileHandle.standardError.write(Data("--metrics-port \(metricsPort): cannot listen on 127.0.0.1: \(error)\n".utf8))
            throw ExitCode.validationFailure
        }
    }
}

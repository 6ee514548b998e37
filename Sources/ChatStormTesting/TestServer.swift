public import ChatServer
import Logging
import ServiceLifecycle

/// Runs the reference server on 127.0.0.1 with a free port for the duration of `body`, then shuts it down
/// gracefully.
public func withChatServer<T: Sendable>(
    _ configuration: ServerConfiguration = .init(agentTokens: ["test-token"]),
    _ body: @Sendable (Int) async throws -> T
) async throws -> T {
    try await withChatServer(configuration) { port, _ in try await body(port) }
}

/// ``withChatServer(_:_:)`` whose body may start the server's graceful shutdown itself (its second argument), to
/// watch what connected clients see.
public func withChatServer<T: Sendable>(
    _ configuration: ServerConfiguration = .init(agentTokens: ["test-token"]),
    _ body: @Sendable (Int, _ shutDown: @Sendable () async -> Void) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.host = "127.0.0.1"
    configuration.port = 0
    var logger = Logger(label: "chatstorm.test-server")
    logger.logLevel = .warning
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let server = ChatServer(configuration: configuration, logger: logger) { port in
        portContinuation.yield(port)
        portContinuation.finish()
    }
    let services = ServiceGroup(services: [server], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { portContinuation.finish() }
            try await services.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await group.waitForAll()
            throw ChatConnectionError(message: "the server did not start")
        }
        do {
            let result = try await body(port) { await services.triggerGracefulShutdown() }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return result
        } catch {
            group.cancelAll()
            throw error
        }
    }
}

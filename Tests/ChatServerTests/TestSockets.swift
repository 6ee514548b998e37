import Foundation

/// Runs blocking socket work on a thread of its own: a raw client waits in `poll` or `recv`, and on the cooperative
/// pool (two threads on a two-core machine) it could hold back the server's own tasks.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// A failed raw-socket step, described.
struct SocketFailure: Error, CustomStringConvertible {
    var description: String
}

/// A blocking TCP socket connected to 127.0.0.1:`port`; the caller closes it.
func connectedSocket(port: Int) throws -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw SocketFailure(description: "socket: errno \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
        close(descriptor)
        throw SocketFailure(description: "connect: errno \(errno)")
    }
    return descriptor
}

import ChatClient
import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a connection attempt failed, as counted in `errorsByKind` (`connect.refused`, `connect.timeout`, …;
/// anything else as `connect.failed`, with the error printed once per run by the engine).
///
/// Only a refusal (nobody listens) or a name that does not resolve says the target is gone; a timeout or a
/// reset under load says it is overloaded, which is a finding of the run rather than a reason to end it.
enum ConnectFailure: String {
    case refused = "connect.refused"
    case unresolved = "connect.unresolved"
    case timeout = "connect.timeout"
    case reset = "connect.reset"
    case noLocalPorts = "connect.noLocalPorts"
    case closed = "connect.closedBeforeHandshake"
    case handshake = "connect.handshakeRefused"
    case other = "connect.failed"

    init(_ error: any Error) {
        switch error {
        case let error as IOError:
            switch error.errnoCode {
            case ECONNREFUSED: self = .refused
            case ETIMEDOUT: self = .timeout
            case ECONNRESET, EPIPE: self = .reset
            case EADDRNOTAVAIL: self = .noLocalPorts
            default: self = .other
            }
        case ChannelError.connectTimeout:
            self = .timeout
        case ChannelError.ioOnClosedChannel, ChannelError.eof:
            self = .closed
        case is WebSocketHandshake.Refused:
            self = .handshake
        case is SessionConnector.UnresolvedHost:
            self = .unresolved
        default:
            self = .other
        }
    }

    /// Whether the failure says that nobody is there to connect to.
    var meansUnreachable: Bool { self == .refused || self == .unresolved }
}

import ChatProtocol
import ChatRouting
import NIOCore
import NIOEmbedded
import NIOWebSocket
import Synchronization
import Testing

@testable import ChatServer

/// A visitor's connection that is closing (its close frame came, or the server's went out) before the server hears
/// that it has gone: the window in which frames for the visitor used to be dropped and its reconnection refused.
@Suite("A visitor's closing connection")
struct ClosingConnectionTests {
    private let hub = ChatHub(configuration: ServerConfiguration(agentTokens: ["t"]), metrics: ServerMetrics())

    private func outbox(_ id: UInt64) -> (Outbox, EmbeddedChannel) {
        let channel = EmbeddedChannel()
        return (Outbox(id: id, channel: channel, limit: 64, closeTimeout: 2), channel)
    }

    private func hello(_ outbox: Outbox) -> ErrorFrame? {
        hub.visitorHello(VisitorHello(visitor: "v-1", language: "en", region: "emea"), outbox: outbox)
    }

    /// The text frames `channel` was given to write, decoded.
    private func written(_ channel: EmbeddedChannel) throws -> [ServerFrame] {
        (channel.eventLoop as! EmbeddedEventLoop).run()
        var frames: [ServerFrame] = []
        while let frame = try channel.readOutbound(as: WebSocketFrame.self) {
            guard frame.opcode == .text else { continue }
            frames.append(try ServerFrame.decode(Array(frame.unmaskedData.readableBytesView)))
        }
        return frames
    }

    @Test("frames for it are kept for its return instead of going to the closing connection")
    func framesAreKept() throws {
        let (first, channel) = outbox(1)
        #expect(hello(first) == nil)
        first.close(.goingAway, reason: "")
        #expect(first.isClosing)
        hub.state.withLock { $0.send(.typing(chat: 7, from: .agent, on: true), to: .visitor("v-1")) }
        #expect(hub.state.withLock { $0.visitors["v-1"]?.pending.count } == 1)
        #expect(try written(channel).allSatisfy { if case .welcome = $0 { true } else { false } })
    }

    @Test("it may say hello again on a new connection at once, and gets what was kept")
    func reconnectsAtOnce() throws {
        let (first, _) = outbox(1)
        #expect(hello(first) == nil)
        first.close(.goingAway, reason: "")
        hub.state.withLock { $0.send(.typing(chat: 7, from: .agent, on: true), to: .visitor("v-1")) }
        let (second, channel) = outbox(2)
        #expect(hello(second) == nil)
        let frames = try written(channel)
        #expect(frames.count == 2, "\(frames)")
        #expect(frames.last == .typing(chat: 7, from: .agent, on: true))
        // The first connection's end, heard afterwards, leaves the new one in place.
        hub.visitorDisconnected("v-1", outbox: first)
        #expect(hub.state.withLock { $0.visitors["v-1"]?.outbox } === second)
        #expect(hub.state.withLock { $0.detached["v-1"] } == nil)
    }

    @Test("a visitor connected on an open connection is still refused a second one")
    func secondConnectionRefused() {
        let (first, _) = outbox(1)
        #expect(hello(first) == nil)
        let (second, _) = outbox(2)
        #expect(hello(second)?.code == .invalidState)
    }
}

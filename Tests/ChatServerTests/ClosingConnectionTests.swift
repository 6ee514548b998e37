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
    private let hub: ChatHub

    init() { hub = Self.hub() }

    private static func hub(resumeGrace: Double = 15) -> ChatHub {
        var configuration = ServerConfiguration(agentTokens: ["t"])
        configuration.resumeGrace = resumeGrace
        return ChatHub(configuration: configuration, metrics: ServerMetrics())
    }

    private func outbox(_ id: UInt64) -> (Outbox, EmbeddedChannel) {
        let channel = EmbeddedChannel()
        return (Outbox(id: id, channel: channel, limit: 64, closeTimeout: 2), channel)
    }

    private func hello(_ outbox: Outbox, hub: ChatHub? = nil) -> ErrorFrame? {
        (hub ?? self.hub).visitorHello(VisitorHello(visitor: "v-1", language: "en", region: "emea"), outbox: outbox)
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

    @Test("frames held back (serve --relay-delay) and frames after the connection is gone are kept too")
    func heldBackAndGone() throws {
        let (first, _) = outbox(1)
        #expect(hello(first) == nil)
        first.close(.goingAway, reason: "")
        hub.state.withLock { $0.send(.ended(chat: 7, reason: .agent), to: .visitor("v-1"), after: 0.5) }
        #expect(hub.state.withLock { $0.visitors["v-1"]?.pending } == [.ended(chat: 7, reason: .agent)])
        let (second, _) = outbox(2)
        let hub = Self.hub()
        #expect(hello(second, hub: hub) == nil)
        second.finish()
        hub.state.withLock { $0.send(.typing(chat: 7, from: .agent, on: false), to: .visitor("v-1")) }
        #expect(hub.state.withLock { $0.visitors["v-1"]?.pending.count } == 1)
    }

    @Test("without a resume grace, a second hello while the first connection closes is still refused")
    func noGraceNoTakeover() {
        let hub = Self.hub(resumeGrace: 0)
        let (first, _) = outbox(1)
        #expect(hello(first, hub: hub) == nil)
        first.close(.goingAway, reason: "")
        let (second, _) = outbox(2)
        #expect(hello(second, hub: hub)?.code == .invalidState)
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

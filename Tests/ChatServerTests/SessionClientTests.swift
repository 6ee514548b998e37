import ChatClient
import ChatProtocol
import ChatStormTesting
import NIOCore
import NIOPosix
import Synchronization
import Testing

/// Records what a lean client session sees, for the test to wait on.
private final class Recorder: SessionDelegate, @unchecked Sendable {
    let frames: AsyncStream<ServerFrame>
    private let continuation: AsyncStream<ServerFrame>.Continuation
    let opened: @Sendable (WebSocketSession) -> Void

    init(opened: @escaping @Sendable (WebSocketSession) -> Void) {
        (frames, continuation) = AsyncStream.makeStream(of: ServerFrame.self)
        self.opened = opened
    }

    func sessionOpened(_ session: WebSocketSession) { opened(session) }
    func session(_ session: WebSocketSession, received frame: ServerFrame) { continuation.yield(frame) }
    func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError) {}
    func sessionClosed(_ session: WebSocketSession, code: Int?) { continuation.finish() }
}

/// Sends a frame through the session of `channel`, on its event loop.
private func send(_ frame: VisitorFrame, on channel: any Channel) async throws {
    try await channel.eventLoop.submit {
        let session = try channel.pipeline.syncOperations.handler(type: WebSocketSession.self)
        session.send(frame)
        session.flush()
    }.get()
}

@Suite("Lean event-loop client sessions", .timeLimit(.minutes(1)))
struct SessionClientTests {
    @Test("a visitor and an agent session chat through the reference server")
    func chat() async throws {
        try await withChatServer { port in
            let group = MultiThreadedEventLoopGroup.singleton
            let connector = SessionConnector(host: "127.0.0.1", port: port, group: group)
            let agent = Recorder { session in
                session.send(
                    AgentFrame.hello(AgentHello(agent: "ana", token: token, languages: ["en", "lv"], departments: ["sales"], capacity: 1))
                )
            }
            let visitor = Recorder { session in
                session.send(VisitorFrame.hello(VisitorHello(visitor: "v", language: "lv", region: "baltics")))
            }
            let agentChannel = try await connector.connect(.agent) { _ in WebSocketSession(delegate: agent) }.get()
            var agentFrames = agent.frames.makeAsyncIterator()
            guard case .welcome = await agentFrames.next() else {
                Issue.record("agent not welcomed")
                return
            }
            let visitorChannel = try await connector.connect(.visitor) { _ in WebSocketSession(delegate: visitor) }.get()
            var visitorFrames = visitor.frames.makeAsyncIterator()
            guard case .welcome = await visitorFrames.next() else {
                Issue.record("visitor not welcomed")
                return
            }
            try await send(
                VisitorFrame.request(ChatRequest(department: "sales", text: "Sveiki! Kur ir mans sūtījums?")),
                on: visitorChannel
            )
            let reply = await visitorFrames.next()
            guard case .assigned(let assignment) = reply else {
                Issue.record("visitor not assigned: \(String(describing: reply))")
                try await agentChannel.close()
                try await visitorChannel.close()
                return
            }
            #expect(await agentFrames.next() == .assigned(assignment))
            try await send(
                VisitorFrame.message(ChatMessage(chat: assignment.chat, id: "m1", seq: 1, text: "Paldies 🙏")),
                on: visitorChannel
            )
            #expect(await visitorFrames.next() == .ack(Ack(chat: assignment.chat, id: "m1", seq: 1, serverSeq: 1)))
            guard case .message(let relayed) = await agentFrames.next() else {
                Issue.record("agent got no message")
                return
            }
            #expect(relayed.text == "Paldies 🙏" && relayed.from == .visitor)
            // The agent's TCP connection just closes (no WebSocket close): the server must notice at once, and,
            // with no other agent, turn the visitor's re-queued chat into a ticket.
            try await agentChannel.close()
            guard case .queued = await visitorFrames.next(), case .offline(_, let chat, _) = await visitorFrames.next() else {
                Issue.record("the server did not notice the agent leaving")
                return
            }
            #expect(chat == assignment.chat)
            try await visitorChannel.eventLoop.submit {
                try visitorChannel.pipeline.syncOperations.handler(type: WebSocketSession.self).close()
            }.get()
            try await visitorChannel.closeFuture.get()
        }
    }

    @Test("connecting to a port nobody listens on fails instead of hanging")
    func closedPort() async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let recorder = Recorder { _ in }
        let closed = SessionConnector(host: "127.0.0.1", port: 1, group: group)
        await #expect(throws: (any Error).self) {
            _ = try await closed.connect(.visitor) { _ in WebSocketSession(delegate: recorder) }.get()
        }
    }
}

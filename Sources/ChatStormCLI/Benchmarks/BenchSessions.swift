import ChatClient
import ChatProtocol
import NIOCore
import Synchronization

/// What the benchmark's sessions report to its coordinator.
final class BenchProgress: Sendable {
    let agentsReady: Latch
    let visitorsAssigned: Latch
    let visitorsDone: Latch
    let sessionsClosed: Latch
    let failures = Latch(target: .max)
    let connecting: AsyncLimiter
    let frames = Atomic<Int>(0)

    init(agents: Int, visitors: Int, connectConcurrency: Int) {
        agentsReady = Latch(target: agents)
        visitorsAssigned = Latch(target: visitors)
        visitorsDone = Latch(target: visitors)
        sessionsClosed = Latch(target: agents + visitors)
        connecting = AsyncLimiter(connectConcurrency)
    }
}

/// A benchmark agent: logs in, echoes every visitor message, leaves when its chats have ended.
/// Confined to its session's event loop (hence `@unchecked Sendable`: it is only handed to that loop).
final class BenchAgent: SessionDelegate, @unchecked Sendable {
    private let id: String
    private let capacity: Int
    private let progress: BenchProgress
    private var ready = false
    private var ended = 0
    private var sequence: [ChatID: UInt64] = [:]

    init(id: String, capacity: Int, progress: BenchProgress) {
        self.id = id
        self.capacity = capacity
        self.progress = progress
    }

    func sessionOpened(_ session: WebSocketSession) {
        session.send(
            AgentFrame.hello(AgentHello(agent: id, token: "bench", languages: ["en"], departments: ["sales"], capacity: capacity))
        )
    }

    func session(_ session: WebSocketSession, received frame: ServerFrame) {
        progress.frames.add(1, ordering: .relaxed)
        switch frame {
        case .welcome:
            markReady()
        case .message(let message):
            let seq = (sequence[message.chat] ?? 0) + 1
            sequence[message.chat] = seq
            session.send(AgentFrame.message(ChatMessage(chat: message.chat, id: "r\(seq)", seq: seq, text: message.text)))
            progress.frames.add(1, ordering: .relaxed)
        case .ended:
            ended += 1
            if ended == capacity { session.close() }
        default:
            break
        }
    }

    func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError) {}

    func sessionClosed(_ session: WebSocketSession, code: Int?) {
        if !ready {
            progress.failures.arrive()
            markReady()
        }
        progress.sessionsClosed.arrive()
    }

    private func markReady() {
        guard !ready else { return }
        ready = true
        progress.connecting.release()
        progress.agentsReady.arrive()
    }
}

/// A benchmark visitor: asks for a chat, then, when started, exchanges `messages` messages with its agent with at
/// most `window` in flight, and ends the chat when told to finish. Confined to its session's event loop.
final class BenchVisitor: SessionDelegate, @unchecked Sendable {
    private let id: String
    /// The event loop of the visitor's session.
    let loop: any EventLoop
    private let messages: Int
    private let window: Int
    private let progress: BenchProgress
    private var session: WebSocketSession?
    private var chat: ChatID?
    private var assigned = false
    private var done = false
    private var sent = 0
    private var echoed = 0
    private let text: String

    init(id: String, loop: any EventLoop, messages: Int, window: Int, progress: BenchProgress) {
        self.id = id
        self.loop = loop
        self.messages = messages
        self.window = window
        self.progress = progress
        self.text = "Hello, I have a question about my order \(id), can you help? Gracias 🙏"
    }

    func sessionOpened(_ session: WebSocketSession) {
        self.session = session
        session.send(VisitorFrame.hello(VisitorHello(visitor: id, language: "en", region: "bench")))
        session.send(VisitorFrame.request(ChatRequest(department: "sales")))
    }

    func session(_ session: WebSocketSession, received frame: ServerFrame) {
        progress.frames.add(1, ordering: .relaxed)
        switch frame {
        case .assigned(let assignment):
            chat = assignment.chat
            markAssigned()
        case .message:
            echoed += 1
            if echoed == messages { markDone() } else { sendMore() }
        case .ended:
            session.close()
        default:
            break
        }
    }

    func session(_ session: WebSocketSession, receivedInvalid error: FrameDecodingError) {}

    func sessionClosed(_ session: WebSocketSession, code: Int?) {
        if !done {
            progress.failures.arrive()
            markAssigned()
            markDone()
        }
        progress.sessionsClosed.arrive()
    }

    /// Starts the exchange (on the session's event loop).
    func start() {
        sendMore()
        session?.flush()
    }

    /// Ends the chat (on the session's event loop).
    func finish() {
        guard let chat, let session else { return }
        session.send(VisitorFrame.end(chat: chat))
        session.flush()
    }

    private func sendMore() {
        guard let chat, let session else { return }
        while sent < messages && sent - echoed < window {
            sent += 1
            let seq = UInt64(sent)
            session.send(VisitorFrame.message(ChatMessage(chat: chat, id: "m\(seq)", seq: seq, text: text)))
            progress.frames.add(1, ordering: .relaxed)
        }
    }

    private func markDone() {
        guard !done else { return }
        done = true
        progress.visitorsDone.arrive()
    }

    private func markAssigned() {
        guard !assigned else { return }
        assigned = true
        progress.connecting.release()
        progress.visitorsAssigned.arrive()
    }
}

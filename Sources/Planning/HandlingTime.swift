public import Workload

/// How long an agent holds a chat, as the profile's behaviour implies it, and the per-chat completion rates the
/// chat model needs.
///
/// Without a `handling` model the chat is the conversation the behaviour machines play (docs/capacity.md,
/// "Handling time from the behaviour"): the agent answers the opening question after a reply time R, the visitor
/// then sends M messages, each after thinking T and typing L characters at S characters per second, and each
/// answered after R; the visitor ends the chat when the answer to its last message arrives. So
///
///     E[H] = (E[M] + 1)·E[R] + E[M]·(E[T] + E[L]·E[1/S]) + p_transfer·E[R] + p_reconnect·E[offline],
///
/// with R including the site's performance factor. A reply does not wait for the agent's other chats, so the
/// rate at which a chat ends does not depend on the agent's load: one rate for every concurrency level.
/// With a `handling` model, entry k − 1's mean is the handling time at concurrency k (the last entry beyond the
/// list), as the simulator applies it.
public struct HandlingTime: Sendable, Equatable {
    /// Mean seconds an agent holds a chat alone (at concurrency 1).
    public var mean: Double
    /// Mean handling seconds at concurrency 1, 2, …; one entry when it does not depend on the load.
    public var meanByConcurrency: [Double]
    /// The parts of ``mean`` from the conversation; nil for a `handling` model.
    public var conversation: Conversation?

    /// The terms of the conversation's mean, in seconds (each already multiplied by its count).
    public struct Conversation: Sendable, Equatable {
        /// E[M], visitor messages per chat.
        public var messages: Double
        /// (E[M] + 1)·E[R] plus the transfer term: the agent's reply times.
        public var replying: Double
        /// E[M]·E[T]: the visitor thinking.
        public var thinking: Double
        /// E[M]·E[L]·E[1/S]: the visitor typing.
        public var typing: Double
        /// p_reconnect·E[offline]: a dropped connection.
        public var reconnecting: Double
    }

    /// A handling time with the same mean at every concurrency.
    public init(mean: Double) {
        self.mean = mean
        self.meanByConcurrency = [mean]
    }

    /// The handling time from a `handling` model.
    public init(model: HandlingModel) {
        let means = model.byConcurrency.map(Expectation.duration)
        self.mean = means.first ?? 0
        self.meanByConcurrency = means.isEmpty ? [0] : means
    }

    /// The conversation's handling time at `site` for visitors speaking `language`.
    public init(visitors: VisitorBehaviour, site: Site, language: String) {
        let messages = Expectation.count(visitors.messagesPerChat)
        let reply = Expectation.duration(site.replyTime) * site.performance
        let think = Expectation.duration(visitors.thinkTime)
        let length = Expectation.count(visitors.messageLength[language] ?? visitors.defaultMessageLength)
        let secondsPerCharacter = Expectation.of(visitors.typingSpeed) { 1 / max(0.5, max(0, $0)) }
        let parts = Conversation(
            messages: messages,
            replying: (messages + 1) * reply + site.transferShare * reply,
            thinking: messages * think,
            typing: messages * length * secondsPerCharacter,
            reconnecting: visitors.reconnect.probability * Expectation.duration(visitors.reconnect.after)
        )
        let mean = parts.replying + parts.thinking + parts.typing + parts.reconnecting
        self.mean = mean
        self.meanByConcurrency = [mean]
        self.conversation = parts
    }

    /// μ_1 … μ_K for an agent of capacity `capacity`: 1 / mean at each concurrency.
    public func perChatRates(capacity: Int) -> [Double] {
        (1...max(1, capacity)).map { k in 1 / max(meanByConcurrency[min(k, meanByConcurrency.count) - 1], 1e-9) }
    }
}

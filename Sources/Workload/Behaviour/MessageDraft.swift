/// What a phrase of a chat message says.
public enum PhraseKind: UInt8, Sendable, Hashable, CaseIterable {
    /// "Hello, I need some help."
    case greeting
    /// A customer's question about an order, a delivery, a payment.
    case question
    /// An agent's answer.
    case answer
    /// "Thanks, that helps."
    case thanks
}

/// A chat message a behaviour machine decided to send, before its text is written.
///
/// The machines return drafts rather than strings so that the simulator never builds text (it needs only
/// ``length``) while the live engine renders ``text`` when it sends the frame. A draft carries its own seed,
/// so its text is the same whether or not it is rendered, and rendering never disturbs the machine's
/// random stream.
public struct MessageDraft: Sendable, Hashable {
    /// Language code of the text (`hi`, `lv`, `ja` …); unknown languages are written in English.
    public var language: String
    /// Kind of the first phrase.
    public var lead: PhraseKind
    /// Kind of the phrases that fill the message up to its length.
    public var body: PhraseKind
    /// Length of the text in Unicode scalars (at least 1).
    public var length: Int
    /// Seed of the phrase choice.
    public var seed: UInt64

    public init(language: String, lead: PhraseKind, body: PhraseKind, length: Int, seed: UInt64) {
        self.language = language
        self.lead = lead
        self.body = body
        self.length = length
        self.seed = seed
    }

    /// The message text: exactly ``length`` Unicode scalars in ``language``.
    public var text: String {
        var rng = SeededGenerator(seed: seed)
        return MessageText.build(language: language, length: length, lead: lead, body: body, using: &rng)
    }
}

extension MessageDraft {
    /// Draws a draft of a length from `distribution` (rounded, at least 1) and a fresh seed.
    static func draw(
        language: String,
        lead: PhraseKind,
        body: PhraseKind,
        length distribution: Distribution,
        using rng: inout some RandomNumberGenerator
    ) -> MessageDraft {
        let length = max(1, Int(distribution.sample(using: &rng).rounded()))
        return MessageDraft(language: language, lead: lead, body: body, length: length, seed: rng.next())
    }
}

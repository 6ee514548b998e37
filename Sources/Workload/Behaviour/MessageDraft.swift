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

/// The language a message is written in, as the phrase bank that writes it: a language code resolved once
/// (to its own bank, its primary subtag's, or English), so that drafts, and the machines' actions that carry
/// them, hold no strings and copy as plain bytes.
public struct MessageLanguage: Sendable, Hashable {
    /// The bank's place in the phrase bank table.
    let bank: UInt8

    /// The phrases of `code` (`pt-BR` is written in `pt`; a language without phrases of its own in English).
    public init(_ code: String) {
        bank = PhraseBank.index(of: code) ?? 0
    }
}

/// A chat message a behaviour machine decided to send, before its text is written.
///
/// The machines return drafts rather than strings so that the simulator never builds text (it needs only
/// ``length``) while the live engine renders ``text`` when it sends the frame. A draft carries its own seed,
/// so its text is the same whether or not it is rendered, and rendering never disturbs the machine's
/// random stream.
public struct MessageDraft: Sendable, Hashable {
    /// The language of the text; unknown languages are written in English.
    public var language: MessageLanguage
    /// Kind of the first phrase.
    public var lead: PhraseKind
    /// Kind of the phrases that fill the message up to its length.
    public var body: PhraseKind
    /// Length of the text in Unicode scalars (at least 1).
    public var length: Int
    /// Seed of the phrase choice.
    public var seed: UInt64

    public init(language: MessageLanguage, lead: PhraseKind, body: PhraseKind, length: Int, seed: UInt64) {
        self.language = language
        self.lead = lead
        self.body = body
        self.length = length
        self.seed = seed
    }

    /// A draft in the language `code` (`hi`, `lv`, `ja` …).
    public init(language code: String, lead: PhraseKind, body: PhraseKind, length: Int, seed: UInt64) {
        self.init(language: MessageLanguage(code), lead: lead, body: body, length: length, seed: seed)
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
        language: MessageLanguage,
        lead: PhraseKind,
        body: PhraseKind,
        length distribution: Distribution,
        using rng: inout some RandomNumberGenerator
    ) -> MessageDraft {
        let length = max(1, Int(distribution.sample(using: &rng).rounded()))
        return MessageDraft(language: language, lead: lead, body: body, length: length, seed: rng.next())
    }
}

/// Writes chat messages of a requested length from the project's phrase banks.
///
/// Lengths are counted in **Unicode scalars** (`String.unicodeScalars.count`): close to the keystrokes a
/// person types, for Latin, Devanagari, Telugu, Arabic and CJK alike. The same length takes a different
/// number of UTF-8 bytes per script: about 1 per scalar in English, 3 in Hindi, Telugu, Japanese and Chinese,
/// 2 in Arabic.
public enum MessageText {
    /// Languages with a phrase bank of their own; any other language is written in English.
    public static var languages: [String] { PhraseBank.banks.map(\.code).sorted() }

    /// Whether `language` (or its primary subtag: `pt` for `pt-BR`) has a phrase bank of its own.
    public static func hasPhrases(for language: String) -> Bool {
        PhraseBank.lookup(language) != nil
    }

    /// A message of exactly `length` Unicode scalars (none when `length` ≤ 0): a `lead` phrase, then `body`
    /// phrases chosen by `rng`, joined by the language's separator, the last phrase cut at the length.
    ///
    /// The same language, length, kinds and generator state always give the same text.
    public static func build(
        language: String,
        length: Int,
        lead: PhraseKind = .question,
        body: PhraseKind = .question,
        using rng: inout some RandomNumberGenerator
    ) -> String {
        build(bank: PhraseBank.lookup(language) ?? PhraseBank.english, length: length, lead: lead, body: body, using: &rng)
    }

    /// A message from `language`'s phrases (see ``build(language:length:lead:body:using:)``).
    static func build(
        language: MessageLanguage,
        length: Int,
        lead: PhraseKind,
        body: PhraseKind,
        using rng: inout some RandomNumberGenerator
    ) -> String {
        build(bank: PhraseBank.banks[Int(language.bank)].bank, length: length, lead: lead, body: body, using: &rng)
    }

    static func build(
        bank: PhraseBank,
        length: Int,
        lead: PhraseKind,
        body: PhraseKind,
        using rng: inout some RandomNumberGenerator
    ) -> String {
        guard length > 0 else { return "" }
        // Whole phrases are appended as strings (a copy of their UTF-8); only the phrase cut at the length is
        // walked scalar by scalar. The engine builds one text per message, so this is on its hot path.
        var text = ""
        text.reserveCapacity(length * 3)
        var count = 0
        var kind = lead
        while count < length {
            if count > 0 {
                // A separator as the very last scalar would end the message in white space: end it with
                // the language's full stop instead.
                if count + bank.separator.count >= length {
                    text.unicodeScalars.append(bank.terminator)
                    count += 1
                    continue
                }
                text.unicodeScalars.append(contentsOf: bank.separator)
                count += bank.separator.count
            }
            let phrases = bank.phrases(kind)
            let phrase = phrases[Int.random(in: 0..<phrases.count, using: &rng)]
            let phraseLength = phrase.unicodeScalars.count
            if count + phraseLength <= length {
                text.append(phrase)
                count += phraseLength
            } else {
                text.unicodeScalars.append(contentsOf: phrase.unicodeScalars.prefix(length - count))
                count = length
            }
            kind = body
        }
        // A phrase cut at one of its spaces would end the message in white space: end it with a full stop.
        if let last = text.unicodeScalars.last, last.properties.isWhitespace {
            text.unicodeScalars.removeLast()
            text.unicodeScalars.append(bank.terminator)
        }
        return text
    }
}

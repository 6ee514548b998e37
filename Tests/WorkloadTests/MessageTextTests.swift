import Testing
import Workload

@Suite("Message text")
struct MessageTextTests {
    static let required = ["hi", "mr", "te", "lv", "en", "es", "ja", "ar"]

    @Test("the eight required languages have phrase banks of their own")
    func languages() {
        for language in Self.required {
            #expect(MessageText.languages.contains(language), "\(language)")
            #expect(MessageText.hasPhrases(for: language))
        }
        #expect(MessageText.hasPhrases(for: "pt-BR"))
        #expect(!MessageText.hasPhrases(for: "xx"))
    }

    @Test("a message has exactly the requested number of Unicode scalars", arguments: MessageText.languages)
    func lengths(language: String) {
        var rng = SeededGenerator(seed: 5)
        for length in [1, 2, 3, 7, 20, 41, 80, 160, 500] {
            for kinds in [(PhraseKind.greeting, PhraseKind.question), (.answer, .answer), (.thanks, .thanks)] {
                let text = MessageText.build(language: language, length: length, lead: kinds.0, body: kinds.1, using: &rng)
                #expect(text.unicodeScalars.count == length, "\(language) \(length): \(text)")
                #expect(text.unicodeScalars.last.map { !$0.properties.isWhitespace } ?? false, "\(text)")
                #expect(text.unicodeScalars.first.map { !$0.properties.isWhitespace } ?? false, "\(text)")
            }
        }
        #expect(MessageText.build(language: language, length: 0, using: &rng).isEmpty)
    }

    @Test("UTF-8 sizes differ by script for the same length")
    func bytesPerScalar() {
        func bytes(_ language: String) -> Double {
            var rng = SeededGenerator(seed: 9)
            var total = 0
            for _ in 0..<20 { total += MessageText.build(language: language, length: 200, using: &rng).utf8.count }
            return Double(total) / (20 * 200)
        }
        #expect(bytes("en") < 1.01)
        #expect(bytes("lv") > 1.03 && bytes("lv") < 1.3)
        #expect(bytes("es") > 1.0 && bytes("es") < 1.15)
        #expect(bytes("ar") > 1.7 && bytes("ar") < 2.0)
        for language in ["hi", "mr", "te"] { #expect(bytes(language) > 2.4 && bytes(language) < 3.0, "\(language)") }
        for language in ["ja", "zh"] { #expect(bytes(language) > 2.9 && bytes(language) <= 3.0, "\(language)") }
    }

    @Test(
        "text is in the language's script",
        arguments: [
            ("hi", 0x0900...0x097F), ("mr", 0x0900...0x097F), ("te", 0x0C00...0x0C7F), ("ar", 0x0600...0x06FF),
            ("ja", 0x3040...0x30FF), ("zh", 0x4E00...0x9FFF),
        ]
    )
    func scripts(language: String, block: ClosedRange<UInt32>) {
        var rng = SeededGenerator(seed: 2)
        let text = MessageText.build(language: language, length: 300, using: &rng)
        let inBlock = text.unicodeScalars.filter { block.contains($0.value) }.count
        #expect(Double(inBlock) > 0.5 * 300, "\(language): \(text)")
    }

    @Test("Latvian text carries its diacritics")
    func latvianDiacritics() {
        var rng = SeededGenerator(seed: 4)
        let text = MessageText.build(language: "lv", length: 400, lead: .question, body: .answer, using: &rng)
        #expect(text.unicodeScalars.contains { "āēīūčšžķļņģ".unicodeScalars.contains($0) })
    }

    @Test("the same seed gives the same text; other seeds, other texts")
    func deterministic() {
        for language in MessageText.languages {
            var a = SeededGenerator(seed: 77)
            var b = SeededGenerator(seed: 77)
            #expect(
                MessageText.build(language: language, length: 120, using: &a)
                    == MessageText.build(language: language, length: 120, using: &b)
            )
            var texts = Set<String>()
            for seed in 0..<20 as Range<UInt64> {
                texts.insert(MessageDraft(language: language, lead: .greeting, body: .question, length: 120, seed: seed).text)
            }
            #expect(texts.count > 10, "\(language)")
        }
    }

    @Test("a draft renders what the builder writes with its seed")
    func draftText() {
        let draft = MessageDraft(language: "te", lead: .greeting, body: .answer, length: 64, seed: 123)
        var rng = SeededGenerator(seed: 123)
        #expect(draft.text == MessageText.build(language: "te", length: 64, lead: .greeting, body: .answer, using: &rng))
        #expect(draft.text == draft.text)
    }

    @Test("unknown languages are written in English; regional codes use their language")
    func fallback() {
        var a = SeededGenerator(seed: 3)
        var b = SeededGenerator(seed: 3)
        #expect(MessageText.build(language: "xx", length: 90, using: &a) == MessageText.build(language: "en", length: 90, using: &b))
        var c = SeededGenerator(seed: 3)
        var d = SeededGenerator(seed: 3)
        #expect(MessageText.build(language: "pt-BR", length: 90, using: &c) == MessageText.build(language: "pt", length: 90, using: &d))
    }

    @Test("a draft's language is its phrase bank: every language, regional codes and unknown ones as the builder resolves them")
    func draftLanguages() {
        for code in MessageText.languages + ["pt-BR", "zh_Hans", "xx", ""] {
            let draft = MessageDraft(language: code, lead: .question, body: .answer, length: 80, seed: 99)
            var rng = SeededGenerator(seed: 99)
            #expect(draft.text == MessageText.build(language: code, length: 80, lead: .question, body: .answer, using: &rng), "\(code)")
        }
        #expect(MessageLanguage("pt-BR") == MessageLanguage("pt") && MessageLanguage("xx") == MessageLanguage("en"))
        #expect(Set(MessageText.languages.map(MessageLanguage.init)).count == MessageText.languages.count)
    }

    @Test("machine actions and drafts hold no references: they copy as plain bytes on the simulator's hot path")
    func actionsArePlainData() {
        #expect(_isPOD(MessageDraft.self))
        #expect(_isPOD(VisitorAction.self))
        #expect(_isPOD(AgentAction.self))
        #expect(_isPOD(ActionBuffer<VisitorAction>.self) && _isPOD(ActionBuffer<AgentAction>.self))
    }

    @Test("a message starts with its lead phrase kind")
    func lead() {
        var rng = SeededGenerator(seed: 8)
        let text = MessageText.build(language: "en", length: 300, lead: .thanks, body: .question, using: &rng)
        let thanks = [
            "Thank you!", "Thanks, that helps.", "Great, thanks a lot.", "Perfect, have a nice day.", "Thanks for your help.",
            "Okay, that is all for now.",
        ]
        #expect(thanks.contains { text.hasPrefix($0) }, "\(text)")
        #expect(text.contains("?"))
    }
}

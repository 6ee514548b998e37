/// Short customer-support phrases in one language, written for this project.
struct PhraseBank: Sendable {
    /// Between two phrases: a space, or nothing for Japanese and Chinese.
    var separator: [Unicode.Scalar]
    /// The full stop that ends a message whose last phrase would be cut right after a separator.
    var terminator: Unicode.Scalar
    var greetings: [String]
    var questions: [String]
    var answers: [String]
    var thanks: [String]

    init(
        separator: String = " ",
        terminator: Unicode.Scalar = ".",
        greetings: [String],
        questions: [String],
        answers: [String],
        thanks: [String]
    ) {
        self.separator = Array(separator.unicodeScalars)
        self.terminator = terminator
        self.greetings = greetings
        self.questions = questions
        self.answers = answers
        self.thanks = thanks
    }

    func phrases(_ kind: PhraseKind) -> [String] {
        switch kind {
        case .greeting: greetings
        case .question: questions
        case .answer: answers
        case .thanks: thanks
        }
    }

    /// Every bank with its language code; English first, the bank of languages without one.
    static let banks: [(code: String, bank: PhraseBank)] = [
        ("en", english), ("es", spanish), ("lv", latvian), ("fr", french), ("de", german), ("pt", portuguese),
        ("hi", hindi), ("mr", marathi), ("te", telugu),
        ("ja", japanese), ("zh", chinese), ("ar", arabic),
    ]

    /// Each bank's place in ``banks`` by language code.
    static let indexByCode: [String: UInt8] = Dictionary(
        uniqueKeysWithValues: banks.enumerated().map { ($0.element.code, UInt8($0.offset)) }
    )

    /// The place in ``banks`` of the bank for `language`, or for its primary subtag (`pt-BR` → `pt`, `zh_Hans` →
    /// `zh`); nil when none.
    static func index(of language: String) -> UInt8? {
        if let index = indexByCode[language] { return index }
        let primary = language.prefix { $0 != "-" && $0 != "_" }.lowercased()
        return indexByCode[primary]
    }

    /// The bank for `language` (as ``index(of:)`` finds it); nil when none.
    static func lookup(_ language: String) -> PhraseBank? {
        index(of: language).map { banks[Int($0)].bank }
    }
}

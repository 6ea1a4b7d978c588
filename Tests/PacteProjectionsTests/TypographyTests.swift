import PacteProjections
import Testing

/// French typography (``Typography/french(_:keepingMarks:)``), character by character:
/// ASCII characters are told apart by their byte, any other by `Character` equality, with
/// the same result.
struct TypographyTests {
    static let cases: [(text: String, typeset: String)] = [
        ("Total : 5 %", "Total\u{202F}: 5\u{202F}%"),
        ("Quoi ? Oui ! Ainsi ; fin", "Quoi\u{202F}? Oui\u{202F}! Ainsi\u{202F}; fin"),
        // GREEK QUESTION MARK is canonically a semicolon.
        ("a \u{037E} b", "a\u{202F}\u{037E} b"),
        // A space with a combining accent is one character, not a space.
        ("a \u{0301}: b", "a \u{0301}: b"),
        ("« Pacte : x » puis : y", "«\u{00A0}Pacte : x\u{00A0}» puis\u{202F}: y"),
        ("n° 5 et N° 6", "n°\u{00A0}5\u{00A0}et N°\u{00A0}6"),
        ("le 1er juin 2025", "le 1er\u{00A0}juin\u{00A0}2025"),
        ("12 500,00 € et 7 partenaires", "12\u{202F}500,00\u{00A0}€ et 7\u{00A0}partenaires"),
        ("ligne\r\n : x", "ligne\r\n\u{202F}: x"),
        ("Nom : " + Typography.verbatim("a : b, 5 %"), "Nom\u{202F}: a : b, 5 %"),
        ("", ""),
    ]

    @Test(arguments: cases.indices)
    func typesetsAsTheRulesSay(index: Int) {
        let (text, typeset) = Self.cases[index]
        #expect(Typography.french(text) == typeset)
        #expect(Array(Typography.french(text).utf8) == Array(typeset.utf8))
    }

    @Test func marksAreKeptWhenAsked() {
        let text = "Nom : " + Typography.verbatim("a : b")
        #expect(Typography.french(text, keepingMarks: true) == "Nom\u{202F}: " + Typography.verbatim("a : b"))
    }
}

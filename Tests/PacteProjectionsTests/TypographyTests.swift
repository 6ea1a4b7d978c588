import PactTesting
import PacteProjections
import Testing

/// French typography (``Typography/french(_:keepingMarks:)``): the rules on examples, and
/// the typesetter (which compares scalar values, and skips grapheme breaking when every
/// scalar is a character alone) against ``CharacterTypesetter``, the same rules read
/// `Character` by `Character` with `Character` equality.
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

    /// Texts drawn from the characters the rules look at, and those that could fool a
    /// comparison by scalar: a combining accent, CR LF, KELVIN SIGN, GREEK QUESTION MARK, a
    /// flag, ZWJ, Arabic-Indic and Roman numerals, superscripts, month names, both marks.
    static let pieces: [String] = [
        " ", " ", " ", " ", "0", "1", "2", "5", "9", "n", "N", "°", "r", "e", "er", "a", "Z", "é", "É", "«", "»", ":", ";",
        "\u{037E}", "!", "?", "%", "€", "\u{0301}", "\r\n", "\n", "\r", "mars", "août", "juin", "février", "décembre", "ß",
        "\u{200D}", "🇫🇷", "ǅ", "K", "\u{212A}", "x", "-", ",", "’", "\u{00A0}", "\u{202F}", "\u{0661}", "Ⅻ", "ª", "²",
        String(Unicode.Scalar(UInt32(0xFDD0))!), String(Unicode.Scalar(UInt32(0xFDD1))!),
    ]

    /// Pieces whose scalars are each a character alone (the typesetter's fast path).
    static let simplePieces = pieces.filter { piece in
        piece.unicodeScalars.allSatisfy { !["\u{0301}", "\r", "\u{200D}", "\u{037E}", "\u{212A}", "\u{0661}", "Ⅻ", "ǅ"].contains(String($0)) }
            && !piece.unicodeScalars.contains { $0.value >= 0x1F000 }
    }

    @Test(arguments: [(0, false), (1, false), (0, true), (1, true)])
    func typesetsAsCharacterByCharacter(seed: UInt64, simpleOnly: Bool) {
        var generator = SeededGenerator(seed: 0x7970_6F67 &+ seed)
        let pieces = simpleOnly ? Self.simplePieces : Self.pieces
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...16, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for keepingMarks in [false, true] {
                let typeset = Typography.french(text, keepingMarks: keepingMarks)
                let expected = CharacterTypesetter.french(text, keepingMarks: keepingMarks)
                if Array(typeset.utf8) != Array(expected.utf8) { mismatches.append(text.debugDescription) }
            }
        }
        #expect(mismatches.count == 0, "the first: \(mismatches.prefix(5).joined(separator: ", "))")
    }

    @Test func marksAreKeptWhenAsked() {
        let text = "Nom : " + Typography.verbatim("a : b")
        #expect(Typography.french(text, keepingMarks: true) == "Nom\u{202F}: " + Typography.verbatim("a : b"))
    }
}

/// The typography rules read `Character` by `Character`, with `Character` equality: the
/// typesetter as it was written first, kept as the reference the fast one must match.
enum CharacterTypesetter {
    static let verbatimStart = Character(Unicode.Scalar(UInt32(0xFDD0))!)
    static let verbatimEnd = Character(Unicode.Scalar(UInt32(0xFDD1))!)

    static func french(_ text: String, keepingMarks: Bool = false) -> String {
        let characters = Array(text)
        // The typeset text's UTF-8 bytes (appending bytes costs less than appending `Character`s).
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 8)
        var verbatimDepth = 0
        var quoteDepth = 0
        for index in characters.indices {
            let character = characters[index]
            // A one-byte (ASCII) character is neither a mark nor a guillemet, and only a
            // space outside ledger text asks for a decision: told apart by its byte, as
            // comparing `Character`s costs far more (the output of `check` on a large ledger).
            if character.utf8.count == 1, let byte = character.utf8.first, byte != UInt8(ascii: " ") || verbatimDepth > 0 {
                result.append(byte)
                continue
            }
            if character == verbatimStart || character == verbatimEnd {
                verbatimDepth = character == verbatimStart ? verbatimDepth + 1 : max(0, verbatimDepth - 1)
                if keepingMarks { result.append(contentsOf: character.utf8) }
                continue
            }
            if verbatimDepth > 0 {
                result.append(contentsOf: character.utf8)
                continue
            }
            if character == "«" { quoteDepth += 1 }
            if character == "»" { quoteDepth = max(0, quoteDepth - 1) }
            guard character == " " else {
                result.append(contentsOf: character.utf8)
                continue
            }
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            // Inside guillemets only the spaces next to them are the program's.
            if quoteDepth > 0 {
                let opensQuote = previous == "«" && quoteDepth == 1
                let closesQuote = next == "»" && quoteDepth == 1
                result.append(contentsOf: (opensQuote || closesQuote ? Typography.noBreakSpace : " ").utf8)
                continue
            }
            result.append(contentsOf: space(after: characters, at: index, previous: previous, next: next).utf8)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The space to write at `index` (a regular space in `characters`).
    private static func space(after characters: [Character], at index: Int, previous: Character?, next: Character?) -> Character {
        guard let next else { return " " }
        // An ASCII character is compared by its byte; any other by `==` (GREEK QUESTION
        // MARK, U+037E, is a `;`), and it is never one of the ASCII ones.
        if next.utf8.count == 1, let byte = next.utf8.first {
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
                || byte == UInt8(ascii: "%")
            {
                return Typography.narrowSpace
            }
        } else {
            if next == ":" || next == ";" || next == "!" || next == "?" || next == "%" { return Typography.narrowSpace }
            if next == "»" { return Typography.noBreakSpace }
        }
        guard let previous else { return " " }
        if previous.utf8.count > 1 {
            if previous == "«" { return Typography.noBreakSpace }
            if previous == "°", index >= 2, characters[index - 2] == "n" || characters[index - 2] == "N" { return Typography.noBreakSpace }
        }
        let previousIsDigit = previous.isASCII && previous.isNumber
        if previousIsDigit, isThousandsGroup(characters, from: index + 1) { return Typography.narrowSpace }
        // `1er juin`: the ordinal of a day.
        if previous == "r", index >= 3, characters[index - 2] == "e", characters[index - 3].isASCII, characters[index - 3].isNumber,
           next.isLetter {
            return Typography.noBreakSpace
        }
        if previousIsDigit, next.isLetter || next == "€" { return Typography.noBreakSpace }
        // `18 novembre 2024`: a date is never broken.
        if next.isASCII, next.isNumber, monthNames.contains(word(before: index, in: characters)) { return Typography.noBreakSpace }
        return " "
    }

    static let monthNames: Set<String> = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// The letters just before `index` (the word a space follows).
    private static func word(before index: Int, in characters: [Character]) -> String {
        var start = index
        while start > 0, characters[start - 1].isLetter { start -= 1 }
        return String(characters[start..<index])
    }

    /// Whether three digits start at `start`, not followed by another digit.
    private static func isThousandsGroup(_ characters: [Character], from start: Int) -> Bool {
        guard start + 3 <= characters.count else { return false }
        for offset in 0..<3 where !(characters[start + offset].isASCII && characters[start + offset].isNumber) { return false }
        guard start + 3 < characters.count else { return true }
        let after = characters[start + 3]
        return !(after.isASCII && after.isNumber)
    }
}

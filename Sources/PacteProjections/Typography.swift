/// French typography for the program's own words, applied once, where a document or a
/// command writes its text for people (the report's HTML and Markdown writers, the text
/// commands in French):
///
/// - a narrow no-break space (U+202F) replaces the space before `;` `:` `!` `?` `%` and
///   the space between groups of three digits (`23 400`, `12 500,00 €`);
/// - a no-break space (U+00A0) follows `n°` and stands between a number and the word or
///   sign after it (`1er juin`, `15 mars`, `7 partenaires`, `400,00 €`), and inside
///   guillemets (`« titre »`).
///
/// What a user typed in the ledger is shown as typed, byte for byte: text between
/// guillemets is left alone, and so is text wrapped with ``verbatim(_:)`` (a name, an
/// article of the convention, a reason), whose two marks the typesetter removes.
public enum Typography {
    /// U+202F NARROW NO-BREAK SPACE.
    public static let narrowSpace: Character = "\u{202F}"
    /// U+00A0 NO-BREAK SPACE.
    public static let noBreakSpace: Character = "\u{00A0}"
    /// Marks around ledger text inside the program's text (Unicode noncharacters, never
    /// shown: ``french(_:)`` and ``unmarked(_:)`` remove them).
    static let verbatimStart = Character(Unicode.Scalar(UInt32(0xFDD0))!)
    static let verbatimEnd = Character(Unicode.Scalar(UInt32(0xFDD1))!)

    /// `text` (typed by a user) marked to be kept as typed by ``french(_:)``.
    public static func verbatim(_ text: String) -> String {
        String(verbatimStart) + text + String(verbatimEnd)
    }

    /// `text` without the marks of ``verbatim(_:)`` (for English, JSON and CSV output).
    public static func unmarked(_ text: String) -> String {
        guard text.contains(where: { $0 == verbatimStart || $0 == verbatimEnd }) else { return text }
        return String(text.filter { $0 != verbatimStart && $0 != verbatimEnd })
    }

    /// `text` with French typography outside ledger text (see the type's description).
    /// With `keepingMarks`, the marks of ``verbatim(_:)`` stay (text typeset before it
    /// is wrapped into lines, then typeset again when written).
    public static func french(_ text: String, keepingMarks: Bool = false) -> String {
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
                result.append(contentsOf: (opensQuote || closesQuote ? noBreakSpace : " ").utf8)
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
                return narrowSpace
            }
        } else {
            if next == ":" || next == ";" || next == "!" || next == "?" || next == "%" { return narrowSpace }
            if next == "»" { return noBreakSpace }
        }
        guard let previous else { return " " }
        if previous.utf8.count > 1 {
            if previous == "«" { return noBreakSpace }
            if previous == "°", index >= 2, characters[index - 2] == "n" || characters[index - 2] == "N" { return noBreakSpace }
        }
        let previousIsDigit = previous.isASCII && previous.isNumber
        if previousIsDigit, isThousandsGroup(characters, from: index + 1) { return narrowSpace }
        // `1er juin`: the ordinal of a day.
        if previous == "r", index >= 3, characters[index - 2] == "e", characters[index - 3].isASCII, characters[index - 3].isNumber,
           next.isLetter {
            return noBreakSpace
        }
        if previousIsDigit, next.isLetter || next == "€" { return noBreakSpace }
        // `18 novembre 2024`: a date is never broken.
        if next.isASCII, next.isNumber, monthNames.contains(word(before: index, in: characters)) { return noBreakSpace }
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

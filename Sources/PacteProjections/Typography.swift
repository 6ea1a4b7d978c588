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
    static let verbatimStart = Character(Unicode.Scalar(Scalar.verbatimStart)!)
    static let verbatimEnd = Character(Unicode.Scalar(Scalar.verbatimEnd)!)

    /// `text` (typed by a user) marked to be kept as typed by ``french(_:)``.
    public static func verbatim(_ text: String) -> String {
        String(verbatimStart) + text + String(verbatimEnd)
    }

    /// `text` without the marks of ``verbatim(_:)`` (for English, JSON and CSV output).
    public static func unmarked(_ text: String) -> String {
        guard text.contains(where: { $0 == verbatimStart || $0 == verbatimEnd }) else { return text }
        return String(text.filter { $0 != verbatimStart && $0 != verbatimEnd })
    }

    /// Scalar values the typesetter looks for.
    private enum Scalar {
        static let space: UInt32 = 0x20
        static let openingGuillemet: UInt32 = 0xAB
        static let closingGuillemet: UInt32 = 0xBB
        static let degree: UInt32 = 0xB0
        static let euro: UInt32 = 0x20AC
        static let greekQuestionMark: UInt32 = 0x37E
        static let verbatimStart: UInt32 = 0xFDD0
        static let verbatimEnd: UInt32 = 0xFDD1
        static func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }
    }

    /// A character of the text: the value of its scalar when it is one scalar alone, else
    /// `UInt32.max` and the character in `complex` (comparing `Character`s costs a
    /// string comparison each).
    private struct Glyph {
        var scalar: UInt32
        var complex: Character?

        init(_ character: Character) {
            let scalars = character.unicodeScalars
            if scalars.count == 1 {
                scalar = scalars.first!.value
                complex = nil
            } else {
                scalar = .max
                complex = character
            }
        }

        init(_ scalar: Unicode.Scalar) {
            self.scalar = scalar.value
            complex = nil
        }

        var character: Character { complex ?? Character(Unicode.Scalar(scalar)!) }
        var isASCIIDigit: Bool { scalar >= Scalar.ascii("0") && scalar <= Scalar.ascii("9") }
        var isLetter: Bool {
            // An ASCII letter, either case; any other character as `Character.isLetter` says.
            if scalar < 0x80 { return (scalar | 0x20) >= Scalar.ascii("a") && (scalar | 0x20) <= Scalar.ascii("z") }
            return character.isLetter
        }

        func append(to bytes: inout [UInt8]) {
            if scalar < 0x80 {
                bytes.append(UInt8(scalar))
            } else if let complex {
                bytes.append(contentsOf: complex.utf8)
            } else {
                bytes.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
            }
        }
    }

    /// The characters of `text`, one per scalar when every scalar is a character alone
    /// whatever its neighbours (Unicode's grapheme cluster break property Other or Control,
    /// never CR: the program's French uses no other), which spares the grapheme breaking.
    private static func glyphs(of text: Substring) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x09, 0x20...0x7E, 0xA0...0x17F, 0x2010...0x2027, 0x202F...0x205E, Scalar.euro, Scalar.verbatimStart,
                 Scalar.verbatimEnd:
                glyphs.append(Glyph(scalar))
            default:
                return text.map(Glyph.init)
            }
        }
        return glyphs
    }

    /// `text` with French typography outside ledger text (see the type's description).
    /// With `keepingMarks`, the marks of ``verbatim(_:)`` stay (text typeset before it
    /// is wrapped into lines, then typeset again when written).
    ///
    /// Characters are compared by their scalar's value, not as `Character`s (a string
    /// comparison each: a third of `check`'s text output on a large ledger); the result is
    /// the same, as a test checks against the character-by-character reading. The text is
    /// typeset line by line (no rule looks across a line feed: it is neither a space, a
    /// letter, a digit nor a sign), so only one line's characters are held at a time, not
    /// the whole output's (`check` of a large ledger prints megabytes).
    public static func french(_ text: String, keepingMarks: Bool = false) -> String {
        var typesetter = Typesetter(keepingMarks: keepingMarks)
        typesetter.result.reserveCapacity(text.utf8.count + 8)
        var rest = text[...]
        while !rest.isEmpty {
            let end = rest.utf8.firstIndex(of: UInt8(ascii: "\n")).map { rest.utf8.index(after: $0) } ?? rest.endIndex
            typesetter.typeset(rest[..<end])
            rest = rest[end...]
        }
        return String(decoding: typesetter.result, as: UTF8.self)
    }

    /// The typeset text so far, and where its ledger text and guillemets stand.
    private struct Typesetter {
        let keepingMarks: Bool
        var result: [UInt8] = []
        var verbatimDepth = 0
        var quoteDepth = 0

        init(keepingMarks: Bool) {
            self.keepingMarks = keepingMarks
        }

        /// Typesets the next line of the text (its line feed included).
        mutating func typeset(_ line: Substring) {
            let glyphs = Typography.glyphs(of: line)
            for index in glyphs.indices {
                let glyph = glyphs[index]
                if glyph.scalar < 0x80, glyph.scalar != Scalar.space || verbatimDepth > 0 {
                    result.append(UInt8(glyph.scalar))
                    continue
                }
                if glyph.scalar == Scalar.verbatimStart || glyph.scalar == Scalar.verbatimEnd {
                    verbatimDepth = glyph.scalar == Scalar.verbatimStart ? verbatimDepth + 1 : max(0, verbatimDepth - 1)
                    if keepingMarks { glyph.append(to: &result) }
                    continue
                }
                if verbatimDepth > 0 {
                    glyph.append(to: &result)
                    continue
                }
                if glyph.scalar == Scalar.openingGuillemet { quoteDepth += 1 }
                if glyph.scalar == Scalar.closingGuillemet { quoteDepth = max(0, quoteDepth - 1) }
                guard glyph.scalar == Scalar.space else {
                    glyph.append(to: &result)
                    continue
                }
                let previous: Glyph? = index > 0 ? glyphs[index - 1] : nil
                let next: Glyph? = index + 1 < glyphs.count ? glyphs[index + 1] : nil
                if quoteDepth > 0 {
                    let opensQuote = previous?.scalar == Scalar.openingGuillemet && quoteDepth == 1
                    let closesQuote = next?.scalar == Scalar.closingGuillemet && quoteDepth == 1
                    result.append(contentsOf: (opensQuote || closesQuote ? noBreakSpace : " ").utf8)
                    continue
                }
                result.append(contentsOf: space(after: glyphs, at: index, previous: previous, next: next).utf8)
            }
        }
    }

    /// The space to write at `index` (a regular space in `glyphs`).
    private static func space(after glyphs: [Glyph], at index: Int, previous: Glyph?, next: Glyph?) -> Character {
        guard let next else { return " " }
        switch next.scalar {
        // GREEK QUESTION MARK (U+037E) is canonically a `;`: the only scalar equal as a
        // `Character` to one of these signs (or to the letters, digits and signs below).
        case Scalar.ascii(":"), Scalar.ascii(";"), Scalar.greekQuestionMark, Scalar.ascii("!"), Scalar.ascii("?"), Scalar.ascii("%"):
            return narrowSpace
        case Scalar.closingGuillemet: return noBreakSpace
        default: break
        }
        guard let previous else { return " " }
        if previous.scalar == Scalar.openingGuillemet { return noBreakSpace }
        if previous.scalar == Scalar.degree, index >= 2,
           glyphs[index - 2].scalar == Scalar.ascii("n") || glyphs[index - 2].scalar == Scalar.ascii("N") { return noBreakSpace }
        let previousIsDigit = previous.isASCIIDigit
        if previousIsDigit, isThousandsGroup(glyphs, from: index + 1) { return narrowSpace }
        // `1er juin`: the ordinal of a day.
        if previous.scalar == Scalar.ascii("r"), index >= 3, glyphs[index - 2].scalar == Scalar.ascii("e"), glyphs[index - 3].isASCIIDigit, next.isLetter {
            return noBreakSpace
        }
        if previousIsDigit, next.isLetter || next.scalar == Scalar.euro { return noBreakSpace }
        // `18 novembre 2024`: a date is never broken.
        if next.isASCIIDigit, monthNames.contains(word(before: index, in: glyphs)) { return noBreakSpace }
        return " "
    }

    /// The letters just before `index` (the word a space follows).
    private static func word(before index: Int, in glyphs: [Glyph]) -> String {
        var start = index
        while start > 0, glyphs[start - 1].isLetter { start -= 1 }
        return String(glyphs[start..<index].map(\.character))
    }

    /// Whether three digits start at `start`, not followed by another digit.
    private static func isThousandsGroup(_ glyphs: [Glyph], from start: Int) -> Bool {
        guard start + 3 <= glyphs.count else { return false }
        for offset in 0..<3 where !glyphs[start + offset].isASCIIDigit { return false }
        guard start + 3 < glyphs.count else { return true }
        return !glyphs[start + 3].isASCIIDigit
    }

    static let monthNames: Set<String> = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
}

import PacteEvents

/// The words people use for one enumerated value of the format: the code the file
/// stores, the label shown in French and in English, and every spelling accepted when a
/// person types it (the code, both labels and the aliases: feminine and plural forms,
/// short forms). Spellings are compared folded: case, accents, hyphens, underscores,
/// apostrophes and repeated spaces do not count (`adoptée` = `ADOPTEE` = `adopte`).
public struct WordTable<Value: Hashable & Sendable>: Sendable {
    public struct Entry: Sendable {
        public let value: Value
        /// As stored in the ledger.
        public let code: String
        public let french: String
        public let english: String
        /// Other spellings accepted on input.
        public let aliases: [String]

        public init(_ value: Value, code: String, french: String, english: String, aliases: [String] = []) {
            self.value = value
            self.code = code
            self.french = french
            self.english = english
            self.aliases = aliases
        }
    }

    public let entries: [Entry]
    private let valueOfSpelling: [String: Value]
    private let entryIndex: [Value: Int]

    public init(_ entries: [Entry]) {
        self.entries = entries
        var spellings: [String: Value] = [:]
        var index: [Value: Int] = [:]
        for (position, entry) in entries.enumerated() {
            index[entry.value] = position
            for spelling in [entry.code, entry.french, entry.english] + entry.aliases {
                // The first entry that claims a spelling keeps it (tests check there is no clash).
                let folded = Self.fold(spelling)
                if spellings[folded] == nil { spellings[folded] = entry.value }
            }
        }
        valueOfSpelling = spellings
        entryIndex = index
    }

    /// The value a person meant by `text`, or `nil` when no entry has that spelling.
    public func value(_ text: String) -> Value? {
        valueOfSpelling[Self.fold(text)]
    }

    /// The value a person meant by `text`; an unknown word lists the accepted ones.
    public func parse(_ text: String) throws(TypedInputError) -> Value {
        guard let value = value(text) else {
            throw .unknownWord(text, french: choices(in: .french), english: choices(in: .english))
        }
        return value
    }

    public func entry(_ value: Value) -> Entry? {
        entryIndex[value].map { entries[$0] }
    }

    /// The word shown to people.
    public func label(_ value: Value, in language: Language) -> String {
        guard let entry = entry(value) else { return String(describing: value) }
        return language == .french ? entry.french : entry.english
    }

    /// The code the ledger stores.
    public func code(_ value: Value) -> String {
        entry(value)?.code ?? String(describing: value)
    }

    /// The accepted words, for an error message: `adopté (adopted), rejeté (rejected)…`.
    public func choices(in language: Language) -> String {
        entries.map { entry in
            let shown = language == .french ? entry.french : entry.english
            return Self.fold(shown) == Self.fold(entry.code) ? entry.code : "\(shown) (\(entry.code))"
        }.joined(separator: ", ")
    }

    /// Every spelling folded: every spelling of every entry, for tests.
    public var spellings: [String: Value] { valueOfSpelling }

    /// `text` as compared: lower case, no accents, `-`, `_`, `'` and runs of white
    /// space read as one space, no leading or trailing space.
    public static func fold(_ text: String) -> String {
        WordFolding.fold(text)
    }
}

/// How typed words are compared (see ``WordTable/fold(_:)``).
public enum WordFolding {
    public static func fold(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.lowercased() {
            let plain: String
            switch character {
            case "à", "â", "ä", "á", "ã": plain = "a"
            case "ç": plain = "c"
            case "é", "è", "ê", "ë": plain = "e"
            case "î", "ï", "í", "ì": plain = "i"
            case "ô", "ö", "ó", "ò", "õ": plain = "o"
            case "ù", "û", "ü", "ú": plain = "u"
            case "ÿ": plain = "y"
            case "œ": plain = "oe"
            case "æ": plain = "ae"
            case "-", "_", "'", "’", "‑", "–", "—", ".": plain = " "
            default: plain = character.isWhitespace ? " " : String(character)
            }
            if plain == " " {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result += " " }
            pendingSpace = false
            result += plain
        }
        return result
    }
}

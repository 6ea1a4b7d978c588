import PacteEvents

/// The words of a target public: the five the guidance names (``Vocabulary/namedPublic``)
/// and any other, typed `autre : texte` or `other:texte` and stored `other:texte`.
public enum PublicWords {
    /// The public a person meant, or `nil` for a word that is neither a named public nor
    /// an `autre :`/`other:` one.
    public static func value(_ text: String) -> PublicKind? {
        if let named = Vocabulary.namedPublic.value(text) { return named }
        let trimmed = text.drop { $0 == " " }
        for prefix in ["other:", "autre:", "autre :", "autres:", "autres :", "other :"] {
            let head = trimmed.prefix(prefix.count)
            guard WordFolding.fold(String(head)) == WordFolding.fold(prefix), head.hasSuffix(":") else { continue }
            let rest = String(trimmed.dropFirst(prefix.count).drop { $0 == " " })
            return rest.isEmpty ? nil : .other(rest)
        }
        return nil
    }

    /// The value a person meant by `text`; an unknown word lists the accepted ones.
    public static func parse(_ text: String) throws(TypedInputError) -> PublicKind {
        guard let value = value(text) else {
            throw .unknownWord(text, french: choices(in: .french), english: choices(in: .english))
        }
        return value
    }

    /// `enfants`, `jeunes`… or the text of an other public.
    public static func label(_ kind: PublicKind, in language: Language) -> String {
        if case .other(let text) = kind { return text }
        return Vocabulary.namedPublic.label(kind, in: language)
    }

    /// The accepted words, for an error message.
    public static func choices(in language: Language) -> String {
        Vocabulary.namedPublic.choices(in: language)
            + (language == .french ? ", autre : TEXTE (other:TEXT)" : ", other:TEXT")
    }
}

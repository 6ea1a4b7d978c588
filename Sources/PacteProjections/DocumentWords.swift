import PacteEvents

/// The words of the document a vote or signature is about: `convention`, and avenant N
/// typed `avenant-1`, `avenant 1`, `avenant n° 1`, `Avenant n°1` or `amendment-1`; stored
/// `convention` / `amendment-1`.
public enum DocumentWords {
    public static func value(_ text: String) -> DocumentReference? {
        let folded = WordFolding.fold(text.replacing("°", with: " ").replacing("º", with: " "))
        if folded == "convention" { return .convention }
        for prefix in ["avenant n ", "avenant no ", "avenant ", "amendment no ", "amendment ", "av "] where folded.hasPrefix(prefix) {
            let digits = folded.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let number = Int(digits), number >= 1
            else { return nil }
            return .amendment(number)
        }
        return nil
    }

    /// The value a person meant by `text`; an unknown word lists the accepted ones.
    public static func parse(_ text: String) throws(TypedInputError) -> DocumentReference {
        guard let value = value(text) else {
            throw .unknownWord(text, french: choices(in: .french), english: choices(in: .english))
        }
        return value
    }

    /// `convention`, `avenant n° 1` / `convention`, `amendment 1`.
    public static func label(_ document: DocumentReference, in language: Language) -> String {
        switch (document, language) {
        case (.convention, _): "convention"
        case (.amendment(let number), .french): "avenant n\u{00B0}\u{00A0}\(number)"
        case (.amendment(let number), .english): "amendment \(number)"
        }
    }

    public static func choices(in language: Language) -> String {
        language == .french ? "convention, avenant-N (avenant n° N, amendment-N)" : "convention, amendment-N (avenant-N)"
    }
}

import PacteEvents

/// Amounts and dates written for people, in French or English.
public enum Formatted {
    /// `12 500,00 €` in French (spaces between thousands), `€12,500.00` in English.
    public static func euros(_ cents: Int, in language: Language) -> String {
        let negative = cents < 0
        let magnitude = cents.magnitude  // no trap at Int.min
        let euros = String(magnitude / 100)
        let remainder = magnitude % 100
        let centsText = remainder < 10 ? "0" + String(remainder) : String(remainder)
        let separator: Character = language == .french ? " " : ","
        var grouped = ""
        for (index, digit) in euros.enumerated() {
            if index > 0, (euros.count - index) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        let sign = negative ? "-" : ""
        switch language {
        case .french: return sign + grouped + "," + centsText + " €"
        case .english: return sign + "€" + grouped + "." + centsText
        }
    }

    /// `47,6 %` in French, `47.6 %` in English: tenths of a percent rounded down, so that
    /// a failing 49.99 % never shows as 50 %; `—` for a zero whole.
    public static func percent(_ share: Share, in language: Language) -> String {
        guard let permille = share.permilleRoundedDown else { return "—" }
        return "\(permille / 10)" + (language == .french ? "," : ".") + "\(permille % 10) %"
    }

    /// `12/03/2025` in French, `2025-03-12` in English.
    public static func date(_ date: CivilDate, in language: Language) -> String {
        switch language {
        case .french:
            let day = date.day < 10 ? "0\(date.day)" : "\(date.day)"
            let month = date.month < 10 ? "0\(date.month)" : "\(date.month)"
            return "\(day)/\(month)/\(date.year)"
        case .english:
            return date.description
        }
    }

    /// The name of a partner for messages: its name and id, or the id alone when unknown.
    static func partner(_ id: String, in state: PactState) -> String {
        guard let record = state.partner(id) else { return id }
        return "\(record.partner.name) (\(id))"
    }

    /// An action for messages: `A1 « title »` in French, `A1 “title”` in English.
    static func action(_ action: ActionRecord, in language: Language) -> String {
        guard let title = action.sheet.title, !title.isEmpty else { return action.id }
        return language == .french ? "\(action.id) « \(title) »" : "\(action.id) “\(title)”"
    }

    /// A document for people: « la convention », « l'avenant n° 2 » / "the convention", "amendment 2".
    public static func document(_ document: DocumentReference, in language: Language) -> String {
        switch (document, language) {
        case (.convention, .french): "la convention"
        case (.convention, .english): "the convention"
        case (.amendment(let number), .french): "l'avenant n° \(number)"
        case (.amendment(let number), .english): "amendment \(number)"
        }
    }
}

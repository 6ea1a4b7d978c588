import PacteEvents

/// How dates and short texts are shown to people.
enum Display {
    /// `12/03/2025` in French, `2025-03-12` in English.
    static func date(_ date: CivilDate, _ language: Language) -> String {
        switch language {
        case .french: CivilDate.padded(date.day) + "/" + CivilDate.padded(date.month) + "/" + String(date.year)
        case .english: date.description
        }
    }

    /// `text` cut to `width` characters, with an ellipsis when cut.
    static func truncated(_ text: String, _ width: Int) -> String {
        let flat = text.replacingNewlines()
        return flat.count <= width ? flat : String(flat.prefix(max(0, width - 1))) + "…"
    }

    /// `text` padded with spaces to `width` characters (or cut).
    static func padded(_ text: String, _ width: Int) -> String {
        let cut = truncated(text, width)
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    /// `text` right-aligned in `width` characters.
    static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension CivilDate {
    static func padded(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}

extension Display {
    /// `12 500,00 €` in French, `€12,500.00` in English.
    static func euros(_ cents: Int, _ language: Language) -> String {
        let whole = String(cents / 100)
        let fraction = CivilDate.padded(cents % 100)
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped += language == .french ? " " : "," }
            grouped.append(character)
        }
        return language == .french ? "\(grouped),\(fraction) €" : "€\(grouped).\(fraction)"
    }
}

/// Reads the free-text `source` of a funding line.
public enum CreditSource {
    /// Whether `text` names BOP 304 and its action 23 (rule STATE-SOURCE), whatever the
    /// case, spaces and punctuation: « BOP 304 action 23 », « BOP304 - action 23
    /// « Pacte des solidarités » », « bop 304 / action n° 23 » all do; « BOP 177 »,
    /// « BOP 304 » alone or « BOP 304 action 230 » do not.
    public static func namesBOP304Action23(_ text: String) -> Bool {
        let words = words(of: text)
        var namesBOP = false
        var namesAction = false
        for index in words.indices {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let afterNext = index + 2 < words.count ? words[index + 2] : ""
            if words[index] == "bop", next == "304" { namesBOP = true }
            if words[index] == "action" {
                if next == "23" || (["n", "no", "num"].contains(next) && afterNext == "23") { namesAction = true }
            }
        }
        return namesBOP && namesAction
    }

    /// Lowercased runs of letters, and runs of digits, in order (`BOP304-Action 23` →
    /// `bop`, `304`, `action`, `23`).
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var currentIsDigits = false
        for character in text.lowercased() {
            let isDigit = character.isASCII && character.isNumber
            let isLetter = character.isLetter
            if isDigit || isLetter {
                if !current.isEmpty, currentIsDigits != isDigit {
                    words.append(current)
                    current = ""
                }
                current.append(character)
                currentIsDigits = isDigit
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

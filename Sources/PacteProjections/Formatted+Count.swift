import PacteEvents

/// Counts in words, with the noun (and its adjective) agreeing: `1 avertissement`,
/// `2 avertissements`, `0 erreur` in French (zero takes the singular), `0 errors` in English.
extension Formatted {
    /// `count` then `singular` or `plural` (built by adding `s` when not given).
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil, in language: Language) -> String {
        "\(count) " + noun(count, singular, plural, in: language)
    }

    /// `singular` or `plural` for `count` things (French: singular for 0 and 1).
    public static func noun(_ count: Int, _ singular: String, _ plural: String? = nil, in language: Language) -> String {
        let isSingular = language == .french ? abs(count) < 2 : count == 1
        return isSingular ? singular : plural ?? pluralOf(singular)
    }

    /// `avertissement` → `avertissements`, `information` → `informations`; each word of a
    /// phrase whose words all take `s` (`erreur bloquante` → `erreurs bloquantes`).
    static func pluralOf(_ singular: String) -> String {
        singular.split(separator: " ", omittingEmptySubsequences: false).map { word in
            guard let last = word.last, last.isLetter, !"sxz".contains(last) else { return String(word) }
            return word.hasSuffix("au") || word.hasSuffix("eu") ? word + "x" : word + "s"
        }.joined(separator: " ")
    }
}

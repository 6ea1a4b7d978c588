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

extension Formatted {
    /// `représenté` or `représentée` for an organisation named `name`, agreeing with the
    /// noun it starts with (`Communauté de communes…`, `Caisse…`, `Association…` are
    /// feminine; `Conseil…`, `État…` masculine, the default).
    public static func agreeing(_ participle: String, with name: String) -> String {
        isFeminine(name) ? participle + "e" : participle
    }

    static func isFeminine(_ name: String) -> Bool {
        let first = name.split(whereSeparator: { $0 == " " || $0 == "'" || $0 == "’" }).first.map { $0.lowercased() } ?? ""
        return feminineNouns.contains(first)
    }

    static let feminineNouns: Set<String> = [
        "communauté", "caisse", "association", "direction", "commune", "mairie", "métropole", "région", "préfecture",
        "mission", "maison", "fédération", "union", "mutualité", "mutuelle", "agence", "ville", "collectivité", "chambre",
        "fondation", "société", "coopérative", "épicerie", "université", "délégation", "agglomération",
    ]
}

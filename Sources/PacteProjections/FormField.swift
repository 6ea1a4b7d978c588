import PacteEvents

/// One field of a form a person fills to record a fact (a command's `--name VALUE`
/// option): its name, a placeholder, its help in both languages and the payload members
/// it fills, so that a refused append names the field the person typed.
public struct FormField: Sendable {
    public var name: String
    /// The placeholder shown in help (`ID`, `DATE`); `nil` for a yes-or-no flag.
    public var value: String?
    public var french: String
    public var english: String
    /// The payload members this field fills (`data.partnerId`).
    public var members: [String]
    /// How help lists it, when not `--name VALUE` (`--start DATE --end DATE`: two fields
    /// on one line).
    public var helpLabel: String?
    /// Whether help gives it a line of its own (not when told on another's line).
    public var isListed = true

    public init(_ name: String, _ value: String?, _ french: String, _ english: String, members: [String] = [], helpLabel: String? = nil) {
        self.name = name
        self.value = value
        self.french = french
        self.english = english
        self.members = members
        self.helpLabel = helpLabel
    }

    /// `--partner ID`, as help lists it.
    public var label: String { helpLabel ?? value.map { "--\(name) \($0)" } ?? "--\(name)" }

    /// A field told on the help line of another (`--role` with `--signatory`).
    public static func unlisted(_ name: String, _ value: String?, members: [String] = []) -> Self {
        var field = Self(name, value, "", "", members: members)
        field.isListed = false
        return field
    }

    // MARK: - Fields several forms share

    public static func partner(_ french: String, _ english: String) -> Self {
        Self("partner", "ID", french, english, members: ["data.partnerId"])
    }

    public static func action(_ french: String, _ english: String) -> Self {
        Self("action", "ID", french, english, members: ["data.actionId"])
    }

    public static func amendment(_ french: String, _ english: String) -> Self {
        Self("amendment", "N", french, english, members: ["data.amendment"])
    }

    public static let document = Self("document", "D", "convention (défaut) ou avenant-N", "convention (default) or amendment-N", members: ["data.document"])
    public static let reference = Self("reference", "DÉLIB", "référence de la délibération", "reference of the deliberation", members: ["data.reference"])
    public static let outcome = Self("outcome", "R", "adopté (défaut), rejeté ou ajourné", "adopted (default), rejected or deferred", members: ["data.outcome"])
    public static let reason = Self("reason", "TEXTE", "motif", "reason", members: ["data.reason"])
    public static let publics = Self("public", "P", "public visé (répétable) : enfants, jeunes, familles monoparentales, personnes exclues, travailleurs pauvres, autre : TEXTE", "target public (repeatable): children, youth, single-parent-families, excluded, working-poor, other:TEXT", members: ["data.publics", "data.sheet.publics"])
}

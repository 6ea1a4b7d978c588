import PacteEvents

/// One member of a line replaced (`correct --set member=value`), as typed.
public struct CorrectionChange: Equatable, Sendable {
    public var member: String
    public var value: String

    public init(member: String, value: String) {
        self.member = member
        self.value = value
    }

    /// Every `set` of `form`, `member=value` each.
    public static func all(in form: TypedForm) throws(FormError) -> [CorrectionChange] {
        var changes: [CorrectionChange] = []
        for text in form.allValues("set") {
            guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                throw .invalid(field: "set", value: text, expected: "RUBRIQUE=VALEUR (reference=DEL-2025-044)")
            }
            changes.append(CorrectionChange(member: String(text[..<equals]), value: String(text[text.index(after: equals)...])))
        }
        return changes
    }
}

/// `correct`: the `correction.recorded` payload for a line of `events` (the ledger at
/// `file`) named by its number or its id: a retraction, or the line's own data with the
/// members given replaced, each read as the member it replaces is written.
public enum CorrectionPayload {
    /// The fields of `correct`: the line, why, and a retraction or the members replaced.
    public static let fields: [FormField] = [
        FormField("line", "LIGNE|ID", "la ligne à corriger : son numéro (voir « log ») ou l'id de son événement", "the line to correct: its number (see \"log\") or its event's id", members: ["data.target"]),
        FormField("reason", "TEXTE", "motif de la correction", "reason for the correction", members: ["data.reason"]),
        FormField("retract", nil, "annule la ligne (les projections l'ignorent)", "withdraws the line (projections ignore it)"),
        FormField("set", "RUBRIQUE=VALEUR", "remplace une rubrique de la ligne (répétable) : reference=DEL-2025-044, effective n'en est pas une ; montants (…Cents) en euros", "replaces a member of the line (repeatable): reference=DEL-2025-044; amounts (…Cents) in euros", members: ["data.replacement"]),
    ]

    /// A line that does not exist is a ``LineReferenceError``; a value that cannot be
    /// used, a ``FormError`` of the field `set`.
    public static func data(
        target: String, reason: String, changes: [CorrectionChange], events: [LedgerEvent], file: String
    ) throws -> JSONObject {
        let original: LedgerEvent
        if let exact = events.first(where: { $0.id == target }) {
            original = exact
        } else if let line = Int(target), line >= 1, line <= events.count {
            original = events[line - 1]
        } else {
            throw LineReferenceError.noSuchLine(option: "--line", text: target, file: file, lineCount: events.count)
        }
        var data = JSONObject()
        data["target"] = .string(original.id)
        data["reason"] = .string(reason)
        guard !changes.isEmpty else {
            data["replacement"] = .null
            return data
        }
        var replacement = original.data
        for change in changes {
            replacement[change.member] = try value(change, replacing: replacement[change.member], type: original.type)
        }
        data["replacement"] = .object(replacement)
        return data
    }

    /// The value typed for a member, read as the member it replaces is written: euros for
    /// an amount in cents, a date for a date, a number, `oui`/`non`, a word of the
    /// format's vocabulary, or text.
    private static func value(_ change: CorrectionChange, replacing old: JSONValue?, type: EventType) throws -> JSONValue {
        let text = change.value
        func refuse(_ error: TypedInputError) -> FormError {
            .unusable(field: "set", value: change.member + "=" + text, error)
        }
        if change.member.hasSuffix("Cents") {
            do { return .number(JSONNumber(try TypedAmount.cents(text))) } catch { throw refuse(error) }
        }
        switch old {
        case .number?:
            let scalar = ScalarText.value(text)
            guard case .number = scalar else {
                throw FormError.invalid(field: "set", value: change.member + "=" + text, expected: "un nombre / a number")
            }
            return scalar
        case .bool?:
            switch text.lowercased() {
            case "oui", "yes", "true": return .bool(true)
            case "non", "no", "false": return .bool(false)
            default:
                throw FormError.invalid(field: "set", value: change.member + "=" + text, expected: "oui | non")
            }
        case .string(let previous)? where CivilDate(previous) != nil:
            do { return .string(try TypedDate.parse(text).description) } catch { throw refuse(error) }
        case .array?, .object?:
            throw FormError.invalid(
                field: "set", value: change.member + "=" + text,
                expected: "une rubrique simple (texte, nombre, date, montant) ; pour une liste, « record … correction.recorded --data » / a plain member; for a list, \"record … correction.recorded --data\"")
        default:
            return .string(word(text, member: change.member, type: type) ?? text)
        }
    }

    /// The stored code of a French or English word typed for a member the format
    /// enumerates (`outcome=rejeté` → `rejected`).
    private static func word(_ text: String, member: String, type: EventType) -> String? {
        switch (type, member) {
        case (.approvalVoted, "outcome"), (.commitmentVoted, "outcome"): Vocabulary.voteOutcome.value(text)?.rawValue
        case (.extensionDecided, "decision"): Vocabulary.extensionDecision.value(text)?.rawValue
        case (.actionClosed, "outcome"): Vocabulary.actionOutcome.value(text)?.rawValue
        case (.pactClosed, "reason"): Vocabulary.closureReason.value(text)?.rawValue
        case (.partnerJoined, "via"): Vocabulary.partnerVia.value(text)?.rawValue
        case (_, "document"): DocumentWords.value(text)?.description
        default: nil
        }
    }
}

import PacteEvents
import PacteProjections

/// A change of a record in words, member by member, for people: the one describer of
/// `history`, the report's change log and its corrections table.
///
/// `Calendrier : fin 30 juin 2026 → 31 octobre 2026`,
/// `Jalons : ajouté 09/03/2026 « Entrée de la seconde cohorte (reportée) »`,
/// `Financement : ajouté ddets-31, 2026, 12 000,00 €`. Members get French labels, dates
/// are written in French, amounts in euros, codes through the report's labels; text a
/// user typed is quoted as typed (``Typography/verbatim(_:)``). Never JSON.
public enum ChangeDescription {
    /// The lines of one change: one line for a value; for an object that changed, its
    /// plain members under the object's label (`Calendrier : fin …`) and its lists
    /// under their own (`Jalons : ajouté …`).
    public static func lines(_ change: FieldChange, in language: Language, limit: Int = 160) -> [String] {
        guard case .object(let before)? = change.before, case .object(let after)? = change.after else {
            // `schedule.end` (a member inside an object): `Calendrier : fin …`.
            let path = change.member.split(separator: ".").map(String.init)
            guard path.count > 1, let last = path.last else {
                return [label(change.member, in: language) + " : " + words(change, in: language, limit: limit)]
            }
            let inner = FieldChange(member: last, before: change.before, after: change.after)
            return [label(path[0], in: language) + " : " + lowercased(label(last, in: language)) + " " + words(inner, in: language, limit: limit)]
        }
        var plain: [String] = []
        var lists: [String] = []
        for inner in FieldChange.changes(from: before, to: after) {
            switch (inner.before, inner.after) {
            case (.array?, .array?), (.object?, .object?):
                lists += lines(inner, in: language, limit: limit)
            default:
                plain.append(lowercased(label(inner.member, in: language)) + " " + words(inner, in: language, limit: limit))
            }
        }
        let head = plain.isEmpty ? [] : [label(change.member, in: language) + " : " + plain.joined(separator: " ; ")]
        return head + lists
    }

    /// The lines of every change between two versions of a record.
    public static func lines(from before: JSONObject?, to after: JSONObject, in language: Language, limit: Int = 160) -> [String] {
        FieldChange.changes(from: before, to: after).flatMap { lines($0, in: language, limit: limit) }
    }

    /// The change without its label: `fin 30 juin 2026 → 31 octobre 2026`.
    static func words(_ change: FieldChange, in language: Language, limit: Int) -> String {
        let fr = language == .french
        switch (change.before, change.after) {
        case (nil, let after?):
            return value(after, member: change.member, in: language, limit: limit)
        case (let before?, nil):
            return (fr ? "retiré (" : "removed (") + value(before, member: change.member, in: language, limit: limit) + ")"
        case (.object(let before)?, .object(let after)?):
            let inner = FieldChange.changes(from: before, to: after)
            return inner.map { change in
                lowercased(label(change.member, in: language)) + " " + words(change, in: language, limit: limit)
            }.joined(separator: " ; ")
        case (.array(let before)?, .array(let after)?):
            var parts: [String] = []
            for item in after where !before.contains(where: { $0.hasSameContent(as: item) }) {
                parts.append((fr ? "ajouté " : "added ") + value(item, member: change.member, in: language, limit: limit))
            }
            for item in before where !after.contains(where: { $0.hasSameContent(as: item) }) {
                parts.append((fr ? "retiré " : "removed ") + value(item, member: change.member, in: language, limit: limit))
            }
            if parts.isEmpty { parts.append(fr ? "ordre modifié" : "order changed") }
            return parts.joined(separator: " ; ")
        case (.string(let before)?, .string(let after)?) where CivilDate(before) == nil && CivilDate(after) == nil:
            let (old, new) = excerpts(before, after, limit: limit)
            return quoted(old, in: language) + " → " + quoted(new, in: language)
        case (let before?, let after?):
            return value(before, member: change.member, in: language, limit: limit) + " → "
                + value(after, member: change.member, in: language, limit: limit)
        case (nil, nil):
            return "—"
        }
    }

    // MARK: - Values

    /// A value in words: a date in French, cents in euros, a code by its label, a text
    /// quoted as typed, an object as its values one after another.
    public static func value(_ value: JSONValue, member: String, in language: Language, limit: Int = 160) -> String {
        let fr = language == .french
        switch value {
        case .null:
            return fr ? "aucun" : "none"
        case .bool(let flag):
            return fr ? (flag ? "oui" : "non") : (flag ? "yes" : "no")
        case .number(let number):
            guard let integer = number.integerValue else { return number.literal }
            if member.hasSuffix("Cents") { return Formatted.euros(integer, in: language) }
            return String(integer)
        case .string(let text):
            if let date = CivilDate(text) { return fr ? LongDate.french(date) : date.description }
            if let word = code(text, member: member, in: language) { return word }
            if isIdentifier(member) { return text }
            return quoted(excerpts(text, text, limit: limit).0, in: language)
        case .array(let items):
            if items.isEmpty { return fr ? "aucun" : "none" }
            return items.map { self.value($0, member: member, in: language, limit: limit) }.joined(separator: items.contains {
                if case .object = $0 { true } else { false }
            } ? " ; " : ", ")
        case .object(let object):
            // `09/03/2026 « Entrée de la seconde cohorte »`: a date leads what follows it.
            var text = ""
            var afterDate = false
            for item in object.members {
                if case .null = item.value { continue }
                let shown: String
                var isDate = false
                if case .string(let string) = item.value, let date = CivilDate(string) {
                    shown = Formatted.date(date, in: language)  // short inside a list: 09/03/2026
                    isDate = true
                } else {
                    shown = self.value(item.value, member: item.key, in: language, limit: limit)
                }
                // Dates, amounts, identifiers and labels speak for themselves; other members are named.
                let part = isSelfExplaining(item.key) ? shown : lowercased(label(item.key, in: language)) + " " + shown
                text += text.isEmpty ? part : (afterDate ? " " : ", ") + part
                afterDate = isDate
            }
            return text
        }
    }

    /// `« text »` in French, `“text”` in English, the text kept as typed.
    static func quoted(_ text: String, in language: Language) -> String {
        language == .french ? "« " + Typography.verbatim(text) + " »" : "“" + Typography.verbatim(text) + "”"
    }

    /// A code of the format by its word (`children` → `enfants`), for the members that hold one.
    static func code(_ text: String, member: String, in language: Language) -> String? {
        guard language == .french else { return nil }
        switch member {
        case "publics": return PublicKind(text).map(ReportLabel.publicKind)
        case "kind": return Partner.Kind(rawValue: text).map(ReportLabel.kind)
        case "basis": return FundingLine.Basis(rawValue: text).map(ReportLabel.basis)
        case "stages": return ActionSheet.Participation.Stage(rawValue: text).map(ReportLabel.stage)
        case "outcome":
            return VoteOutcome(rawValue: text).map { ReportLabel.vote($0) } ?? ActionClosed.Outcome(rawValue: text).map { ReportLabel.actionOutcome($0) }
        case "decision": return ExtensionDecided.Decision(rawValue: text).map { ReportLabel.decision($0) }
        case "via": return PartnerJoined.Via(rawValue: text).map { $0 == .initial ? "partenaire initial" : "adhésion" }
        case "reason": return PactClosed.Reason(rawValue: text).map { ReportLabel.closure($0) }
        default: return nil
        }
    }

    static func isIdentifier(_ member: String) -> Bool {
        member == "id" || member.hasSuffix("Id") || member == "document" || member == "uri" || member == "partners"
            || member == "attendees" || member == "communes" || member == "actionsReviewed"
    }

    static func isSelfExplaining(_ member: String) -> Bool {
        isIdentifier(member) || member.hasSuffix("Cents") || member == "date" || member == "label" || member == "name"
            || member == "year" || member == "title" || member == "description"
    }

    // MARK: - Labels

    /// The member's label: `Calendrier`, `Jalons`, `Financement`; a member this version
    /// does not know keeps its name.
    public static func label(_ member: String, in language: Language) -> String {
        guard let labels = memberLabels[member] else { return member }
        return language == .french ? labels.french : labels.english
    }

    static func lowercased(_ label: String) -> String {
        guard let first = label.first, label.count > 1, !label.dropFirst().first!.isUppercase else { return label }
        return first.lowercased() + label.dropFirst()
    }

    static let memberLabels: [String: (french: String, english: String)] = [
        "pactId": ("Identifiant du pacte", "Pact id"), "title": ("Intitulé", "Title"), "territory": ("Territoire", "Territory"),
        "porteur": ("Porteur", "Lead partner"), "period": ("Durée", "Period"), "context": ("Article 1 (contexte)", "Article 1 (context)"),
        "ambition": ("Article 2 (ambition)", "Article 2 (ambition)"), "governance": ("Article 4 (gouvernance)", "Article 4 (governance)"),
        "revision": ("Article 5 (révision)", "Article 5 (revision)"), "partner": ("Partenaire", "Partner"), "via": ("Entrée", "Entry"),
        "rationale": ("Justification", "Rationale"), "sources": ("Sources", "Sources"), "publics": ("Publics", "Publics"),
        "actionId": ("Action", "Action"), "priorityId": ("Priorité", "Priority"), "summary": ("Résumé", "Summary"),
        "objectives": ("Objectifs", "Objectives"), "perimeter": ("Périmètre", "Perimeter"), "measure": ("Mesure nationale", "National measure"),
        "localJustification": ("Justification locale", "Local justification"), "schedule": ("Calendrier", "Schedule"),
        "start": ("Début", "Start"), "end": ("Fin", "End"), "milestones": ("Jalons", "Milestones"), "partners": ("Partenaires", "Partners"),
        "funding": ("Financement", "Funding"), "inKind": ("Apports en nature", "In-kind"), "indicators": ("Indicateurs", "Indicators"),
        "impact": ("Impact", "Impact"), "impactWaiver": ("Dérogation à l'indicateur d'impact", "Impact waiver"),
        "participation": ("Participation", "Participation"), "participationSheet": ("Fiche participation", "Participation sheet"),
        "partnerId": ("Partenaire", "Partner"), "year": ("Année", "Year"), "amountCents": ("Montant", "Amount"),
        "valuationCents": ("Valorisation", "Valuation"), "basis": ("Nature des crédits", "Basis"), "source": ("Source des crédits", "Credit source"),
        "name": ("Nom", "Name"), "role": ("Rôle", "Role"), "kind": ("Type", "Kind"), "statutoryBody": ("Instance statutaire", "Statutory body"),
        "signatory": ("Signataire", "Signatory"), "date": ("Date", "Date"), "label": ("Libellé", "Label"), "unit": ("Unité", "Unit"),
        "target": ("Cible", "Target"), "baseline": ("Situation de départ", "Baseline"), "indicator": ("Indicateur", "Indicator"),
        "method": ("Méthode", "Method"), "controlGroup": ("Groupe témoin", "Control group"), "stages": ("Étapes", "Stages"),
        "description": ("Description", "Description"), "body": ("Instance", "Body"), "department": ("Département", "Département"),
        "communes": ("Communes", "Communes"), "reason": ("Motif", "Reason"), "outcome": ("Issue", "Outcome"),
        "reference": ("Référence", "Reference"), "document": ("Document", "Document"), "amendment": ("Avenant", "Amendment"),
        "purpose": ("Objet", "Purpose"), "decision": ("Décision", "Decision"), "newEnd": ("Nouvelle fin", "New end"),
        "requestedEnd": ("Fin demandée", "Requested end"), "currentEnd": ("Fin prévue", "Current end"), "requestedBy": ("Demandée par", "Requested by"),
        "lines": ("Lignes", "Lines"), "note": ("Note", "Note"), "value": ("Valeur", "Value"), "impactResult": ("Résultat d'impact", "Impact result"),
        "attendees": ("Présents", "Attendees"), "decisions": ("Décisions", "Decisions"), "remarks": ("Remarques", "Remarks"),
        "annex": ("Annexe", "Annex"), "uri": ("Adresse", "Address"), "number": ("Numéro", "Number"), "targetMonths": ("Délai (mois)", "Target (months)"),
        "validatedBy": ("Validé par", "Validated by"), "to": ("Destinataires", "To"), "attachedTo": ("Joint à", "Attached to"),
        "changes": ("Modifications", "Changes"), "sheet": ("Fiche-action", "Action sheet"), "nextMeeting": ("Prochaine réunion", "Next meeting"),
        "commitmentsPresented": ("Engagements présentés", "Commitments presented"), "actionsReviewed": ("Actions examinées", "Actions reviewed"),
        "stateServiceInvited": ("Services de l'État invités", "State services invited"),
        "commissionerInvited": ("Commissaire invité", "Commissioner invited"),
    ]

    // MARK: - Long texts

    /// Of two long texts, the part that differs with a little context on each side (`…`
    /// marks what is left out); short texts in full.
    public static func excerpts(_ before: String, _ after: String, context: Int = 24, limit: Int = 160) -> (String, String) {
        guard before.count > limit || after.count > limit else { return (before, after) }
        if before == after { return (String(before.prefix(limit)) + "…", String(after.prefix(limit)) + "…") }
        let old = Array(before)
        let new = Array(after)
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] {
            suffix += 1
        }
        func excerpt(_ characters: [Character]) -> String {
            // The context starts and ends at a word boundary when one is near.
            var from = max(0, prefix - context)
            while from > 0, characters[from - 1] != " ", prefix - from < context + 12 { from -= 1 }
            var to = min(characters.count, characters.count - suffix + context)
            while to < characters.count, characters[to] != " ", to - (characters.count - suffix) < context + 12 { to += 1 }
            var middle = Array(characters[from..<max(from, to)])
            if middle.count > limit * 2 {
                middle = Array(middle.prefix(limit)) + Array("…") + Array(middle.suffix(limit / 2))
            }
            return (from > 0 ? "…" : "") + String(middle) + (to < characters.count ? "…" : "")
        }
        return (excerpt(old), excerpt(new))
    }
}

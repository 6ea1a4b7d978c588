import PacteDocuments
import PacteEvents
import PacteProjections

/// The members of an action sheet as options (`add-action`, `amend-action`) and as the
/// keys of the text sheet a secretariat fills in (`--sheet`): one declaration, each
/// option with the French key that stands for it in a sheet.
enum ActionSheetOptions {
    typealias Option = CommandSpec.Option

    /// The sheet's options, each with its key in a sheet file.
    static let fields: [(key: String, option: Option)] = [
        ("action", Option("action", "ID", "identifiant de l'action (A1)", "action id (A1)", members: ["data.sheet.actionId", "data.actionId"])),
        ("priorité", Option("priority", "ID", "priorité à laquelle l'action se rattache (P1)", "priority the action belongs to (P1)", members: ["data.sheet.priorityId", "data.changes.priorityId"])),
        ("titre", Option("title", "TITRE", "intitulé de l'action", "title of the action", members: ["data.sheet.title", "data.changes.title"])),
        ("résumé", Option("summary", "TEXTE", "courte présentation", "short presentation", members: ["data.sheet.summary", "data.changes.summary"])),
        ("objectif", Option("objective", "TEXTE", "un objectif (répétable)", "an objective (repeatable)", members: ["data.sheet.objectives", "data.changes.objectives"])),
        ("périmètre", Option("perimeter", "TEXTE", "périmètre géographique", "geographic perimeter", members: ["data.sheet.perimeter", "data.changes.perimeter"])),
        ("public", Option("public", "P", "public visé (répétable) : enfants, jeunes, familles monoparentales, personnes exclues, travailleurs pauvres, autre : TEXTE", "target public (repeatable): children, youth, single-parent-families, excluded, working-poor, other:TEXT", members: ["data.sheet.publics", "data.changes.publics"])),
        ("mesure", Option("measure", "N", "mesure du pacte national (1 à 25)", "national pact measure (1 to 25)", members: ["data.sheet.measure", "data.changes.measure"])),
        ("justification", Option("justification", "TEXTE", "justification locale (action hors des mesures nationales)", "local justification (action outside the national measures)", members: ["data.sheet.localJustification", "data.changes.localJustification"])),
        ("début", Option("start", "DATE", "début de l'action (avec --end)", "start of the action (with --end)", members: ["data.sheet.schedule.start", "data.changes.schedule.start", "data.sheet.schedule", "data.changes.schedule"])),
        ("fin", Option("end", "DATE", "fin de l'action", "end of the action", members: ["data.sheet.schedule.end", "data.changes.schedule.end"])),
        ("jalon", Option("milestone", "DATE:LIBELLÉ", "jalon (répétable)", "milestone (repeatable)", members: ["data.sheet.schedule.milestones", "data.changes.schedule.milestones"])),
        ("partenaire", Option("partner", "ID:RÔLE", "partenaire engagé et son rôle (répétable)", "engaged partner and its role (repeatable)", members: ["data.sheet.partners", "data.changes.partners"])),
        ("financement", Option("funding", "ID:ANNÉE:EUROS:BASE:SOURCE", "crédits prévus, en euros (répétable) ; BASE = dédiés, droit commun contractualisé, droit commun", "planned cash, in euros (repeatable); BASIS = dedicated, common-law-contracted, common-law", members: ["data.sheet.funding", "data.changes.funding"])),
        ("en nature", Option("in-kind", "ID:EUROS:DESCRIPTION", "apport en nature valorisé, en euros (répétable)", "valued in-kind contribution, in euros (repeatable)", members: ["data.sheet.inKind", "data.changes.inKind"])),
        ("indicateur", Option("indicator", "NOM:UNITÉ:CIBLE", "indicateur de suivi (répétable)", "monitoring indicator (repeatable)", members: ["data.sheet.indicators", "data.changes.indicators"])),
        ("impact indicateur", Option("impact-indicator", "TEXTE", "indicateur d'impact", "impact indicator", members: ["data.sheet.impact", "data.changes.impact"])),
        ("impact référence", Option("impact-baseline", "VALEUR", "sa valeur de départ", "its baseline")),
        ("impact cible", Option("impact-target", "VALEUR", "sa cible", "its target")),
        ("impact méthode", Option("impact-method", "TEXTE", "sa méthode de mesure", "its method")),
        ("impact dérogation", Option("impact-waiver", "TEXTE", "pourquoi l'action n'a pas d'indicateur d'impact", "why the action has no impact indicator", members: ["data.sheet.impactWaiver", "data.changes.impactWaiver"])),
        ("participation", Option("participation", "TEXTE", "participation des personnes concernées : comment", "participation of the people concerned: how", members: ["data.sheet.participation", "data.changes.participation"])),
        ("groupe témoin", Option("control-group", "OUI|NON", "un groupe témoin de personnes concernées", "a control group of people concerned")),
        ("étape", Option("stage", "É", "étape où elles participent (répétable) : conception, mise en œuvre, évaluation", "stage where they take part (repeatable): design, implementation, evaluation")),
        ("fiche participation", Option("participation-sheet", "OUI|NON", "une fiche « participation » est jointe", "a participation sheet is attached", members: ["data.sheet.participationSheet", "data.changes.participationSheet"])),
        ("avenant", Option("amendment", "N", "avenant qui porte l'action (action ajoutée après l'entrée en vigueur)", "amendment carrying the action (added after entry into force)", members: ["data.amendment"])),
    ]

    static var options: [Option] { fields.map(\.option) }

    /// The sheet (or, `partial`, the members given) from the options, members in the
    /// format's order.
    static func sheet(_ scanned: ScannedArguments, partial: Bool = false) throws(UsageError) -> JSONObject {
        func text(_ name: String, required: Bool = false) throws(UsageError) -> JSONValue? {
            if required, !partial { return .string(try scanned.required(name)) }
            return scanned.value(name).map(JSONValue.string)
        }
        func list(_ name: String, _ make: (String) throws(UsageError) -> JSONValue) throws(UsageError) -> JSONValue? {
            let values = scanned.allValues(name)
            if partial, values.isEmpty { return nil }
            var items: [JSONValue] = []
            for value in values { items.append(try make(value)) }
            return .array(items)
        }
        var sheet = JSONObject()
        sheet["actionId"] = .string(try scanned.required("action"))
        sheet["priorityId"] = try text("priority", required: true)
        sheet["title"] = try text("title", required: true)
        sheet["summary"] = try text("summary")
        sheet["objectives"] = try list("objective") { .string($0) }
        sheet["perimeter"] = try text("perimeter")
        if !partial || !scanned.allValues("public").isEmpty { sheet["publics"] = .array(try scanned.publics()) }
        if let measure = try scanned.integer("measure", in: 1...25) { sheet["measure"] = .number(JSONNumber(measure)) }
        sheet["localJustification"] = try text("justification")
        let milestones = try list("milestone") { (value) throws(UsageError) in
            let parts = try scanned.parts("milestone", value, count: 2, expected: "DATE:LIBELLÉ (15/01/2026:Bilan d'étape)")
            return .object(JSONObject([
                JSONMember("date", .string(try scanned.typed("milestone", parts[0], TypedDate.parse).description)),
                JSONMember("label", .string(parts[1])),
            ]))
        }
        if let start = try scanned.date("start") {
            sheet["schedule"] = .object(JSONObject([
                JSONMember("start", .string(start.description)),
                JSONMember("end", .string(try scanned.requiredDate("end").description)),
                JSONMember("milestones", milestones ?? .array([])),
            ]))
        } else if scanned.value("end") != nil {
            throw .missingOption(option: "start", command: scanned.command)
        } else if !partial {
            throw .missingOption(option: "start", command: scanned.command)
        }
        sheet["partners"] = try list("partner") { (value) throws(UsageError) in
            let parts = try scanned.parts("partner", value, count: 2, expected: "ID:RÔLE (cc-val:Porteur de l'action)")
            return .object(JSONObject([JSONMember("partnerId", .string(parts[0])), JSONMember("role", .string(parts[1]))]))
        }
        sheet["funding"] = try list("funding") { (value) throws(UsageError) in
            let parts = try scanned.parts(
                "funding", value, count: 5, expected: "ID:ANNÉE:EUROS:BASE:SOURCE (cc-val:2025:12 000,00:dédiés:Budget général)")
            return .object(JSONObject([
                JSONMember("partnerId", .string(parts[0])),
                JSONMember("year", .number(JSONNumber(try scanned.typed("funding", parts[1], TypedDate.year)))),
                JSONMember("amountCents", .number(JSONNumber(try scanned.typed("funding", parts[2], TypedAmount.cents)))),
                JSONMember("source", .string(parts[4])),
                JSONMember("basis", .string(try scanned.typed("funding", parts[3], Vocabulary.fundingBasis.parse).rawValue)),
            ]))
        }
        sheet["inKind"] = try list("in-kind") { (value) throws(UsageError) in
            let parts = try scanned.parts("in-kind", value, count: 3, expected: "ID:EUROS:DESCRIPTION")
            return .object(JSONObject([
                JSONMember("partnerId", .string(parts[0])), JSONMember("description", .string(parts[2])),
                JSONMember("valuationCents", .number(JSONNumber(try scanned.typed("in-kind", parts[1], TypedAmount.cents)))),
            ]))
        }
        sheet["indicators"] = try list("indicator") { (value) throws(UsageError) in
            let parts = try scanned.parts("indicator", value, count: 3, expected: "NOM:UNITÉ:CIBLE (Familles accompagnées:familles:40)")
            return .object(JSONObject([
                JSONMember("name", .string(parts[0])), JSONMember("unit", .string(parts[1])),
                JSONMember("target", ScalarText.value(parts[2])),
            ]))
        }
        if let indicator = scanned.value("impact-indicator") {
            var impact = JSONObject([JSONMember("indicator", .string(indicator))])
            if let baseline = scanned.value("impact-baseline") { impact["baseline"] = ScalarText.value(baseline) }
            if let target = scanned.value("impact-target") { impact["target"] = ScalarText.value(target) }
            if let method = scanned.value("impact-method") { impact["method"] = .string(method) }
            sheet["impact"] = .object(impact)
        }
        sheet["impactWaiver"] = try text("impact-waiver")
        if let description = scanned.value("participation") {
            var participation = JSONObject()
            participation["controlGroup"] = .bool(try yesNo("control-group", scanned) ?? false)
            var stages: [JSONValue] = []
            for value in scanned.allValues("stage") {
                stages.append(.string(try scanned.typed("stage", value, Vocabulary.participationStage.parse).rawValue))
            }
            participation["stages"] = .array(stages)
            participation["description"] = .string(description)
            sheet["participation"] = .object(participation)
        }
        if let attached = try yesNo("participation-sheet", scanned) { sheet["participationSheet"] = .bool(attached) }
        return sheet
    }

    /// `oui`/`non` (or `yes`/`no`, `true`/`false`).
    private static func yesNo(_ name: String, _ scanned: ScannedArguments) throws(UsageError) -> Bool? {
        guard let text = scanned.value(name) else { return nil }
        switch text.lowercased() {
        case "oui", "yes", "true", "o", "y", "1": return true
        case "non", "no", "false", "n", "0": return false
        default: throw .invalidValue(option: name, value: text, expected: "oui | non", command: scanned.command)
        }
    }
}

/// A value a person typed where the format takes a number or a text (an indicator's
/// value or target): `12`, `12,5` and `12.5` are numbers, anything else is text.
enum ScalarText {
    static func value(_ text: String) -> JSONValue {
        let trimmed = text.trimmingSpaces()
        let normalized = String(trimmed.map { $0 == "," ? "." : $0 })
        let isNumber = !normalized.isEmpty && normalized.first != "." && normalized.last != "."
            && normalized.filter { $0 == "." }.count <= 1
            && normalized.allSatisfy { $0 == "." || ($0.isASCII && $0.isNumber) }
            && !(normalized.count > 1 && normalized.hasPrefix("0") && !normalized.hasPrefix("0."))
        return isNumber ? .number(JSONNumber(literal: normalized)) : .string(trimmed)
    }
}

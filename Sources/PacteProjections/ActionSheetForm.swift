import PacteEvents

/// An action sheet as fields (the options of `add-action` and `amend-action`) and as the
/// keys of the text sheet a secretariat fills in: one declaration, each field with the
/// French key that stands for it in a sheet.
public enum ActionSheetForm {
    /// The sheet's fields, each with its key in a sheet file (`priorité : P1`).
    public static let fields: [(key: String, field: FormField)] = [
        ("action", FormField("action", "ID", "identifiant de l'action (A1)", "action id (A1)", members: ["data.sheet.actionId", "data.actionId"])),
        ("priorité", FormField("priority", "ID", "priorité à laquelle l'action se rattache (P1)", "priority the action belongs to (P1)", members: ["data.sheet.priorityId", "data.changes.priorityId"])),
        ("titre", FormField("title", "TITRE", "intitulé de l'action", "title of the action", members: ["data.sheet.title", "data.changes.title"])),
        ("résumé", FormField("summary", "TEXTE", "courte présentation", "short presentation", members: ["data.sheet.summary", "data.changes.summary"])),
        ("objectif", FormField("objective", "TEXTE", "un objectif (répétable)", "an objective (repeatable)", members: ["data.sheet.objectives", "data.changes.objectives"])),
        ("périmètre", FormField("perimeter", "TEXTE", "périmètre géographique", "geographic perimeter", members: ["data.sheet.perimeter", "data.changes.perimeter"])),
        ("public", FormField("public", "P", "public visé (répétable) : enfants, jeunes, familles monoparentales, personnes exclues, travailleurs pauvres, autre : TEXTE", "target public (repeatable): children, youth, single-parent-families, excluded, working-poor, other:TEXT", members: ["data.sheet.publics", "data.changes.publics"])),
        ("mesure", FormField("measure", "N", "mesure du pacte national (1 à 25)", "national pact measure (1 to 25)", members: ["data.sheet.measure", "data.changes.measure"])),
        ("justification", FormField("justification", "TEXTE", "justification locale (action hors des mesures nationales)", "local justification (action outside the national measures)", members: ["data.sheet.localJustification", "data.changes.localJustification"])),
        ("début", FormField("start", "DATE", "début de l'action (avec --end)", "start of the action (with --end)", members: ["data.sheet.schedule.start", "data.changes.schedule.start", "data.sheet.schedule", "data.changes.schedule"])),
        ("fin", FormField("end", "DATE", "fin de l'action", "end of the action", members: ["data.sheet.schedule.end", "data.changes.schedule.end"])),
        ("jalon", FormField("milestone", "DATE:LIBELLÉ", "jalon (répétable)", "milestone (repeatable)", members: ["data.sheet.schedule.milestones", "data.changes.schedule.milestones"])),
        ("partenaire", FormField("partner", "ID:RÔLE", "partenaire engagé et son rôle (répétable)", "engaged partner and its role (repeatable)", members: ["data.sheet.partners", "data.changes.partners"])),
        ("financement", FormField("funding", "ID:ANNÉE:EUROS:BASE:SOURCE", "crédits prévus, en euros (répétable) ; BASE = dédiés, droit commun contractualisé, droit commun", "planned cash, in euros (repeatable); BASIS = dedicated, common-law-contracted, common-law", members: ["data.sheet.funding", "data.changes.funding"])),
        ("en nature", FormField("in-kind", "ID:EUROS:DESCRIPTION", "apport en nature valorisé, en euros (répétable)", "valued in-kind contribution, in euros (repeatable)", members: ["data.sheet.inKind", "data.changes.inKind"])),
        ("indicateur", FormField("indicator", "NOM:UNITÉ:CIBLE", "indicateur de suivi (répétable)", "monitoring indicator (repeatable)", members: ["data.sheet.indicators", "data.changes.indicators"])),
        ("impact indicateur", FormField("impact-indicator", "TEXTE", "indicateur d'impact", "impact indicator", members: ["data.sheet.impact", "data.changes.impact"])),
        ("impact référence", FormField("impact-baseline", "VALEUR", "sa valeur de départ", "its baseline")),
        ("impact cible", FormField("impact-target", "VALEUR", "sa cible", "its target")),
        ("impact méthode", FormField("impact-method", "TEXTE", "sa méthode de mesure", "its method")),
        ("impact dérogation", FormField("impact-waiver", "TEXTE", "pourquoi l'action n'a pas d'indicateur d'impact", "why the action has no impact indicator", members: ["data.sheet.impactWaiver", "data.changes.impactWaiver"])),
        ("participation", FormField("participation", "TEXTE", "participation des personnes concernées : comment", "participation of the people concerned: how", members: ["data.sheet.participation", "data.changes.participation"])),
        ("groupe témoin", FormField("control-group", "OUI|NON", "un groupe témoin de personnes concernées", "a control group of people concerned")),
        ("étape", FormField("stage", "É", "étape où elles participent (répétable) : conception, mise en œuvre, évaluation", "stage where they take part (repeatable): design, implementation, evaluation")),
        ("fiche participation", FormField("participation-sheet", "OUI|NON", "une fiche « participation » est jointe", "a participation sheet is attached", members: ["data.sheet.participationSheet", "data.changes.participationSheet"])),
        ("avenant", FormField("amendment", "N", "avenant qui porte l'action (action ajoutée après l'entrée en vigueur)", "amendment carrying the action (added after entry into force)", members: ["data.amendment"])),
    ]

    /// The sheet (or, `partial`, the members given) from the fields, members in the
    /// format's order.
    public static func sheet(_ form: TypedForm, partial: Bool = false) throws(FormError) -> JSONObject {
        func text(_ name: String, required: Bool = false) throws(FormError) -> JSONValue? {
            if required, !partial { return .string(try form.required(name)) }
            return form.value(name).map(JSONValue.string)
        }
        func list(_ name: String, _ make: (String) throws(FormError) -> JSONValue) throws(FormError) -> JSONValue? {
            let values = form.allValues(name)
            if partial, values.isEmpty { return nil }
            var items: [JSONValue] = []
            for value in values { items.append(try make(value)) }
            return .array(items)
        }
        var sheet = JSONObject()
        sheet["actionId"] = .string(try form.required("action"))
        sheet["priorityId"] = try text("priority", required: true)
        sheet["title"] = try text("title", required: true)
        sheet["summary"] = try text("summary")
        sheet["objectives"] = try list("objective") { .string($0) }
        sheet["perimeter"] = try text("perimeter")
        if !partial || !form.allValues("public").isEmpty { sheet["publics"] = .array(try form.publics()) }
        if let measure = try form.integer("measure", in: 1...25) { sheet["measure"] = .number(JSONNumber(measure)) }
        sheet["localJustification"] = try text("justification")
        let milestones = try list("milestone") { (value) throws(FormError) in
            let parts = try form.parts("milestone", value, count: 2, expected: "DATE:LIBELLÉ (15/01/2026:Bilan d'étape)")
            return .object(JSONObject([
                JSONMember("date", .string(try form.typed("milestone", parts[0], TypedDate.parse).description)),
                JSONMember("label", .string(parts[1])),
            ]))
        }
        if let start = try form.date("start") {
            sheet["schedule"] = .object(JSONObject([
                JSONMember("start", .string(start.description)),
                JSONMember("end", .string(try form.requiredDate("end").description)),
                JSONMember("milestones", milestones ?? .array([])),
            ]))
        } else if form.value("end") != nil {
            throw .missing(field: "start")
        } else if !partial {
            throw .missing(field: "start")
        }
        sheet["partners"] = try list("partner") { (value) throws(FormError) in
            let parts = try form.parts("partner", value, count: 2, expected: "ID:RÔLE (cc-val:Porteur de l'action)")
            return .object(JSONObject([JSONMember("partnerId", .string(parts[0])), JSONMember("role", .string(parts[1]))]))
        }
        sheet["funding"] = try list("funding") { (value) throws(FormError) in
            let parts = try form.parts(
                "funding", value, count: 5, expected: "ID:ANNÉE:EUROS:BASE:SOURCE (cc-val:2025:12 000,00:dédiés:Budget général)")
            return .object(JSONObject([
                JSONMember("partnerId", .string(parts[0])),
                JSONMember("year", .number(JSONNumber(try form.typed("funding", parts[1], TypedDate.year)))),
                JSONMember("amountCents", .number(JSONNumber(try form.typed("funding", parts[2], TypedAmount.cents)))),
                JSONMember("source", .string(parts[4])),
                JSONMember("basis", .string(try form.typed("funding", parts[3], Vocabulary.fundingBasis.parse).rawValue)),
            ]))
        }
        sheet["inKind"] = try list("in-kind") { (value) throws(FormError) in
            let parts = try form.parts("in-kind", value, count: 3, expected: "ID:EUROS:DESCRIPTION")
            return .object(JSONObject([
                JSONMember("partnerId", .string(parts[0])), JSONMember("description", .string(parts[2])),
                JSONMember("valuationCents", .number(JSONNumber(try form.typed("in-kind", parts[1], TypedAmount.cents)))),
            ]))
        }
        sheet["indicators"] = try list("indicator") { (value) throws(FormError) in
            let parts = try form.parts("indicator", value, count: 3, expected: "NOM:UNITÉ:CIBLE (Familles accompagnées:familles:40)")
            return .object(JSONObject([
                JSONMember("name", .string(parts[0])), JSONMember("unit", .string(parts[1])),
                JSONMember("target", ScalarText.value(parts[2])),
            ]))
        }
        if let indicator = form.value("impact-indicator") {
            var impact = JSONObject([JSONMember("indicator", .string(indicator))])
            if let baseline = form.value("impact-baseline") { impact["baseline"] = ScalarText.value(baseline) }
            if let target = form.value("impact-target") { impact["target"] = ScalarText.value(target) }
            if let method = form.value("impact-method") { impact["method"] = .string(method) }
            sheet["impact"] = .object(impact)
        }
        sheet["impactWaiver"] = try text("impact-waiver")
        if let description = form.value("participation") {
            var participation = JSONObject()
            participation["controlGroup"] = .bool(try form.yesNo("control-group") ?? false)
            var stages: [JSONValue] = []
            for value in form.allValues("stage") {
                stages.append(.string(try form.typed("stage", value, Vocabulary.participationStage.parse).rawValue))
            }
            participation["stages"] = .array(stages)
            participation["description"] = .string(description)
            sheet["participation"] = .object(participation)
        }
        if let attached = try form.yesNo("participation-sheet") { sheet["participationSheet"] = .bool(attached) }
        return sheet
    }
}

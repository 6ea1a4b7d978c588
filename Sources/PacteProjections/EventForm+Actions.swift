import PacteEvents

/// Partners, priorities and action sheets: the forms of what the pact is made of.
extension EventForm {
    public static let partnerJoined = EventForm(.partnerJoined, fields: [
        FormField("partner", "ID", "identifiant court du partenaire (caf-31), repris par les autres commandes", "the partner's short id (caf-31), used by the other commands", members: ["data.partner.id", "data.partner"]),
        FormField("name", "NOM", "nom du partenaire", "the partner's name", members: ["data.partner.name"]),
        FormField("kind", "TYPE", "État, région, département, EPCI, commune, CCAS, CAF, CPAM, MSA, France Travail, association, autre", "state, region, department, epci, commune, ccas, caf, cpam, msa, france-travail, association, other", members: ["data.partner.kind"]),
        FormField("body", "INSTANCE", "instance statutoire qui vote (conseil d'administration…)", "statutory body that votes (board…)", members: ["data.partner.statutoryBody"]),
        FormField("signatory", "NOM", "signataire (avec --role)", "signatory (with --role)", members: ["data.partner.signatory"]),
        FormField("role", "FONCTION", "fonction du signataire", "signatory's role", members: ["data.partner.signatory.role"]),
        FormField("via", "V", "initial (défaut) ou adhésion", "initial (default) or adhesion", members: ["data.via"]),
        .amendment("avenant qui porte l'adhésion", "amendment carrying the adhesion"),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["partner"] = .object(try form.partner(id: "partner", name: "name", kind: "kind", body: "body"))
        data["via"] = .string((try form.word("via", in: Vocabulary.partnerVia) ?? .initial).rawValue)
        if let amendment = try form.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        return data
    }

    public static let prioritySet = EventForm(.prioritySet, fields: [
        FormField("priority", "ID", "identifiant de la priorité (P1)", "priority id (P1)", members: ["data.priorityId"]),
        FormField("title", "TITRE", "intitulé", "title", members: ["data.title"]),
        FormField("rationale", "TEXTE", "ce qui la justifie (diagnostic)", "why (diagnosis)", members: ["data.rationale"]),
        FormField("source", "TEXTE", "source du diagnostic (répétable)", "source of the diagnosis (repeatable)", members: ["data.sources"]),
        .publics,
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["priorityId"] = .string(try form.required("priority"))
        data["title"] = .string(try form.required("title"))
        data["rationale"] = .string(try form.required("rationale"))
        data["sources"] = .array(form.allValues("source").map(JSONValue.string))
        data["publics"] = .array(try form.publics())
        return data
    }

    public static let actionAdded = EventForm(.actionAdded, fields: ActionSheetForm.fields.map(\.field) + [
        FormField("sheet", "FICHE", "fiche texte « clé : valeur » (voir « template fiche-action ») ; les options données en plus la complètent", "a \"key: value\" text sheet (see \"template action-sheet\"); options given as well complete it"),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["sheet"] = .object(try ActionSheetForm.sheet(form))
        if let amendment = try form.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        return data
    }

    public static let actionAmended = EventForm(
        .actionAmended,
        fields: [.reason, .amendment("avenant qui porte la modification", "amendment carrying the change")]
            + ActionSheetForm.fields.map(\.field).filter { $0.name != "amendment" }
    ) { (form) throws(FormError) in
        var sheet = try ActionSheetForm.sheet(form, partial: true)
        let actionId = try form.required("action")
        sheet["actionId"] = nil
        guard !sheet.members.isEmpty else {
            throw .missing(field: "title / --start / --funding …")
        }
        var data = JSONObject()
        data["actionId"] = .string(actionId)
        data["changes"] = .object(sheet)
        data["reason"] = .string(try form.required("reason"))
        if let amendment = try form.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        return data
    }

    public static let actionClosed = EventForm(.actionClosed, fields: [
        .action("action close", "action closed"),
        FormField("outcome", "R", "réalisée ou abandonnée", "completed or abandoned", members: ["data.outcome"]),
        FormField("summary", "TEXTE", "bilan de l'action", "summary of the action", members: ["data.summary"]),
        FormField("impact-result", "VALEUR", "résultat mesuré de l'indicateur d'impact", "measured result of the impact indicator", members: ["data.impactResult.value", "data.impactResult"]),
        FormField("impact-note", "TEXTE", "précision sur la mesure", "note on the measure", members: ["data.impactResult.note"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["actionId"] = .string(try form.required("action"))
        _ = try form.required("outcome")
        data["outcome"] = .string(try form.word("outcome", in: Vocabulary.actionOutcome)!.rawValue)
        data["summary"] = .string(try form.required("summary"))
        if let value = form.value("impact-result") {
            data["impactResult"] = .object(JSONObject([
                JSONMember("value", .string(value)), JSONMember("note", .string(form.value("impact-note") ?? "")),
            ]))
        } else if form.value("impact-note") != nil {
            throw .missing(field: "impact-result")
        }
        return data
    }

    public static let indicatorReported = EventForm(.indicatorReported, fields: [
        .action("action mesurée", "action measured"),
        FormField("indicator", "NOM", "nom de l'indicateur, tel que sur la fiche", "the indicator's name, as on the sheet", members: ["data.indicator"]),
        FormField("period", "PÉRIODE", "période mesurée (2025, 2025-S1…)", "period measured (2025, 2025-H1…)", members: ["data.period"]),
        FormField("value", "VALEUR", "valeur : un nombre (12 ou 12,5) ou un texte", "value: a number (12 or 12.5) or a text", members: ["data.value"]),
        FormField("note", "TEXTE", "précision", "note", members: ["data.note"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["actionId"] = .string(try form.required("action"))
        data["indicator"] = .string(try form.required("indicator"))
        data["period"] = .string(try form.required("period"))
        data["value"] = ScalarText.value(try form.required("value"))
        if let note = form.value("note") { data["note"] = .string(note) }
        return data
    }
}

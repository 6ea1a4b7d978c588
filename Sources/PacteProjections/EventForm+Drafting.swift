import PacteEvents

/// The pact as first drafted (`init`): its id, title, territory, porteur, period and
/// articles, members in the format's order.
extension EventForm {
    public static let pactDrafted = EventForm(.pactDrafted, fields: [
        FormField("pact", "ID", "identifiant du pacte", "pact identifier"),
        FormField("title", "TITRE", "titre du pacte", "pact title"),
        FormField("territory", "NOM", "nom du territoire", "territory name"),
        FormField("department", "NUM", "numéro du département", "département number"),
        FormField("commune", "INSEE", "code INSEE d'une commune (répétable)", "a commune's INSEE code (repeatable)"),
        FormField("porteur", "ID", "identifiant du porteur (partenaire)", "porteur's partner id"),
        FormField("porteur-name", "NOM", "nom du porteur", "porteur's name"),
        FormField("porteur-kind", "TYPE", partnerKinds, partnerKinds),
        FormField("porteur-body", "INSTANCE", "instance statutoire du porteur (conseil municipal…)", "porteur's statutory body"),
        FormField("signatory", "NOM", "signataire du porteur", "porteur's signatory", helpLabel: "--signatory NOM --role FONCTION"),
        .unlisted("role", "FONCTION"),
        FormField("start", "DATE", "durée de la convention (article 2)", "duration of the convention (article 2)", helpLabel: "--start DATE --end DATE"),
        .unlisted("end", "DATE"),
        FormField("context", "TEXTE", "article 1 : contexte", "article 1: context"),
        FormField("ambition", "TEXTE", "article 2 : objet et ambition", "article 2: object and ambition"),
        FormField("governance-body", "NOM", "article 4 : instance de gouvernance", "article 4: governance body"),
        FormField("governance-attached-to", "NOM", "comité existant auquel elle est adossée", "existing committee it is attached to"),
        FormField("revision", "TEXTE", "article 5 : adhésion et révision", "article 5: membership and revision"),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["pactId"] = .string(try form.required("pact"))
        data["title"] = .string(try form.required("title"))
        var territory = JSONObject()
        territory["name"] = .string(try form.required("territory"))
        if let department = form.value("department") { territory["department"] = .string(department) }
        territory["communes"] = .array(form.allValues("commune").map(JSONValue.string))
        data["territory"] = .object(territory)
        data["porteur"] = .object(try form.partner(id: "porteur", name: "porteur-name", kind: "porteur-kind", body: "porteur-body"))
        if let start = try form.date("start") {
            let end = try form.requiredDate("end")
            data["period"] = .object(JSONObject([JSONMember("start", .string(start.description)), JSONMember("end", .string(end.description))]))
        }
        for (option, member) in [("context", "context"), ("ambition", "ambition")] {
            if let text = form.value(option) { data[member] = .string(text) }
        }
        if let body = form.value("governance-body") {
            var governance = JSONObject([JSONMember("body", .string(body))])
            if let attachedTo = form.value("governance-attached-to") { governance["attachedTo"] = .string(attachedTo) }
            data["governance"] = .object(governance)
        }
        if let revision = form.value("revision") { data["revision"] = .string(revision) }
        return data
    }

    static let partnerKinds = "state, region, department, epci, commune, ccas, caf, cpam, msa, france-travail, association, other"
}

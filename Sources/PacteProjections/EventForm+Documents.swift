import PacteEvents

/// Documents and closure: the forms that open a signature, propose an amendment, close the pact.
extension EventForm {
    public static let signatureRequested = EventForm(.signatureRequested, fields: [
        FormField("partner", "ID", "partenaire appelé à signer (répétable)", "partner asked to sign (repeatable)", members: ["data.partners"]),
        .document,
        FormField("target-months", "N", "délai visé en mois (défaut : 6)", "target delay in months (default: 6)", members: ["data.targetMonths"]),
    ]) { (form) throws(FormError) in
        let partners = form.allValues("partner")
        guard !partners.isEmpty else { throw .missing(field: "partner") }
        var data = JSONObject()
        data["document"] = .string((try form.document("document") ?? .convention).description)
        data["partners"] = .array(partners.map(JSONValue.string))
        data["targetMonths"] = .number(JSONNumber(try form.integer("target-months", in: 1...120) ?? 6))
        return data
    }

    public static let amendmentProposed = EventForm(.amendmentProposed, fields: [
        FormField("number", "N", "numéro de l'avenant (1, 2…)", "amendment number (1, 2…)", members: ["data.number"]),
        FormField("purpose", "TEXTE", "objet de l'avenant", "purpose of the amendment", members: ["data.purpose"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        guard let number = try form.integer("number", in: 1...9999) else {
            throw .missing(field: "number")
        }
        data["number"] = .number(JSONNumber(number))
        data["purpose"] = .string(try form.required("purpose"))
        return data
    }

    public static let pactClosed = EventForm(.pactClosed, fields: [
        FormField("reason", "R", "terme (arrivé à son terme) ou résilié", "term or terminated", members: ["data.reason"]),
        FormField("summary", "TEXTE", "bilan du pacte", "summary of the pact", members: ["data.summary"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        _ = try form.required("reason")
        data["reason"] = .string(try form.word("reason", in: Vocabulary.closureReason)!.rawValue)
        data["summary"] = .string(try form.required("summary"))
        return data
    }
}

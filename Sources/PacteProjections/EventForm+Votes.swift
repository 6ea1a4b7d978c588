import PacteEvents

/// Votes, signatures, meetings and extensions: the forms of the facts a partner's body or the governance decides.
extension EventForm {
    public static let approvalVoted = EventForm(.approvalVoted, fields: [
        .partner("partenaire dont l'instance a voté", "partner whose body voted"),
        .document,
        FormField("body", "INSTANCE", "instance (conseil municipal…)", "body (town council…)", members: ["data.body"]),
        .reference,
        .outcome,
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["partnerId"] = .string(try form.required("partner"))
        data["document"] = .string((try form.document("document") ?? .convention).description)
        data["body"] = .string(try form.required("body"))
        data["reference"] = .string(try form.required("reference"))
        data["outcome"] = .string((try form.word("outcome", in: Vocabulary.voteOutcome) ?? .adopted).rawValue)
        return data
    }

    public static let commitmentVoted = EventForm(.commitmentVoted, fields: [
        .partner("partenaire qui s'engage", "committing partner"),
        FormField("year", "AAAA", "année de l'engagement", "year of the commitment", members: ["data.year"]),
        FormField("body", "INSTANCE", "instance qui a voté", "body that voted", members: ["data.body"]),
        .reference,
        .outcome,
        FormField("line", "A:EUROS:BASE:SOURCE", "crédits pour une action, en euros (répétable) ; BASE = dédiés, droit commun contractualisé, droit commun", "cash for an action, in euros (repeatable); BASIS = dedicated, common-law-contracted, common-law", members: ["data.lines"]),
        FormField("in-kind", "A:EUROS:DESCRIPTION", "apport en nature valorisé, en euros (répétable)", "valued in-kind contribution, in euros (repeatable)", members: ["data.inKind"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["partnerId"] = .string(try form.required("partner"))
        guard let year = try form.year("year") else { throw .missing(field: "year") }
        data["year"] = .number(JSONNumber(year))
        data["body"] = .string(try form.required("body"))
        data["reference"] = .string(try form.required("reference"))
        data["outcome"] = .string((try form.word("outcome", in: Vocabulary.voteOutcome) ?? .adopted).rawValue)
        data["lines"] = .array(try form.allValues("line").map { (text) throws(FormError) in
            let parts = try form.parts("line", text, count: 4, expected: "ACTION:EUROS:BASE:SOURCE (A1:12500,00:dédiés:BOP 304 action 23)")
            return .object(JSONObject([
                JSONMember("actionId", .string(parts[0])),
                JSONMember("amountCents", .number(JSONNumber(try form.typed("line", text) { (_) throws(TypedInputError) in
                    try TypedAmount.cents(parts[1])
                }))),
                JSONMember("source", .string(parts[3])),
                JSONMember("basis", .string(try form.typed("line", text) { (_) throws(TypedInputError) in
                    try Vocabulary.fundingBasis.parse(parts[2])
                }.rawValue)),
            ]))
        })
        data["inKind"] = .array(try form.allValues("in-kind").map { (text) throws(FormError) in
            let parts = try form.parts("in-kind", text, count: 3, expected: "ACTION:EUROS:DESCRIPTION")
            return .object(JSONObject([
                JSONMember("actionId", .string(parts[0])), JSONMember("description", .string(parts[2])),
                JSONMember("valuationCents", .number(JSONNumber(try form.typed("in-kind", text) { (_) throws(TypedInputError) in
                    try TypedAmount.cents(parts[1])
                }))),
            ]))
        })
        return data
    }

    public static let signatureReceived = EventForm(.signatureReceived, fields: [
        .partner("partenaire signataire", "signing partner"),
        .document,
        FormField("signatory", "NOM", "nom du signataire", "signatory's name", members: ["data.signatory"]),
        FormField("role", "FONCTION", "fonction du signataire", "signatory's role", members: ["data.signatory.role"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["partnerId"] = .string(try form.required("partner"))
        data["document"] = .string((try form.document("document") ?? .convention).description)
        data["signatory"] = Signatory(name: try form.required("signatory"), role: try form.required("role")).json
        return data
    }

    public static let governanceHeld = EventForm(.governanceHeld, fields: [
        FormField("body", "NOM", "instance réunie", "body that met", members: ["data.body"]),
        FormField("attendee", "ID", "partenaire présent (répétable)", "partner present (repeatable)", members: ["data.attendees"]),
        FormField("decision", "TEXTE", "décision prise (répétable)", "decision taken (repeatable)", members: ["data.decisions"]),
        FormField("commitments-year", "AAAA", "année dont les engagements ont été présentés (répétable)", "year whose commitments were presented (repeatable)", members: ["data.commitmentsPresented"]),
        FormField("reviewed", "ACTION", "fiche-action actualisée (répétable)", "action sheet reviewed (repeatable)", members: ["data.actionsReviewed"]),
        FormField("next-meeting", "DATE", "date de la prochaine réunion", "date of the next meeting", members: ["data.nextMeeting"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["body"] = .string(try form.required("body"))
        data["attendees"] = .array(form.allValues("attendee").map(JSONValue.string))
        data["decisions"] = .array(form.allValues("decision").map(JSONValue.string))
        data["commitmentsPresented"] = .array(try form.years("commitments-year").map { .number(JSONNumber($0)) })
        data["actionsReviewed"] = .array(form.allValues("reviewed").map(JSONValue.string))
        if let next = try form.date("next-meeting") { data["nextMeeting"] = .string(next.description) }
        return data
    }

    public static let extensionRequested = EventForm(.extensionRequested, fields: [
        .action("action concernée", "action concerned"),
        FormField("current-end", "DATE", "fin actuelle", "current end", members: ["data.currentEnd"]),
        FormField("requested-end", "DATE", "fin demandée", "requested end", members: ["data.requestedEnd"]),
        .reason,
        FormField("requested-by", "ID", "partenaire qui demande", "requesting partner", members: ["data.requestedBy"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["actionId"] = .string(try form.required("action"))
        data["currentEnd"] = .string(try form.requiredDate("current-end").description)
        data["requestedEnd"] = .string(try form.requiredDate("requested-end").description)
        data["reason"] = .string(try form.required("reason"))
        data["requestedBy"] = .string(try form.required("requested-by"))
        return data
    }

    public static let extensionDecided = EventForm(.extensionDecided, fields: [
        FormField("request", "LIGNE|ID", "la demande (extension.requested) : son numéro de ligne ou son id", "the request (extension.requested): its line number or id", members: ["data.request"]),
        FormField("decision", "D", "accordée ou refusée", "granted or refused", members: ["data.decision"]),
        FormField("new-end", "DATE", "nouvelle fin accordée", "new end granted", members: ["data.newEnd"]),
        .amendment("avenant qui porte la prorogation", "amendment carrying the extension"),
        FormField("reason", "TEXTE", "motif de la décision", "reason for the decision", members: ["data.reason"]),
    ]) { (form) throws(FormError) in
        var data = JSONObject()
        data["request"] = .string(try form.required("request"))
        _ = try form.required("decision")
        data["decision"] = .string(try form.word("decision", in: Vocabulary.extensionDecision)!.rawValue)
        if let newEnd = try form.date("new-end") { data["newEnd"] = .string(newEnd.description) }
        if let amendment = try form.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        if let reason = form.value("reason") { data["reason"] = .string(reason) }
        return data
    }
}

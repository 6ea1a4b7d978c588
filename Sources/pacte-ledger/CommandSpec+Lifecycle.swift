import PacteDocuments
import PacteEvents
import PacteProjections

/// The flag forms of the pact's life, one declaration each: a person records a vote, a
/// signature, a partner joining, an action sheet… without writing JSON. Each builds the
/// event's `data`, members in the format's order; the ledger then validates it like any
/// other line. Values are typed as people write them (French words, 15/03/2025, euros).
extension CommandSpec {
    static let lifecycle: [CommandSpec] = [
        approve, commit, sign, meeting, requestExtension, decideExtension,
        join, priority, addAction, amendAction, closeAction, reportIndicator,
        requestSignatures, proposeAmendment, correct, closePact,
    ]

    /// A command that appends one event of `type` whose `data` is built by `payload`.
    static func recording(
        _ name: String, _ type: EventType, french: String, english: String, short: (String, String),
        usage: String, options: [Option], examples: [String],
        payload: @escaping @Sendable (ScannedArguments) throws(UsageError) -> JSONObject
    ) -> CommandSpec {
        CommandSpec(
            name: name, french: french, english: english, shortFrench: short.0, shortEnglish: short.1,
            usage: usage, options: options + Option.recording, examples: examples,
            build: { (scanned) throws(UsageError) -> Command in
                let data = try payload(scanned)
                return .record(try Command.recordRequest(scanned, file: try scanned.file(), type: type, payload: .given(data)))
            })
    }

    // MARK: - Votes, signatures, meetings, extensions

    static let approve = recording(
        "approve", .approvalVoted,
        french: "enregistre le vote d'une instance statutoire qui approuve un document et autorise sa signature (approval.voted).",
        english: "records a statutory body's vote approving a document and authorising signature (approval.voted).",
        short: ("vote d'approbation d'une instance", "a body's approval vote"),
        usage: "pacte-ledger approve FICHIER --partner ID --body INSTANCE --reference DÉLIB --effective DATE --by QUI [--document D] [--outcome R]",
        options: [
            .partner("partenaire dont l'instance a voté", "partner whose body voted"),
            .document,
            Option("body", "INSTANCE", "instance (conseil municipal…)", "body (town council…)", members: ["data.body"]),
            .reference,
            .outcome,
        ],
        examples: ["pacte-ledger approve pacte.jsonl --partner cc-val --body \"conseil communautaire\" --reference DEL-2025-031 \\",
                   "    --outcome adopté --effective 10/03/2025 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["partnerId"] = .string(try scanned.required("partner"))
        data["document"] = .string((try scanned.document("document") ?? .convention).description)
        data["body"] = .string(try scanned.required("body"))
        data["reference"] = .string(try scanned.required("reference"))
        data["outcome"] = .string((try scanned.word("outcome", in: Vocabulary.voteOutcome) ?? .adopted).rawValue)
        return data
    }

    static let commit = recording(
        "commit", .commitmentVoted,
        french: "enregistre l'engagement annuel voté par un partenaire (commitment.voted) ; montants en euros.",
        english: "records a partner's yearly commitment vote (commitment.voted); amounts in euros.",
        short: ("engagement annuel voté", "yearly commitment voted"),
        usage: "pacte-ledger commit FICHIER --partner ID --year AAAA --body INSTANCE --reference DÉLIB --line ACTION:EUROS:BASE:SOURCE… --effective DATE --by QUI",
        options: [
            .partner("partenaire qui s'engage", "committing partner"),
            Option("year", "AAAA", "année de l'engagement", "year of the commitment", members: ["data.year"]),
            Option("body", "INSTANCE", "instance qui a voté", "body that voted", members: ["data.body"]),
            .reference,
            .outcome,
            Option("line", "A:EUROS:BASE:SOURCE", "crédits pour une action, en euros (répétable) ; BASE = dédiés, droit commun contractualisé, droit commun", "cash for an action, in euros (repeatable); BASIS = dedicated, common-law-contracted, common-law", members: ["data.lines"]),
            Option("in-kind", "A:EUROS:DESCRIPTION", "apport en nature valorisé, en euros (répétable)", "valued in-kind contribution, in euros (repeatable)", members: ["data.inKind"]),
        ],
        examples: ["pacte-ledger commit pacte.jsonl --partner ddets-31 --year 2025 --body \"Préfet\" --reference AP-2025-12 \\",
                   "    --line \"A1:20 000,00:dédiés:BOP 304 action 23\" --effective 02/04/2025 --by ddets"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["partnerId"] = .string(try scanned.required("partner"))
        guard let year = try scanned.year("year") else { throw .missingOption(option: "year", command: scanned.command) }
        data["year"] = .number(JSONNumber(year))
        data["body"] = .string(try scanned.required("body"))
        data["reference"] = .string(try scanned.required("reference"))
        data["outcome"] = .string((try scanned.word("outcome", in: Vocabulary.voteOutcome) ?? .adopted).rawValue)
        data["lines"] = .array(try scanned.allValues("line").map { (text) throws(UsageError) in
            let parts = try scanned.parts("line", text, count: 4, expected: "ACTION:EUROS:BASE:SOURCE (A1:12500,00:dédiés:BOP 304 action 23)")
            return .object(JSONObject([
                JSONMember("actionId", .string(parts[0])),
                JSONMember("amountCents", .number(JSONNumber(try scanned.typed("line", text) { (_) throws(TypedInputError) in
                    try TypedAmount.cents(parts[1])
                }))),
                JSONMember("source", .string(parts[3])),
                JSONMember("basis", .string(try scanned.typed("line", text) { (_) throws(TypedInputError) in
                    try Vocabulary.fundingBasis.parse(parts[2])
                }.rawValue)),
            ]))
        })
        data["inKind"] = .array(try scanned.allValues("in-kind").map { (text) throws(UsageError) in
            let parts = try scanned.parts("in-kind", text, count: 3, expected: "ACTION:EUROS:DESCRIPTION")
            return .object(JSONObject([
                JSONMember("actionId", .string(parts[0])), JSONMember("description", .string(parts[2])),
                JSONMember("valuationCents", .number(JSONNumber(try scanned.typed("in-kind", text) { (_) throws(TypedInputError) in
                    try TypedAmount.cents(parts[1])
                }))),
            ]))
        })
        return data
    }

    static let sign = recording(
        "sign", .signatureReceived,
        french: "enregistre la signature d'un document par un partenaire (signature.received).",
        english: "records a partner's signature of a document (signature.received).",
        short: ("signature d'un document", "signature of a document"),
        usage: "pacte-ledger sign FICHIER --partner ID --signatory NOM --role FONCTION --effective DATE --by QUI [--document D]",
        options: [
            .partner("partenaire signataire", "signing partner"),
            .document,
            Option("signatory", "NOM", "nom du signataire", "signatory's name", members: ["data.signatory"]),
            Option("role", "FONCTION", "fonction du signataire", "signatory's role", members: ["data.signatory.role"]),
        ],
        examples: ["pacte-ledger sign pacte.jsonl --partner caf-31 --signatory \"A. Martin\" --role Directrice --effective 20/06/2025 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["partnerId"] = .string(try scanned.required("partner"))
        data["document"] = .string((try scanned.document("document") ?? .convention).description)
        data["signatory"] = Signatory(name: try scanned.required("signatory"), role: try scanned.required("role")).json
        return data
    }

    static let meeting = recording(
        "meeting", .governanceHeld,
        french: "enregistre une réunion de la gouvernance du pacte (governance.held).",
        english: "records a meeting of the pact's governance body (governance.held).",
        short: ("réunion de la gouvernance", "governance meeting"),
        usage: "pacte-ledger meeting FICHIER --body NOM --attendee ID… --effective DATE --by QUI [options]",
        options: [
            Option("body", "NOM", "instance réunie", "body that met", members: ["data.body"]),
            Option("attendee", "ID", "partenaire présent (répétable)", "partner present (repeatable)", members: ["data.attendees"]),
            Option("decision", "TEXTE", "décision prise (répétable)", "decision taken (repeatable)", members: ["data.decisions"]),
            Option("commitments-year", "AAAA", "année dont les engagements ont été présentés (répétable)", "year whose commitments were presented (repeatable)", members: ["data.commitmentsPresented"]),
            Option("reviewed", "ACTION", "fiche-action actualisée (répétable)", "action sheet reviewed (repeatable)", members: ["data.actionsReviewed"]),
            Option("next-meeting", "DATE", "date de la prochaine réunion", "date of the next meeting", members: ["data.nextMeeting"]),
        ],
        examples: ["pacte-ledger meeting pacte.jsonl --body \"Comité de pilotage\" --attendee cc-val --attendee caf-31 \\",
                   "    --commitments-year 2026 --reviewed A1 --effective 12/03/2026 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["body"] = .string(try scanned.required("body"))
        data["attendees"] = .array(scanned.allValues("attendee").map(JSONValue.string))
        data["decisions"] = .array(scanned.allValues("decision").map(JSONValue.string))
        data["commitmentsPresented"] = .array(try scanned.years("commitments-year").map { .number(JSONNumber($0)) })
        data["actionsReviewed"] = .array(scanned.allValues("reviewed").map(JSONValue.string))
        if let next = try scanned.date("next-meeting") { data["nextMeeting"] = .string(next.description) }
        return data
    }

    static let requestExtension = recording(
        "request-extension", .extensionRequested,
        french: "enregistre une demande de prorogation d'une action (extension.requested).",
        english: "records an extension request for an action (extension.requested).",
        short: ("demande de prorogation", "extension request"),
        usage: "pacte-ledger request-extension FICHIER --action ID --current-end DATE --requested-end DATE --reason TEXTE --requested-by ID --effective DATE --by QUI",
        options: [
            .action("action concernée", "action concerned"),
            Option("current-end", "DATE", "fin actuelle", "current end", members: ["data.currentEnd"]),
            Option("requested-end", "DATE", "fin demandée", "requested end", members: ["data.requestedEnd"]),
            .reason,
            Option("requested-by", "ID", "partenaire qui demande", "requesting partner", members: ["data.requestedBy"]),
        ],
        examples: ["pacte-ledger request-extension pacte.jsonl --action A1 --current-end 31/08/2026 --requested-end 31/12/2026 \\",
                   "    --reason \"Retard de recrutement\" --requested-by cc-val --effective 15/05/2026 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["actionId"] = .string(try scanned.required("action"))
        data["currentEnd"] = .string(try scanned.requiredDate("current-end").description)
        data["requestedEnd"] = .string(try scanned.requiredDate("requested-end").description)
        data["reason"] = .string(try scanned.required("reason"))
        data["requestedBy"] = .string(try scanned.required("requested-by"))
        return data
    }

    static let decideExtension = recording(
        "decide-extension", .extensionDecided,
        french: "enregistre la décision sur une demande de prorogation (extension.decided) ; la demande se désigne par son numéro de ligne (voir « log ») ou son id.",
        english: "records the decision on an extension request (extension.decided); the request is named by its line number (see \"log\") or its id.",
        short: ("décision sur une prorogation", "decision on an extension"),
        usage: "pacte-ledger decide-extension FICHIER --request LIGNE|ID --decision D --effective DATE --by QUI [--new-end DATE] [--amendment N] [--reason TEXTE]",
        options: [
            Option("request", "LIGNE|ID", "la demande (extension.requested) : son numéro de ligne ou son id", "the request (extension.requested): its line number or id", members: ["data.request"]),
            Option("decision", "D", "accordée ou refusée", "granted or refused", members: ["data.decision"]),
            Option("new-end", "DATE", "nouvelle fin accordée", "new end granted", members: ["data.newEnd"]),
            .amendment("avenant qui porte la prorogation", "amendment carrying the extension"),
            Option("reason", "TEXTE", "motif de la décision", "reason for the decision", members: ["data.reason"]),
        ],
        examples: ["pacte-ledger decide-extension pacte.jsonl --request 19 --decision accordée --new-end 31/12/2026 --amendment 1 \\",
                   "    --effective 10/06/2026 --by ddets"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["request"] = .string(try scanned.required("request"))
        _ = try scanned.required("decision")
        data["decision"] = .string(try scanned.word("decision", in: Vocabulary.extensionDecision)!.rawValue)
        if let newEnd = try scanned.date("new-end") { data["newEnd"] = .string(newEnd.description) }
        if let amendment = try scanned.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        if let reason = scanned.value("reason") { data["reason"] = .string(reason) }
        return data
    }

    // MARK: - Partners, priorities, actions

    static let join = recording(
        "join", .partnerJoined,
        french: "enregistre un partenaire du pacte (partner.joined) : dès le départ (initial) ou par adhésion, avec l'avenant qui la porte.",
        english: "records a partner of the pact (partner.joined): from the start (initial) or by adhesion, with the amendment carrying it.",
        short: ("un partenaire rejoint le pacte", "a partner joins the pact"),
        usage: "pacte-ledger join FICHIER --partner ID --name NOM --kind TYPE --effective DATE --by QUI [--body INSTANCE] [--signatory NOM --role FONCTION] [--via initial|adhésion [--amendment N]]",
        options: [
            Option("partner", "ID", "identifiant court du partenaire (caf-31), repris par les autres commandes", "the partner's short id (caf-31), used by the other commands", members: ["data.partner.id", "data.partner"]),
            Option("name", "NOM", "nom du partenaire", "the partner's name", members: ["data.partner.name"]),
            Option("kind", "TYPE", "État, région, département, EPCI, commune, CCAS, CAF, CPAM, MSA, France Travail, association, autre", "state, region, department, epci, commune, ccas, caf, cpam, msa, france-travail, association, other", members: ["data.partner.kind"]),
            Option("body", "INSTANCE", "instance statutoire qui vote (conseil d'administration…)", "statutory body that votes (board…)", members: ["data.partner.statutoryBody"]),
            Option("signatory", "NOM", "signataire (avec --role)", "signatory (with --role)", members: ["data.partner.signatory"]),
            Option("role", "FONCTION", "fonction du signataire", "signatory's role", members: ["data.partner.signatory.role"]),
            Option("via", "V", "initial (défaut) ou adhésion", "initial (default) or adhesion", members: ["data.via"]),
            .amendment("avenant qui porte l'adhésion", "amendment carrying the adhesion"),
        ],
        examples: ["pacte-ledger join pacte.jsonl --partner caf-31 --name \"CAF de la Haute-Garonne\" --kind CAF \\",
                   "    --body \"conseil d'administration\" --signatory \"A. Martin\" --role Directrice --effective 20/01/2025 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["partner"] = .object(try scanned.partner(id: "partner", name: "name", kind: "kind", body: "body"))
        data["via"] = .string((try scanned.word("via", in: Vocabulary.partnerVia) ?? .initial).rawValue)
        if let amendment = try scanned.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        return data
    }

    static let priority = recording(
        "priority", .prioritySet,
        french: "enregistre une priorité du pacte (priority.set) ; le même identifiant la remplace.",
        english: "records a priority of the pact (priority.set); the same id replaces it.",
        short: ("une priorité du pacte", "a priority of the pact"),
        usage: "pacte-ledger priority FICHIER --priority ID --title TITRE --rationale TEXTE --effective DATE --by QUI [--source TEXTE…] [--public P…]",
        options: [
            Option("priority", "ID", "identifiant de la priorité (P1)", "priority id (P1)", members: ["data.priorityId"]),
            Option("title", "TITRE", "intitulé", "title", members: ["data.title"]),
            Option("rationale", "TEXTE", "ce qui la justifie (diagnostic)", "why (diagnosis)", members: ["data.rationale"]),
            Option("source", "TEXTE", "source du diagnostic (répétable)", "source of the diagnosis (repeatable)", members: ["data.sources"]),
            .publics,
        ],
        examples: ["pacte-ledger priority pacte.jsonl --priority P1 --title \"Prévenir la pauvreté des enfants\" \\",
                   "    --rationale \"Taux de pauvreté des moins de 18 ans élevé\" --source \"INSEE 2023\" --public enfants \\",
                   "    --effective 12/02/2025 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["priorityId"] = .string(try scanned.required("priority"))
        data["title"] = .string(try scanned.required("title"))
        data["rationale"] = .string(try scanned.required("rationale"))
        data["sources"] = .array(scanned.allValues("source").map(JSONValue.string))
        data["publics"] = .array(try scanned.publics())
        return data
    }

    static let addAction = recording(
        "add-action", .actionAdded,
        french: "enregistre une fiche-action (action.added), de ses options ou d'une fiche texte (--sheet) que le secrétariat remplit : « pacte-ledger template fiche-action » l'affiche. Montants en euros.",
        english: "records an action sheet (action.added), from its options or from a text sheet (--sheet) the secretariat fills in: \"pacte-ledger template action-sheet\" prints it. Amounts in euros.",
        short: ("une fiche-action (options ou fiche texte)", "an action sheet (options or text sheet)"),
        usage: "pacte-ledger add-action FICHIER (--sheet FICHE.txt | --action ID --priority ID --title TITRE …) --effective DATE --by QUI",
        options: ActionSheetOptions.options + [
            Option("sheet", "FICHE", "fiche texte « clé : valeur » (voir « template fiche-action ») ; les options données en plus la complètent", "a \"key: value\" text sheet (see \"template action-sheet\"); options given as well complete it"),
        ],
        examples: ["pacte-ledger template fiche-action > a1.txt   # puis remplir a1.txt",
                   "pacte-ledger add-action pacte.jsonl --sheet a1.txt --effective 12/02/2025 --by secretariat",
                   "pacte-ledger add-action pacte.jsonl --action A2 --priority P1 --title \"Accueil de loisirs\" --start 01/09/2025 \\",
                   "    --end 31/08/2026 --funding \"cc-val:2025:12 000:dédiés:Budget général\" --effective 12/02/2025 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["sheet"] = .object(try ActionSheetOptions.sheet(scanned))
        if let amendment = try scanned.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        return data
    }

    static let amendAction = recording(
        "amend-action", .actionAmended,
        french: "modifie une fiche-action (action.amended) : seules les rubriques données changent ; avec --amendment N, les changements attendent que l'avenant N soit en vigueur.",
        english: "amends an action sheet (action.amended): only the members given change; with --amendment N, the changes wait until amendment N is in force.",
        short: ("modification d'une fiche-action", "an action sheet amended"),
        usage: "pacte-ledger amend-action FICHIER --action ID --reason TEXTE [--amendment N] [rubriques de la fiche…] --effective DATE --by QUI",
        options: [.reason, .amendment("avenant qui porte la modification", "amendment carrying the change")]
            + ActionSheetOptions.options.filter { $0.name != "amendment" },
        examples: ["pacte-ledger amend-action pacte.jsonl --action A1 --start 01/09/2025 --end 31/12/2026 --amendment 1 \\",
                   "    --reason \"Prorogation accordée\" --effective 10/06/2026 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var sheet = try ActionSheetOptions.sheet(scanned, partial: true)
        let actionId = try scanned.required("action")
        sheet["actionId"] = nil
        guard !sheet.members.isEmpty else {
            throw .missingOption(option: "title / --start / --funding …", command: scanned.command)
        }
        var data = JSONObject()
        data["actionId"] = .string(actionId)
        data["changes"] = .object(sheet)
        data["reason"] = .string(try scanned.required("reason"))
        if let amendment = try scanned.integer("amendment", in: 1...9999) { data["amendment"] = .number(JSONNumber(amendment)) }
        return data
    }

    static let closeAction = recording(
        "close-action", .actionClosed,
        french: "clôt une action (action.closed) : réalisée ou abandonnée, son bilan et le résultat de son indicateur d'impact.",
        english: "closes an action (action.closed): completed or abandoned, its summary and its impact indicator's result.",
        short: ("clôture d'une action", "an action closed"),
        usage: "pacte-ledger close-action FICHIER --action ID --outcome réalisée|abandonnée --summary TEXTE --effective DATE --by QUI [--impact-result VALEUR [--impact-note TEXTE]]",
        options: [
            .action("action close", "action closed"),
            Option("outcome", "R", "réalisée ou abandonnée", "completed or abandoned", members: ["data.outcome"]),
            Option("summary", "TEXTE", "bilan de l'action", "summary of the action", members: ["data.summary"]),
            Option("impact-result", "VALEUR", "résultat mesuré de l'indicateur d'impact", "measured result of the impact indicator", members: ["data.impactResult.value", "data.impactResult"]),
            Option("impact-note", "TEXTE", "précision sur la mesure", "note on the measure", members: ["data.impactResult.note"]),
        ],
        examples: ["pacte-ledger close-action pacte.jsonl --action A1 --outcome réalisée --summary \"42 familles accompagnées\" \\",
                   "    --impact-result \"58 %\" --impact-note \"Mesuré à 6 mois\" --effective 15/09/2026 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["actionId"] = .string(try scanned.required("action"))
        _ = try scanned.required("outcome")
        data["outcome"] = .string(try scanned.word("outcome", in: Vocabulary.actionOutcome)!.rawValue)
        data["summary"] = .string(try scanned.required("summary"))
        if let value = scanned.value("impact-result") {
            data["impactResult"] = .object(JSONObject([
                JSONMember("value", .string(value)), JSONMember("note", .string(scanned.value("impact-note") ?? "")),
            ]))
        } else if scanned.value("impact-note") != nil {
            throw .missingOption(option: "impact-result", command: scanned.command)
        }
        return data
    }

    static let reportIndicator = recording(
        "report-indicator", .indicatorReported,
        french: "enregistre la valeur d'un indicateur d'une action pour une période (indicator.reported).",
        english: "records an action's indicator value for a period (indicator.reported).",
        short: ("valeur d'un indicateur", "an indicator's value"),
        usage: "pacte-ledger report-indicator FICHIER --action ID --indicator NOM --period PÉRIODE --value VALEUR --effective DATE --by QUI [--note TEXTE]",
        options: [
            .action("action mesurée", "action measured"),
            Option("indicator", "NOM", "nom de l'indicateur, tel que sur la fiche", "the indicator's name, as on the sheet", members: ["data.indicator"]),
            Option("period", "PÉRIODE", "période mesurée (2025, 2025-S1…)", "period measured (2025, 2025-H1…)", members: ["data.period"]),
            Option("value", "VALEUR", "valeur : un nombre (12 ou 12,5) ou un texte", "value: a number (12 or 12.5) or a text", members: ["data.value"]),
            Option("note", "TEXTE", "précision", "note", members: ["data.note"]),
        ],
        examples: ["pacte-ledger report-indicator pacte.jsonl --action A1 --indicator \"Familles accompagnées\" --period 2025 \\",
                   "    --value 32 --effective 15/01/2026 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        data["actionId"] = .string(try scanned.required("action"))
        data["indicator"] = .string(try scanned.required("indicator"))
        data["period"] = .string(try scanned.required("period"))
        data["value"] = ScalarText.value(try scanned.required("value"))
        if let note = scanned.value("note") { data["note"] = .string(note) }
        return data
    }

    // MARK: - Documents and closure

    static let requestSignatures = recording(
        "request-signatures", .signatureRequested,
        french: "ouvre la signature d'un document auprès des partenaires (signature.requested), avec le délai visé en mois (6 par défaut).",
        english: "opens a document for signature by the partners (signature.requested), with the target delay in months (6 by default).",
        short: ("ouverture de la signature", "signature opened"),
        usage: "pacte-ledger request-signatures FICHIER --partner ID… --effective DATE --by QUI [--document D] [--target-months N]",
        options: [
            Option("partner", "ID", "partenaire appelé à signer (répétable)", "partner asked to sign (repeatable)", members: ["data.partners"]),
            .document,
            Option("target-months", "N", "délai visé en mois (défaut : 6)", "target delay in months (default: 6)", members: ["data.targetMonths"]),
        ],
        examples: ["pacte-ledger request-signatures pacte.jsonl --partner cc-val --partner caf-31 --partner ddets-31 \\",
                   "    --effective 01/03/2025 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        let partners = scanned.allValues("partner")
        guard !partners.isEmpty else { throw .missingOption(option: "partner", command: scanned.command) }
        var data = JSONObject()
        data["document"] = .string((try scanned.document("document") ?? .convention).description)
        data["partners"] = .array(partners.map(JSONValue.string))
        data["targetMonths"] = .number(JSONNumber(try scanned.integer("target-months", in: 1...120) ?? 6))
        return data
    }

    static let proposeAmendment = recording(
        "propose-amendment", .amendmentProposed,
        french: "propose l'avenant n° N (amendment.proposed) ; il suit ensuite le chemin de signature de la convention (request-signatures --document avenant-N).",
        english: "proposes amendment N (amendment.proposed); it then follows the convention's signing path (request-signatures --document amendment-N).",
        short: ("proposition d'avenant", "amendment proposed"),
        usage: "pacte-ledger propose-amendment FICHIER --number N --purpose TEXTE --effective DATE --by QUI",
        options: [
            Option("number", "N", "numéro de l'avenant (1, 2…)", "amendment number (1, 2…)", members: ["data.number"]),
            Option("purpose", "TEXTE", "objet de l'avenant", "purpose of the amendment", members: ["data.purpose"]),
        ],
        examples: ["pacte-ledger propose-amendment pacte.jsonl --number 1 --purpose \"Prorogation de l'action A1\" --effective 20/05/2026 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        guard let number = try scanned.integer("number", in: 1...9999) else {
            throw .missingOption(option: "number", command: scanned.command)
        }
        data["number"] = .number(JSONNumber(number))
        data["purpose"] = .string(try scanned.required("purpose"))
        return data
    }

    static let correct = CommandSpec(
        name: "correct",
        french: "corrige une ligne déjà écrite (correction.recorded) : --retract l'annule, sinon les rubriques données par --set remplacent les siennes ; la ligne reste, la correction s'ajoute.",
        english: "corrects a line already written (correction.recorded): --retract withdraws it, otherwise the members given with --set replace its own; the line stays, the correction is appended.",
        shortFrench: "correction d'une ligne (par son numéro)", shortEnglish: "a correction of a line (by its number)",
        usage: "pacte-ledger correct FICHIER --line LIGNE|ID --reason TEXTE (--retract | --set RUBRIQUE=VALEUR…) --effective DATE --by QUI",
        options: [
            Option("line", "LIGNE|ID", "la ligne à corriger : son numéro (voir « log ») ou l'id de son événement", "the line to correct: its number (see \"log\") or its event's id", members: ["data.target"]),
            Option("reason", "TEXTE", "motif de la correction", "reason for the correction", members: ["data.reason"]),
            Option("retract", nil, "annule la ligne (les projections l'ignorent)", "withdraws the line (projections ignore it)"),
            Option("set", "RUBRIQUE=VALEUR", "remplace une rubrique de la ligne (répétable) : reference=DEL-2025-044, effective n'en est pas une ; montants (…Cents) en euros", "replaces a member of the line (repeatable): reference=DEL-2025-044; amounts (…Cents) in euros", members: ["data.replacement"]),
        ] + Option.recording,
        examples: ["pacte-ledger correct pacte.jsonl --line 19 --set reference=DEL-2025-044 --reason \"Erreur de référence\" \\",
                   "    --effective 20/03/2025 --by secretariat",
                   "pacte-ledger correct pacte.jsonl --line 22 --retract --reason \"Saisi deux fois\" --effective 20/03/2025 --by secretariat"],
        build: { (scanned) throws(UsageError) -> Command in
            let target = try scanned.required("line")
            let reason = try scanned.required("reason")
            var changes: [CorrectionChange] = []
            for text in scanned.allValues("set") {
                guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
                    throw .invalidValue(option: "set", value: text, expected: "RUBRIQUE=VALEUR (reference=DEL-2025-044)", command: scanned.command)
                }
                changes.append(CorrectionChange(member: String(text[..<equals]), value: String(text[text.index(after: equals)...])))
            }
            if scanned.has("retract"), !changes.isEmpty { throw .conflictingOptions("retract", "set", command: scanned.command) }
            if !scanned.has("retract"), changes.isEmpty { throw .missingOption(option: "retract | --set", command: scanned.command) }
            let payload = RecordRequest.PayloadSource.correction(target: target, reason: reason, changes: changes)
            return .record(try Command.recordRequest(scanned, file: try scanned.file(), type: .correctionRecorded, payload: payload))
        })

    static let closePact = recording(
        "close-pact", .pactClosed,
        french: "clôt le pacte (pact.closed) : arrivé à son terme ou résilié, avec son bilan.",
        english: "closes the pact (pact.closed): at term or terminated, with its summary.",
        short: ("clôture du pacte", "the pact closed"),
        usage: "pacte-ledger close-pact FICHIER --reason terme|résilié --summary TEXTE --effective DATE --by QUI",
        options: [
            Option("reason", "R", "terme (arrivé à son terme) ou résilié", "term or terminated", members: ["data.reason"]),
            Option("summary", "TEXTE", "bilan du pacte", "summary of the pact", members: ["data.summary"]),
        ],
        examples: ["pacte-ledger close-pact pacte.jsonl --reason terme --summary \"Bilan du pacte\" --effective 31/12/2027 --by secretariat"]
    ) { (scanned) throws(UsageError) in
        var data = JSONObject()
        _ = try scanned.required("reason")
        data["reason"] = .string(try scanned.word("reason", in: Vocabulary.closureReason)!.rawValue)
        data["summary"] = .string(try scanned.required("summary"))
        return data
    }
}

extension CommandSpec.Option {
    /// The options every recording command shares.
    static let recording: [Self] = [
        Self("effective", "DATE", "date du fait dans le monde (vote, signature, réunion), 15/03/2025 ou 2025-03-15 ; obligatoire", "date of the fact in the world (vote, signature, meeting), 15/03/2025 or 2025-03-15; required"),
        Self("by", "QUI", "qui enregistre (personne ou service) ; obligatoire", "who records it (person or service); required"),
        Self("id", "ID", "id de l'événement (défaut : un UUID) ; le même événement rejoué ne s'ajoute pas deux fois", "event id (default: a UUID); the same event again is not appended twice"),
        Self("expect-seq", "N", "refuse si la dernière ligne n'est plus N (quelqu'un a écrit entre-temps)", "refuse if the last line is no longer N (someone wrote meanwhile)"),
        Self("recorded", "HORODATAGE", "horodatage d'enregistrement imposé (reprise d'un registre papier), AAAA-MM-JJTHH:MM:SSZ", "imposed recording time (importing a paper register), YYYY-MM-DDTHH:MM:SSZ"),
        Self("keep-unknown", nil, "garde un membre que cette version ne connaît pas (voulu, pas une faute de frappe)", "keep a member this version does not know (deliberate, not a typo)"),
        Self("allow-contact", nil, "accepte une adresse électronique ou un téléphone (contact d'un partenaire à conserver)", "accept an e-mail address or a telephone number (a partner's contact to keep)"),
    ]

    static func partner(_ french: String, _ english: String) -> Self {
        Self("partner", "ID", french, english, members: ["data.partnerId"])
    }

    static func action(_ french: String, _ english: String) -> Self {
        Self("action", "ID", french, english, members: ["data.actionId"])
    }

    static func amendment(_ french: String, _ english: String) -> Self {
        Self("amendment", "N", french, english, members: ["data.amendment"])
    }

    static let document = Self("document", "D", "convention (défaut) ou avenant-N", "convention (default) or amendment-N", members: ["data.document"])
    static let reference = Self("reference", "DÉLIB", "référence de la délibération", "reference of the deliberation", members: ["data.reference"])
    static let outcome = Self("outcome", "R", "adopté (défaut), rejeté ou ajourné", "adopted (default), rejected or deferred", members: ["data.outcome"])
    static let reason = Self("reason", "TEXTE", "motif", "reason", members: ["data.reason"])
    static let publics = Self("public", "P", "public visé (répétable) : enfants, jeunes, familles monoparentales, personnes exclues, travailleurs pauvres, autre : TEXTE", "target public (repeatable): children, youth, single-parent-families, excluded, working-poor, other:TEXT", members: ["data.publics", "data.sheet.publics"])
}

extension ScannedArguments {
    /// A partner (`init`'s porteur, `join`'s partner) from the options named: id, name,
    /// kind (a French or English word), statutory body, and `--signatory` with `--role`.
    func partner(id: String, name: String, kind: String, body: String) throws(UsageError) -> JSONObject {
        var partner = JSONObject()
        partner["id"] = .string(try required(id))
        partner["name"] = .string(try required(name))
        _ = try required(kind)
        partner["kind"] = .string(try word(kind, in: Vocabulary.partnerKind)!.rawValue)
        if let statutoryBody = value(body) { partner["statutoryBody"] = .string(statutoryBody) }
        if let signatory = value("signatory") {
            partner["signatory"] = Signatory(name: signatory, role: try required("role")).json
        }
        return partner
    }

    /// `text` cut at `:` into `count` parts (the last keeps its colons).
    func parts(_ name: String, _ text: String, count: Int, expected: String) throws(UsageError) -> [String] {
        let parts = text.split(separator: ":", maxSplits: count - 1, omittingEmptySubsequences: false)
            .map { String($0).trimmingSpaces() }
        guard parts.count == count else { throw .invalidValue(option: name, value: text, expected: expected, command: command) }
        return parts
    }

    /// Every `--public`, in the format's spelling.
    func publics() throws(UsageError) -> [JSONValue] {
        var values: [JSONValue] = []
        for text in allValues("public") {
            let kind = try typed("public", text, PublicWords.parse)
            values.append(.string(kind.description))
        }
        return values
    }
}

import PacteEvents
import PacteProjections

/// The flag forms of the pact's life, one declaration each: a person records a vote, a
/// signature, a partner joining, an action sheet… without writing JSON. Each fills the
/// event's form (``EventForm``, in PacteProjections), which builds its `data`; the ledger
/// then validates it like any other line.
extension CommandSpec {
    static let lifecycle: [CommandSpec] = [
        approve, commit, sign, meeting, requestExtension, decideExtension,
        join, priority, addAction, amendAction, closeAction, reportIndicator,
        requestSignatures, proposeAmendment, correct, closePact,
    ]

    /// A command that appends the event its form (``EventForm``) builds from its options.
    static func recording(
        _ name: String, form: EventForm, french: String, english: String, short: (String, String), usage: String,
        examples: [String]
    ) -> CommandSpec {
        CommandSpec(
            name: name, french: french, english: english, shortFrench: short.0, shortEnglish: short.1,
            usage: usage, options: form.fields + Option.recording, examples: examples,
            build: { (scanned) throws(UsageError) -> Command in
                let data = try scanned.read(form.payload)
                return .record(try Command.recordRequest(scanned, file: try scanned.file(), type: form.type, payload: .given(data)))
            })
    }

    // MARK: - Votes, signatures, meetings, extensions

    static let approve = recording(
        "approve", form: .approvalVoted,
        french: "enregistre le vote d'une instance statutoire qui approuve un document et autorise sa signature (approval.voted).",
        english: "records a statutory body's vote approving a document and authorising signature (approval.voted).",
        short: ("vote d'approbation d'une instance", "a body's approval vote"),
        usage: "pacte-ledger approve FICHIER --partner ID --body INSTANCE --reference DÉLIB --effective DATE --by QUI [--document D] [--outcome R]",
        examples: ["pacte-ledger approve pacte.jsonl --partner cc-val --body \"conseil communautaire\" --reference DEL-2025-031 \\",
                   "    --outcome adopté --effective 10/03/2025 --by secretariat"]
    )

    static let commit = recording(
        "commit", form: .commitmentVoted,
        french: "enregistre l'engagement annuel voté par un partenaire (commitment.voted) ; montants en euros.",
        english: "records a partner's yearly commitment vote (commitment.voted); amounts in euros.",
        short: ("engagement annuel voté", "yearly commitment voted"),
        usage: "pacte-ledger commit FICHIER --partner ID --year AAAA --body INSTANCE --reference DÉLIB --line ACTION:EUROS:BASE:SOURCE… --effective DATE --by QUI",
        examples: ["pacte-ledger commit pacte.jsonl --partner ddets-31 --year 2025 --body \"Préfet\" --reference AP-2025-12 \\",
                   "    --line \"A1:20 000,00:dédiés:BOP 304 action 23\" --effective 02/04/2025 --by ddets"]
    )

    static let sign = recording(
        "sign", form: .signatureReceived,
        french: "enregistre la signature d'un document par un partenaire (signature.received).",
        english: "records a partner's signature of a document (signature.received).",
        short: ("signature d'un document", "signature of a document"),
        usage: "pacte-ledger sign FICHIER --partner ID --signatory NOM --role FONCTION --effective DATE --by QUI [--document D]",
        examples: ["pacte-ledger sign pacte.jsonl --partner caf-31 --signatory \"A. Martin\" --role Directrice --effective 20/06/2025 --by secretariat"]
    )

    static let meeting = recording(
        "meeting", form: .governanceHeld,
        french: "enregistre une réunion de la gouvernance du pacte (governance.held).",
        english: "records a meeting of the pact's governance body (governance.held).",
        short: ("réunion de la gouvernance", "governance meeting"),
        usage: "pacte-ledger meeting FICHIER --body NOM --attendee ID… --effective DATE --by QUI [options]",
        examples: ["pacte-ledger meeting pacte.jsonl --body \"Comité de pilotage\" --attendee cc-val --attendee caf-31 \\",
                   "    --commitments-year 2026 --reviewed A1 --effective 12/03/2026 --by secretariat"]
    )

    static let requestExtension = recording(
        "request-extension", form: .extensionRequested,
        french: "enregistre une demande de prorogation d'une action (extension.requested).",
        english: "records an extension request for an action (extension.requested).",
        short: ("demande de prorogation", "extension request"),
        usage: "pacte-ledger request-extension FICHIER --action ID --current-end DATE --requested-end DATE --reason TEXTE --requested-by ID --effective DATE --by QUI",
        examples: ["pacte-ledger request-extension pacte.jsonl --action A1 --current-end 31/08/2026 --requested-end 31/12/2026 \\",
                   "    --reason \"Retard de recrutement\" --requested-by cc-val --effective 15/05/2026 --by secretariat"]
    )

    static let decideExtension = recording(
        "decide-extension", form: .extensionDecided,
        french: "enregistre la décision sur une demande de prorogation (extension.decided) ; la demande se désigne par son numéro de ligne (voir « log ») ou son id.",
        english: "records the decision on an extension request (extension.decided); the request is named by its line number (see \"log\") or its id.",
        short: ("décision sur une prorogation", "decision on an extension"),
        usage: "pacte-ledger decide-extension FICHIER --request LIGNE|ID --decision D --effective DATE --by QUI [--new-end DATE] [--amendment N] [--reason TEXTE]",
        examples: ["pacte-ledger decide-extension pacte.jsonl --request 19 --decision accordée --new-end 31/12/2026 --amendment 1 \\",
                   "    --effective 10/06/2026 --by ddets"]
    )

    // MARK: - Partners, priorities, actions

    static let join = recording(
        "join", form: .partnerJoined,
        french: "enregistre un partenaire du pacte (partner.joined) : dès le départ (initial) ou par adhésion, avec l'avenant qui la porte.",
        english: "records a partner of the pact (partner.joined): from the start (initial) or by adhesion, with the amendment carrying it.",
        short: ("un partenaire rejoint le pacte", "a partner joins the pact"),
        usage: "pacte-ledger join FICHIER --partner ID --name NOM --kind TYPE --effective DATE --by QUI [--body INSTANCE] [--signatory NOM --role FONCTION] [--via initial|adhésion [--amendment N]]",
        examples: ["pacte-ledger join pacte.jsonl --partner caf-31 --name \"CAF de la Haute-Garonne\" --kind CAF \\",
                   "    --body \"conseil d'administration\" --signatory \"A. Martin\" --role Directrice --effective 20/01/2025 --by secretariat"]
    )

    static let priority = recording(
        "priority", form: .prioritySet,
        french: "enregistre une priorité du pacte (priority.set) ; le même identifiant la remplace.",
        english: "records a priority of the pact (priority.set); the same id replaces it.",
        short: ("une priorité du pacte", "a priority of the pact"),
        usage: "pacte-ledger priority FICHIER --priority ID --title TITRE --rationale TEXTE --effective DATE --by QUI [--source TEXTE…] [--public P…]",
        examples: ["pacte-ledger priority pacte.jsonl --priority P1 --title \"Prévenir la pauvreté des enfants\" \\",
                   "    --rationale \"Taux de pauvreté des moins de 18 ans élevé\" --source \"INSEE 2023\" --public enfants \\",
                   "    --effective 12/02/2025 --by secretariat"]
    )

    static let addAction = recording(
        "add-action", form: .actionAdded,
        french: "enregistre une fiche-action (action.added), de ses options ou d'une fiche texte (--sheet) que le secrétariat remplit : « pacte-ledger template fiche-action » l'affiche. Montants en euros.",
        english: "records an action sheet (action.added), from its options or from a text sheet (--sheet) the secretariat fills in: \"pacte-ledger template action-sheet\" prints it. Amounts in euros.",
        short: ("une fiche-action (options ou fiche texte)", "an action sheet (options or text sheet)"),
        usage: "pacte-ledger add-action FICHIER (--sheet FICHE.txt | --action ID --priority ID --title TITRE …) --effective DATE --by QUI",
        examples: ["pacte-ledger template fiche-action > a1.txt   # puis remplir a1.txt",
                   "pacte-ledger add-action pacte.jsonl --sheet a1.txt --effective 12/02/2025 --by secretariat",
                   "pacte-ledger add-action pacte.jsonl --action A2 --priority P1 --title \"Accueil de loisirs\" --start 01/09/2025 \\",
                   "    --end 31/08/2026 --funding \"cc-val:2025:12 000:dédiés:Budget général\" --effective 12/02/2025 --by secretariat"]
    )

    static let amendAction = recording(
        "amend-action", form: .actionAmended,
        french: "modifie une fiche-action (action.amended) : seules les rubriques données changent ; avec --amendment N, les changements attendent que l'avenant N soit en vigueur.",
        english: "amends an action sheet (action.amended): only the members given change; with --amendment N, the changes wait until amendment N is in force.",
        short: ("modification d'une fiche-action", "an action sheet amended"),
        usage: "pacte-ledger amend-action FICHIER --action ID --reason TEXTE [--amendment N] [rubriques de la fiche…] --effective DATE --by QUI",
        examples: ["pacte-ledger amend-action pacte.jsonl --action A1 --start 01/09/2025 --end 31/12/2026 --amendment 1 \\",
                   "    --reason \"Prorogation accordée\" --effective 10/06/2026 --by secretariat"]
    )

    static let closeAction = recording(
        "close-action", form: .actionClosed,
        french: "clôt une action (action.closed) : réalisée ou abandonnée, son bilan et le résultat de son indicateur d'impact.",
        english: "closes an action (action.closed): completed or abandoned, its summary and its impact indicator's result.",
        short: ("clôture d'une action", "an action closed"),
        usage: "pacte-ledger close-action FICHIER --action ID --outcome réalisée|abandonnée --summary TEXTE --effective DATE --by QUI [--impact-result VALEUR [--impact-note TEXTE]]",
        examples: ["pacte-ledger close-action pacte.jsonl --action A1 --outcome réalisée --summary \"42 familles accompagnées\" \\",
                   "    --impact-result \"58 %\" --impact-note \"Mesuré à 6 mois\" --effective 15/09/2026 --by secretariat"]
    )

    static let reportIndicator = recording(
        "report-indicator", form: .indicatorReported,
        french: "enregistre la valeur d'un indicateur d'une action pour une période (indicator.reported).",
        english: "records an action's indicator value for a period (indicator.reported).",
        short: ("valeur d'un indicateur", "an indicator's value"),
        usage: "pacte-ledger report-indicator FICHIER --action ID --indicator NOM --period PÉRIODE --value VALEUR --effective DATE --by QUI [--note TEXTE]",
        examples: ["pacte-ledger report-indicator pacte.jsonl --action A1 --indicator \"Familles accompagnées\" --period 2025 \\",
                   "    --value 32 --effective 15/01/2026 --by secretariat"]
    )

    // MARK: - Documents and closure

    static let requestSignatures = recording(
        "request-signatures", form: .signatureRequested,
        french: "ouvre la signature d'un document auprès des partenaires (signature.requested), avec le délai visé en mois (6 par défaut).",
        english: "opens a document for signature by the partners (signature.requested), with the target delay in months (6 by default).",
        short: ("ouverture de la signature", "signature opened"),
        usage: "pacte-ledger request-signatures FICHIER --partner ID… --effective DATE --by QUI [--document D] [--target-months N]",
        examples: ["pacte-ledger request-signatures pacte.jsonl --partner cc-val --partner caf-31 --partner ddets-31 \\",
                   "    --effective 01/03/2025 --by secretariat"]
    )

    static let proposeAmendment = recording(
        "propose-amendment", form: .amendmentProposed,
        french: "propose l'avenant n° N (amendment.proposed) ; il suit ensuite le chemin de signature de la convention (request-signatures --document avenant-N).",
        english: "proposes amendment N (amendment.proposed); it then follows the convention's signing path (request-signatures --document amendment-N).",
        short: ("proposition d'avenant", "amendment proposed"),
        usage: "pacte-ledger propose-amendment FICHIER --number N --purpose TEXTE --effective DATE --by QUI",
        examples: ["pacte-ledger propose-amendment pacte.jsonl --number 1 --purpose \"Prorogation de l'action A1\" --effective 20/05/2026 --by secretariat"]
    )

    static let correct = CommandSpec(
        name: "correct",
        french: "corrige une ligne déjà écrite (correction.recorded) : --retract l'annule, sinon les rubriques données par --set remplacent les siennes ; la ligne reste, la correction s'ajoute.",
        english: "corrects a line already written (correction.recorded): --retract withdraws it, otherwise the members given with --set replace its own; the line stays, the correction is appended.",
        shortFrench: "correction d'une ligne (par son numéro)", shortEnglish: "a correction of a line (by its number)",
        usage: "pacte-ledger correct FICHIER --line LIGNE|ID --reason TEXTE (--retract | --set RUBRIQUE=VALEUR…) --effective DATE --by QUI",
        options: CorrectionPayload.fields + Option.recording,
        examples: ["pacte-ledger correct pacte.jsonl --line 19 --set reference=DEL-2025-044 --reason \"Erreur de référence\" \\",
                   "    --effective 20/03/2025 --by secretariat",
                   "pacte-ledger correct pacte.jsonl --line 22 --retract --reason \"Saisi deux fois\" --effective 20/03/2025 --by secretariat"],
        build: { (scanned) throws(UsageError) -> Command in
            let target = try scanned.required("line")
            let reason = try scanned.required("reason")
            let changes = try scanned.read(CorrectionChange.all(in:))
            if scanned.has("retract"), !changes.isEmpty { throw .conflictingOptions("retract", "set", command: scanned.command) }
            if !scanned.has("retract"), changes.isEmpty { throw .missingOption(option: "retract | --set", command: scanned.command) }
            let payload = RecordRequest.PayloadSource.correction(target: target, reason: reason, changes: changes)
            return .record(try Command.recordRequest(scanned, file: try scanned.file(), type: .correctionRecorded, payload: payload))
        })

    static let closePact = recording(
        "close-pact", form: .pactClosed,
        french: "clôt le pacte (pact.closed) : arrivé à son terme ou résilié, avec son bilan.",
        english: "closes the pact (pact.closed): at term or terminated, with its summary.",
        short: ("clôture du pacte", "the pact closed"),
        usage: "pacte-ledger close-pact FICHIER --reason terme|résilié --summary TEXTE --effective DATE --by QUI",
        examples: ["pacte-ledger close-pact pacte.jsonl --reason terme --summary \"Bilan du pacte\" --effective 31/12/2027 --by secretariat"]
    )
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
}

import PacteEvents
import PacteProjections

/// The commands that fold the ledger into a view of the pact: `state`, `history`,
/// `timeline`, `agenda`, `check`, `summary`.
extension CommandSpec {
    static let projection: [CommandSpec] = [state, history, timeline, agenda, check, summary]

    static let state = CommandSpec(
        name: "state",
        french: "le pacte tel qu'il était à une date : statut, partenaires, priorités, fiches-action, engagements, avenants.",
        english: "the pact as it stood on a date: status, partners, priorities, action sheets, commitments, amendments.",
        shortFrench: "le pacte à une date", shortEnglish: "the pact on a date",
        usage: "pacte-ledger state FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
        options: ProjectionDates.options(today: (
            "sans --as-of, le pacte tel qu'il est ce jour-là (sans ces deux options : tous les faits)",
            "without --as-of, the pact as it stands that day (without either: every fact)")),
        examples: ["pacte-ledger state ledgers/pacte-coteaux-aussonne.jsonl --as-of 2025-06-30",
                   "pacte-ledger state ledgers/pacte-coteaux-aussonne.jsonl --as-of 2025-06-30 --known-at 2025-07-01"],
        build: { (scanned) throws(UsageError) -> Command in
            .state(file: try scanned.file(), dates: try ProjectionDates(scanned))
        })

    static let history = CommandSpec(
        name: "history",
        french: "historique des modifications (audit) : qui a changé quoi, quand, par quel avenant ; prorogations ; corrections.",
        english: "amendment history (audit): who changed what, when, under which amendment; extensions; corrections.",
        shortFrench: "historique des modifications", shortEnglish: "amendment history",
        usage: "pacte-ledger history FICHIER [--action ID] [--since DATE] [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
        options: [
            Option("action", "ID", "seulement cette fiche-action", "only this action sheet"),
            Option("since", "DATE", "seulement à partir de cette date", "only from this date"),
        ] + ProjectionDates.options(today: (
            "sans --as-of, l'historique jusqu'à ce jour-là (sans ces deux options : tous les faits)",
            "without --as-of, the history up to that day (without either: every fact)")),
        examples: ["pacte-ledger history ledgers/pacte-coteaux-aussonne.jsonl --action A2"],
        build: { (scanned) throws(UsageError) -> Command in
            .history(
                file: try scanned.file(), actionId: scanned.value("action"), since: try scanned.date("since"),
                dates: try ProjectionDates(scanned))
        })

    static let timeline = CommandSpec(
        name: "timeline",
        french: "calendrier de signature (6 mois) de la convention et des avenants, partenaires en retard, fenêtres des actions financées par l'État, réunions dues.",
        english: "signing timeline (6 months) of the convention and amendments, late partners, State-funded action windows, meetings due.",
        shortFrench: "calendrier de signature et échéances", shortEnglish: "signing timeline and deadlines",
        usage: "pacte-ledger timeline FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
        options: ProjectionDates.options(today: (
            "les délais sont appréciés ce jour-là ; sans --as-of, le pacte tel qu'il est ce jour-là",
            "deadlines are judged that day; without --as-of, the pact as it stands that day")),
        examples: ["pacte-ledger timeline ledgers/pacte-coteaux-aussonne.jsonl --today 2025-09-01"],
        build: { (scanned) throws(UsageError) -> Command in
            .timeline(file: try scanned.file(), dates: try ProjectionDates(scanned))
        })

    static let agenda = CommandSpec(
        name: "agenda",
        french: "l'échéancier : ce qui est dû et quand — délibérations et signatures attendues (date cible à 6 mois, jours restants), fin des actions financées par l'État (12 mois, 31/12/N+1), prorogations à décider, réunion annuelle de gouvernance, engagements prévus non votés (cette année et la suivante). --ics écrit un calendrier iCalendar (Outlook, Thunderbird) : un nouvel import met à jour les échéances au lieu de les dupliquer.",
        english: "the agenda: what is due and when — approval votes and signatures awaited (6-month target date, days left), ends of State-funded actions (12 months, 31 December N+1), extensions to decide, the yearly governance meeting, commitments planned but not voted (this year and next). --ics writes an iCalendar file (Outlook, Thunderbird): importing it again updates the deadlines instead of duplicating them.",
        shortFrench: "ce qui est dû et quand (texte ou calendrier .ics)", shortEnglish: "what is due and when (text or .ics calendar)",
        usage: "pacte-ledger agenda FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--ics [--output CHEMIN]] [--json]",
        options: ProjectionDates.options(today: (
            "les jours restants sont comptés depuis ce jour ; sans --as-of, le pacte tel qu'il est ce jour-là",
            "days left are counted from that day; without --as-of, the pact as it stands that day")) + [
            Option("ics", nil, "calendrier iCalendar (RFC 5545) au lieu du texte", "an iCalendar file (RFC 5545) instead of text"),
            Option("output", "CHEMIN", "écrit le calendrier dans ce fichier", "writes the calendar to that file"),
        ],
        examples: [
            "pacte-ledger agenda ledgers/pacte-coteaux-aussonne.jsonl --today 15/03/2025",
            "pacte-ledger agenda pacte.jsonl --ics --output pacte.ics",
        ],
        build: { (scanned) throws(UsageError) -> Command in
            .agenda(AgendaRequest(
                file: try scanned.file(), dates: try ProjectionDates(scanned), ics: scanned.has("ics"),
                output: scanned.value("output")))
        })

    static let check = CommandSpec(
        name: "check",
        french: "contrôle chaque règle de la note d'orientation (rules.md) ; code 1 si une erreur est trouvée.",
        english: "checks every rule of the guidance (rules.md); exit 1 when an error is found.",
        shortFrench: "contrôle des règles", shortEnglish: "rule checks",
        usage: "pacte-ledger check FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
        options: ProjectionDates.options(today: (
            "les délais sont appréciés au plus tôt de ce jour et de --as-of",
            "deadlines are judged at the earlier of that day and --as-of")),
        examples: ["pacte-ledger check ledgers/pacte-coteaux-aussonne.jsonl", "pacte-ledger check pacte.jsonl --json --lang en"],
        build: { (scanned) throws(UsageError) -> Command in
            .check(file: try scanned.file(), dates: try ProjectionDates(scanned))
        })

    static let summary = CommandSpec(
        name: "summary",
        french: "une ligne par pacte (fichiers ou dossiers de *.jsonl) : territoire, statut, en vigueur depuis, signatures, crédits de l'État (par année avec --json ou --csv ; le tableau donne leur total et les totaux par année), cofinancement, erreurs et avertissements ; puis les totaux. Un registre illisible est signalé sur sa ligne sans arrêter les autres.",
        english: "one row per pact (files or folders of *.jsonl): territory, status, in force since, signatures, State cash (per year with --json or --csv; the table gives its total and the totals per year), co-financing, errors and warnings; then totals. A broken ledger is reported on its row and does not stop the others.",
        shortFrench: "une ligne par pacte, sur plusieurs registres", shortEnglish: "one row per pact, over many ledgers",
        usage: "pacte-ledger summary CHEMIN… [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json | --csv [--separator ;]]",
        options: ProjectionDates.options(today: (
            "les règles à échéance sont appréciées au plus tôt de ce jour et de --as-of",
            "deadline rules are judged at the earlier of that day and --as-of")) + [
            Option("csv", nil, "sortie CSV (RFC 4180)", "CSV output (RFC 4180)"),
            .separator("séparateur CSV (« ; » pour les tableurs français)", "CSV separator (\";\" for French spreadsheets)"),
        ],
        examples: ["pacte-ledger summary ledgers/", "pacte-ledger summary /partage/pactes/ --csv --separator ';' > pactes.csv"],
        build: { (scanned) throws(UsageError) -> Command in
            guard !scanned.positionals.isEmpty else { throw .missingFile(command: scanned.command) }
            return .summary(
                paths: scanned.positionals, dates: try ProjectionDates(scanned), csv: scanned.has("csv"),
                separator: try scanned.separator())
        })
}

extension CommandSpec.Option {
    /// `--separator , | ;` (`;` for French spreadsheet software).
    static func separator(_ french: String, _ english: String) -> Self {
        Self("separator", ", | ;", french, english)
    }

    /// `--output CHEMIN`: a file to write instead of standard output.
    static let output = Self("output", "CHEMIN", "fichier à écrire (défaut : sortie standard)", "file to write (default: standard output)")
}

extension ScannedArguments {
    /// `--separator , | ;`: `,` unless `;` is given.
    func separator() throws(UsageError) -> Character {
        switch value("separator") {
        case nil, ",": return ","
        case ";": return ";"
        case let other?: throw .invalidValue(option: "separator", value: other, expected: "',' | ';'", command: command)
        }
    }
}

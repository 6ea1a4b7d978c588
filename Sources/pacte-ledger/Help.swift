import PacteDocuments
import PacteEvents

/// The help of every command, OVERVIEW / USAGE / OPTIONS / EXAMPLES, in French or English.
enum Help {
    static func text(for topic: String?, in language: Language) -> String {
        let fr = language == .french
        if topic == "version" { return "pacte-ledger 1.0 (format v1)\n" }
        guard let topic, let page = CommandSpec.named(topic).map({ Page($0, fr: fr) }) ?? page(topic, fr: fr) else {
            return overview(fr: fr).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.count > 80 ? Display.wrapped(String($0), width: 80, indent: "  ") : String($0) }
                .joined(separator: "\n")
        }
        var text = Display.wrapped((fr ? "APERÇU : " : "OVERVIEW: ") + page.overview, width: 80, indent: "  ") + "\n\n"
        text += (fr ? "UTILISATION :" : "USAGE:") + "\n" + shellLines(page.usage) + "\n"
        text += (fr ? "OPTIONS :" : "OPTIONS:") + "\n"
        let json: [(String, String)]
        switch topic {
        case _ where Command.withoutJSON.contains(topic): json = []
        case "report", "export":
            json = [("--json", fr ? "avec --output : dit en JSON le fichier écrit et sa taille" : "with --output: the file written and its size, in JSON")]
        default: json = [("--json", fr ? "sortie JSON pour les programmes" : "JSON output for programs")]
        }
        let options = page.options + json + [
            ("--lang fr|en", fr ? "langue des messages (défaut : fr)" : "language of messages (default: fr)"),
            ("-h, --help", fr ? "affiche cette aide" : "shows this help"),
        ]
        let width = min(26, (options.map(\.0.count).max() ?? 0) + 2)
        let indent = String(repeating: " ", count: width + 2)
        for (name, description) in options {
            let wrapped = Display.wrapped(description, width: 80, indent: indent, firstLineWidth: 78 - width)
            if name.count + 2 > width {
                text += "  \(name)\n\(indent)\(wrapped)\n"
            } else {
                text += "  " + name + String(repeating: " ", count: width - name.count) + wrapped + "\n"
            }
        }
        text += "\n" + (fr ? "EXEMPLES :" : "EXAMPLES:") + "\n"
        for example in page.examples { text += shellLines(example) }
        return text
    }

    /// A shell command in lines of at most 80 columns, continued with ` \\`; quoted
    /// words are never split. A line already ending with ` \\` continues the command.
    static func shellLines(_ command: String) -> String {
        let continued = command.hasPrefix("    ")
        var words: [String] = []
        var word = ""
        var quote: Character?
        for character in command.trimmingSpaces() {
            if let open = quote {
                word.append(character)
                if character == open { quote = nil }
            } else if character == " " {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                if character == "\"" || character == "'" { quote = character }
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        var lines: [String] = []
        var line = continued ? "      " : "  "
        for word in words {
            let fresh = line.trimmingSpaces().isEmpty
            if !fresh, line.count + 1 + word.count > 78 {
                lines.append(line + " \\")
                line = "      " + word
            } else {
                line += (fresh ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    private struct Page {
        var overview: String
        var usage: String
        var options: [(String, String)]
        var examples: [String]

        init(overview: String, usage: String, options: [(String, String)], examples: [String]) {
            self.overview = overview
            self.usage = usage
            self.options = options
            self.examples = examples
        }

        /// The page of a command declared by a table.
        init(_ spec: CommandSpec, fr: Bool) {
            self.init(
                overview: fr ? spec.french : spec.english, usage: spec.usage,
                options: spec.options.map { ($0.label, fr ? $0.french : $0.english) }, examples: spec.examples)
        }
    }

    private static func recordOptions(fr: Bool) -> [(String, String)] {
        [
            ("--effective AAAA-MM-JJ", fr ? "date du fait dans le monde (vote, signature, réunion) ; obligatoire" : "date of the fact in the world (vote, signature, meeting); required"),
            ("--by QUI", fr ? "qui enregistre (personne ou service) ; obligatoire" : "who records it (person or service); required"),
            ("--id ID", fr ? "id de l'événement (défaut : un UUID) ; le même événement rejoué ne s'ajoute pas deux fois" : "event id (default: a UUID); the same event again is not appended twice"),
            ("--expect-seq N", fr ? "refuse si la dernière ligne n'est plus N (quelqu'un a écrit entre-temps)" : "refuse if the last line is no longer N (someone wrote meanwhile)"),
            ("--recorded HORODATAGE", fr ? "horodatage d'enregistrement imposé (reprise d'un registre papier), AAAA-MM-JJTHH:MM:SSZ" : "imposed recording time (importing a paper register), YYYY-MM-DDTHH:MM:SSZ"),
            ("--keep-unknown", fr ? "garder un membre inconnu voulu (sinon refusé, avec le nom connu le plus proche)" : "keep a deliberate unknown member (otherwise refused, with the nearest known name)"),
            ("--allow-contact", fr ? "accepter une adresse électronique ou un téléphone de partenaire hors signataire (docs/privacy.md)" : "accept a partner's e-mail address or phone number outside a signatory (docs/privacy.md)"),
        ]
    }

    private static func page(_ topic: String, fr: Bool) -> Page? {
        switch topic {
        case "init":
            return Page(
                overview: fr ? "crée un registre et écrit sa ligne 1 (pact.drafted) ; n'écrase jamais un fichier existant." : "creates a ledger and writes its line 1 (pact.drafted); never overwrites an existing file.",
                usage: "pacte-ledger init FICHIER --pact ID --title TITRE --territory NOM --porteur ID --porteur-name NOM --porteur-kind TYPE --effective DATE --by QUI [options]",
                options: [
                    ("--pact ID", fr ? "identifiant du pacte" : "pact identifier"),
                    ("--title TITRE", fr ? "titre du pacte" : "pact title"),
                    ("--territory NOM", fr ? "nom du territoire" : "territory name"),
                    ("--department NUM", fr ? "numéro du département" : "département number"),
                    ("--commune INSEE", fr ? "code INSEE d'une commune (répétable)" : "a commune's INSEE code (repeatable)"),
                    ("--porteur ID", fr ? "identifiant du porteur (partenaire)" : "porteur's partner id"),
                    ("--porteur-name NOM", fr ? "nom du porteur" : "porteur's name"),
                    ("--porteur-kind TYPE", "state, region, department, epci, commune, ccas, caf, cpam, msa, france-travail, association, other"),
                    ("--porteur-body INSTANCE", fr ? "instance statutoire du porteur (conseil municipal…)" : "porteur's statutory body"),
                    ("--signatory NOM --role FONCTION", fr ? "signataire du porteur" : "porteur's signatory"),
                    ("--start DATE --end DATE", fr ? "durée de la convention (article 2)" : "duration of the convention (article 2)"),
                    ("--context TEXTE", fr ? "article 1 : contexte" : "article 1: context"),
                    ("--ambition TEXTE", fr ? "article 2 : objet et ambition" : "article 2: object and ambition"),
                    ("--governance-body NOM", fr ? "article 4 : instance de gouvernance" : "article 4: governance body"),
                    ("--governance-attached-to NOM", fr ? "comité existant auquel elle est adossée" : "existing committee it is attached to"),
                    ("--revision TEXTE", fr ? "article 5 : adhésion et révision" : "article 5: membership and revision"),
                    ("--data JSON", fr ? "ou tout le contenu pact.drafted en JSON (voir « template pact.drafted »)" : "or the whole pact.drafted payload as JSON (see \"template pact.drafted\")"),
                ] + recordOptions(fr: fr).filter { $0.0 != "--expect-seq N" },
                examples: [
                    "pacte-ledger init pacte.jsonl --pact val-2025 --title \"Pacte local du Val (fictif)\" --territory \"CC du Val\" \\",
                    "    --porteur cc-val --porteur-name \"CC du Val\" --porteur-kind epci --porteur-body \"conseil communautaire\" \\",
                    "    --effective 2025-01-15 --by secretariat@cc-val.invalid",
                ])
        case "record":
            return Page(
                overview: fr ? "ajoute un événement au registre ; le contenu (data) est lu de --data, d'un fichier (@fichier) ou de l'entrée standard." : "appends an event; its payload (data) comes from --data, a file (@file) or standard input.",
                usage: "pacte-ledger record FICHIER TYPE --effective DATE --by QUI [--data JSON | --data @fichier.json | < data.json]",
                options: [("--data JSON|@FICHIER|-", fr ? "contenu de l'événement ; absent ou « - » : lu sur l'entrée standard" : "event payload; absent or \"-\": read from standard input")]
                    + recordOptions(fr: fr),
                examples: [
                    "pacte-ledger template priority.set > p1.json   " + (fr ? "# puis modifier p1.json" : "# then edit p1.json"),
                    "pacte-ledger record pacte.jsonl priority.set --effective 2025-02-12 --by secretariat --data @p1.json",
                    "pacte-ledger record pacte.jsonl partner.withdrew --effective 2026-01-05 --by secretariat \\",
                    "    --data '{\"partnerId\":\"asso-x\",\"reason\":\"Dissolution\"}'",
                ])
        case "template":
            return Page(
                overview: fr ? "affiche un contenu (data) d'exemple pour un type d'événement, à copier et modifier." : "prints a sample payload (data) for an event type, to copy and edit.",
                usage: "pacte-ledger template TYPE",
                options: [("TYPE", EventType.allCases.map(\.rawValue).joined(separator: ", ")
                    + (fr ? " ; ou fiche-action : la fiche texte de « add-action --sheet »" : "; or action-sheet: the text sheet of \"add-action --sheet\""))],
                examples: ["pacte-ledger template action.added > a1.json", "pacte-ledger template fiche-action > a1.txt"])
        case "log":
            return Page(
                overview: fr ? "liste les événements du registre, une ligne chacun." : "lists the ledger's events, one line each.",
                usage: "pacte-ledger log FICHIER [--type TYPE]… [--since DATE] [--ids] [--json]",
                options: [
                    ("--type TYPE", fr ? "seulement ce type d'événement (répétable)" : "only this event type (repeatable)"),
                    ("--since DATE", fr ? "seulement les faits datés de ce jour ou après" : "only facts dated on or after this day"),
                    ("--ids", fr ? "affiche l'id de chaque événement sous sa ligne (une commande accepte le numéro de ligne ou l'id)" : "shows each event's id under its line (a command accepts the line number or the id)"),
                ],
                examples: ["pacte-ledger log ledgers/pacte-coteaux-aussonne.jsonl --type approval.voted --type signature.received"])
        case "verify":
            return Page(
                overview: fr ? "vérifie la séquence, la chaîne et chaque hash ; affiche l'empreinte (digest) et le nombre d'événements. Code 0 valide, 1 altéré ou cassé, 2 illisible." : "checks sequence, chain and every hash; prints the digest and the event count. Exit 0 valid, 1 tampered or broken, 2 unreadable.",
                usage: "pacte-ledger verify FICHIER… [--digest HEX]",
                options: [("--digest HEX", fr ? "empreinte publiée auparavant : prouve que le registre n'a été qu'étendu depuis" : "a digest published earlier: proves the ledger was only appended to since")],
                examples: ["pacte-ledger verify ledgers/pacte-coteaux-aussonne.jsonl",
                           "pacte-ledger verify pacte.jsonl --digest e4dba32a77c76bc1dfc8afe9fbfe42376d5db986909d5a3d6ef71dae2f449962"])
        case "repair":
            return Page(
                overview: fr ? "après un arrêt brutal, déplace la ligne interrompue dans un fichier à côté du registre (rien n'est perdu) et tronque le registre à sa dernière ligne complète." : "after a crash, moves the interrupted line to a side file next to the ledger (nothing is lost) and truncates the ledger to its last complete line.",
                usage: "pacte-ledger repair FICHIER",
                options: [],
                examples: ["pacte-ledger repair pacte.jsonl"])
        case "state":
            return Page(
                overview: fr ? "le pacte tel qu'il était à une date : statut, partenaires, priorités, fiches-action, engagements, avenants." : "the pact as it stood on a date: status, partners, priorities, action sheets, commitments, amendments.",
                usage: "pacte-ledger state FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
                options: ProjectionDates.help(fr: fr, today: (
                    "sans --as-of, le pacte tel qu'il est ce jour-là (sans ces deux options : tous les faits)",
                    "without --as-of, the pact as it stands that day (without either: every fact)")),
                examples: ["pacte-ledger state ledgers/pacte-coteaux-aussonne.jsonl --as-of 2025-06-30",
                           "pacte-ledger state ledgers/pacte-coteaux-aussonne.jsonl --as-of 2025-06-30 --known-at 2025-07-01"])
        case "history":
            return Page(
                overview: fr ? "historique des modifications (audit) : qui a changé quoi, quand, par quel avenant ; prorogations ; corrections." : "amendment history (audit): who changed what, when, under which amendment; extensions; corrections.",
                usage: "pacte-ledger history FICHIER [--action ID] [--since DATE] [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
                options: [
                    ("--action ID", fr ? "seulement cette fiche-action" : "only this action sheet"),
                    ("--since DATE", fr ? "seulement à partir de cette date" : "only from this date"),
                ] + ProjectionDates.help(fr: fr, today: (
                    "sans --as-of, l'historique jusqu'à ce jour-là (sans ces deux options : tous les faits)",
                    "without --as-of, the history up to that day (without either: every fact)")),
                examples: ["pacte-ledger history ledgers/pacte-coteaux-aussonne.jsonl --action A2"])
        case "timeline":
            return Page(
                overview: fr ? "calendrier de signature (6 mois) de la convention et des avenants, partenaires en retard, fenêtres des actions financées par l'État, réunions dues." : "signing timeline (6 months) of the convention and amendments, late partners, State-funded action windows, meetings due.",
                usage: "pacte-ledger timeline FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
                options: ProjectionDates.help(fr: fr, today: (
                    "les délais sont appréciés ce jour-là ; sans --as-of, le pacte tel qu'il est ce jour-là",
                    "deadlines are judged that day; without --as-of, the pact as it stands that day")),
                examples: ["pacte-ledger timeline ledgers/pacte-coteaux-aussonne.jsonl --today 2025-09-01"])
        case "agenda":
            return Page(
                overview: fr ? "l'échéancier : ce qui est dû et quand — délibérations et signatures attendues (date cible à 6 mois, jours restants), fin des actions financées par l'État (12 mois, 31/12/N+1), prorogations à décider, réunion annuelle de gouvernance, engagements prévus non votés (cette année et la suivante). --ics écrit un calendrier iCalendar (Outlook, Thunderbird) : un nouvel import met à jour les échéances au lieu de les dupliquer." : "the agenda: what is due and when — approval votes and signatures awaited (6-month target date, days left), ends of State-funded actions (12 months, 31 December N+1), extensions to decide, the yearly governance meeting, commitments planned but not voted (this year and next). --ics writes an iCalendar file (Outlook, Thunderbird): importing it again updates the deadlines instead of duplicating them.",
                usage: "pacte-ledger agenda FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--ics [--output CHEMIN]] [--json]",
                options: ProjectionDates.help(fr: fr, today: (
                    "les jours restants sont comptés depuis ce jour ; sans --as-of, le pacte tel qu'il est ce jour-là",
                    "days left are counted from that day; without --as-of, the pact as it stands that day")) + [
                    ("--ics", fr ? "calendrier iCalendar (RFC 5545) au lieu du texte" : "an iCalendar file (RFC 5545) instead of text"),
                    ("--output CHEMIN", fr ? "écrit le calendrier dans ce fichier" : "writes the calendar to that file"),
                ],
                examples: [
                    "pacte-ledger agenda ledgers/pacte-coteaux-aussonne.jsonl --today 15/03/2025",
                    "pacte-ledger agenda pacte.jsonl --ics --output pacte.ics",
                ])
        case "check":
            return Page(
                overview: fr ? "contrôle chaque règle de la note d'orientation (rules.md) ; code 1 si une erreur est trouvée." : "checks every rule of the guidance (rules.md); exit 1 when an error is found.",
                usage: "pacte-ledger check FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json]",
                options: ProjectionDates.help(fr: fr, today: (
                    "les délais sont appréciés au plus tôt de ce jour et de --as-of",
                    "deadlines are judged at the earlier of that day and --as-of")),
                examples: ["pacte-ledger check ledgers/pacte-coteaux-aussonne.jsonl", "pacte-ledger check pacte.jsonl --json --lang en"])
        case "summary":
            return Page(
                overview: fr ? "une ligne par pacte (fichiers ou dossiers de *.jsonl) : territoire, statut, en vigueur depuis, signatures, crédits de l'État (par année avec --json ou --csv ; le tableau donne leur total et les totaux par année), cofinancement, erreurs et avertissements ; puis les totaux. Un registre illisible est signalé sur sa ligne sans arrêter les autres." : "one row per pact (files or folders of *.jsonl): territory, status, in force since, signatures, State cash (per year with --json or --csv; the table gives its total and the totals per year), co-financing, errors and warnings; then totals. A broken ledger is reported on its row and does not stop the others.",
                usage: "pacte-ledger summary CHEMIN… [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--json | --csv [--separator ;]]",
                options: ProjectionDates.help(fr: fr, today: (
                    "les règles à échéance sont appréciées au plus tôt de ce jour et de --as-of",
                    "deadline rules are judged at the earlier of that day and --as-of")) + [
                    ("--csv", fr ? "sortie CSV (RFC 4180)" : "CSV output (RFC 4180)"),
                    ("--separator , | ;", fr ? "séparateur CSV (« ; » pour les tableurs français)" : "CSV separator (\";\" for French spreadsheets)"),
                ],
                examples: ["pacte-ledger summary ledgers/", "pacte-ledger summary /partage/pactes/ --csv --separator ';' > pactes.csv"])
        case "report":
            return Page(
                overview: fr ? "le pacte comme document : convention, annexes, fiches partenaires, calendrier de signature et budget en graphiques, historique et contrôles ; HTML imprimable (A4) ou Markdown." : "the pact as a document: convention, annexes, partner sheets, signing timeline and budget charts, history and checks; printable HTML (A4) or Markdown.",
                usage: "pacte-ledger report FICHIER [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--format html|markdown] [--output CHEMIN] [--sections all|convention]",
                options: ProjectionDates.help(fr: fr, today: (
                    "les délais sont appréciés au plus tôt de ce jour et de --as-of",
                    "deadlines are judged at the earlier of that day and --as-of")) + [
                    ("--format F", fr ? "html (défaut) ou markdown" : "html (default) or markdown"),
                    ("--sections S", fr ? "all (défaut) ou convention : la convention, ses annexes et les pages de signature seules" : "all (default) or convention: only the convention, its annexes and the signature pages"),
                    ("--output CHEMIN", fr ? "fichier à écrire (défaut : sortie standard)" : "file to write (default: standard output)"),
                ],
                examples: ["pacte-ledger report ledgers/pacte-coteaux-aussonne.jsonl --output rapport.html",
                           "pacte-ledger report ledgers/pacte-coteaux-aussonne.jsonl --format markdown --as-of 2025-12-31"])
        case "export":
            return Page(
                overview: fr ? "une table en CSV (RFC 4180, UTF-8, avec en-tête) : engagements, actions ou signatures, pour un tableur." : "one table as CSV (RFC 4180, UTF-8, with a header): commitments, actions or signatures, for a spreadsheet.",
                usage: "pacte-ledger export FICHIER --table commitments|actions|signatures [--as-of DATE] [--known-at HORODATAGE] [--today DATE] [--separator ,|; | --excel] [--output CHEMIN]",
                options: [
                    ("--table T", fr ? "commitments (une ligne par ligne d'engagement), actions, signatures" : "commitments (one row per commitment line), actions, signatures"),
                ] + ProjectionDates.help(fr: fr, today: (
                    "les retards de signature sont appréciés au plus tôt de ce jour et de --as-of",
                    "late signatures are judged at the earlier of that day and --as-of")) + [
                    ("--separator , | ;", fr ? "séparateur (« ; » pour les tableurs français)" : "separator (\";\" for French spreadsheets)"),
                    ("--excel", fr ? "pour Excel en français : marque d'ordre UTF-8, « ; », en-têtes, mots et dates en français, virgule décimale (sans --excel : RFC 4180, en-têtes anglais stables pour les programmes)" : "for French Excel: UTF-8 byte-order mark, \";\", French headers, words and dates, decimal comma (without --excel: RFC 4180, stable English headers for programs)"),
                    ("--output CHEMIN", fr ? "fichier à écrire (défaut : sortie standard)" : "file to write (default: standard output)"),
                ],
                examples: ["pacte-ledger export ledgers/pacte-coteaux-aussonne.jsonl --table signatures --excel --output signatures.csv",
                           "pacte-ledger export ledgers/pacte-coteaux-aussonne.jsonl --table commitments --separator ';' > engagements.csv"])
        default:
            return nil
        }
    }

    private static func overview(fr: Bool) -> String {
        let lines: [(String, String)] = [
            ("init", fr ? "crée un registre (ligne 1 : pact.drafted)" : "creates a ledger (line 1: pact.drafted)"),
            ("record", fr ? "ajoute un événement (contenu JSON)" : "appends an event (JSON payload)"),
            ("template", fr ? "affiche un contenu d'exemple pour un type" : "prints a sample payload for a type"),
        ] + CommandSpec.all.map { ($0.name, fr ? $0.shortFrench : $0.shortEnglish) } + [
            ("log", fr ? "liste les événements" : "lists the events"),
            ("verify", fr ? "vérifie la chaîne de hachage" : "verifies the hash chain"),
            ("repair", fr ? "répare une fin de fichier interrompue" : "repairs an interrupted tail"),
            ("state", fr ? "le pacte à une date" : "the pact on a date"),
            ("history", fr ? "historique des modifications" : "amendment history"),
            ("timeline", fr ? "calendrier de signature et échéances" : "signing timeline and deadlines"),
            ("agenda", fr ? "ce qui est dû et quand (texte ou calendrier .ics)" : "what is due and when (text or .ics calendar)"),
            ("check", fr ? "contrôle des règles" : "rule checks"),
            ("summary", fr ? "une ligne par pacte, sur plusieurs registres" : "one row per pact, over many ledgers"),
            ("report", fr ? "le pacte en document HTML ou Markdown" : "the pact as an HTML or Markdown document"),
            ("export", fr ? "une table en CSV" : "one table as CSV"),
        ]
        var text = fr
            ? "APERÇU : registre infalsifiable d'un pacte local des solidarités (événements ajoutés, jamais modifiés, chaînés par SHA-256).\n\nUTILISATION :\n  pacte-ledger COMMANDE [FICHIER] [options]\n\nCOMMANDES :\n"
            : "OVERVIEW: tamper-evident ledger of a local solidarity pact (events appended, never changed, chained by SHA-256).\n\nUSAGE:\n  pacte-ledger COMMAND [FILE] [options]\n\nCOMMANDS:\n"
        for (name, description) in lines {
            text += "  " + name + String(repeating: " ", count: 20 - name.count) + description + "\n"
        }
        text += fr
            ? "\nOPTIONS :\n  --lang fr|en        langue des messages (défaut : fr)\n  --json              sortie JSON pour les programmes\n  -h, --help          aide ; « pacte-ledger COMMANDE --help » pour une commande\n"
            : "\nOPTIONS:\n  --lang fr|en        language of messages (default: fr)\n  --json              JSON output for programs\n  -h, --help          help; \"pacte-ledger COMMAND --help\" for one command\n"
        text += fr ? "\nEXEMPLES :\n" : "\nEXAMPLES:\n"
        text += "  pacte-ledger verify ledgers/pacte-coteaux-aussonne.jsonl\n  pacte-ledger check ledgers/pacte-coteaux-aussonne.jsonl --lang en\n  pacte-ledger record --help\n"
        return text
    }
}

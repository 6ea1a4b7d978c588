import PacteDocuments
import PacteEvents
import PacteProjections

/// The help of every command, OVERVIEW / USAGE / OPTIONS / EXAMPLES, in French or English.
enum Help {
    static func text(for topic: String?, in language: Language) -> String {
        let fr = language == .french
        if topic == "version" { return "pacte-ledger 1.0 (format v1)\n" }
        guard let spec = topic.flatMap(CommandSpec.named) else {
            return overview(fr: fr).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.count > 80 ? Display.wrapped(String($0), width: 80, indent: "  ") : String($0) }
                .joined(separator: "\n")
        }
        var text = Display.wrapped((fr ? "APERÇU : " : "OVERVIEW: ") + (fr ? spec.french : spec.english), width: 80, indent: "  ") + "\n\n"
        text += (fr ? "UTILISATION :" : "USAGE:") + "\n" + Display.shellLines(spec.usage) + "\n"
        text += (fr ? "OPTIONS :" : "OPTIONS:") + "\n"
        let json: [(String, String)]
        switch spec.json {
        case .never: json = []
        case .withOutput:
            json = [("--json", fr ? "avec --output : dit en JSON le fichier écrit et sa taille" : "with --output: the file written and its size, in JSON")]
        case .always: json = [("--json", fr ? "sortie JSON pour les programmes" : "JSON output for programs")]
        }
        let options = spec.arguments.map { ($0.label, fr ? $0.french : $0.english) }
            + spec.options.filter(\.isListed).map { ($0.label, fr ? $0.french : $0.english) } + json + [
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
        for example in spec.examples { text += Display.shellLines(example) }
        return text
    }

    private static func overview(fr: Bool) -> String {
        let lines = CommandSpec.all.map { ($0.name, fr ? $0.shortFrench : $0.shortEnglish) }
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

import PacteDocuments
import PacteEvents
import PacteProjections

/// The text sheet a secretariat fills in for `add-action --sheet`: one `clé : valeur`
/// per line (French keys, or the option names), `#` starts a comment, a repeatable key
/// comes back on several lines. Read into the options it stands for, so that a sheet and
/// the flags build the same event.
enum ActionSheetFile {
    /// `arguments` with `--sheet PATH` followed by the options its lines stand for
    /// (options typed on the command line come after, and complete or override them).
    static func expand(_ arguments: [String], read: (String) throws(InputError) -> [UInt8]) throws -> [String] {
        guard arguments.first == "add-action" else { return arguments }
        var path: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--sheet", index + 1 < arguments.count { path = arguments[index + 1] }
            if argument.hasPrefix("--sheet=") { path = String(argument.dropFirst("--sheet=".count)) }
        }
        guard let path else { return arguments }
        let bytes = try read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw UsageError.invalidValue(option: "sheet", value: path, expected: "un fichier texte UTF-8 / a UTF-8 text file", command: "add-action")
        }
        return [arguments[0]] + (try options(in: text, path: path)) + arguments.dropFirst()
    }

    /// The options a sheet's lines stand for.
    static func options(in text: String, path: String) throws(UsageError) -> [String] {
        var options: [String] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let line = String(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine).trimmingSpaces()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw .sheetLine(file: path, line: index + 1, text: line, command: "add-action")
            }
            let key = String(line[..<colon]).trimmingSpaces()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces()
            guard let option = option(forKey: key) else {
                throw .sheetLine(file: path, line: index + 1, text: line, command: "add-action")
            }
            if value.isEmpty { continue }
            options += ["--" + option, value]
        }
        return options
    }

    /// The option a key stands for: its French key or its option name, case and accents aside.
    static func option(forKey key: String) -> String? {
        let folded = fold(key)
        return ActionSheetForm.fields.first { fold($0.key) == folded || fold($0.field.name) == folded }?.field.name
    }

    private static func fold(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.compactMap { scalar -> Character? in
            switch scalar {
            case "é", "è", "ê", "ë": "e"
            case "à", "â": "a"
            case "ô": "o"
            case "î", "ï": "i"
            case "û", "ù": "u"
            case "ç": "c"
            case " ", "-", "_": nil
            default: Character(scalar)
            }
        })
    }

    /// The sheet to fill in, as `template fiche-action` prints it.
    static let template = """
        # Fiche-action du pacte — à remplir puis enregistrer :
        #   pacte-ledger add-action pacte.jsonl --sheet CE-FICHIER --effective 12/02/2025 --by secretariat
        # Une rubrique par ligne « clé : valeur ». Les rubriques marquées (répétable) peuvent
        # revenir sur plusieurs lignes. Une ligne vide ou commençant par # est ignorée ; une
        # rubrique laissée vide aussi. Dates 15/03/2025, montants en euros (12 500,00).
        action : A1
        priorité : P1
        titre : Titre de l'action
        résumé : Courte présentation de l'action.
        # (répétable)
        objectif : Objectif 1
        objectif : Objectif 2
        périmètre : Communes du territoire
        # enfants, jeunes, familles monoparentales, personnes exclues, travailleurs pauvres, autre : texte (répétable)
        public : enfants
        # mesure du pacte national (1 à 25), ou sinon une justification locale
        mesure : 1
        justification :
        début : 01/09/2025
        fin : 31/08/2026
        # date : libellé (répétable)
        jalon : 15/01/2026 : Bilan d'étape
        # partenaire : rôle (répétable)
        partenaire : cc-exemple : Porteur de l'action
        # partenaire : année : euros : base (dédiés, droit commun contractualisé, droit commun) : source (répétable)
        financement : cc-exemple : 2025 : 20 000,00 : dédiés : Budget général
        # partenaire : euros : description (répétable)
        en nature : cc-exemple : 3 000,00 : Mise à disposition d'une salle
        # nom : unité : cible (répétable)
        indicateur : Familles accompagnées : familles : 40
        impact indicateur : Part des familles dont la situation s'améliore à 6 mois
        impact référence : 0
        impact cible : 60 %
        impact méthode : Questionnaire avant / après
        # ou, sans indicateur d'impact, pourquoi :
        impact dérogation :
        participation : Groupe témoin de 8 parents.
        groupe témoin : oui
        # conception, mise en œuvre, évaluation (répétable)
        étape : conception
        étape : évaluation
        fiche participation : non
        # avenant qui porte l'action, si elle est ajoutée après l'entrée en vigueur de la convention
        avenant :

        """
}

import PacteEvents

/// The text sheet a secretariat fills in for `add-action --sheet`: one `clé : valeur`
/// per line (French keys, or the field names), `#` starts a comment, a repeatable key
/// comes back on several lines, an empty value is left out.
extension ActionSheetForm {
    /// A line that is not `clé : valeur` with a known key (`line` counts from 1).
    public struct UnknownLine: Error, Sendable, Hashable {
        public var line: Int
        public var text: String

        public init(line: Int, text: String) {
            self.line = line
            self.text = text
        }
    }

    /// The fields a sheet's lines fill, each with its value, in the order of the lines.
    public static func values(in text: String) throws(UnknownLine) -> [(field: String, value: String)] {
        var values: [(field: String, value: String)] = []
        // `\r\n` (a sheet saved on Windows) is one character, a newline, like `\n`.
        for (index, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = TypedForm.trimmed(String(rawLine))
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), let field = field(forKey: String(line[..<colon])) else {
                throw UnknownLine(line: index + 1, text: line)
            }
            let value = TypedForm.trimmed(String(line[line.index(after: colon)...]))
            if !value.isEmpty { values.append((field, value)) }
        }
        return values
    }

    /// The field a key stands for: its French key or its field name, case and accents aside.
    public static func field(forKey key: String) -> String? {
        let folded = fold(TypedForm.trimmed(key))
        return fields.first { fold($0.key) == folded || fold($0.field.name) == folded }?.field.name
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
    public static let template = """
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

import PacteEvents
import PacteProjections

/// An append the ledger refused for a command typed with options (`approve --partner
/// nobody`), told in the words the person typed: the option rather than the JSON member,
/// the ids the ledger knows, and the file without a line number, since no line was written.
enum RecordRefusal: Error {
    /// An id that names nothing in the lines before.
    case unknownReference(file: String, option: String, id: String, kind: LedgerError.ReferenceKind, known: [String])
    /// An option whose value the format cannot hold.
    case invalidOption(file: String, option: String, FieldError)
    /// Any other refusal, with the ledger's own words but no line number.
    case refused(file: String, message: String)
    /// A refusal whose message already says what to do and that nothing was written.
    case explained(message: String)

    /// The refusal of `error` for a command declared by `spec`, or `nil` when `error` is
    /// not a refusal of the line that was to be written (`nextLine`).
    static func translating(
        _ error: LedgerError, spec: CommandSpec?, file: String, nextLine: Int, events: [LedgerEvent], language: Language
    ) -> RecordRefusal? {
        guard error.line == nextLine else { return nil }
        switch error {
        case .unresolvedReference(_, let path, let kind, let id):
            let option = spec?.option(forMember: path) ?? path
            return .unknownReference(file: file, option: option, id: id, kind: kind, known: kind.ids(in: events))
        case .refused:
            // A fact that cannot be true: the message names the option and what to do.
            let message = error.message(in: language, optionNames: spec?.optionNames ?? ["effective": "--effective"])
            let prefix = "\(file):\(nextLine)"
            return .explained(message: message.hasPrefix(prefix) ? file + message.dropFirst(prefix.count) : message)
        case .invalidMember(_, let field):
            if let option = spec?.option(forMember: field.path) { return .invalidOption(file: file, option: option, field) }
            fallthrough
        default:
            let message = error.message(in: language)
            let prefix = "\(file):\(nextLine)"
            let rest = message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : " : " + message
            return .refused(file: file, message: file + rest)
        }
    }

    func message(in language: Language) -> String {
        let fr = language == .french
        switch self {
        case .unknownReference(let file, let option, let id, let kind, let known):
            let (name, plural) = Self.names(kind, fr: fr)
            let e = kind == .partner ? "" : "e"  // partenaire is masculine here; action, priorité, demande, ligne are not
            let list = known.isEmpty ? (fr ? "aucun\(e) pour l'instant" : "none yet") : known.joined(separator: ", ")
            return fr
                ? "\(file) : \(option) « \(id) » : \(name) inconnu\(e) dans ce registre (\(plural) connu\(e)s : \(list)) ; rien n'a été écrit"
                : "\(file): \(option) \"\(id)\": unknown \(name) in this ledger (known \(plural): \(list)); nothing written"
        case .invalidOption(let file, let option, let field):
            let expected = field.expected.description(in: language)
            if let found = field.found {
                return fr ? "\(file) : \(option) : attendu \(expected), trouvé \(found) ; rien n'a été écrit"
                    : "\(file): \(option): expected \(expected), found \(found); nothing written"
            }
            return fr ? "\(file) : \(option) est obligatoire (attendu \(expected)) ; rien n'a été écrit"
                : "\(file): \(option) is required (expected \(expected)); nothing written"
        case .refused(_, let message):
            return message + (fr ? " ; rien n'a été écrit" : "; nothing written")
        case .explained(let message):
            return message
        }
    }

    private static func names(_ kind: LedgerError.ReferenceKind, fr: Bool) -> (String, String) {
        switch kind {
        case .partner: fr ? ("partenaire", "partenaires") : ("partner", "partners")
        case .action: fr ? ("action", "actions") : ("action", "actions")
        case .priority: fr ? ("priorité", "priorités") : ("priority", "priorities")
        case .extensionRequest: fr ? ("demande de prorogation", "demandes (lignes)") : ("extension request", "requests (lines)")
        case .event: fr ? ("ligne", "lignes") : ("line", "lines")
        }
    }
}

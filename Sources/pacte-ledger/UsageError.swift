import PacteEvents
import PacteProjections

/// A command line that cannot be run as written. Exit code 2.
enum UsageError: Error, Equatable {
    case missingCommand
    case unknownCommand(String)
    case unknownOption(String, command: String)
    case missingValue(option: String, command: String)
    case missingOption(option: String, command: String)
    case missingFile(command: String)
    case missingEventType(command: String)
    case unknownEventType(String, command: String)
    case unexpectedArgument(String, command: String)
    case invalidValue(option: String, value: String, expected: String, command: String)
    case conflictingOptions(String, String, command: String)
    /// A date, year, amount or word typed as an option's value that cannot be used.
    case unusableValue(option: String, value: String, TypedInputError, command: String)
    /// A line of an action sheet file (`add-action --sheet`) that is not `clé : valeur`
    /// with a known key.
    case sheetLine(file: String, line: Int, text: String, command: String)
    /// `--json` given to a command whose output has no JSON form.
    /// (`withOutput`: it has one with `--output`, saying what was written.)
    case jsonNotAvailable(command: String, withOutput: Bool = false)

    /// A field of a form the options of `command` filled, that cannot be used.
    init(_ error: FormError, command: String) {
        switch error {
        case .missing(let field): self = .missingOption(option: field, command: command)
        case .invalid(let field, let value, let expected): self = .invalidValue(option: field, value: value, expected: expected, command: command)
        case .unusable(let field, let value, let reason): self = .unusableValue(option: field, value: value, reason, command: command)
        case .conflicting(let first, let second): self = .conflictingOptions(first, second, command: command)
        }
    }

    var command: String? {
        switch self {
        case .missingCommand, .unknownCommand: nil
        case .unknownOption(_, let command), .missingValue(_, let command), .missingOption(_, let command),
            .missingFile(let command), .missingEventType(let command), .unknownEventType(_, let command),
            .unexpectedArgument(_, let command), .invalidValue(_, _, _, let command),
            .conflictingOptions(_, _, let command), .unusableValue(_, _, _, let command),
            .sheetLine(_, _, _, let command), .jsonNotAvailable(let command, _):
            command
        }
    }

    func message(in language: Language) -> String {
        let fr = language == .french
        let text: String
        switch self {
        case .missingCommand:
            text = fr ? "aucune commande donnée" : "no command given"
        case .unknownCommand(let name):
            text = fr ? "commande inconnue « \(name) »" : "unknown command \"\(name)\""
        case .unknownOption(let option, _):
            text = fr ? "option inconnue \(option)" : "unknown option \(option)"
        case .missingValue(let option, _):
            text = fr ? "l'option --\(option) attend une valeur" : "option --\(option) needs a value"
        case .missingOption(let option, _):
            text = fr ? "l'option --\(option) est obligatoire" : "option --\(option) is required"
        case .missingFile:
            text = fr ? "le fichier du registre (FICHIER) est obligatoire" : "the ledger file (FILE) is required"
        case .missingEventType:
            text = fr ? "le type d'événement (TYPE, par exemple approval.voted) est obligatoire"
                : "the event type (TYPE, e.g. approval.voted) is required"
        case .unknownEventType(let name, _):
            let known = EventType.allCases.map(\.rawValue).joined(separator: ", ")
            text = fr ? "type d'événement inconnu « \(name) » (attendu l'un de : \(known))"
                : "unknown event type \"\(name)\" (expected one of: \(known))"
        case .unexpectedArgument(let argument, _):
            text = fr ? "argument inattendu « \(argument) »" : "unexpected argument \"\(argument)\""
        case .invalidValue(let option, let value, let expected, _):
            text = fr ? "--\(option) « \(value) » : attendu \(expected)" : "--\(option) \"\(value)\": expected \(expected)"
        case .conflictingOptions(let first, let second, _):
            text = fr ? "--\(first) et --\(second) ne vont pas ensemble" : "--\(first) and --\(second) cannot be combined"
        case .unusableValue(let option, let value, let reason, _):
            text = fr ? "--\(option) « \(value) » : \(reason.message(in: language))"
                : "--\(option) \"\(value)\": \(reason.message(in: language))"
        case .sheetLine(let file, let line, let content, _):
            let keys = ActionSheetForm.fields.map(\.key).joined(separator: ", ")
            text = fr ? "\(file):\(line) : « \(content) » n'est pas une rubrique « clé : valeur » connue (clés : \(keys) ; voir « pacte-ledger template fiche-action »)"
                : "\(file):\(line): \"\(content)\" is not a known \"key: value\" line (keys: \(keys); see \"pacte-ledger template action-sheet\")"
        case .jsonNotAvailable(let command, let withOutput):
            text = withOutput
                ? (fr ? "--json ne s'applique à « \(command) » qu'avec --output (il dit alors en JSON le fichier écrit) ; le document lui-même n'a pas de forme JSON"
                    : "--json applies to \"\(command)\" only with --output (it then tells the file written, in JSON); the document itself has no JSON form")
                : (fr ? "--json ne s'applique pas à « \(command) », dont la sortie n'a pas de forme JSON"
                    : "--json does not apply to \"\(command)\", whose output has no JSON form")
        }
        let help = command.map { "pacte-ledger \($0) --help" } ?? "pacte-ledger --help"
        return fr ? "erreur : \(text) (voir « \(help) »)" : "error: \(text) (see \"\(help)\")"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Everything that can go wrong with a ledger file, as values. Each message names the
/// file, the line (which is the line's `seq`), the member's path and what was expected.
public enum LedgerError: Error, Sendable, Hashable {
    /// What kind of thing a reference names.
    public enum ReferenceKind: String, Sendable, Hashable {
        case partner, action, priority, extensionRequest, event
    }

    // The file itself.
    case fileNotFound(path: String)
    case isDirectory(path: String)
    /// A FIFO, a socket or a device: never opened as a ledger (it could block or never end).
    case notARegularFile(path: String)
    case symbolicLink(path: String)
    case permissionDenied(path: String, operation: FileOperation)
    case alreadyExists(path: String)
    case inputOutput(path: String, operation: FileOperation, code: Int32)
    case empty(path: String)

    // One line.
    case malformedLine(LedgerLocation, JSONSyntaxError)
    case hashNotLast(LedgerLocation)
    case invalidMember(LedgerLocation, FieldError)
    case unknownType(LedgerLocation, String)
    case sequenceGap(LedgerLocation, expected: Int, found: Int)
    case chainBroken(LedgerLocation, expected: String, found: String)
    case hashMismatch(LedgerLocation, computed: String, written: String)
    case recordedWentBackwards(LedgerLocation, previous: Timestamp, found: Timestamp)
    case duplicateId(LedgerLocation, id: String, firstLine: Int)
    case firstLineNotDrafted(LedgerLocation, found: String)
    case secondPactDrafted(LedgerLocation)
    case unresolvedReference(LedgerLocation, path: String, kind: ReferenceKind, id: String)
    case tornTail(path: String, line: Int, byteCount: Int)

    // Appending.
    case idConflict(LedgerLocation, id: String, existingLine: Int)
    case sequenceConflict(path: String, expected: Int, current: Int)
    /// The line about to be written, read back by the reader, is refused for the reason
    /// given: it is not written (what an append acknowledges, every reader reads).
    indirect case unreadableAppend(LedgerError)
    /// `--recorded` later than the clock (beyond ``LedgerFile/clockSkewSeconds``).
    case recordedInFuture(LedgerLocation, recorded: Timestamp, clock: Timestamp)
    /// The ledger's last line is recorded later than the clock: no line can follow it
    /// without `recorded` going backwards or a future time being written.
    case ledgerRecordedInFuture(LedgerLocation, lastRecorded: Timestamp, clock: Timestamp)
    /// A transaction time the format cannot write (a clock past year 9999).
    case recordedOutOfRange(LedgerLocation, Timestamp)

    /// The same error at `location` (decoding does not know the file; the reader does).
    func located(at location: LedgerLocation) -> LedgerError {
        switch self {
        case .unknownType(_, let type): .unknownType(location, type)
        default: self
        }
    }

    /// Whether the error says the ledger's content is wrong (tampered or broken), as
    /// opposed to a file that cannot be read at all.
    public var isContentProblem: Bool {
        switch self {
        case .fileNotFound, .isDirectory, .notARegularFile, .symbolicLink, .permissionDenied, .alreadyExists, .inputOutput:
            false
        default: true
        }
    }

    /// The line the error is about, if any.
    public var line: Int? {
        switch self {
        case .malformedLine(let location, _), .hashNotLast(let location), .invalidMember(let location, _),
            .unknownType(let location, _), .sequenceGap(let location, _, _), .chainBroken(let location, _, _),
            .hashMismatch(let location, _, _), .recordedWentBackwards(let location, _, _),
            .duplicateId(let location, _, _), .firstLineNotDrafted(let location, _), .secondPactDrafted(let location),
            .unresolvedReference(let location, _, _, _), .idConflict(let location, _, _),
            .recordedInFuture(let location, _, _), .ledgerRecordedInFuture(let location, _, _),
            .recordedOutOfRange(let location, _):
            location.line
        case .tornTail(_, let line, _): line
        case .unreadableAppend(let error): error.line
        default: nil
        }
    }

    public func message(in language: Language) -> String {
        let fr = language == .french
        switch self {
        case .fileNotFound(let path):
            return fr ? "\(path) : fichier introuvable" : "\(path): no such file"
        case .isDirectory(let path):
            return fr ? "\(path) : c'est un dossier, pas un registre (fichier .jsonl attendu)"
                : "\(path): is a folder, not a ledger (a .jsonl file was expected)"
        case .notARegularFile(let path):
            return fr ? "\(path) : ce n'est pas un fichier ordinaire (tube, socket ou périphérique), pas un registre (fichier .jsonl attendu)"
                : "\(path): is not a regular file (a pipe, socket or device), not a ledger (a .jsonl file was expected)"
        case .symbolicLink(let path):
            return fr ? "\(path) : c'est un lien symbolique ; un registre n'est jamais lu ni écrit à travers un lien (donnez le chemin du fichier lui-même)"
                : "\(path): is a symbolic link; a ledger is never read or written through a link (give the file's own path)"
        case .permissionDenied(let path, let operation):
            return fr ? "\(path) : permission refusée (\(operation.name(in: language)))"
                : "\(path): permission denied (\(operation.name(in: language)))"
        case .alreadyExists(let path):
            return fr ? "\(path) : le fichier existe déjà ; il n'est jamais écrasé"
                : "\(path): the file already exists; it is never overwritten"
        case .inputOutput(let path, let operation, let code):
            let reason = String(cString: strerror(code))
            return fr ? "\(path) : échec : \(operation.name(in: language)) (\(reason), errno \(code))"
                : "\(path): \(operation.name(in: language)) failed (\(reason), errno \(code))"
        case .empty(let path):
            return fr ? "\(path) : le registre est vide (0 octet, la ligne 1 doit être pact.drafted : un init interrompu ?) ; « pacte-ledger repair \(path) » le supprime, puis relancez init"
                : "\(path): the ledger is empty (0 bytes, line 1 must be pact.drafted: an interrupted init?); \"pacte-ledger repair \(path)\" removes it, then run init again"
        case .malformedLine(let location, let error):
            return fr ? "\(location) : JSON invalide à l'octet \(error.offset + 1) : \(Self.describe(error.reason, fr: true))"
                : "\(location): invalid JSON at byte \(error.offset + 1): \(Self.describe(error.reason, fr: false))"
        case .hashNotLast(let location):
            return fr ? "\(location) : la ligne doit se terminer par le membre \"hash\" (,\"hash\":\"<64 hex>\"})"
                : "\(location): the line must end with the \"hash\" member (,\"hash\":\"<64 hex>\"})"
        case .invalidMember(let location, let error):
            let path = error.path.isEmpty ? (fr ? "la ligne" : "the line") : error.path
            let expected = error.expected.description(in: language)
            if let found = error.found {
                return fr ? "\(location) : \(path) : attendu \(expected), trouvé \(found)"
                    : "\(location): \(path): expected \(expected), found \(found)"
            }
            return fr ? "\(location) : \(path) : membre obligatoire absent (attendu \(expected))"
                : "\(location): \(path): required member missing (expected \(expected))"
        case .unknownType(let location, let type):
            let known = EventType.allCases.map(\.rawValue).joined(separator: ", ")
            return fr ? "\(location) : type : type d'événement inconnu \"\(type)\" (attendu l'un de : \(known))"
                : "\(location): type: unknown event type \"\(type)\" (expected one of: \(known))"
        case .sequenceGap(let location, let expected, let found):
            return fr ? "\(location) : seq : attendu \(expected), trouvé \(found) (lignes manquantes, en trop ou déplacées)"
                : "\(location): seq: expected \(expected), found \(found) (lines missing, added or moved)"
        case .chainBroken(let location, let expected, let found):
            return fr ? "\(location) : prev : ne correspond pas au hash de la ligne précédente (attendu \(expected), trouvé \(found))"
                : "\(location): prev: does not match the previous line's hash (expected \(expected), found \(found))"
        case .hashMismatch(let location, let computed, let written):
            return fr ? "\(location) : hash : la ligne a été modifiée (hash calculé \(computed), écrit \(written))"
                : "\(location): hash: the line was altered (computed \(computed), written \(written))"
        case .recordedWentBackwards(let location, let previous, let found):
            return fr ? "\(location) : recorded : \(found) est antérieur à la ligne précédente (\(previous))"
                : "\(location): recorded: \(found) is earlier than the previous line (\(previous))"
        case .duplicateId(let location, let id, let firstLine):
            return fr ? "\(location) : id : \"\(id)\" est déjà l'id de la ligne \(firstLine)"
                : "\(location): id: \"\(id)\" is already the id of line \(firstLine)"
        case .firstLineNotDrafted(let location, let found):
            return fr ? "\(location) : type : la ligne 1 doit être pact.drafted, trouvé \(found)"
                : "\(location): type: line 1 must be pact.drafted, found \(found)"
        case .secondPactDrafted(let location):
            return fr ? "\(location) : type : pact.drafted n'est permis qu'en ligne 1"
                : "\(location): type: pact.drafted is allowed on line 1 only"
        case .unresolvedReference(let location, let path, let kind, let id):
            return fr ? "\(location) : \(path) : \(Self.name(of: kind, fr: true)) \"\(id)\" inconnu dans les lignes précédentes"
                : "\(location): \(path): unknown \(Self.name(of: kind, fr: false)) \"\(id)\" in the lines before"
        case .tornTail(let path, let line, let byteCount):
            return fr
                ? "\(path):\(line) : fin de fichier incomplète (\(byteCount) octets d'une ligne interrompue) ; lancez « pacte-ledger repair \(path) »"
                : "\(path):\(line): torn tail (\(byteCount) bytes of an interrupted line); run \"pacte-ledger repair \(path)\""
        case .idConflict(let location, let id, let existingLine):
            return fr ? "\(location) : id : \"\(id)\" est déjà l'id de la ligne \(existingLine), avec un autre contenu ; rien n'a été écrit"
                : "\(location): id: \"\(id)\" is already the id of line \(existingLine), with other content; nothing written"
        case .sequenceConflict(let path, let expected, let current):
            return fr
                ? "\(path) : le registre a avancé : seq attendu \(expected), seq actuel \(current) ; relisez-le puis réessayez (rien n'a été écrit)"
                : "\(path): the ledger moved on: expected seq \(expected), current seq \(current); read it again and retry (nothing written)"
        case .unreadableAppend(let error):
            return error.message(in: language)
                + (fr ? " ; la ligne ne pourrait pas être relue telle qu'écrite : rien n'a été écrit"
                    : "; the line could not be read back as written: nothing written")
        case .recordedInFuture(let location, let recorded, let clock):
            return fr
                ? "\(location) : recorded : \(recorded) (--recorded) est postérieur à l'horloge de cette machine (\(clock)) ; une date d'enregistrement ne peut pas être future (donnez l'heure réelle de la saisie, en UTC) ; rien n'a été écrit"
                : "\(location): recorded: \(recorded) (--recorded) is later than this machine's clock (\(clock)); a transaction time cannot be in the future (give the real time of the entry, in UTC); nothing written"
        case .ledgerRecordedInFuture(let location, let lastRecorded, let clock):
            return fr
                ? "\(location) : recorded : la ligne \(location.line - 1) est enregistrée le \(lastRecorded), après l'horloge de cette machine (\(clock)) ; aucune ligne ne peut la suivre sans que « recorded » recule ou sans écrire une date future ; rien n'a été écrit. Si l'horloge est fausse, remettez-la à l'heure. Sinon la date vient d'un --recorded futur accepté par une version antérieure : ce registre reste lisible et vérifiable, mais ne peut plus recevoir de ligne avant \(lastRecorded) ; poursuivez dans un nouveau registre (init) et gardez celui-ci comme pièce"
                : "\(location): recorded: line \(location.line - 1) is recorded at \(lastRecorded), after this machine's clock (\(clock)); no line can follow it without \"recorded\" going backwards or a future time being written; nothing written. If the clock is wrong, set it right. Otherwise the time comes from a future --recorded accepted by an earlier version: this ledger stays readable and verifiable but can take no line before \(lastRecorded); go on in a new ledger (init) and keep this one as a record"
        case .recordedOutOfRange(let location, let recorded):
            return fr
                ? "\(location) : recorded : l'horloge de cette machine indique \(recorded), hors des années 0001 à 9999 que le format peut écrire ; remettez l'horloge à l'heure ; rien n'a été écrit"
                : "\(location): recorded: this machine's clock says \(recorded), outside the years 0001 to 9999 the format can write; set the clock right; nothing written"
        }
    }

    private static func name(of kind: ReferenceKind, fr: Bool) -> String {
        switch kind {
        case .partner: fr ? "partenaire" : "partner"
        case .action: fr ? "action" : "action"
        case .priority: fr ? "priorité" : "priority"
        case .extensionRequest: fr ? "demande de prorogation (extension.requested)" : "extension request (extension.requested)"
        case .event: fr ? "événement" : "event"
        }
    }

    private static func describe(_ reason: JSONSyntaxError.Reason, fr: Bool) -> String {
        switch reason {
        case .unexpectedEnd: return fr ? "fin de ligne inattendue" : "unexpected end of line"
        case .unexpectedByte(let byte, let expected):
            let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16)
            return fr ? "\(shown) inattendu, attendu \(expected)" : "unexpected \(shown), expected \(expected)"
        case .unterminatedString: return fr ? "chaîne non terminée" : "unterminated string"
        case .invalidUTF8: return fr ? "UTF-8 invalide dans une chaîne" : "invalid UTF-8 in a string"
        case .controlCharacterInString(let byte):
            return fr ? "caractère de contrôle 0x\(String(byte, radix: 16)) non échappé dans une chaîne"
                : "unescaped control character 0x\(String(byte, radix: 16)) in a string"
        case .invalidEscape: return fr ? "séquence d'échappement invalide" : "invalid escape sequence"
        case .invalidNumber: return fr ? "nombre invalide" : "invalid number"
        case .tooDeep(let limit):
            return fr ? "imbrication de plus de \(limit) niveaux" : "nesting deeper than \(limit) levels"
        case .duplicateMember(let key): return fr ? "membre \"\(key)\" en double" : "duplicate member \"\(key)\""
        case .trailingBytes: return fr ? "octets après l'objet" : "bytes after the object"
        }
    }
}

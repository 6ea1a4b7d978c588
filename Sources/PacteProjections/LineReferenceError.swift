import PacteEvents

/// A line number given for an event that names no suitable line. Exit code 2.
public enum LineReferenceError: Error, Equatable {
    case noSuchLine(option: String, text: String, file: String, lineCount: Int)
    case wrongType(option: String, line: Int, file: String, found: EventType, expected: EventType)

    public func message(in language: Language) -> String {
        let fr = language == .french
        switch self {
        case .noSuchLine(let option, let text, let file, let lineCount):
            return fr
                ? "\(option) « \(text) » : \(file) n'a ni événement de cet id ni ligne \(text) (lignes 1 à \(lineCount)) ; voir « pacte-ledger log \(file) »"
                : "\(option) \"\(text)\": \(file) has neither an event with that id nor a line \(text) (lines 1 to \(lineCount)); see \"pacte-ledger log \(file)\""
        case .wrongType(let option, let line, let file, let found, let expected):
            return fr
                ? "\(option) « \(line) » : la ligne \(line) de \(file) est un \(found), pas un \(expected) ; voir « pacte-ledger log \(file) --type \(expected) »"
                : "\(option) \"\(line)\": line \(line) of \(file) is a \(found), not a \(expected); see \"pacte-ledger log \(file) --type \(expected)\""
        }
    }
}

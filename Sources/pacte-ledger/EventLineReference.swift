import PacteEvents

/// Where a command names an earlier event — an extension decision's `request`, a
/// correction's `target` — a person may give its line number (`19`) instead of its id.
/// An exact id match wins, since an id is free text; the ledger stores the id.
enum EventLineReference {
    /// The members of a payload of `type` that name an event, with the type that event
    /// must have (`nil`: any).
    static func members(of type: EventType) -> [(member: String, expected: EventType?)] {
        switch type {
        case .extensionDecided: [("request", .extensionRequested)]
        case .correctionRecorded: [("target", nil)]
        default: []
        }
    }

    /// `data` with every line number that names an event replaced by that event's id.
    /// `optionName` is how the person typed the member (`--request`, or `data.request`).
    static func resolve(
        _ data: JSONObject, type: EventType, file: String, optionName: (String) -> String
    ) throws -> JSONObject {
        guard needsLedger(data, type: type) else { return data }
        guard let contents = try? LedgerFile(path: file).read() else { return data }
        return try resolve(data, type: type, events: contents.events, file: file, optionName: optionName)
    }

    static func resolve(
        _ data: JSONObject, type: EventType, events: [LedgerEvent], file: String, optionName: (String) -> String
    ) throws(LineReferenceError) -> JSONObject {
        var data = data
        for (member, expected) in members(of: type) {
            guard case .string(let text)? = data[member], let line = lineNumber(text) else { continue }
            if events.contains(where: { $0.id == text }) { continue }
            guard line >= 1, line <= events.count else {
                throw .noSuchLine(option: optionName(member), text: text, file: file, lineCount: events.count)
            }
            let event = events[line - 1]
            if let expected, event.type != expected {
                throw .wrongType(option: optionName(member), line: line, file: file, found: event.type, expected: expected)
            }
            data[member] = .string(event.id)
            // A correction's replacement names events the way its target's type does.
            if type == .correctionRecorded, case .object(let replacement)? = data["replacement"] {
                data["replacement"] = .object(try resolve(
                    replacement, type: event.type, events: events, file: file, optionName: { "data.replacement." + $0 }))
            }
        }
        return data
    }

    /// Whether some member (or a correction's replacement) holds a number, so that the
    /// ledger must be read to resolve it.
    private static func needsLedger(_ data: JSONObject, type: EventType) -> Bool {
        for (member, _) in members(of: type) {
            if case .string(let text)? = data[member], lineNumber(text) != nil { return true }
        }
        if type == .correctionRecorded, case .object(let replacement)? = data["replacement"],
            case .string(let text)? = replacement["request"], lineNumber(text) != nil
        {
            return true
        }
        return false
    }

    /// `19` → 19; anything but plain digits (at most 9) → `nil`.
    static func lineNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

/// A line number given for an event that names no suitable line. Exit code 2.
enum LineReferenceError: Error, Equatable {
    case noSuchLine(option: String, text: String, file: String, lineCount: Int)
    case wrongType(option: String, line: Int, file: String, found: EventType, expected: EventType)

    func message(in language: Language) -> String {
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

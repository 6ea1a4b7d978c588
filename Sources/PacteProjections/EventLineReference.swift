import PacteEvents

/// Where a command names an earlier event — an extension decision's `request`, a
/// correction's `target` — a person may give its line number (`19`) instead of its id.
/// An exact id match wins, since an id is free text; the ledger stores the id.
public enum EventLineReference {
    /// The members of a payload of `type` that name an event, with the type that event
    /// must have (`nil`: any).
    public static func members(of type: EventType) -> [(member: String, expected: EventType?)] {
        switch type {
        case .extensionDecided: [("request", .extensionRequested)]
        case .correctionRecorded: [("target", nil)]
        default: []
        }
    }

    public static func resolve(
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
    public static func needsLedger(_ data: JSONObject, type: EventType) -> Bool {
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
    public static func lineNumber(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}

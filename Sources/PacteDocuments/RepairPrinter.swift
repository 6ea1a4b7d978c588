import PacteEvents

/// `repair`: what was done to a ledger whose last line was interrupted, for people and
/// as JSON.
public enum RepairPrinter {
    public static func text(_ outcome: RepairOutcome, file: String, in language: Language) -> String {
        let fr = language == .french
        switch outcome {
        case .nothingToRepair(let eventCount):
            return fr ? "Rien à réparer : les \(eventCount) lignes sont complètes." : "Nothing to repair: all \(eventCount) lines are complete."
        case .removedEmpty:
            return fr
                ? "Réparé : le registre était vide (0 octet, un init interrompu) ; il est supprimé, relancez « pacte-ledger init \(file) »."
                : "Repaired: the ledger was empty (0 bytes, an interrupted init); it is removed, run \"pacte-ledger init \(file)\" again."
        case .repaired(let sideFile, _, let byteCount, 0):
            return fr
                ? "Réparé : les \(byteCount) octets de la ligne 1 interrompue sont conservés dans \(sideFile) ; le registre n'avait aucune ligne complète, il est supprimé : relancez « pacte-ledger init \(file) »."
                : "Repaired: the \(byteCount) bytes of interrupted line 1 are kept in \(sideFile); the ledger had no complete line and is removed: run \"pacte-ledger init \(file)\" again."
        case .repaired(let sideFile, let line, let byteCount, let eventCount):
            return fr
                ? "Réparé : les \(byteCount) octets de la ligne \(line) interrompue sont conservés dans \(sideFile) ; le registre s'arrête à la ligne \(eventCount)."
                : "Repaired: the \(byteCount) bytes of interrupted line \(line) are kept in \(sideFile); the ledger ends at line \(eventCount)."
        }
    }

    public static func json(_ outcome: RepairOutcome) -> String {
        switch outcome {
        case .nothingToRepair(let eventCount):
            return #"{"repaired":false,"eventCount":\#(eventCount)}"#
        case .removedEmpty:
            return #"{"repaired":true,"removed":true,"eventCount":0}"#
        case .repaired(let sideFile, let line, let byteCount, let eventCount):
            var object = JSONObject([JSONMember("repaired", .bool(true))])
            if eventCount == 0 { object["removed"] = .bool(true) }
            object["sideFile"] = .string(sideFile)
            object["line"] = .number(JSONNumber(line))
            object["byteCount"] = .number(JSONNumber(byteCount))
            object["eventCount"] = .number(JSONNumber(eventCount))
            return JSONWriter.string(of: .object(object))
        }
    }
}

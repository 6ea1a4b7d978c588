import PacteEvents

/// What `init`, `record` and the commands that record a fact say once the ledger took
/// the line: its number, type, id and the ledger's new digest.
public enum AppendPrinter {
    /// The line appended (or found already there), for people or, `json`, for programs.
    public static func text(_ outcome: AppendOutcome, file: String, json: Bool, language: Language) -> String {
        let event = outcome.event
        let appended: Bool
        if case .appended = outcome { appended = true } else { appended = false }
        if json {
            return JSONWriter.string(of: .object(JSONObject([
                JSONMember("outcome", .string(appended ? "appended" : "alreadyPresent")),
                JSONMember("seq", .number(JSONNumber(event.seq))),
                JSONMember("id", .string(event.id)),
                JSONMember("type", .string(event.type.rawValue)),
                JSONMember("recorded", .string(event.recorded.description)),
                JSONMember("digest", .string(event.hash.hexadecimal)),
            ])))
        }
        let fr = language == .french
        if appended {
            return fr
                ? "Ligne \(event.seq) ajoutée à \(file) : \(event.type) (id \(event.id))\nEmpreinte du registre : \(event.hash)"
                : "Line \(event.seq) appended to \(file): \(event.type) (id \(event.id))\nLedger digest: \(event.hash)"
        }
        return fr
            ? "Déjà enregistré en ligne \(event.seq) (même id \(event.id), même contenu) : rien n'a été écrit"
            : "Already recorded on line \(event.seq) (same id \(event.id), same content): nothing written"
    }
}

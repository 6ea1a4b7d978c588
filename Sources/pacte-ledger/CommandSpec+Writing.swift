import PacteEvents
import PacteProjections

/// The commands that write a ledger from JSON (`init`, `record`) and the one that shows
/// what to write (`template`).
extension CommandSpec {
    static let writing: [CommandSpec] = [create, record, template]

    static let create = CommandSpec(
        name: "init",
        french: "crée un registre et écrit sa ligne 1 (pact.drafted) ; n'écrase jamais un fichier existant.",
        english: "creates a ledger and writes its line 1 (pact.drafted); never overwrites an existing file.",
        shortFrench: "crée un registre (ligne 1 : pact.drafted)", shortEnglish: "creates a ledger (line 1: pact.drafted)",
        usage: "pacte-ledger init FICHIER --pact ID --title TITRE --territory NOM --porteur ID --porteur-name NOM --porteur-kind TYPE --effective DATE --by QUI [options]",
        options: EventForm.pactDrafted.fields + [
            Option("data", "JSON", "ou tout le contenu pact.drafted en JSON (voir « template pact.drafted »)", "or the whole pact.drafted payload as JSON (see \"template pact.drafted\")"),
        ] + Option.recording.filter { $0.name != "expect-seq" },
        examples: [
            "pacte-ledger init pacte.jsonl --pact val-2025 --title \"Pacte local du Val (fictif)\" --territory \"CC du Val\" \\",
            "    --porteur cc-val --porteur-name \"CC du Val\" --porteur-kind epci --porteur-body \"conseil communautaire\" \\",
            "    --effective 2025-01-15 --by secretariat@cc-val.invalid",
        ],
        build: { (scanned) throws(UsageError) -> Command in
            let data: JSONObject
            if let text = scanned.value("data") {
                data = try Command.jsonObject(text, option: "data", command: scanned.command)
            } else {
                data = try scanned.read(EventForm.pactDrafted.payload)
            }
            let request = try Command.recordRequest(scanned, file: try scanned.file(), type: .pactDrafted, payload: .given(data), typedAsOptions: false)
            return .create(
                file: request.file,
                draft: EventDraft(
                    type: .pactDrafted, id: request.id, effective: request.effective, recordedBy: request.recordedBy, data: data),
                recorded: request.recorded, policy: request.policy)
        })

    static let record = CommandSpec(
        name: "record",
        french: "ajoute un événement au registre ; le contenu (data) est lu de --data, d'un fichier (@fichier) ou de l'entrée standard.",
        english: "appends an event; its payload (data) comes from --data, a file (@file) or standard input.",
        shortFrench: "ajoute un événement (contenu JSON)", shortEnglish: "appends an event (JSON payload)",
        usage: "pacte-ledger record FICHIER TYPE --effective DATE --by QUI [--data JSON | --data @fichier.json | < data.json]",
        options: [
            Option("data", "JSON|@FICHIER|-", "contenu de l'événement ; absent ou « - » : lu sur l'entrée standard", "event payload; absent or \"-\": read from standard input"),
        ] + Option.recording,
        examples: [
            "pacte-ledger template priority.set > p1.json   # puis modifier p1.json",
            "pacte-ledger record pacte.jsonl priority.set --effective 2025-02-12 --by secretariat --data @p1.json",
            "pacte-ledger record pacte.jsonl partner.withdrew --effective 2026-01-05 --by secretariat \\",
            "    --data '{\"partnerId\":\"asso-x\",\"reason\":\"Dissolution\"}'",
        ],
        build: { (scanned) throws(UsageError) -> Command in
            guard scanned.positionals.count >= 2 else {
                throw scanned.positionals.isEmpty ? .missingFile(command: scanned.command) : .missingEventType(command: scanned.command)
            }
            if scanned.positionals.count > 2 { throw .unexpectedArgument(scanned.positionals[2], command: scanned.command) }
            let type = try eventType(scanned.positionals[1], command: scanned.command)
            let payload: RecordRequest.PayloadSource
            switch scanned.value("data") {
            case nil, "-": payload = .standardInput
            case let text? where text.hasPrefix("@"): payload = .file(String(text.dropFirst()))
            case let text?: payload = .text(text)
            }
            return .record(try Command.recordRequest(scanned, file: scanned.positionals[0], type: type, payload: payload, typedAsOptions: false))
        })

    static let template = CommandSpec(
        name: "template",
        french: "affiche un contenu (data) d'exemple pour un type d'événement, à copier et modifier.",
        english: "prints a sample payload (data) for an event type, to copy and edit.",
        shortFrench: "affiche un contenu d'exemple pour un type", shortEnglish: "prints a sample payload for a type",
        usage: "pacte-ledger template TYPE",
        arguments: [Argument(
            label: "TYPE", french: Self.eventTypes + " ; ou fiche-action : la fiche texte de « add-action --sheet »",
            english: Self.eventTypes + "; or action-sheet: the text sheet of \"add-action --sheet\"")],
        options: [],
        examples: ["pacte-ledger template action.added > a1.json", "pacte-ledger template fiche-action > a1.txt"],
        json: .never,
        build: { (scanned) throws(UsageError) -> Command in
            guard let typeName = scanned.positionals.first else { throw .missingEventType(command: scanned.command) }
            let isSheet = ["fiche-action", "action-sheet", "fiche"].contains(typeName)
            let type = isSheet ? nil : try eventType(typeName, command: scanned.command)
            if scanned.positionals.count > 1 { throw .unexpectedArgument(scanned.positionals[1], command: scanned.command) }
            return type.map(Command.template) ?? .sheetTemplate
        })

    /// Every event type, as `template` and `log --type` take them.
    static let eventTypes = EventType.allCases.map(\.rawValue).joined(separator: ", ")

    static func eventType(_ name: String, command: String) throws(UsageError) -> EventType {
        guard let type = EventType(rawValue: name) else { throw .unknownEventType(name, command: command) }
        return type
    }
}

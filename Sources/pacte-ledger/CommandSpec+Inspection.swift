import PacteEvents
import PacteProjections

/// The commands that read the ledger's lines as they are: `log`, `verify`, `repair`.
extension CommandSpec {
    static let inspection: [CommandSpec] = [log, verify, repair]

    static let log = CommandSpec(
        name: "log",
        french: "liste les événements du registre, une ligne chacun.",
        english: "lists the ledger's events, one line each.",
        shortFrench: "liste les événements", shortEnglish: "lists the events",
        usage: "pacte-ledger log FICHIER [--type TYPE]… [--since DATE] [--ids] [--json]",
        options: [
            Option("type", "TYPE", "seulement ce type d'événement (répétable)", "only this event type (repeatable)"),
            Option("since", "DATE", "seulement les faits datés de ce jour ou après", "only facts dated on or after this day"),
            Option("ids", nil, "affiche l'id de chaque événement sous sa ligne (une commande accepte le numéro de ligne ou l'id)", "shows each event's id under its line (a command accepts the line number or the id)"),
        ],
        examples: ["pacte-ledger log ledgers/pacte-coteaux-aussonne.jsonl --type approval.voted --type signature.received"],
        build: { (scanned) throws(UsageError) -> Command in
            var types: [EventType] = []
            for typeName in scanned.allValues("type") {
                guard let type = EventType(rawValue: typeName) else {
                    throw .invalidValue(option: "type", value: typeName, expected: eventTypes, command: scanned.command)
                }
                types.append(type)
            }
            return .log(file: try scanned.file(), types: types, since: try scanned.date("since"), ids: scanned.has("ids"))
        })

    static let verify = CommandSpec(
        name: "verify",
        french: "vérifie la séquence, la chaîne et chaque hash ; affiche l'empreinte (digest) et le nombre d'événements. Code 0 valide, 1 altéré ou cassé, 2 illisible.",
        english: "checks sequence, chain and every hash; prints the digest and the event count. Exit 0 valid, 1 tampered or broken, 2 unreadable.",
        shortFrench: "vérifie la chaîne de hachage", shortEnglish: "verifies the hash chain",
        usage: "pacte-ledger verify FICHIER… [--digest HEX]",
        options: [
            Option("digest", "HEX", "empreinte publiée auparavant : prouve que le registre n'a été qu'étendu depuis", "a digest published earlier: proves the ledger was only appended to since"),
        ],
        examples: ["pacte-ledger verify ledgers/pacte-coteaux-aussonne.jsonl",
                   "pacte-ledger verify pacte.jsonl --digest e4dba32a77c76bc1dfc8afe9fbfe42376d5db986909d5a3d6ef71dae2f449962"],
        build: { (scanned) throws(UsageError) -> Command in
            var digest: SHA256Digest?
            if let text = scanned.value("digest") {
                guard let parsed = SHA256Digest(hexadecimal: text.lowercased()) else {
                    throw .invalidValue(option: "digest", value: text, expected: "64 hex", command: scanned.command)
                }
                digest = parsed
            }
            guard !scanned.positionals.isEmpty else { throw .missingFile(command: scanned.command) }
            if digest != nil, scanned.positionals.count > 1 {
                throw .unexpectedArgument(scanned.positionals[1], command: scanned.command)
            }
            return .verify(files: scanned.positionals, digest: digest)
        })

    static let repair = CommandSpec(
        name: "repair",
        french: "après un arrêt brutal, déplace la ligne interrompue dans un fichier à côté du registre (rien n'est perdu) et tronque le registre à sa dernière ligne complète.",
        english: "after a crash, moves the interrupted line to a side file next to the ledger (nothing is lost) and truncates the ledger to its last complete line.",
        shortFrench: "répare une fin de fichier interrompue", shortEnglish: "repairs an interrupted tail",
        usage: "pacte-ledger repair FICHIER",
        options: [],
        examples: ["pacte-ledger repair pacte.jsonl"],
        build: { (scanned) throws(UsageError) -> Command in .repair(file: try scanned.file()) })
}

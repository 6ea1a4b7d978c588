import PacteDocuments
import PacteEvents
import PacteProjections

/// What one command line asks for. Built by ``Command/parse(_:)``, a pure function.
enum Command: Equatable {
    case help(topic: String?)
    case create(file: String, draft: EventDraft, recorded: Timestamp?, policy: WritePolicy)
    case record(RecordRequest)
    case template(EventType)
    /// `template fiche-action`: the action sheet a secretariat fills in.
    case sheetTemplate
    /// `ids`: show each event's id under its line.
    case log(file: String, types: [EventType], since: CivilDate?, ids: Bool = false)
    case verify(files: [String], digest: SHA256Digest?)
    case repair(file: String)
    case state(file: String, dates: ProjectionDates)
    case history(file: String, actionId: String?, since: CivilDate?, dates: ProjectionDates)
    case timeline(file: String, dates: ProjectionDates)
    case check(file: String, dates: ProjectionDates)
    case summary(paths: [String], dates: ProjectionDates, csv: Bool, separator: Character)
    case report(ReportRequest)
    case export(ExportRequest)
    case agenda(AgendaRequest)

    /// The names of the commands, in the order help lists them.
    static let names = CommandSpec.all.map(\.name)
}

/// A command with the options every command shares.
struct Invocation: Equatable {
    var command: Command
    var language: Language = .french
    var json = false
}

extension Invocation {
    /// The options a refused append's members came from (see ``RecordRequest/optionNames``).
    var optionNames: [String: String] {
        switch command {
        case .record(let request): request.optionNames
        case .create: ["effective": "--effective"]
        default: [:]
        }
    }
}

/// `report`: the pact as a document people read.
struct ReportRequest: Equatable {
    enum Format: String, Equatable, CaseIterable {
        case html, markdown
    }

    var file: String
    var asOf: CivilDate?
    var knownAt: Timestamp?
    var today: CivilDate?
    var format: Format
    /// Where to write; `nil` prints to standard output.
    var output: String?
    /// `--sections convention`: only what gets signed.
    var sections: ReportSections = .all
}

/// `export`: one table as CSV (RFC 4180).
struct ExportRequest: Equatable {
    typealias Table = PactExport.Table

    var file: String
    var table: Table
    var asOf: CivilDate?
    var knownAt: Timestamp?
    var today: CivilDate?
    var separator: Character
    var output: String?
    /// For a French spreadsheet: byte-order mark, `;`, French headers, words and dates.
    var excel = false
}

/// `agenda`: what is due and when.
struct AgendaRequest: Equatable {
    var file: String
    var dates: ProjectionDates
    /// An iCalendar file instead of text.
    var ics: Bool
    var output: String?
}

/// An event to append, with where its payload comes from.
struct RecordRequest: Equatable {
    enum PayloadSource: Equatable {
        /// Built from the command's flags.
        case given(JSONObject)
        /// `--data JSON`, parsed when the event is recorded (errors then name the line).
        case text(String)
        case file(String)
        case standardInput
        /// `correct`: the line to correct (number or id), why, and the members to replace
        /// (none: retract); built when recorded, from the line's own data.
        case correction(target: String, reason: String, changes: [CorrectionChange])
    }

    var file: String
    var type: EventType
    var id: String?
    var effective: CivilDate
    var recordedBy: String
    var payload: PayloadSource
    var expectedSeq: Int?
    var recorded: Timestamp?
    /// `--keep-unknown`, `--allow-contact`.
    var policy = WritePolicy()
    /// The option each member of the payload came from (`data.document` → `--document`),
    /// so that a refusal names what the user typed.
    var optionNames: [String: String] = ["effective": "--effective"]
    /// The command typed, when its options built the payload: a refusal then names them.
    var command: String? = nil
}

extension Command {
    /// Parses the arguments after the program name, as the command's declaration
    /// (``CommandSpec``) says.
    static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        guard let name = arguments.first else { throw .missingCommand }
        let rest = arguments.dropFirst()
        switch name {
        case "help", "--help", "-h":
            let scanned = try ScannedArguments(rest, command: "help", valueOptions: [])
            return Invocation(command: .help(topic: scanned.positionals.first), language: try scanned.language())
        case "--version":
            return Invocation(command: .help(topic: "version"))
        case "--lang", "--json", _ where name.hasPrefix("--lang="):
            // `pacte-ledger --lang en --help`, `pacte-ledger --json check …`: shared options first.
            let count = name == "--lang" ? 2 : 1
            if arguments.count < count { throw .missingValue(option: "lang", command: "help") }
            if arguments.count == count { throw .missingCommand }
            return try parse(Array(arguments.dropFirst(count)) + arguments.prefix(count))
        default:
            break
        }
        guard let spec = CommandSpec.named(name) else { throw .unknownCommand(name) }
        let scanned = try ScannedArguments(rest, command: name, valueOptions: spec.valueOptions, flagOptions: spec.flagOptions)
        let invocation = Invocation(command: .help(topic: name), language: try scanned.language(), json: scanned.has("json"))
        if scanned.has("help") { return invocation }
        if invocation.json, spec.json == .never { throw .jsonNotAvailable(command: name) }
        let command = try spec.build(scanned)
        if invocation.json, spec.json == .withOutput, scanned.value("output") == nil {
            throw .jsonNotAvailable(command: name, withOutput: true)
        }
        return Invocation(command: command, language: invocation.language, json: invocation.json)
    }

    /// The request of a command that appends one event. `typedAsOptions`: its options
    /// built the payload, so that a refusal names them.
    static func recordRequest(
        _ scanned: ScannedArguments, file: String, type: EventType, payload: RecordRequest.PayloadSource,
        typedAsOptions: Bool = true
    ) throws(UsageError) -> RecordRequest {
        let spec = typedAsOptions ? CommandSpec.named(scanned.command) : nil
        var recorded: Timestamp?
        if let text = scanned.value("recorded") {
            guard let timestamp = Timestamp(text) else {
                throw .invalidValue(option: "recorded", value: text, expected: "YYYY-MM-DDTHH:MM:SSZ", command: scanned.command)
            }
            recorded = timestamp
        }
        return RecordRequest(
            file: file, type: type, id: scanned.value("id"), effective: try scanned.requiredDate("effective"),
            recordedBy: try scanned.required("by"), payload: payload,
            expectedSeq: try scanned.integer("expect-seq"), recorded: recorded,
            policy: WritePolicy(keepUnknownMembers: scanned.has("keep-unknown"), allowContact: scanned.has("allow-contact")),
            optionNames: spec?.optionNames ?? ["effective": "--effective"],
            command: spec?.name
        )
    }

    static func jsonObject(_ text: String, option: String, command: String) throws(UsageError) -> JSONObject {
        guard let value = try? JSONParser.parse(text), case .object(let object) = value else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw .invalidValue(option: option, value: shown, expected: "un objet JSON / a JSON object", command: command)
        }
        return object
    }
}

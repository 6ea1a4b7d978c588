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
    static let names = ["init", "record", "template"] + CommandSpec.all.map(\.name) + [
        "log", "verify", "repair", "state", "history", "timeline", "agenda", "check", "summary", "report", "export",
    ]

    /// The commands whose output has no JSON form: `--json` is refused there.
    static let withoutJSON: Set<String> = ["template"]
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

/// `correct --set member=value`: one member of a line replaced.
struct CorrectionChange: Equatable, Sendable {
    var member: String
    var value: String
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
    /// Parses the arguments after the program name.
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
        guard names.contains(name) else { throw .unknownCommand(name) }
        let spec = CommandSpec.named(name)
        let scanned = try ScannedArguments(
            rest, command: name, valueOptions: spec?.valueOptions ?? valueOptions(of: name),
            flagOptions: spec?.flagOptions ?? flagOptions(of: name))
        var invocation = Invocation(command: .help(topic: name), language: try scanned.language(), json: scanned.has("json"))
        if scanned.has("help") { return invocation }
        if invocation.json, withoutJSON.contains(name) { throw .jsonNotAvailable(command: name) }
        if let spec {
            invocation.command = try spec.build(scanned)
        } else {
            invocation.command = try build(name, scanned)
        }
        if invocation.json, case .report(let request) = invocation.command, request.output == nil {
            throw .jsonNotAvailable(command: name, withOutput: true)
        }
        if invocation.json, case .export(let request) = invocation.command, request.output == nil {
            throw .jsonNotAvailable(command: name, withOutput: true)
        }
        return invocation
    }

    static let recordOptions: Set<String> = ["effective", "by", "id", "expect-seq", "recorded"]

    /// The options without a value a command takes.
    static func flagOptions(of command: String) -> Set<String> {
        switch command {
        case "summary": ["csv"]
        case "log": ["ids"]
        case "agenda": ["ics"]
        case "init", "record":
            ["keep-unknown", "allow-contact"]
        case "export": ["excel"]
        default: []
        }
    }

    static func valueOptions(of command: String) -> Set<String> {
        switch command {
        case "init":
            return recordOptions.union([
                "data", "pact", "title", "territory", "department", "commune", "porteur", "porteur-name", "porteur-kind",
                "porteur-body", "signatory", "role", "start", "end", "context", "ambition", "governance-body",
                "governance-attached-to", "revision",
            ])
        case "record": return recordOptions.union(["data"])
        case "log": return ["type", "since"]
        case "verify": return ["digest"]
        case "state", "timeline", "check": return ProjectionDates.options
        case "agenda": return ProjectionDates.options.union(["output"])
        case "history": return ProjectionDates.options.union(["action", "since"])
        case "summary": return ProjectionDates.options.union(["separator"])
        case "report": return ProjectionDates.options.union(["format", "output", "sections"])
        case "export": return ProjectionDates.options.union(["table", "separator", "output"])
        default: return []
        }
    }

    private static func build(_ name: String, _ scanned: ScannedArguments) throws(UsageError) -> Command {
        switch name {
        case "template":
            guard let typeName = scanned.positionals.first else { throw .missingEventType(command: name) }
            if ["fiche-action", "action-sheet", "fiche"].contains(typeName) {
                if scanned.positionals.count > 1 { throw .unexpectedArgument(scanned.positionals[1], command: name) }
                return .sheetTemplate
            }
            guard let type = EventType(rawValue: typeName) else {
                throw .unknownEventType(typeName, command: name)
            }
            if scanned.positionals.count > 1 { throw .unexpectedArgument(scanned.positionals[1], command: name) }
            return .template(type)
        case "init":
            let data: JSONObject
            if let text = scanned.value("data") {
                data = try jsonObject(text, option: "data", command: name)
            } else {
                data = try pactDraftedData(scanned)
            }
            let request = try recordRequest(scanned, file: try scanned.file(), type: .pactDrafted, payload: .given(data))
            if request.expectedSeq != nil { throw .unknownOption("--expect-seq", command: name) }
            return .create(
                file: request.file,
                draft: EventDraft(
                    type: .pactDrafted, id: request.id, effective: request.effective, recordedBy: request.recordedBy, data: data),
                recorded: request.recorded, policy: request.policy)
        case "record":
            guard scanned.positionals.count >= 2 else {
                throw scanned.positionals.isEmpty ? .missingFile(command: name) : .missingEventType(command: name)
            }
            if scanned.positionals.count > 2 { throw .unexpectedArgument(scanned.positionals[2], command: name) }
            let typeName = scanned.positionals[1]
            guard let type = EventType(rawValue: typeName) else {
                throw .unknownEventType(typeName, command: name)
            }
            let payload: RecordRequest.PayloadSource
            switch scanned.value("data") {
            case nil, "-": payload = .standardInput
            case let text? where text.hasPrefix("@"): payload = .file(String(text.dropFirst()))
            case let text?: payload = .text(text)
            }
            return .record(try recordRequest(scanned, file: scanned.positionals[0], type: type, payload: payload))
        case "log":
            var types: [EventType] = []
            for typeName in scanned.allValues("type") {
                guard let type = EventType(rawValue: typeName) else {
                    throw .invalidValue(option: "type", value: typeName, expected: typeList, command: name)
                }
                types.append(type)
            }
            return .log(file: try scanned.file(), types: types, since: try scanned.date("since"), ids: scanned.has("ids"))
        case "verify":
            var digest: SHA256Digest?
            if let text = scanned.value("digest") {
                guard let parsed = SHA256Digest(hexadecimal: text.lowercased()) else {
                    throw .invalidValue(option: "digest", value: text, expected: "64 hex", command: name)
                }
                digest = parsed
            }
            guard !scanned.positionals.isEmpty else { throw .missingFile(command: name) }
            if digest != nil, scanned.positionals.count > 1 {
                throw .unexpectedArgument(scanned.positionals[1], command: name)
            }
            return .verify(files: scanned.positionals, digest: digest)
        case "repair":
            return .repair(file: try scanned.file())
        case "state":
            return .state(file: try scanned.file(), dates: try ProjectionDates(scanned))
        case "history":
            return .history(
                file: try scanned.file(), actionId: scanned.value("action"), since: try scanned.date("since"),
                dates: try ProjectionDates(scanned))
        case "timeline":
            return .timeline(file: try scanned.file(), dates: try ProjectionDates(scanned))
        case "agenda":
            return .agenda(AgendaRequest(
                file: try scanned.file(), dates: try ProjectionDates(scanned), ics: scanned.has("ics"),
                output: scanned.value("output")))
        case "check":
            return .check(file: try scanned.file(), dates: try ProjectionDates(scanned))
        case "summary":
            guard !scanned.positionals.isEmpty else { throw .missingFile(command: name) }
            return .summary(
                paths: scanned.positionals, dates: try ProjectionDates(scanned), csv: scanned.has("csv"),
                separator: try separator(scanned))
        case "report":
            let formatName = scanned.value("format") ?? "html"
            guard let format = ReportRequest.Format(rawValue: formatName) else {
                throw .invalidValue(option: "format", value: formatName, expected: "html | markdown", command: name)
            }
            let sectionsName = scanned.value("sections") ?? "all"
            guard let sections = ReportSections(rawValue: sectionsName) else {
                throw .invalidValue(option: "sections", value: sectionsName, expected: "all | convention", command: name)
            }
            return .report(ReportRequest(
                file: try scanned.file(), asOf: try scanned.date("as-of"), knownAt: try scanned.timestamp("known-at"),
                today: try scanned.date("today"), format: format, output: scanned.value("output"), sections: sections))
        case "export":
            let tableName = try scanned.required("table")
            guard let table = ExportRequest.Table(rawValue: tableName) else {
                throw .invalidValue(option: "table", value: tableName, expected: "commitments | actions | signatures", command: name)
            }
            return .export(ExportRequest(
                file: try scanned.file(), table: table, asOf: try scanned.date("as-of"),
                knownAt: try scanned.timestamp("known-at"), today: try scanned.date("today"),
                separator: scanned.has("excel") ? ";" : try separator(scanned), output: scanned.value("output"),
                excel: scanned.has("excel")))
        default:
            throw .unknownCommand(name)
        }
    }

    /// `--separator , | ;` (`;` for French spreadsheet software).
    private static func separator(_ scanned: ScannedArguments) throws(UsageError) -> Character {
        switch scanned.value("separator") {
        case nil, ",": return ","
        case ";": return ";"
        case let other?: throw .invalidValue(option: "separator", value: other, expected: "',' | ';'", command: scanned.command)
        }
    }

    private static var typeList: String {
        EventType.allCases.map(\.rawValue).joined(separator: ", ")
    }

    static func recordRequest(
        _ scanned: ScannedArguments, file: String, type: EventType, payload: RecordRequest.PayloadSource
    ) throws(UsageError) -> RecordRequest {
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
            optionNames: CommandSpec.named(scanned.command)?.optionNames ?? ["effective": "--effective"],
            command: CommandSpec.named(scanned.command)?.name
        )
    }

    static func jsonObject(_ text: String, option: String, command: String) throws(UsageError) -> JSONObject {
        guard let value = try? JSONParser.parse(text), case .object(let object) = value else {
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            throw .invalidValue(option: option, value: shown, expected: "un objet JSON / a JSON object", command: command)
        }
        return object
    }

    /// The `pact.drafted` payload from `init`'s options, members in the format's order.
    private static func pactDraftedData(_ scanned: ScannedArguments) throws(UsageError) -> JSONObject {
        var data = JSONObject()
        data["pactId"] = .string(try scanned.required("pact"))
        data["title"] = .string(try scanned.required("title"))
        var territory = JSONObject()
        territory["name"] = .string(try scanned.required("territory"))
        if let department = scanned.value("department") { territory["department"] = .string(department) }
        territory["communes"] = .array(scanned.allValues("commune").map(JSONValue.string))
        data["territory"] = .object(territory)
        data["porteur"] = .object(
            try scanned.partner(id: "porteur", name: "porteur-name", kind: "porteur-kind", body: "porteur-body"))
        if let start = try scanned.date("start") {
            let end = try scanned.requiredDate("end")
            data["period"] = .object(JSONObject([JSONMember("start", .string(start.description)), JSONMember("end", .string(end.description))]))
        }
        for (option, member) in [("context", "context"), ("ambition", "ambition")] {
            if let text = scanned.value(option) { data[member] = .string(text) }
        }
        if let body = scanned.value("governance-body") {
            var governance = JSONObject([JSONMember("body", .string(body))])
            if let attachedTo = scanned.value("governance-attached-to") { governance["attachedTo"] = .string(attachedTo) }
            data["governance"] = .object(governance)
        }
        if let revision = scanned.value("revision") { data["revision"] = .string(revision) }
        return data
    }
}

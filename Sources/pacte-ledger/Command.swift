import PacteDocuments
import PacteEvents

/// What one command line asks for. Built by ``Command/parse(_:)``, a pure function.
enum Command: Equatable {
    case help(topic: String?)
    case create(file: String, draft: EventDraft, recorded: Timestamp?)
    case record(RecordRequest)
    case template(EventType)
    case log(file: String, types: [EventType], since: CivilDate?)
    case verify(files: [String], digest: SHA256Digest?)
    case repair(file: String)
    case state(file: String, dates: ProjectionDates)
    case history(file: String, actionId: String?, since: CivilDate?, dates: ProjectionDates)
    case timeline(file: String, dates: ProjectionDates)
    case check(file: String, dates: ProjectionDates)
    case summary(paths: [String], dates: ProjectionDates, csv: Bool, separator: Character)
    case report(ReportRequest)
    case export(ExportRequest)

    /// The names of the commands, in the order help lists them.
    static let names = [
        "init", "record", "template", "approve", "commit", "sign", "meeting", "request-extension", "decide-extension",
        "log", "verify", "repair", "state", "history", "timeline", "check", "summary", "report", "export",
    ]
}

/// A command with the options every command shares.
struct Invocation: Equatable {
    var command: Command
    var language: Language = .french
    var json = false
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
    }

    var file: String
    var type: EventType
    var id: String?
    var effective: CivilDate
    var recordedBy: String
    var payload: PayloadSource
    var expectedSeq: Int?
    var recorded: Timestamp?
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
        default:
            break
        }
        guard names.contains(name) else { throw .unknownCommand(name) }
        let scanned = try ScannedArguments(
            rest, command: name, valueOptions: valueOptions(of: name), flagOptions: name == "summary" ? ["csv"] : [])
        var invocation = Invocation(command: .help(topic: name), language: try scanned.language(), json: scanned.has("json"))
        if scanned.has("help") { return invocation }
        invocation.command = try build(name, scanned)
        return invocation
    }

    static let recordOptions: Set<String> = ["effective", "by", "id", "expect-seq", "recorded"]

    static func valueOptions(of command: String) -> Set<String> {
        switch command {
        case "init":
            return recordOptions.union([
                "data", "pact", "title", "territory", "department", "commune", "porteur", "porteur-name", "porteur-kind",
                "porteur-body", "signatory", "role", "start", "end", "context", "ambition", "governance-body",
                "governance-attached-to", "revision",
            ])
        case "record": return recordOptions.union(["data"])
        case "approve": return recordOptions.union(["partner", "document", "body", "reference", "outcome"])
        case "commit":
            return recordOptions.union(["partner", "year", "body", "reference", "outcome", "line", "in-kind"])
        case "sign": return recordOptions.union(["partner", "document", "signatory", "role"])
        case "meeting":
            return recordOptions.union(["body", "attendee", "decision", "commitments-year", "reviewed", "next-meeting"])
        case "request-extension":
            return recordOptions.union(["action", "current-end", "requested-end", "reason", "requested-by"])
        case "decide-extension":
            return recordOptions.union(["request", "decision", "new-end", "amendment", "reason"])
        case "log": return ["type", "since"]
        case "verify": return ["digest"]
        case "state", "timeline", "check": return ProjectionDates.options
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
                recorded: request.recorded)
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
        case "approve", "commit", "sign", "meeting", "request-extension", "decide-extension":
            let (type, data) = try QuickRecord.payload(for: name, scanned)
            return .record(try recordRequest(scanned, file: try scanned.file(), type: type, payload: .given(data)))
        case "log":
            var types: [EventType] = []
            for typeName in scanned.allValues("type") {
                guard let type = EventType(rawValue: typeName) else {
                    throw .invalidValue(option: "type", value: typeName, expected: typeList, command: name)
                }
                types.append(type)
            }
            return .log(file: try scanned.file(), types: types, since: try scanned.date("since"))
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
                knownAt: try scanned.timestamp("known-at"), today: try scanned.date("today"), separator: try separator(scanned),
                output: scanned.value("output")))
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

    private static func recordRequest(
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
            expectedSeq: try scanned.integer("expect-seq"), recorded: recorded
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
        var porteur = JSONObject()
        porteur["id"] = .string(try scanned.required("porteur"))
        porteur["name"] = .string(try scanned.required("porteur-name"))
        let kind = try scanned.required("porteur-kind")
        guard Partner.Kind(rawValue: kind) != nil else {
            throw .invalidValue(
                option: "porteur-kind", value: kind, expected: Partner.Kind.allCases.map(\.rawValue).joined(separator: ", "),
                command: scanned.command)
        }
        porteur["kind"] = .string(kind)
        if let body = scanned.value("porteur-body") { porteur["statutoryBody"] = .string(body) }
        if let signatory = scanned.value("signatory") {
            porteur["signatory"] = Signatory(name: signatory, role: try scanned.required("role")).json
        }
        data["porteur"] = .object(porteur)
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

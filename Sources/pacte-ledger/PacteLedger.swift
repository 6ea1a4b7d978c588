#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PacteDocuments
import PacteEvents
import PacteProjections

/// The `pacte-ledger` command: parses the arguments, calls the libraries, prints.
@main
struct PacteLedger {
    static func main() {
        // A write past a file-size limit must fail with EFBIG, not kill the process.
        signal(SIGXFSZ, SIG_IGN)
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs one command line and returns its exit code: 0 success, 1 a finding (check
    /// found errors, verify found tampering), 2 bad usage or bad input.
    static func run(_ arguments: [String]) -> Int32 {
        let output = execute(arguments, environment: .live, streamingTo: 1)
        if !output.standardOutput.isEmpty { write(output.standardOutput, to: 1) }
        if !output.standardError.isEmpty { write(output.standardError, to: 2) }
        return output.exitCode
    }

    /// Runs one command line with the given clock and input, and returns what it printed.
    /// With `streamingTo`, commands that stream (`log`) write their output to that
    /// descriptor as it grows instead of keeping it whole.
    static func execute(_ arguments: [String], environment: Environment, streamingTo descriptor: Int32? = nil) -> CommandOutput {
        let invocation: Invocation
        let language: Language = arguments.contains("--lang=en") || zip(arguments, arguments.dropFirst()).contains { $0 == ("--lang", "en") }
            ? .english : .french
        do {
            invocation = try Command.parse(try ActionSheetFile.expand(arguments, read: InputBytes.readAll(fromFile:)))
        } catch {
            var output = CommandOutput(exitCode: 2, standardError: message(of: error, in: language) + "\n")
            output.makeTerminalSafe()
            return output
        }
        // With --json, standard output is JSON, which escapes as the format does.
        var output = CommandOutput(standardOutputIsDocument: invocation.json)
        output.streamingDescriptor = descriptor
        do {
            try perform(invocation, environment: environment, output: &output)
        } catch let error as LedgerError {
            output.standardError += error.message(in: invocation.language, optionNames: invocation.optionNames) + "\n"
            output.exitCode = 2
        } catch {
            output.standardError += message(of: error, in: invocation.language) + "\n"
            output.exitCode = 2
        }
        output.typeset(in: invocation.language)
        output.makeTerminalSafe()
        return output
    }

    /// What went wrong, in the person's language: every error of the tool has its message.
    static func message(of error: any Error, in language: Language) -> String {
        switch error {
        case let error as UsageError: error.message(in: language)
        case let error as LedgerError: error.message(in: language)
        case let error as InputError: error.message(in: language)
        case let error as RecordRefusal: error.message(in: language)
        case let error as LineReferenceError: error.message(in: language)
        default: "\(error)"
        }
    }

    private static func perform(_ invocation: Invocation, environment: Environment, output: inout CommandOutput) throws {
        let language = invocation.language
        switch invocation.command {
        case .help(let topic):
            output.standardOutput = Help.text(for: topic, in: language)
        case .template(let type):
            output.standardOutput = EventTemplate.data(for: type) + "\n"
        case .sheetTemplate:
            output.standardOutput = ActionSheetForm.template
        case .create(let file, let draft, let recorded, let policy):
            let clock = environment.now()
            let event = try LedgerFile.create(at: file, with: draft, recordedAt: recorded ?? clock, clock: clock, policy: policy)
            output.print(AppendPrinter.text(.appended(event), file: file, json: invocation.json, language: language))
        case .record(let request):
            let outcome = try Recording.record(request, environment: environment, language: language)
            output.print(AppendPrinter.text(outcome, file: request.file, json: invocation.json, language: language))
        case .log(let file, let types, let since, let ids):
            try Inspection.log(file: file, types: types, since: since, ids: ids, invocation: invocation, output: &output)
        case .verify(let files, let digest):
            if files.count == 1 {
                try Inspection.verify(file: files[0], digest: digest, invocation: invocation, output: &output)
            } else {
                Inspection.verify(files: files, invocation: invocation, output: &output)
            }
        case .repair(let file):
            try Inspection.repair(file: file, now: environment.now(), invocation: invocation, output: &output)
        case .state, .history, .timeline, .agenda, .check, .summary:
            try Projecting.perform(invocation, environment: environment, output: &output)
        case .report(let request):
            try Reporting.report(request, invocation: invocation, environment: environment, output: &output)
        case .export(let request):
            try Reporting.export(request, invocation: invocation, environment: environment, output: &output)
        }
    }

    static func write(_ text: String, to descriptor: Int32) {
        _ = FileDescriptor.writeAll(text.utf8, to: descriptor)
    }
}

/// What a command printed, and its exit code.
struct CommandOutput: Equatable {
    var exitCode: Int32 = 0
    var standardOutput = ""
    var standardError = ""
    /// Whether standard output is a document for programs (JSON, CSV, HTML, Markdown),
    /// kept as it is, rather than text for people.
    var standardOutputIsDocument = false
    /// Where ``flushIfLarge()`` writes the output so far (a live run's standard output);
    /// `nil` keeps it all in ``standardOutput``.
    var streamingDescriptor: Int32?

    mutating func print(_ text: String) {
        standardOutput += text
        if !text.hasSuffix("\n") { standardOutput += "\n" }
    }

    /// Writes the output so far to ``streamingDescriptor`` once it passes
    /// ``flushThreshold``. A command streams while it holds the ledger's shared lock: a
    /// reader that stops reading (a pager) holds up `record`; below the threshold (any
    /// ordinary ledger) the output waits for the lock to be released, as before.
    mutating func flushIfLarge() {
        guard let streamingDescriptor, standardOutput.utf8.count >= Self.flushThreshold else { return }
        // What streams goes through the same escaping as what is printed at the end.
        PacteLedger.write(standardOutputIsDocument ? standardOutput : TerminalText.escaped(standardOutput), to: streamingDescriptor)
        standardOutput = ""
    }

    /// Drops the output not written yet (a command that fails prints no partial result
    /// beyond what was already streamed).
    mutating func discardUnflushedOutput() {
        standardOutput = ""
    }

    /// 16 MB: the `log` of about 200,000 events.
    static let flushThreshold = 16 << 20

    mutating func warn(_ text: String) {
        standardError += text
        if !text.hasSuffix("\n") { standardError += "\n" }
    }

    /// French typography (``Typography/french(_:)``) on the text for people of a
    /// command run in French: the single place the text commands get it.
    mutating func typeset(in language: Language) {
        guard !standardOutputIsDocument else { return }
        standardOutput = language == .french ? Typography.french(standardOutput) : Typography.unmarked(standardOutput)
    }

    /// Shows the control characters of the text for people (standard error, and
    /// standard output unless it is a document) as `\u001b`: the single place text
    /// from a ledger or a command line goes through before a terminal sees it.
    mutating func makeTerminalSafe() {
        if !standardOutputIsDocument { standardOutput = TerminalText.escaped(standardOutput) }
        standardError = TerminalText.escaped(standardError)
    }
}

/// The outside world a command may use: the clock and standard input.
struct Environment: Sendable {
    var now: @Sendable () -> Timestamp
    var readStandardInput: @Sendable () throws -> [UInt8]

    static let live = Environment(
        now: { Timestamp.now() },
        readStandardInput: {
            if isatty(0) != 0 {
                let hint = "pacte-ledger : contenu JSON (data) lu sur l'entrée standard, terminez par Ctrl-D "
                    + "(ou donnez --data) / reading the JSON payload from standard input, end with Ctrl-D\n"
                _ = FileDescriptor.writeAll(hint.utf8, to: 2)
            }
            return try InputBytes.readAll(from: 0, source: "stdin")
        }
    )
}

/// Input other than the ledger that cannot be used (a payload file, standard input).
enum InputError: Error {
    case unreadable(path: String, code: Int32)
    case notAJSONObject(source: String, found: String)
    case invalidJSON(source: String, offset: Int)
    /// More than `limit` bytes.
    case tooLarge(source: String, limit: Int)
    /// One of the above, about the event that would have been line `location`.
    indirect case located(LedgerLocation, InputError)

    func located(at location: LedgerLocation?) -> InputError {
        location.map { .located($0, self) } ?? self
    }

    func message(in language: Language) -> String {
        let fr = language == .french
        switch self {
        case .located(let location, let error):
            return (fr ? "\(location) : data : " : "\(location): data: ") + error.message(in: language)
        case .unreadable(let path, let code):
            let reason = String(cString: strerror(code))
            return fr ? "\(path) : lecture impossible (\(reason))" : "\(path): cannot be read (\(reason))"
        case .notAJSONObject(let source, let found):
            return fr ? "\(source) : le contenu (data) doit être un objet JSON, trouvé \(found)"
                : "\(source): the payload (data) must be a JSON object, found \(found)"
        case .tooLarge(let source, let limit):
            return fr ? "\(source) : le contenu (data) dépasse \(limit / 1_048_576) Mio ; un événement n'en demande pas tant (joignez les documents volumineux par référence) ; rien n'a été écrit"
                : "\(source): the payload (data) is larger than \(limit / 1_048_576) MiB; no event needs that much (refer to large documents instead of embedding them); nothing written"
        case .invalidJSON(let source, let offset):
            return fr ? "\(source) : le contenu (data) n'est pas du JSON valide (octet \(offset + 1))"
                : "\(source): the payload (data) is not valid JSON (byte \(offset + 1))"
        }
    }
}

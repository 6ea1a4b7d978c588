import PacteEvents
import PacteProjections

/// `init`, `record` and the flag-only forms: append one event and say what happened.
enum Recording {
    static func record(_ request: RecordRequest, environment: Environment, language: Language = .french) throws -> AppendOutcome {
        let data: JSONObject
        do {
            switch request.payload {
            case .given(let object):
                data = object
            case .text(let text):
                data = try jsonObject(Array(text.utf8), source: "--data")
            case .file(let path):
                data = try jsonObject(try InputBytes.readAll(fromFile: path), source: "--data @" + path)
            case .standardInput:
                data = try jsonObject(try environment.readStandardInput(), source: "stdin")
            case .correction(let target, let reason, let changes):
                let events = try LedgerFile(path: request.file).read().events
                do {
                    data = try CorrectionPayload.data(target: target, reason: reason, changes: changes, events: events, file: request.file)
                } catch let error as FormError {
                    throw UsageError(error, command: "correct")
                }
            }
        } catch let error as InputError {
            // Name the ledger and the line the event would have been.
            let line = (try? LedgerFile(path: request.file).read().index.lastSeq).map { $0 + 1 }
            throw error.located(at: line.map { LedgerLocation(file: request.file, line: $0) })
        }
        let spec = request.command.flatMap(CommandSpec.named)
        let resolved = try resolveLineNumbers(
            data, type: request.type, file: request.file,
            optionName: { member in spec?.option(forMember: "data." + member) ?? "data." + member })
        let draft = EventDraft(
            type: request.type, id: request.id, effective: request.effective, recordedBy: request.recordedBy, data: resolved)
        let clock = environment.now()
        do {
            return try LedgerFile(path: request.file).append(
                draft, expectedSeq: request.expectedSeq, now: request.recorded ?? clock,
                recordedExactly: request.recorded != nil, clock: clock, policy: request.policy)
        } catch {
            // A refused append of a line typed with options: say it in the options' words.
            guard request.command != nil, let contents = try? LedgerFile(path: request.file).read(),
                let refusal = RecordRefusal.translating(
                    error, spec: spec, file: request.file, nextLine: contents.index.lastSeq + 1, events: contents.events,
                    language: language)
            else { throw error }
            throw refusal
        }
    }

    /// `data` with every line number that names an event replaced by that event's id
    /// (``EventLineReference``), the ledger read only when some member holds one.
    static func resolveLineNumbers(
        _ data: JSONObject, type: EventType, file: String, optionName: (String) -> String
    ) throws -> JSONObject {
        guard EventLineReference.needsLedger(data, type: type), let contents = try? LedgerFile(path: file).read() else { return data }
        return try EventLineReference.resolve(data, type: type, events: contents.events, file: file, optionName: optionName)
    }

    private static func jsonObject(_ bytes: [UInt8], source: String) throws -> JSONObject {
        let parsed = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in try JSONParser.parse(buffer) }
        }
        let value: JSONValue
        switch parsed {
        case .success(let parsedValue): value = parsedValue
        case .failure(let error): throw InputError.invalidJSON(source: source, offset: error.offset)
        }
        guard case .object(let object) = value else {
            throw InputError.notAJSONObject(source: source, found: value.kindName)
        }
        return object
    }
}

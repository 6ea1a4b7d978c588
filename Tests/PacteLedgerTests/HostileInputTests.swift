import Foundation
import PacteEvents
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import pacte_ledger

/// Seeded fuzzing of what reaches the reader (mutated ledger lines) and `record` (mutated
/// payloads): never a crash or a hang; accepted only when still valid; otherwise an error
/// naming the right line, with the ledger untouched.
extension ChildProcessSuites {
@Suite("Hostile input", .timeLimit(.minutes(10)))
struct HostileInputTests {
    // MARK: - Mutations

    /// Bytes that are not UTF-8: a lone continuation byte, a truncated sequence, a
    /// surrogate, an overlong NUL, a 5-byte form, 0xFF.
    static let invalidUTF8: [[UInt8]] = [[0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF]]
    static let hostileNumbers = [String(repeating: "9", count: 400), "1e999", "-0", "-1", "1.5", "01", "1E+2", "-", "1e", "0x10"]
    static let deepArrays = Array(String(repeating: "[", count: 10_000).utf8) + Array(String(repeating: "]", count: 10_000).utf8)
    static let deepObjects = Array(String(repeating: #"{"a":"#, count: 10_000).utf8) + [UInt8(ascii: "1")]
        + Array(String(repeating: "}", count: 10_000).utf8)

    /// One random mutation of `bytes` (a line, or a JSON payload) and its name.
    static func mutate(_ bytes: [UInt8], using generator: inout Guarantee.SplitMix64) -> (bytes: [UInt8], name: String) {
        guard !bytes.isEmpty else { return ([UInt8(ascii: "{")], "a lone brace") }
        var bytes = bytes
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<14, using: &generator) {
        case 0:
            bytes[position] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            return (bytes, "flip a bit at \(position)")
        case 1:
            bytes.remove(at: position)
            return (bytes, "drop byte \(position)")
        case 2:
            bytes.insert(bytes[position], at: position)
            return (bytes, "duplicate byte \(position)")
        case 3:
            let keepNewline = bytes.last == 0x0A && Bool.random(using: &generator)
            return (Array(bytes[..<position]) + (keepNewline ? [0x0A] : []), "truncate at \(position)")
        case 4:
            let invalid = invalidUTF8.randomElement(using: &generator)!
            bytes.insert(contentsOf: invalid, at: insideString(bytes, near: position))
            return (bytes, "insert invalid UTF-8 \(invalid)")
        case 5:
            let number = hostileNumbers.randomElement(using: &generator)!
            guard let digits = digitRun(in: bytes, from: position) else { return (bytes + [0x20], "append a space") }
            bytes.replaceSubrange(digits, with: Array(number.utf8))
            return (bytes, "number \(number.prefix(12)) at \(digits.lowerBound)")
        case 6:
            let deep = Bool.random(using: &generator) ? deepArrays : deepObjects
            guard let value = valueSpan(in: bytes) else { return (deep, "10,000-deep nesting instead of everything") }
            bytes.replaceSubrange(value, with: deep)
            return (bytes, "10,000-deep nesting as a value")
        case 7:
            guard let member = firstMember(of: bytes) else { return (bytes + bytes, "twice the bytes") }
            bytes.insert(contentsOf: member + [UInt8(ascii: ",")], at: member.startIndex)
            return (bytes, "duplicate member \(String(decoding: member.prefix(12), as: UTF8.self))")
        case 8:
            bytes.insert(0, at: position)
            return (bytes, "insert NUL at \(position)")
        case 9:
            bytes[position] = 0
            return (bytes, "NUL over byte \(position)")
        case 10:
            bytes.insert(0x0A, at: position)
            return (bytes, "insert a newline at \(position)")
        case 11:
            bytes[position] = UInt8.random(in: 0...255, using: &generator)
            return (bytes, "random byte at \(position)")
        case 12:
            let end = min(bytes.count, position + Int.random(in: 1...40, using: &generator))
            bytes.removeSubrange(position..<end)
            return (bytes, "drop bytes \(position)..<\(end)")
        default:
            let other = Int.random(in: 0..<max(bytes.count, 1), using: &generator)
            if !bytes.isEmpty { bytes.swapAt(position, other) }
            return (bytes, "swap bytes \(position) and \(other)")
        }
    }

    /// A position just after an opening quote near `position` (inside a string), or `position`.
    static func insideString(_ bytes: [UInt8], near position: Int) -> Int {
        var index = position
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
        return index < bytes.count ? index + 1 : position
    }

    /// The run of digits at or after `position` (wrapping to the start).
    static func digitRun(in bytes: [UInt8], from position: Int) -> Range<Int>? {
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let start = (position..<bytes.count).first { isDigit(bytes[$0]) } ?? (0..<position).first { isDigit(bytes[$0]) }
        guard let start else { return nil }
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        return start..<end
    }

    /// The value of `"data"` in a ledger line, or of the last member of a payload.
    static func valueSpan(in bytes: [UInt8]) -> Range<Int>? {
        if let data = find(Array(#","data":"#.utf8), in: bytes), let prev = find(Array(#","prev":""#.utf8), in: bytes), prev > data + 8 {
            return (data + 8)..<prev
        }
        guard let colon = bytes.lastIndex(of: UInt8(ascii: ":")), let close = bytes.lastIndex(of: UInt8(ascii: "}")), close > colon
        else { return nil }
        return (colon + 1)..<close
    }

    /// The first member of an object, `"key":value` up to the first comma.
    static func firstMember(of bytes: [UInt8]) -> ArraySlice<UInt8>? {
        guard bytes.first == UInt8(ascii: "{"), let comma = bytes.firstIndex(of: UInt8(ascii: ",")) else { return nil }
        return bytes[1..<comma]
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        Guarantee.find(needle, in: bytes)
    }

    // MARK: - The reader

    /// What the reader must say about a mutated file, from its lines compared with the
    /// original's: the first differing line is the one to name.
    enum Verdict: Equatable {
        /// Whole lines of the original, fewer of them: valid (only a published digest tells).
        case valid(count: Int)
        case empty
        /// The first differing line is the last one and is unterminated or not JSON.
        case torn(line: Int)
        case problem(line: Int)
    }

    static func verdict(original: [[UInt8]], mutated: [UInt8]) -> Verdict {
        let lines = Guarantee.lines(of: mutated)
        var first = 0
        while first < lines.count, first < original.count, Guarantee.same(lines[first], original[first]) { first += 1 }
        if first == lines.count { return first == 0 ? .empty : .valid(count: first) }
        let line = lines[first]
        if first == lines.count - 1 {
            if line.last != 0x0A { return .torn(line: first + 1) }
            let parses = line.dropLast().withUnsafeBytes { bytes in (try? JSONParser.parse(bytes)) != nil }
            if !parses { return .torn(line: first + 1) }
        }
        return .problem(line: first + 1)
    }

    /// Checks `read()` and `verify()` of `path` against `verdict`; returns what went wrong.
    static func checkReader(path: String, verdict: Verdict) -> String? {
        do {
            let contents = try LedgerFile(path: path).read()
            switch verdict {
            case .valid(let count):
                if contents.tornTail != nil || contents.events.count != count { return "read: \(contents.events.count) events, torn \(String(describing: contents.tornTail))" }
            case .torn(let line):
                if contents.tornTail?.line != line || contents.events.count != line - 1 {
                    return "read: torn \(String(describing: contents.tornTail)), \(contents.events.count) events"
                }
            case .empty, .problem:
                return "read accepted a damaged ledger (\(contents.events.count) events, torn \(String(describing: contents.tornTail)))"
            }
        } catch {
            switch verdict {
            case .problem(let line):
                if error.line != line || !error.isContentProblem { return "read: \(error.message(in: .english))" }
                if !error.message(in: .english).contains("\(path):\(line)") || !error.message(in: .french).contains("\(path):\(line)") {
                    return "read: message does not name \(path):\(line): \(error.message(in: .english))"
                }
            case .empty:
                if error != .empty(path: path) { return "read: \(error.message(in: .english))" }
            default:
                return "read refused: \(error.message(in: .english))"
            }
        }
        do {
            let report = try LedgerFile(path: path).verify()
            switch verdict {
            case .valid(let count):
                if !report.isValid || report.eventCount != count { return "verify: \(report)" }
            case .empty:
                if report.problem != .empty(path: path) || report.isValid { return "verify: \(report)" }
            case .torn(let line):
                if report.problem != nil || report.tornTail?.line != line || report.isValid || report.eventCount != line - 1 {
                    return "verify: \(report)"
                }
            case .problem(let line):
                if report.problem?.line != line || report.isValid || report.eventCount != line - 1 { return "verify: \(report)" }
            }
        } catch {
            return "verify threw \(error.message(in: .english))"
        }
        return nil
    }

    @Test("10,000 mutated ledger lines (middle or last): read and verify never crash, accept only valid ledgers, else name the first bad line")
    func mutatedLines() async throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let base = folder.file("base.jsonl")
        try Guarantee.makeLedger(at: base, meetings: 3)
        let original = Guarantee.lines(of: try Guarantee.readBytes(base))
        let cases = 10_000
        let workers = 2
        let results = try await withThrowingTaskGroup(of: ([String], [String: Int]).self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var generator = Guarantee.SplitMix64(seed: 0x5EED_0000 + UInt64(worker))
                    let path = folder.file("mutated-\(worker).jsonl")
                    var failures: [String] = []
                    var verdicts: [String: Int] = [:]
                    for number in stride(from: worker, to: cases, by: workers) {
                        // Mostly the middle or last line, sometimes line 1.
                        let target = [0, 1, 2, 2, 3, 3][Int.random(in: 0..<6, using: &generator)]
                        let (line, name) = Self.mutate(original[target], using: &generator)
                        var lines = original
                        lines[target] = line
                        let bytes = Guarantee.joined(lines)
                        try Guarantee.writeBytes(bytes, to: path)
                        let expected = Self.verdict(original: original, mutated: bytes)
                        verdicts[String("\(expected)".prefix { $0 != "(" }), default: 0] += 1
                        if let failure = Self.checkReader(path: path, verdict: expected) {
                            failures.append("case \(number), line \(target + 1), \(name), expected \(expected): \(failure)")
                        }
                    }
                    return (failures, verdicts)
                }
            }
            var all: ([String], [String: Int]) = ([], [:])
            for try await (failures, verdicts) in group {
                all.0 += failures
                all.1.merge(verdicts, uniquingKeysWith: +)
            }
            return all
        }
        let (failures, verdicts) = results
        print("reader fuzz: \(cases) mutated ledgers: \(verdicts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))")
        #expect(failures.isEmpty, "\(failures.count) of \(cases) cases failed, first: \(failures.prefix(10).joined(separator: "\n"))")
    }

    @Test("a line nested 10,000 deep, in the middle or last: refused or torn, naming its line")
    func deeplyNestedLine() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let path = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: path, meetings: 3)
        let original = Guarantee.lines(of: try Guarantee.readBytes(path))
        for target in [2, 3] {
            for deep in [Self.deepArrays, Self.deepObjects] {
                var lines = original
                let span = try #require(Self.valueSpan(in: lines[target]))
                lines[target].replaceSubrange(span, with: deep)
                try Guarantee.writeBytes(Guarantee.joined(lines), to: path)
                let expected: Verdict = target == 3 ? .torn(line: 4) : .problem(line: target + 1)
                #expect(Self.checkReader(path: path, verdict: expected) == nil)
                let verified = try Guarantee.ledger(["verify", path])
                #expect(verified.exitCode == 1, "\(verified)")
                #expect(verified.standardError.contains("\(path):\(target + 1) "), "\(verified)")
            }
        }
    }

    @Test("hostile numbers in the envelope (seq, v): 19 and 400 digits, 1e999, -0…: named, never a crash",
          arguments: ["seq", "v"], hostileNumbers + ["9223372036854775807", "9223372036854775808", "1000000000000000000"])
    func hostileEnvelopeNumber(member: String, number: String) throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let path = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: path, meetings: 3)
        let original = Guarantee.lines(of: try Guarantee.readBytes(path))
        for target in [2, 3] {
            var lines = original
            let marker = Array("\"\(member)\":".utf8)
            let start = try #require(Guarantee.find(marker, in: lines[target])) + marker.count
            let digits = try #require(Self.digitRun(in: lines[target], from: start))
            lines[target].replaceSubrange(digits, with: Array(number.utf8))
            let bytes = Guarantee.joined(lines)
            try Guarantee.writeBytes(bytes, to: path)
            let expected = Self.verdict(original: original, mutated: bytes)
            #expect(Self.checkReader(path: path, verdict: expected) == nil, "\(member) = \(number) on line \(target + 1)")
            let verified = try Guarantee.ledger(["verify", path])
            #expect(verified.exitCode == 1, "\(verified)")
            #expect(verified.standardError.hasPrefix("\(path):\(target + 1) "), "\(verified)")
        }
    }

    // MARK: - record

    /// Valid payloads against a ledger whose only partner is `cc-val`.
    static let payloads: [(EventType, String)] = [
        (.governanceHeld, #"{"body":"COPIL","attendees":["cc-val"],"decisions":["Valider le plan"],"commitmentsPresented":[2025],"actionsReviewed":[],"nextMeeting":"2025-06-01"}"#),
        (.partnerJoined, #"{"partner":{"id":"caf-31","name":"CAF de la Haute-Garonne","kind":"caf","statutoryBody":"conseil d'administration","signatory":{"name":"Mme A","role":"Directrice"}},"via":"initial"}"#),
        (.approvalVoted, #"{"partnerId":"cc-val","document":"convention","body":"conseil communautaire","reference":"DEL-2025-12","outcome":"adopted"}"#),
        (.prioritySet, #"{"priorityId":"P1","title":"Petite enfance","rationale":"Diagnostic 2024","sources":["INSEE"],"publics":["children","other:aidants"]}"#),
        (.annexAttached, #"{"annex":2,"title":"Diagnostic","source":"CAF"}"#),
        (.draftSubmitted, #"{"to":["DDETS 31","Préfecture"]}"#),
    ]

    /// Runs `record` in-process with `payload` given on standard input (any bytes) or as
    /// `--data` text, and checks the outcome; returns the exit code and what went wrong.
    static func checkRecord(
        file: String, type: EventType, payload: [UInt8], asArgument: Bool, before: [UInt8], nextSeq: Int
    ) throws -> (exitCode: Int32, failure: String?) {
        let output = try record(file: file, type: type, payload: payload, asArgument: asArgument)
        return (output.exitCode, try check(output, file: file, payload: payload, asArgument: asArgument, before: before, nextSeq: nextSeq))
    }

    static func record(file: String, type: EventType, payload: [UInt8], asArgument: Bool) throws -> CommandOutput {
        var arguments = ["record", file, type.rawValue, "--effective", "2025-03-01", "--by", "fuzz"]
        if asArgument { arguments.append("--data=" + String(decoding: payload, as: UTF8.self)) }
        return PacteLedger.execute(arguments, environment: Guarantee.environment(standardInput: payload))
    }

    static func check(
        _ output: CommandOutput, file: String, payload: [UInt8], asArgument: Bool, before: [UInt8], nextSeq: Int
    ) throws -> String? {
        let parsed = payload.withUnsafeBytes { bytes in Result { () throws(JSONSyntaxError) in try JSONParser.parse(bytes) } }
        let after = try Guarantee.readBytes(file)
        switch output.exitCode {
        case 0:
            guard case .success(.object(let data)) = parsed else { return "accepted a payload that is not a JSON object" }
            let contents = try LedgerFile(path: file).read()
            guard let last = contents.events.last, last.seq == nextSeq, contents.tornTail == nil else { return "no new line" }
            if last.data != data { return "stored data differs from the payload" }
            let line = Guarantee.lines(of: after).last ?? []
            let expected = JSONWriter.bytes(of: .object(data))
            if find(Array(#","data":"#.utf8) + expected + Array(#","prev":""#.utf8), in: line) == nil { return "data bytes not as JSONWriter writes them" }
            if !(try LedgerFile(path: file).verify().isValid) { return "ledger invalid after an accepted append" }
            try Guarantee.writeBytes(before, to: file)  // back to the base ledger for the next case
        case 2:
            if after != before { return "refused, but the ledger changed" }
            let message = output.standardError
            if message.isEmpty || !output.standardOutput.isEmpty { return "refused without a message" }
            switch parsed {
            case .failure(let error):
                let named = asArgument ? message.contains("--data") : message.contains("stdin") && message.contains("(octet \(error.offset + 1))")
                if !named { return "syntax error not named: \(message)" }
            case .success(.object):
                if !message.hasPrefix("\(file):\(nextSeq) ") { return "refusal does not name \(file):\(nextSeq): \(message.prefix(300))" }
            case .success:
                if !(message.contains("objet JSON")) { return "non-object not named: \(message.prefix(300))" }
            }
        default:
            return "exit \(output.exitCode): \(output.standardError.prefix(300))"
        }
        return nil
    }

    @Test("4,000 mutated payloads to record (stdin bytes and --data text): exit 0 or 2; refusals name the line and change nothing")
    func mutatedPayloads() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 1)
        let before = try Guarantee.readBytes(file)
        var generator = Guarantee.SplitMix64(seed: 0xDA7A_2025)
        var failures: [String] = []
        var accepted = 0
        let cases = 4_000
        for number in 0..<cases {
            let (type, seed) = Self.payloads[number % Self.payloads.count]
            var (payload, name) = Self.mutate(Array(seed.utf8), using: &generator)
            if Int.random(in: 0..<4, using: &generator) == 0 { (payload, name) = Self.mutate(payload, using: &generator) }
            let text = String(validating: payload, as: UTF8.self)
            // `--data` carries text only (and "@…" / "-" mean a file / stdin).
            let asArgument = number % 3 == 0 && text != nil && payload.first != UInt8(ascii: "@") && text != "-"
            let (exitCode, failure) = try Self.checkRecord(
                file: file, type: type, payload: payload, asArgument: asArgument, before: before, nextSeq: 3)
            if let failure {
                failures.append("case \(number) (\(type), \(name), \(asArgument ? "--data" : "stdin")): \(failure)")
                if failures.count > 20 { break }
            }
            if exitCode == 0 { accepted += 1 }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, first: \(failures.prefix(10).joined(separator: "\n"))")
        #expect(try Guarantee.readBytes(file) == before)
        // Both outcomes were exercised.
        #expect(accepted > 100 && accepted < cases - 100, "\(accepted) of \(cases) accepted")
        print("record fuzz: \(accepted) of \(cases) mutated payloads accepted (still valid), \(cases - accepted) refused")
    }

    /// Hand-picked hostile payloads, with what must happen.
    static let hostilePayloads: [(name: String, type: EventType, payload: [UInt8], accepted: Bool, mentions: String)] = [
        ("400-digit year", .governanceHeld, Array(#"{"body":"COPIL","attendees":["cc-val"],"commitmentsPresented":[\#(String(repeating: "9", count: 400))]}"#.utf8), false, "data.commitmentsPresented[0]"),
        ("400-digit unknown member kept as written", .draftSubmitted, Array(#"{"to":["DDETS"],"note":\#(String(repeating: "9", count: 400))}"#.utf8), true, ""),
        ("1e999 annex number", .annexAttached, Array(#"{"annex":1e999,"title":"T","source":"S"}"#.utf8), false, "data.annex"),
        ("1e999 unknown member kept as written", .draftSubmitted, Array(#"{"to":["DDETS"],"x":1e999}"#.utf8), true, ""),
        ("-0 annex number", .annexAttached, Array(#"{"annex":-0,"title":"T","source":"S"}"#.utf8), false, "data.annex"),
        ("-0 unknown member kept as written", .draftSubmitted, Array(#"{"to":["DDETS"],"x":-0}"#.utf8), true, ""),
        ("duplicate member", .draftSubmitted, Array(#"{"to":["DDETS"],"to":["Préfecture"]}"#.utf8), false, "stdin"),
        ("raw NUL in a string", .draftSubmitted, Array(#"{"to":["DD"#.utf8) + [0] + Array(#"ETS"]}"#.utf8), false, "stdin"),
        ("escaped NUL kept", .draftSubmitted, Array(#"{"to":["DD\u0000ETS"]}"#.utf8), true, ""),
        ("invalid UTF-8", .draftSubmitted, Array(#"{"to":["DD"#.utf8) + [0xC3, 0x28] + Array(#"ETS"]}"#.utf8), false, "stdin"),
        ("10,000-deep arrays", .draftSubmitted, Array(#"{"to":["DDETS"],"x":"#.utf8) + deepArrays + [UInt8(ascii: "}")], false, "stdin"),
        ("10,000-deep objects", .draftSubmitted, deepObjects, false, "stdin"),
        ("unknown partner", .approvalVoted, Array(#"{"partnerId":"inconnu","document":"convention","body":"b","reference":"r","outcome":"adopted"}"#.utf8), false, "data.partnerId"),
        ("an array", .draftSubmitted, Array(#"["DDETS"]"#.utf8), false, "objet JSON"),
        ("nothing", .draftSubmitted, [], false, "stdin"),
    ]

    @Test("hand-picked hostile payloads: 400 digits, 1e999, -0, duplicates, NUL, invalid UTF-8, 10,000-deep",
          arguments: 0..<hostilePayloads.count)
    func hostilePayload(index: Int) throws {
        let (name, type, payload, accepted, mentions) = Self.hostilePayloads[index]
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 1)
        let before = try Guarantee.readBytes(file)
        let output = try Self.record(file: file, type: type, payload: payload, asArgument: false)
        #expect(output.exitCode == (accepted ? 0 : 2), "\(name): \(output.standardError)")
        #expect(mentions.isEmpty || output.standardError.contains(mentions), "\(name): \(output.standardError)")
        #expect(try Self.check(output, file: file, payload: payload, asArgument: false, before: before, nextSeq: 3) == nil)
        #expect(try Guarantee.readBytes(file) == before)
        // The same through the built binary, payload from a file.
        let payloadFile = folder.file("payload.json")
        try Guarantee.writeBytes(payload, to: payloadFile)
        let viaBinary = try Guarantee.ledger(["record", file, type.rawValue, "--effective", "2025-03-01", "--by", "fuzz", "--data", "@" + payloadFile])
        #expect(viaBinary.exitCode == (accepted ? 0 : 2), "\(name): \(viaBinary)")
        #expect(!viaBinary.standardError.contains("Fatal error"))
        #expect(try LedgerFile(path: file).verify().isValid)
    }

    // MARK: - 50 MB

    @Test("a 50 MB line: record refuses such a payload (16 MiB cap), the reader reads it; torn, it is repaired; as garbage, it is named")
    func fiftyMegabyteLine() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 1)
        let base = try Guarantee.readBytes(file)
        let size = 50 * 1024 * 1024

        // record: a 50 MB payload through the built binary is beyond the payload cap.
        let payload = folder.file("payload.json")
        var data = Array(#"{"body":"COPIL","attendees":["cc-val"],"decisions":[""#.utf8)
        data += [UInt8](repeating: UInt8(ascii: "x"), count: size)
        data += Array(#""]}"#.utf8)
        try Guarantee.writeBytes(data, to: payload)
        let recorded = try Guarantee.ledger(
            ["record", file, "governance.held", "--data", "@" + payload, "--effective", "2025-03-01", "--by", "fuzz", "--json"])
        #expect(recorded.exitCode == 2, "\(recorded)")
        #expect(recorded.standardError.contains("16 Mio"))
        #expect(try Guarantee.readBytes(file) == base)
        // Another writer may still write such a line (here the library, without the cap).
        let object = try data.withUnsafeBytes { try JSONParser.parse($0) }.objectValue ?? JSONObject()
        _ = try LedgerFile(path: file).append(
            EventDraft(type: .governanceHeld, id: "grand", effective: CivilDate("2025-03-01")!, recordedBy: "fuzz", data: object),
            now: Guarantee.time(3))
        let bytes = try Guarantee.readBytes(file)
        #expect(bytes.count > base.count + size)
        #expect(Guarantee.find(Array(#","data":"#.utf8) + data + Array(#","prev":""#.utf8), in: bytes) != nil)

        // The reader: the 50 MB line is read, hashed and chained like any other.
        let read = try LedgerFile(path: file).read()
        #expect(read.events.count == 3 && read.tornTail == nil)
        if case .array(let decisions) = read.events.last?.data["decisions"], case .string(let decision) = decisions.first {
            #expect(decision.utf8.count == size)
        } else {
            Issue.record("the 50 MB decision was not read back")
        }

        // The same line without its end: a torn tail of 50 MB, repaired into a side file.
        guard truncate(file, off_t(bytes.count - 2)) == 0 else { throw Guarantee.Failure("truncate: errno \(errno)") }
        #expect(Self.checkReader(path: file, verdict: .torn(line: 3)) == nil)
        let repaired = try Guarantee.ledger(["repair", file])
        #expect(repaired.exitCode == 0, "\(repaired)")
        #expect(try Guarantee.readBytes(file) == base)
        let sideFile = try #require(try folder.entries().first { $0.hasPrefix("pacte.jsonl.torn-") })
        #expect(Guarantee.fileSize(folder.file(sideFile)) == bytes.count - 2 - base.count)

        // 50 MB of garbage as a middle line.
        var garbage = [UInt8](repeating: UInt8(ascii: "{"), count: size)
        garbage.append(0x0A)
        try Guarantee.writeBytes(base + garbage + Guarantee.lines(of: base)[1], to: file)
        #expect(Self.checkReader(path: file, verdict: .problem(line: 3)) == nil)
    }
}
}  // extension ChildProcessSuites

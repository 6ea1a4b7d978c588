import PacteEvents
import Testing

/// Messages for people name the file, the line and the member, in French and English.
struct LedgerErrorMessageTests {
    /// An error met on a real ledger, with the member path its message must name.
    struct Case: Sendable, CustomTestStringConvertible {
        var label: String
        var type: EventType
        var json: String
        var memberPath: String
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        Case(
            label: "missing amount", type: .commitmentVoted,
            json: #"{"partnerId":"ddets-31","year":2025,"body":"b","reference":"r","outcome":"adopted","lines":[{"actionId":"A1","amountCents":1,"source":"s","basis":"dedicated"},{"actionId":"A1","amountCents":1,"source":"s","basis":"dedicated"},{"actionId":"A1","source":"s","basis":"dedicated"}]}"#,
            memberPath: "data.lines[2].amountCents"),
        Case(
            label: "negative amount", type: .commitmentVoted,
            json: #"{"partnerId":"ddets-31","year":2025,"body":"b","reference":"r","outcome":"adopted","lines":[{"actionId":"A1","amountCents":-5,"source":"s","basis":"dedicated"}]}"#,
            memberPath: "data.lines[0].amountCents"),
        Case(
            label: "invalid date", type: .extensionRequested,
            json: #"{"actionId":"A1","currentEnd":"2025-02-29","requestedEnd":"2026-01-01","reason":"r","requestedBy":"cc-val"}"#,
            memberPath: "data.currentEnd"),
        Case(
            label: "unknown partner", type: .governanceHeld,
            json: #"{"body":"Copil","attendees":["cc-val","inconnu"]}"#,
            memberPath: "data.attendees[1]"),
        Case(
            label: "unknown action", type: .indicatorReported,
            json: #"{"actionId":"A9","indicator":"i","period":"2025","value":1}"#,
            memberPath: "data.actionId"),
    ]

    @Test(arguments: cases)
    func messagesNameTheFileTheLineAndTheMember(_ testCase: Case) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte du Val.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let draft = try LedgerFixtures.draft(testCase.type, id: nil, effective: "2025-06-01", testCase.json)
            let error = #expect(throws: LedgerError.self) {
                try LedgerFile(path: path).append(draft, now: LedgerFixtures.recorded(line: 8))
            }
            let problem = try #require(error)
            #expect(problem.line == 8)
            #expect(problem.isContentProblem)
            let french = problem.message(in: .french)
            let english = problem.message(in: .english)
            for message in [french, english] {
                #expect(message.contains(path + ":8"), "\(message)")
                #expect(message.contains(testCase.memberPath), "\(message)")
            }
            #expect(french != english)
        }
    }

    @Test func aMissingMemberIsSaidToBeMissing() {
        let error = LedgerError.invalidMember(
            LedgerLocation(file: "/registres/val.jsonl", line: 12),
            FieldError(path: "data.lines[2].amountCents", expected: .cents, found: nil))
        #expect(error.message(in: .french) == "/registres/val.jsonl:12 : data.lines[2].amountCents : membre obligatoire absent (attendu un montant en centimes d'euro, entier, de 0 à 1000000000000 (10 milliards d'euros))")
        #expect(error.message(in: .english) == "/registres/val.jsonl:12: data.lines[2].amountCents: required member missing (expected an amount in euro cents, a whole number from 0 to 1000000000000 (10 billion euros))")
    }

    @Test func aWrongValueIsQuoted() {
        let error = LedgerError.invalidMember(
            LedgerLocation(file: "val.jsonl", line: 3),
            FieldError(path: "data.lines[0].amountCents", expected: .cents, found: "-0"))
        #expect(error.message(in: .french).hasSuffix("trouvé -0"))
        #expect(error.message(in: .english).hasSuffix("found -0"))
    }

    @Test func malformedLinesNameTheFileTheLineAndTheByte() {
        let error = LedgerError.malformedLine(
            LedgerLocation(file: "val.jsonl", line: 5), JSONSyntaxError(offset: 41, reason: .duplicateMember("seq")))
        #expect(error.message(in: .french) == "val.jsonl:5 : JSON invalide à l'octet 42 : membre \"seq\" en double")
        #expect(error.message(in: .english) == "val.jsonl:5: invalid JSON at byte 42: duplicate member \"seq\"")
    }

    @Test func tamperingNamesTheLine() {
        let location = LedgerLocation(file: "val.jsonl", line: 17)
        let errors: [LedgerError] = [
            .hashMismatch(location, computed: "aa", written: "bb"),
            .chainBroken(location, expected: "aa", found: "bb"),
            .sequenceGap(location, expected: 17, found: 18),
            .hashNotLast(location),
            .duplicateId(location, id: "x", firstLine: 2),
            .tornTail(path: "val.jsonl", line: 17, byteCount: 40),
        ]
        for error in errors {
            #expect(error.line == 17)
            for language in Language.allCases {
                #expect(error.message(in: language).contains("val.jsonl:17"), "\(error) in \(language)")
            }
            #expect(error.message(in: .french) != error.message(in: .english))
        }
    }

    @Test func fileErrorsNameTheFile() {
        let errors: [LedgerError] = [
            .fileNotFound(path: "/x/val.jsonl"), .isDirectory(path: "/x/val.jsonl"), .symbolicLink(path: "/x/val.jsonl"),
            .permissionDenied(path: "/x/val.jsonl", operation: .read), .alreadyExists(path: "/x/val.jsonl"),
            .inputOutput(path: "/x/val.jsonl", operation: .synchronize, code: 5), .empty(path: "/x/val.jsonl"),
            .sequenceConflict(path: "/x/val.jsonl", expected: 4, current: 6),
        ]
        for error in errors {
            for language in Language.allCases {
                #expect(error.message(in: language).hasPrefix("/x/val.jsonl"), "\(error) in \(language)")
            }
            #expect(error.message(in: .french) != error.message(in: .english))
        }
        let failedWrite = LedgerError.inputOutput(path: "/x/val.jsonl", operation: .write, code: 27)
        #expect(failedWrite.message(in: .english) == "/x/val.jsonl: writing failed (File too large, errno 27)")
        #expect(failedWrite.message(in: .french) == "/x/val.jsonl : échec : écriture (File too large, errno 27)")
        let conflict = LedgerError.sequenceConflict(path: "/x/val.jsonl", expected: 4, current: 6)
        #expect(conflict.message(in: .english).contains("expected seq 4, current seq 6"))
        #expect(conflict.message(in: .french).contains("seq attendu 4, seq actuel 6"))
    }
}

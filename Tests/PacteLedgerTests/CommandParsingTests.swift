import PacteEvents
import Testing

@testable import pacte_ledger

@Suite("Command.parse")
struct CommandParsingTests {
    @Test("--x value and --x=value are the same; options may follow or precede the file")
    func optionForms() throws {
        let spaced = try Command.parse(["log", "f.jsonl", "--since", "2025-03-01", "--type", "approval.voted"])
        let joined = try Command.parse(["log", "--since=2025-03-01", "--type=approval.voted", "f.jsonl"])
        #expect(spaced == joined)
        #expect(spaced.command == .log(file: "f.jsonl", types: [.approvalVoted], since: CivilDate("2025-03-01")))
    }

    @Test func globalOptions() throws {
        let invocation = try Command.parse(["verify", "--lang", "en", "f.jsonl", "--json"])
        #expect(invocation.language == .english)
        #expect(invocation.json)
        #expect(invocation.command == .verify(files: ["f.jsonl"], digest: nil))
    }

    @Test func recordReadsPayloadFromTheRightPlace() throws {
        let base = ["record", "f.jsonl", "partner.withdrew", "--effective", "2025-02-01", "--by", "me"]
        guard case .record(let inline) = try Command.parse(base + ["--data", #"{"partnerId":"x","reason":"r"}"#]).command,
            case .record(let file) = try Command.parse(base + ["--data=@payload.json"]).command,
            case .record(let standardInput) = try Command.parse(base).command
        else {
            Issue.record("record did not parse as .record")
            return
        }
        #expect(inline.payload == .text(#"{"partnerId":"x","reason":"r"}"#))
        #expect(file.payload == .file("payload.json"))
        #expect(standardInput.payload == .standardInput)
        #expect(inline.type == .partnerWithdrew)
        #expect(inline.effective == CivilDate("2025-02-01"))
    }

    @Test func commitBuildsLinesInCents() throws {
        let invocation = try Command.parse([
            "commit", "f.jsonl", "--partner", "ddets-31", "--year", "2025", "--body", "Préfet", "--reference", "AP-1",
            "--line", "A1:12 500,50:dedicated:BOP 304 action 23", "--in-kind", "A1:3000:Salle", "--effective", "2025-04-02",
            "--by", "ddets",
        ])
        guard case .record(let request) = invocation.command, case .given(let data) = request.payload else {
            Issue.record("commit did not build a payload")
            return
        }
        #expect(request.type == .commitmentVoted)
        let payload = try EventPayload(type: .commitmentVoted, data: .object(data))
        guard case .commitmentVoted(let commitment) = payload else {
            Issue.record("not a commitment")
            return
        }
        #expect(commitment.lines.first?.amountCents == 1_250_050)
        #expect(commitment.lines.first?.source == "BOP 304 action 23")
        #expect(commitment.inKind.first?.valuationCents == 300_000)
    }

    @Test(arguments: [
        (["frobnicate"], UsageError.unknownCommand("frobnicate")),
        (["log"], UsageError.missingFile(command: "log")),
        (["log", "f", "--bogus"], UsageError.unknownOption("--bogus", command: "log")),
        (["log", "f", "--since"], UsageError.missingValue(option: "since", command: "log")),
        (["record", "f", "approval.voted", "--by", "me"], UsageError.missingOption(option: "effective", command: "record")),
        (["log", "f", "g"], UsageError.unexpectedArgument("g", command: "log")),
        (["record", "f"], UsageError.missingEventType(command: "record")),
        (["record", "f", "vote.cast", "--effective", "2025-01-01", "--by", "me"], UsageError.unknownEventType("vote.cast", command: "record")),
        (["template", "frob"], UsageError.unknownEventType("frob", command: "template")),
    ])
    func usageErrors(arguments: [String], expected: UsageError) {
        #expect(throws: expected) { try Command.parse(arguments) }
    }

    @Test("Every command that projects takes --as-of, --known-at and --today",
          arguments: ["state", "history", "timeline", "check", "summary", "report", "export"])
    func projectingCommandsTakeTheThreeDates(command: String) throws {
        var arguments = [command, "f.jsonl", "--as-of", "2025-09-30", "--known-at", "2025-10-01", "--today", "2026-11-27"]
        if command == "export" { arguments += ["--table", "signatures"] }
        let dates = ProjectionDates(
            asOf: CivilDate("2025-09-30"), knownAt: Timestamp("2025-10-01T23:59:59Z"), today: CivilDate("2026-11-27"))
        switch try Command.parse(arguments).command {
        case .state(_, let parsed), .history(_, _, _, let parsed), .timeline(_, let parsed), .check(_, let parsed),
            .summary(_, let parsed, _, _):
            #expect(parsed == dates)
        case .report(let request):
            #expect(ProjectionDates(asOf: request.asOf, knownAt: request.knownAt, today: request.today) == dates)
        case .export(let request):
            #expect(ProjectionDates(asOf: request.asOf, knownAt: request.knownAt, today: request.today) == dates)
        default:
            Issue.record("\(command) did not parse as itself")
        }
    }

    @Test func invalidDateNamesTheOption() {
        #expect(throws: UsageError.self) { try Command.parse(["state", "f", "--as-of", "2025-02-30"]) }
    }

    @Test("every command has a help page with the four parts, in French and English")
    func helpPages() {
        for name in Command.names {
            let french = Help.text(for: name, in: .french)
            let english = Help.text(for: name, in: .english)
            for heading in ["APERÇU", "UTILISATION", "OPTIONS", "EXEMPLES"] {
                #expect(french.contains(heading), "\(name) French help lacks \(heading)")
            }
            for heading in ["OVERVIEW", "USAGE", "OPTIONS", "EXAMPLES"] {
                #expect(english.contains(heading), "\(name) English help lacks \(heading)")
            }
            for line in (french + english).split(separator: "\n") {
                #expect(line.count <= 80, "\(name) help has a line of \(line.count) characters: \(line)")
            }
        }
    }
}

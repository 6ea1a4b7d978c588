import Foundation
import PactTesting
import PacteEvents
import Testing
@testable import pacte_ledger

/// Values at the edges of what the format accepts, and inputs beyond what a command
/// takes: every command ends with a result or a message (exit 0, 1 or 2), never a trap,
/// and what `record` acknowledges, every reader reads.
extension ChildProcessSuites {
@Suite("Extreme inputs", .timeLimit(.minutes(10)))
struct ExtremeInputTests {
    /// A copy of the example ledger in a fresh folder.
    private func example(in folder: TemporaryFolder, name: String = "pacte.jsonl") throws -> String {
        let file = folder.path(name)
        try FileManager.default.copyItem(atPath: ReportFixtures.example, toPath: file)
        return file
    }

    private func write(_ value: Any, to path: String) throws {
        try JSONSerialization.data(withJSONObject: value).write(to: URL(fileURLWithPath: path))
    }

    /// A commitment of `count` lines of 10^12 cents (the largest amount) for action A1.
    private func hugeCommitment(partner: String, count: Int, reference: String) -> [String: Any] {
        let line: [String: Any] = ["actionId": "A1", "amountCents": ObjectReader.maximumCents, "source": "s", "basis": "dedicated"]
        return [
            "partnerId": partner, "year": 2026, "body": "conseil", "reference": reference, "outcome": "adopted",
            "lines": Array(repeating: line, count: count), "inKind": [] as [Any],
        ]
    }

    @Test("record --by with a backslash and a payload 64 levels deep: read back by verify, or refused with nothing written")
    func deepPayloadWithEscapedAuthor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try example(in: folder)
        var nested: Any = 0
        for _ in 0..<(JSONParser.maximumDepth - 1) { nested = [nested] }
        let payload = folder.path("deep63.json")
        try write(["annex": 1, "title": "Annexe", "source": "test", "uri": "https://exemple.invalid/a.pdf", "deep": nested], to: payload)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let recorded = try BuiltBinary.run(
            ["record", file, "annex.attached", "--by", #"CORP\jdupont"#, "--data", "@" + payload, "--effective", "2026-11-20"])
        if recorded.exitCode == 0 {
            let verified = try BuiltBinary.run(["verify", file])
            #expect(verified.exitCode == 0, "acknowledged, then: \(verified.standardOutput) \(verified.standardError)")
        } else {
            #expect(recorded.exitCode == 2, "\(recorded)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        }
    }

    @Test("two votes of 20,000 and 10,000 lines of 10^12 cents: check, report, summary, export compute (no overflow trap)")
    func hugeCommitments() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try example(in: folder, name: "grand.jsonl")
        _ = try example(in: folder, name: "ordinaire.jsonl")
        try write(hugeCommitment(partner: "ddets-31", count: 20_000, reference: "AP-GRAND"), to: folder.path("etat.json"))
        try write(hugeCommitment(partner: "cd-31", count: 10_000, reference: "DEL-GRAND"), to: folder.path("autre.json"))
        for name in ["etat.json", "autre.json"] {
            let recorded = try BuiltBinary.run(
                ["record", file, "commitment.voted", "--data", "@" + folder.path(name), "--effective", "2026-11-18", "--by", "sec"])
            #expect(recorded.exitCode == 0, "\(recorded.standardError)")
        }
        #expect(try BuiltBinary.run(["verify", file]).exitCode == 0)
        let check = try BuiltBinary.run(["check", file, "--today", "2026-11-20", "--json"])
        #expect(check.exitCode == 1, "\(check.standardError)")
        // Others bring 10^16 of 3 × 10^16 cents: 33.3 %, computed without overflow.
        #expect(check.standardOutput.contains("33.3 %") || check.standardOutput.contains("33,3 %"))
        for arguments in [["report", file, "--today", "2026-11-20"], ["export", file, "--table", "actions"], ["state", file]] {
            let result = try BuiltBinary.run(arguments)
            #expect(result.exitCode == 0, "\(arguments[0]): \(result.exitCode) \(result.standardError.prefix(300))")
        }
        let summary = try BuiltBinary.run(["summary", folder.url.path, "--today", "2026-11-20"])
        #expect(summary.exitCode == 0, "\(summary.standardError.prefix(300))")
        #expect(summary.standardOutput.contains("Totaux : 2 registres, 2 lisibles"), "\(summary.standardOutput)")
        #expect(summary.standardOutput.contains("200 000 000 035 000,00"))
    }

    @Test("a State commitment dated 9999-01-01: check, report, summary, export compute (its year limit is 31/12/10000)")
    func commitmentInYear9999() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try example(in: folder)
        try write([
            "partnerId": "ddets-31", "year": 2026, "body": "Préfet", "reference": "AP-9999", "outcome": "adopted",
            "lines": [["actionId": "A1", "amountCents": 100, "source": "BOP 304", "basis": "dedicated"]], "inKind": [] as [Any],
        ], to: folder.path("tard.json"))
        // A fact of 9999 can only be recorded in 9999 (an append refuses a fact dated after
        // its recording): another writer's line, written here through the library with a
        // clock in that year.
        let data = try JSONParser.parse(try String(contentsOfFile: folder.path("tard.json"), encoding: .utf8))
        _ = try LedgerFile(path: file).append(
            EventDraft(type: .commitmentVoted, effective: CivilDate("9999-01-01")!, recordedBy: "sec", data: data.objectValue ?? JSONObject()),
            now: Timestamp("9999-01-01T12:00:00Z")!)
        for arguments in [
            ["check", file, "--today", "2026-11-20"], ["report", file, "--today", "2026-11-20"], ["summary", file, "--today", "2026-11-20"],
            ["export", file, "--table", "actions"], ["timeline", file], ["state", file, "--as-of", "9999-12-31"],
        ] {
            let result = try BuiltBinary.run(arguments)
            #expect([0, 1].contains(result.exitCode), "\(arguments[0]): exit \(result.exitCode) \(result.standardError.prefix(300))")
        }
    }

    @Test("commit --line with an amount beyond Int: refused with the option named, nothing written")
    func amountBeyondInt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try example(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for amount in ["92233720368547758.08", "92233720368547758,07", "99999999999999999999"] {
            let result = try BuiltBinary.run([
                "commit", file, "--partner", "ddets-31", "--year", "2026", "--body", "Préfet", "--reference", "AP-X",
                "--line", "A1:\(amount):dedicated:BOP 304", "--effective", "2026-11-19", "--by", "sec",
            ])
            // Beyond Int: the option is named; Int.max cents: the payload's limit is.
            #expect(result.exitCode == 2, "\(amount): \(result)")
            #expect(result.standardError.contains("--line") || result.standardError.contains("amountCents"), "\(result.standardError)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    // MARK: - The clock

    private func run(_ arguments: [String], clock: Timestamp) -> CommandOutput {
        var output = PacteLedger.execute(arguments, environment: Environment(now: { clock }, readStandardInput: { [] }))
        output.standardOutput = String(output.standardOutput.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
        return output
    }

    @Test("--recorded later than the clock is refused; a ledger already in the future says what to do on every append")
    func recordedInTheFuture() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try example(in: folder)
        let clock = Timestamp("2026-11-20T10:00:00Z")!
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let submit = ["record", file, "draft.submitted", "--data", #"{"to":["DDETS"]}"#, "--effective", "2026-11-20", "--by", "sec"]
        let future = run(submit + ["--recorded", "9999-12-31T23:59:59Z"], clock: clock)
        #expect(future.exitCode == 2)
        #expect(future.standardError.contains("postérieur à l'horloge"), "\(future.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let fresh = folder.path("neuf.jsonl")
        let created = run(Array(initArguments(fresh).dropLast(2)) + ["--recorded", "2026-11-20T10:05:01Z"], clock: clock)
        #expect(created.exitCode == 2, "\(created)")
        #expect(!FileManager.default.fileExists(atPath: fresh))
        // A few minutes of skew are allowed.
        #expect(run(submit + ["--recorded", "2026-11-20T10:05:00Z", "--id", "ok"], clock: clock).exitCode == 0)

        // A ledger holding a future `recorded`, as an earlier version wrote it.
        let draft = EventDraft(type: .draftSubmitted, id: "futur", effective: CivilDate("2026-11-20")!, recordedBy: "sec",
            data: try JSONParser.parse(#"{"to":["DDETS"]}"#).objectValue!)
        _ = try LedgerFile(path: file).append(draft, now: Timestamp("9999-12-31T23:59:59Z")!, recordedExactly: true)
        let frozen = try Data(contentsOf: URL(fileURLWithPath: file))
        for attempt in [submit, submit + ["--recorded", "2026-11-20T10:00:00Z"]] {
            let refused = run(attempt, clock: clock)
            #expect(refused.exitCode == 2)
            #expect(refused.standardError.contains("9999-12-31T23:59:59Z"))
            #expect(refused.standardError.contains("nouveau registre (init)"), "\(refused.standardError)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == frozen)
    }

    @Test("a clock in year 10000: appends refused with a message, reads go on")
    func clockPastYear9999() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try example(in: folder)
        let clock = Timestamp(secondsSinceEpoch: CivilDate("9999-12-31")!.adding(days: 1).daysSinceEpoch * 86_400 + 3600)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let result = run(["record", file, "draft.submitted", "--data", #"{"to":["DDETS"]}"#, "--effective", "2026-11-20", "--by", "sec"], clock: clock)
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("10000-01-01T01:00:00Z"), "\(result.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        #expect(run(["init", folder.path("neuf.jsonl")] + Array(initArguments("x").dropFirst(2).dropLast(2)), clock: clock).exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.path("neuf.jsonl")))
        #expect([0, 1].contains(run(["check", file], clock: clock).exitCode))
    }

    // MARK: - Inputs and outputs

    @Test("a payload over 16 MiB (file or standard input) is refused with a clear message; a 50 MB ledger line stays readable elsewhere")
    func payloadCap() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try example(in: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let big = folder.path("gros.json")
        try Data((#"{"to":["DDETS"],"note":""# + String(repeating: "a", count: 17 << 20) + #""}"#).utf8)
            .write(to: URL(fileURLWithPath: big))
        let fromFile = try Guarantee.ledger(["record", file, "draft.submitted", "--data", "@" + big, "--effective", "2026-11-20", "--by", "sec"])
        #expect(fromFile.exitCode == 2, "\(fromFile.standardError)")
        #expect(fromFile.standardError.contains("16 Mio"))
        let fromInput = try Guarantee.ledger(["record", file, "draft.submitted", "--effective", "2026-11-20", "--by", "sec"], input: big)
        #expect(fromInput.exitCode == 2)
        #expect(fromInput.standardError.contains("stdin") && fromInput.standardError.contains("16 Mio"), "\(fromInput.standardError)")
        let endless = try Guarantee.ledger(["record", file, "draft.submitted", "--data", "@/dev/zero", "--effective", "2026-11-20", "--by", "sec"])
        #expect(endless.exitCode == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test("report --output over an existing file keeps its mode")
    func reportOutputKeepsMode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = folder.path("rapport.html")
        FileManager.default.createFile(atPath: output, contents: Data("ancien".utf8))
        #expect(chmod(output, 0o600) == 0)
        let result = ReportFixtures.run(["report", ReportFixtures.example, "--today", "2026-11-20", "--output", output])
        #expect(result.exitCode == 0, "\(result.standardError)")
        var status = stat()
        #expect(stat(output, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("<!DOCTYPE"))
    }
}
}  // extension ChildProcessSuites

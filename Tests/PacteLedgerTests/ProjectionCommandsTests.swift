import Foundation
import PactTesting
import PacteEvents
import PacteProjections
import Testing

/// `state`, `history`, `timeline`, `check` and `summary` on the example ledger and on
/// small ledgers, through the built binary.
@Suite("Projection commands")
struct ProjectionCommandsTests {
    static let example = ReportFixtures.example

    @Test func exampleLedgerVerifiesAndUsesEveryEventType() throws {
        let verified = try BuiltBinary.run(["verify", Self.example])
        #expect(verified.exitCode == 0, "\(verified.standardError)")
        let contents = try LedgerFile(path: Self.example).read()
        #expect(Set(contents.events.map(\.type)) == Set(EventType.allCases))
        #expect(contents.events.contains { $0.recorded.date.daysSinceEpoch - $0.effective.daysSinceEpoch > 7 })
    }

    @Test func checkOnTheExampleHasNoError() throws {
        let checked = try BuiltBinary.run(["check", Self.example, "--today", "2026-11-27"])
        #expect(checked.exitCode == 0, "\(checked.standardOutput)")
        #expect(checked.standardOutput.contains("Aucune anomalie") || checked.standardOutput.contains(" 0 erreur,"))
        let json = try BuiltBinary.run(["check", Self.example, "--today", "2026-11-27", "--json"])
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        for finding in findings {
            #expect(finding["rule"] is String)
            #expect(finding["severity"] as? String != "error")
            #expect(finding["message"] is String)
            #expect(finding["seq"] is [Int])
        }
    }

    @Test func checkAsOfBeforeTheAmendmentFlagsTheExtension() throws {
        // On 2026-06-01 the extension of A2 is granted but amendment 1 is not in force yet.
        let checked = try BuiltBinary.run(["check", Self.example, "--as-of", "2026-06-01", "--json", "--lang", "en"])
        #expect(checked.exitCode == 1)
        #expect(checked.standardOutput.contains(#""rule":"EXTENSION-AMENDMENT""#))
    }

    @Test func checkAsTheLedgerKnewIt() throws {
        // Known at 1 June 2025, the Département had not signed (recorded later): the
        // convention is not in force, and its State-funded actions would start without it.
        let known = try BuiltBinary.run(["check", Self.example, "--known-at", "2025-06-01", "--today", "2026-11-27", "--json", "--lang", "en"])
        #expect(known.exitCode == 1, "\(known.standardError)")
        #expect(known.standardOutput.contains(#""rule":"STATE-WINDOW""#))
        let now = try BuiltBinary.run(["check", Self.example, "--known-at", "2026-11-27", "--today", "2026-11-27"])
        #expect(now.exitCode == 0, "\(now.standardOutput)")
    }

    @Test("Every command that projects runs with the three dates",
          arguments: [["state"], ["history"], ["timeline"], ["check"], ["summary"], ["report"], ["export", "--table", "signatures"]])
    func projectingCommandsRunWithTheThreeDates(command: [String]) throws {
        let run = try BuiltBinary.run(
            [command[0], Self.example] + command.dropFirst() + ["--as-of", "2025-09-30", "--known-at", "2025-10-01", "--today", "2026-11-27"])
        #expect(run.exitCode == 0 || (command[0] == "check" && run.exitCode == 1), "\(run.standardError)")
        #expect(!run.standardOutput.isEmpty)
    }

    /// `state` and `history` judge no deadline: `--today` is the day it is, so without
    /// `--as-of` they show the pact as it stands that day.
    @Test(arguments: ["state", "history"])
    func todayIsTheDefaultAsOfOfFactCommands(command: String) throws {
        let today = try BuiltBinary.run([command, Self.example, "--today", "2025-06-30", "--json"])
        let asOf = try BuiltBinary.run([command, Self.example, "--as-of", "2025-06-30", "--json"])
        let every = try BuiltBinary.run([command, Self.example, "--json"])
        #expect(today.exitCode == 0, "\(today.standardError)")
        #expect(today.standardOutput == asOf.standardOutput)
        #expect(today.standardOutput != every.standardOutput)
    }

    /// The report's part 7 lists every rule of the table with its verdict, and `check`
    /// counts them from the same list.
    @Test func reportAndCheckShowEveryRule() throws {
        let report = try BuiltBinary.run(["report", Self.example, "--format", "markdown", "--today", "2026-11-27"])
        #expect(report.exitCode == 0, "\(report.standardError)")
        let part = try #require(report.standardOutput.range(of: "Contrôles des règles", options: .backwards))
        let rules = report.standardOutput[part.lowerBound...]
        for rule in Rule.allCases {
            #expect(rules.contains("| \(rule.id) |"), "\(rule.id) missing from the report")
            #expect(rules.contains(rule.summary(in: .french)))
        }
        let checked = try BuiltBinary.run(["check", Self.example, "--today", "2026-11-27"])
        #expect(checked.standardOutput.contains("respecte les \(Rule.allCases.count) règles contrôlées"))
    }

    @Test func stateAsOfAndKnownAt() throws {
        // The CAF voted on 15 April 2025 and it was recorded on 2 May 2025.
        let asOf = try BuiltBinary.run(["state", Self.example, "--as-of", "2025-04-20", "--json"])
        #expect(asOf.exitCode == 0)
        #expect(asOf.standardOutput.contains(#""status":"in-signature""#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(asOf.standardOutput.utf8)) as? [String: Any])
        for key in ["status", "inForceSince", "partners", "priorities", "actions", "commitments", "amendments"] {
            #expect(object[key] != nil, "state --json lacks \(key)")
        }
        let known = try BuiltBinary.run(["state", Self.example, "--as-of", "2025-04-20", "--known-at", "2025-04-30T12:00:00Z"])
        let later = try BuiltBinary.run(["state", Self.example, "--as-of", "2025-04-20", "--known-at", "2025-05-02T12:00:00Z"])
        #expect(!known.standardOutput.contains("10 000,00 €"))
        #expect(later.standardOutput.contains("10 000,00 €"))
        let inForce = try BuiltBinary.run(["state", Self.example, "--as-of", "2025-12-31"])
        #expect(inForce.standardOutput.contains("Convention en vigueur depuis le 08/09/2025"))
    }

    @Test func historyShowsTheAmendedScheduleAndWhoChangedIt() throws {
        let history = try BuiltBinary.run(["history", Self.example, "--action", "A2"])
        #expect(history.exitCode == 0)
        #expect(history.standardOutput.contains("Calendrier : fin 30 juin 2026 → 31 octobre 2026"))
        #expect(history.standardOutput.contains("avenant n° 1"))
        #expect(!history.standardOutput.contains("action A1"))
        let json = try BuiltBinary.run(["history", Self.example, "--json"])
        #expect(json.exitCode == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) is [String: Any])
    }

    @Test func historyShowsWhatACorrectionChanged() throws {
        let history = try BuiltBinary.run(["history", Self.example])
        #expect(history.standardOutput.contains("ligne 43 remplace la ligne 42 — appliquée"))
        #expect(history.standardOutput.contains("Valeur : 14 → 16"))
        #expect(history.standardOutput.contains("prorogation accordée"))
        let english = try BuiltBinary.run(["history", Self.example, "--lang", "en"])
        #expect(english.standardOutput.contains("line 43 replaces line 42 (indicator.reported) — applied"))
    }

    @Test func timelineShowsDaysAndLateSignature() throws {
        let timeline = try BuiltBinary.run(["timeline", Self.example, "--today", "2026-11-27"])
        #expect(timeline.exitCode == 0)
        #expect(timeline.standardOutput.contains("objectif 6 mois : 24/08/2025"))
        #expect(timeline.standardOutput.contains("J+196"))
        #expect(timeline.standardOutput.contains("signé (objectif +15 j)"))
        let early = try BuiltBinary.run(["timeline", Self.example, "--today", "2025-09-01", "--lang", "en"])
        #expect(early.standardOutput.contains("late"))
    }

    @Test("text output fits an 80-column terminal", arguments: [
        ["state", "--as-of", "2026-04-01"], ["history"], ["timeline", "--today", "2026-11-27"],
        ["check", "--as-of", "2026-06-01"], ["log"], ["verify"], ["check", "--as-of", "2026-06-01", "--lang", "en"],
    ])
    func textFitsEightyColumns(arguments: [String]) throws {
        let result = try BuiltBinary.run([arguments[0], Self.example] + arguments.dropFirst())
        #expect(!result.standardOutput.isEmpty)
        for line in result.standardOutput.split(separator: "\n") {
            #expect(line.count <= 80, "\(arguments[0]): a line of \(line.count) characters: \(line)")
        }
    }

    @Test func summaryReportsABrokenLedgerOnItsRow() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.copyItem(atPath: Self.example, toPath: folder.path("a-coteaux.jsonl"))
        try Data("{\"seq\":1}\n".utf8).write(to: URL(fileURLWithPath: folder.path("b-broken.jsonl")))
        let summary = try BuiltBinary.run(["summary", folder.url.path, "--today", "2026-11-27", "--json"])
        #expect(summary.exitCode == 2)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(summary.standardOutput.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["status"] as? String == "closed")
        #expect(rows[0]["partnersSigned"] as? Int == 6)
        #expect((rows[0]["stateCashByYear"] as? [String: Int])?["2025"] == 3_500_000)
        #expect(rows[1]["error"] is String)
        let csv = try BuiltBinary.run(["summary", folder.url.path, "--today", "2026-11-27", "--csv", "--separator", ";"])
        #expect(csv.standardOutput.hasPrefix("file;pactId;territory;status"))
        #expect(csv.standardOutput.contains("\r\n"))
    }
}

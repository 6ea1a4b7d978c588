import Foundation
import PactTesting
import PacteEvents
import Testing
@testable import pacte_ledger

/// `report` and `export` as a user runs them: `--output`, languages, dates, errors, torn tails.
@Suite("Report: command")
struct ReportCommandTests {
    @Test func outputWritesTheFileAndPrintsOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("rapport.html")
        let result = try BuiltBinary.run(["report", ReportFixtures.example, "--output", path, "--today", "2026-12-01"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.standardOutput.hasPrefix("Rapport HTML écrit dans " + path))
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(written.hasSuffix("</html>\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["rapport.html"])

        let english = try BuiltBinary.run([
            "report", ReportFixtures.example, "--output", folder.path("report.md"), "--format", "markdown", "--lang", "en",
        ])
        #expect(english.standardOutput.hasPrefix("Markdown report written to " + folder.path("report.md")))
        let markdown = try String(contentsOfFile: folder.path("report.md"), encoding: .utf8)
        #expect(markdown.contains("## 1. La convention"))
    }

    @Test func withoutOutputTheReportGoesToStandardOutput() throws {
        let result = try BuiltBinary.run(["report", ReportFixtures.example, "--format", "markdown"])
        #expect(result.exitCode == 0)
        #expect(result.standardOutput.hasPrefix("*Pacte local des solidarités – rapport du registre*"))
        #expect(result.standardError.isEmpty)
    }

    @Test func refusesToOverwriteTheLedger() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = folder.path("pacte.jsonl")
        try FileManager.default.copyItem(atPath: ReportFixtures.example, toPath: ledger)
        let before = try Data(contentsOf: URL(fileURLWithPath: ledger))
        let result = ReportFixtures.run(["report", ledger, "--output", ledger])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("registre lui-même"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
        let export = ReportFixtures.run(["export", ledger, "--table", "actions", "--output", ledger])
        #expect(export.exitCode == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: ledger)) == before)
    }

    @Test func unwritableOutputIsAnErrorNotACrash() throws {
        let result = ReportFixtures.run(["report", ReportFixtures.example, "--output", "/nonexistent-folder/rapport.html"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("écriture impossible"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func unreadableLedgerIsReportedByTheCaller() {
        let result = ReportFixtures.run(["report", "/nonexistent/pacte.jsonl"])
        #expect(result.exitCode == 2)
        #expect(!result.standardError.isEmpty)
        #expect(result.standardOutput.isEmpty)
    }

    @Test func tornTailIsWarnedAboutAndLeftOut() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let ledger = folder.path("pacte.jsonl")
        var bytes = try Data(contentsOf: URL(fileURLWithPath: ReportFixtures.example))
        bytes.append(Data(#"{"seq":999,"id":"torn"#.utf8))
        try bytes.write(to: URL(fileURLWithPath: ledger))
        let result = ReportFixtures.run(["report", ledger, "--today", "2026-12-01"])
        #expect(result.exitCode == 0)
        #expect(result.standardError.hasPrefix("attention : "))
        #expect(result.standardOutput.contains("est interrompue"))
        let english = ReportFixtures.run(["report", ledger, "--lang", "en", "--format", "markdown"])
        #expect(english.standardError.hasPrefix("warning: "))
    }

    @Test func todayDefaultsToTheClockInParis() {
        // 31 December 2025 at 23:30 UTC is already 1 January 2026 in Paris.
        let clock = Timestamp("2025-12-31T23:30:00Z")!
        let output = PacteLedger.execute(
            ["report", ReportFixtures.example, "--format", "markdown"],
            environment: Environment(now: { clock }, readStandardInput: { [] }))
        #expect(output.standardOutput.contains("échéances appréciées au 1er\u{00A0}janvier\u{00A0}2026"))
    }

    @Test func exportOutputWritesTheFileAndSaysWhere() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("engagements.csv")
        let result = try BuiltBinary.run(["export", ReportFixtures.example, "--table", "commitments", "--separator", ";", "--output", path])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix("Table commitments écrite dans " + path))
        #expect(result.standardOutput.split(separator: "\n").count == 1)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let printed = try BuiltBinary.run(["export", ReportFixtures.example, "--table", "commitments", "--separator", ";"])
        #expect(written == printed.standardOutput)
        let english = try BuiltBinary.run(["export", ReportFixtures.example, "--table", "actions", "--output", path, "--lang", "en"])
        #expect(english.standardOutput.hasPrefix("Table actions written to " + path))
    }
}

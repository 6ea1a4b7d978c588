import Foundation
import PacteEvents
import PacteProjections
import PactTesting
import Testing
import PacteDocuments

/// The report's co-financing marks follow `check`: a year still awaiting votes is not a
/// breach (info), a year over with too little co-financing is one (error).
@Suite("Report: co-financing marks")
struct ReportCofinancingTests {
    /// The example ledger up to line 30: in 2025, for A1, the State (20,000 €) and the
    /// communauté de communes (12,000 €) have voted, the CAF (10,000 € planned) not yet.
    static func ledgerBeforeTheCAFVotes(in folder: TemporaryFolder) throws -> String {
        let lines = try String(contentsOfFile: ReportFixtures.example, encoding: .utf8).split(separator: "\n")
        let path = folder.path("before-caf-vote.jsonl")
        try (lines.prefix(30).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The report's budget table row of A1's voted money, as Markdown.
    static func votedRowOfA1(_ markdown: String) throws -> Substring {
        try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| **A1** | voté |") })
    }

    /// `text` with its no-break spaces as plain spaces, as ``Formatted`` writes its words
    /// before the documents typeset them.
    static func plain(_ text: String) -> String {
        String(text.map { $0 == "\u{202F}" || $0 == "\u{00A0}" ? " " : $0 })
    }

    static func cofinancingFindings(_ file: String, today: String) throws -> [Finding] {
        let view = LedgerView(events: try LedgerFile(path: file).read().events, asOf: nil)
        return RuleCheck(view: view, today: CivilDate(today)!).findings().filter { $0.rule == .cofinancing }
    }

    @Test func aYearAwaitingVotesIsNotMarkedAsABreach() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.ledgerBeforeTheCAFVotes(in: folder)
        let findings = try Self.cofinancingFindings(file, today: "2025-03-25")
        #expect(!findings.isEmpty && findings.allSatisfy { $0.severity == .info })

        let markdown = Self.plain(try ReportFixtures.report(file, today: "2025-03-25", format: .markdown))
        let row = try Self.votedRowOfA1(markdown)
        #expect(row.contains("… votes attendus"), "\(row)")
        #expect(!row.contains("✗"), "\(row)")
        let html = Self.plain(try ReportFixtures.report(file, today: "2025-03-25"))
        #expect(html.contains("… votes attendus"))
        #expect(!html.contains("✗ &gt; 50 %") && !html.contains("✗ > 50 %"))
    }

    @Test func aYearOverWithTooLittleCofinancingIsMarkedAsABreach() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.ledgerBeforeTheCAFVotes(in: folder)
        let findings = try Self.cofinancingFindings(file, today: "2026-12-01")
        #expect(findings.contains { $0.severity == .error && $0.seq.contains(30) })

        let markdown = Self.plain(try ReportFixtures.report(file, today: "2026-12-01", format: .markdown))
        let row = try Self.votedRowOfA1(markdown)
        #expect(row.contains("✗"), "\(row)")
        #expect(!row.contains("votes attendus"), "\(row)")
        // 20,000 € from the State against 12,000 € from the others: 8,000 € are missing.
        #expect(markdown.contains("✗ il manque " + Formatted.euros(800_000, in: .french)))
        // The rules' table counts A1's and A2's years in words that agree.
        #expect(markdown.contains("| COFINANCING | les autres partenaires apportent au moins 50 % du budget total en numéraire | **2 erreurs** |"))
        let html = Self.plain(try ReportFixtures.report(file, today: "2026-12-01"))
        #expect(html.contains("✗ &gt; 50 %") || html.contains("✗ > 50 %"))
    }

    @Test func theExampleMeetsCofinancingEverywhereInTheReport() throws {
        let markdown = try ReportFixtures.report(today: "2026-12-01", format: .markdown)
        let row = try Self.votedRowOfA1(markdown)
        #expect(row.contains("✓"), "\(row)")
        #expect(!markdown.contains("votes attendus"))
    }
}

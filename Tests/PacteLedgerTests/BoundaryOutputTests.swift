import Foundation
import PactTesting
import Testing
@testable import pacte_ledger

/// The edges seen through every output that shows them: the co-financing rate at
/// exactly 50 % (compliant) and at 49,99 % (a breach) in `check` (text and `--json`),
/// `summary --json` and the report (HTML and Markdown); and an `--as-of` later than
/// `--today`, judged at today.
@Suite("Boundaries through the outputs", .serialized, .timeLimit(.minutes(10)))
struct BoundaryOutputTests {
    /// The small ledger with the porteur bringing `porteurCents` against the State's 10 000 €.
    private static func withLedger(porteurCents: Int, _ body: (String) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = folder.path("pacte.jsonl")
        try InjectionLedger(porteurCents: porteurCents).write(to: file)
        try body(file)
    }

    private static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// Exactly 50 % (10 000 € against 10 000 €) and 49,99 % (9 996 € against 10 000 €).
    @Test(arguments: [(1_000_000, true), (999_600, false)])
    func cofinancing(porteurCents: Int, compliant: Bool) throws {
        try Self.withLedger(porteurCents: porteurCents) { file in
            let today = ["--today", "2025-06-01"]
            // check, text: the finding and its figures, or none.
            let text = ReportFixtures.run(["check", file] + today)
            #expect(text.standardOutput.contains("COFINANCING") != compliant, "\(text.standardOutput)")
            if !compliant {
                #expect(text.standardOutput.contains("soit 49,9\u{202F}%") || text.standardOutput.contains("soit 49,9 %"),
                        "\(text.standardOutput)")
                #expect(text.standardOutput.contains("il manque 4,00"), "\(text.standardOutput)")
            }
            // check --json.
            let checked = ReportFixtures.run(["check", file, "--json"] + today)
            let findings = try #require(try Self.json(checked.standardOutput) as? [[String: Any]])
            #expect(findings.contains { $0["rule"] as? String == "COFINANCING" } != compliant)
            // summary --json: the rate, rounded down (never 50 when below).
            let summary = ReportFixtures.run(["summary", file, "--json"] + today)
            let rows = try #require(try Self.json(summary.standardOutput) as? [[String: Any]], "\(summary.standardOutput)")
            #expect(rows.first?["cofinancingPercent"] as? Int == (compliant ? 50 : 49), "\(summary.standardOutput)")
            // The report, HTML (table and chart) and Markdown: the State's share, ✓ or ✗.
            let html = ReportFixtures.run(["report", file] + today).standardOutput
            let markdown = ReportFixtures.run(["report", file, "--format", "markdown"] + today).standardOutput
            let share = compliant ? "50,0" : "50,1"
            for (name, output) in [("html", html), ("markdown", markdown)] {
                let flat = output.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
                #expect(flat.contains("\(share) % \(compliant ? "✓" : "✗")"), "\(name): no « \(share) % ✓/✗ »")
                #expect(!flat.contains("50,0 % ✗"), "\(name): a share over 50 % shown as 50,0 %")
                if compliant { #expect(!flat.contains("% ✗"), "\(name)") }
            }
            let flatHTML = html.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
            #expect(flatHTML.contains(compliant ? "État 50,0 % ✓ ≤ 50 %" : "État 50,1 % ✗ &gt; 50 %"))
        }
    }

    /// `check --as-of` later than `--today`: deadlines judged at today, and the header says so.
    @Test func anAsOfAfterTodayIsJudgedAtToday() throws {
        try Self.withLedger(porteurCents: 1_000_000) { file in
            let checked = ReportFixtures.run(["check", file, "--as-of", "2025-12-01", "--today", "2025-06-01"])
            let flat = checked.standardOutput.replacingOccurrences(of: "\u{202F}", with: " ")
            #expect(flat.contains(" au 01/06/2025"), "\(checked.standardOutput)")
            #expect(!flat.contains(" au 01/12/2025"), "\(checked.standardOutput)")
            // The State, sent the convention on 20/01/2025, is awaited until 20/07/2025: not late on 1 June.
            #expect(flat.contains("d'ici le 20/07/2025"), "\(checked.standardOutput)")
            #expect(!flat.contains("a expiré"), "\(checked.standardOutput)")
        }
    }
}

import PacteEvents
import PactTesting
import Testing
@testable import pacte_ledger

/// The text commands in French get French typography, once, as they are written; their
/// `--json` and English output do not; what the ledger's users typed is shown as typed.
@Suite("Commands: French typography")
struct TypographyCommandTests {
    func run(_ arguments: [String]) -> CommandOutput {
        PacteLedger.execute(arguments, environment: ReportFixtures.environment)
    }

    @Test func historyIsInWordsWithFrenchTypography() {
        let history = run(["history", ReportFixtures.example])
        #expect(history.exitCode == 0)
        // Lines wrapped at 76 columns read as one.
        let text = history.standardOutput.split(separator: "\n").map { $0.drop { $0 == " " } }.joined(separator: " ")
        #expect(text.contains("Calendrier\u{202F}: fin 30\u{00A0}juin\u{00A0}2026 → 31\u{00A0}octobre\u{00A0}2026"))
        #expect(text.contains("Jalons\u{202F}: ajouté 09/03/2026 «\u{00A0}Entrée de la seconde cohorte (reportée)\u{00A0}»"))
        #expect(text.contains("fiche-action modifiée"))
        #expect(!text.contains("{\""))
        #expect(!text.contains("actionId"))
        #expect(!text.contains("(s)"))
        // A reason, typed by the secretariat with a regular space before its colon, is kept.
        #expect(text.contains("d'octobre) : la seconde cohorte"))
    }

    @Test func checkCountsAgreeAndTypesetInFrenchOnly() {
        let french = run(["check", ReportFixtures.example, "--today", "2026-12-01"]).standardOutput
        #expect(!french.contains(" :"))
        #expect(!french.contains("(s)"))
        let english = run(["check", ReportFixtures.example, "--today", "2026-12-01", "--lang", "en"]).standardOutput
        #expect(!english.contains("\u{202F}"))
        let json = run(["check", ReportFixtures.example, "--today", "2026-12-01", "--json"]).standardOutput
        #expect(!json.contains("\u{202F}"))
        #expect(!json.contains("\u{00A0}"))
    }
}

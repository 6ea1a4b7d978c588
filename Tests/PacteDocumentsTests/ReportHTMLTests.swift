import Foundation
import PactTesting
import PacteEvents
import PacteProjections
import Testing
import PacteDocuments

/// The HTML report of the example ledger: well-formed, self-contained, printable, and
/// holding every part of the guidance with the ledger's real figures.
@Suite("Report: HTML")
struct ReportHTMLTests {
    var html: String { ReportFixtures.exampleHTML }

    /// The text of the part between two markers (to check a figure is in the right place).
    func section(from start: String, to end: String) throws -> String {
        let document = ReportMarkupChecker(html).text.spaced
        let from = try #require(document.range(of: start), "\(start) not found")
        let rest = document[from.upperBound...]
        let to = rest.range(of: end)?.lowerBound ?? rest.endIndex
        return String(rest[..<to])
    }

    @Test func isWellFormedXHTMLCompatibleHTML() {
        let problems = ReportMarkupChecker.problems(in: html)
        #expect(problems.isEmpty, "\(problems)")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"fr\""))
    }

    /// From before line 1 (no pact yet) to an amendment in signature: always well-formed,
    /// Markdown tables always whole.
    @Test(arguments: ["2024-01-01", "2024-12-15", "2025-02-25", "2025-08-30", "2026-04-20", "2027-01-01"])
    func isWellFormedAtEveryStage(asOf: String) throws {
        let html = try ReportFixtures.report(asOf: asOf, today: "2026-12-01")
        #expect(ReportMarkupChecker.problems(in: html).isEmpty, "\(ReportMarkupChecker.problems(in: html))")
        let markdown = try ReportFixtures.report(asOf: asOf, today: "2026-12-01", format: .markdown)
        try ReportMarkdownTests.checkTables(markdown)
    }

    @Test func isSelfContainedWithoutScript() {
        let checker = ReportMarkupChecker(html)
        #expect(checker.elements(named: "script").isEmpty)
        #expect(checker.elements(named: "link").isEmpty)
        #expect(checker.elements(named: "img").isEmpty)
        #expect(checker.elements(named: "style").count == 1)
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        for link in checker.elements(named: "a") {
            #expect(link.attributes["href"]?.hasPrefix("#") == true)
        }
        // Two signing charts (convention, amendment 1), the State windows, the budget.
        #expect(checker.elements(named: "svg").count == 4)
    }

    @Test func printsOnA4WithPageBreaksAndWholeCharts() {
        #expect(html.contains("size: A4"))
        #expect(html.contains("@media print"))
        #expect(html.contains(".part { break-before: page; }"))
        #expect(html.contains("figure.chart { margin: 3mm 0 2mm; break-inside: avoid; }"))
        #expect(html.contains("counter(page)"))
        let checker = ReportMarkupChecker(html)
        #expect(checker.elements(named: "section").filter { $0.attributes["class"] == "part" }.count == 8)
    }

    @Test func holdsEveryPartInTheGuidancesOrder() throws {
        let text = ReportMarkupChecker(html).text.spaced
        let headings = [
            "1. La convention", "Article 1 – Contexte", "Article 2 – Objet, ambition et durée",
            "Article 3 – Domaines d'action, priorités et publics cibles", "Article 4 – Gouvernance",
            "Article 5 – Adhésion et révision", "Les partenaires", "2. Les annexes", "Annexe 1 – ", "Annexe 2 – ", "Annexe 3 – ",
            "Annexe 4 – ", "Annexe 5 – ", "Fiche-action A1 – Accueil parents-enfants itinérant",
            "Fiche-action A2 – Parcours jeunes vers l'emploi", "Fiche-action A3 – Participation des habitants au pacte",
            "3. Pages de signature", "Signatures de la convention", "Signatures de l'avenant n° 1", "4. Les fiches partenaires", "Fiche partenaire – Communauté de communes des Coteaux de l'Aussonne",
            "Fiche partenaire – Caisse primaire d'assurance maladie de la Haute-Garonne", "5. Le calendrier",
            "Signature – Convention", "Signature – Avenant n° 1", "Calendrier des actions et crédits de l'État", "6. Le budget",
            "Cofinancement par action et par année", "7. Avenants, prorogations et corrections", "Avenants", "Prorogations",
            "Journal des modifications", "Corrections", "8. Contrôles des règles", "Traçabilité du registre",
        ]
        var position = text.startIndex
        for heading in headings {
            let found = try #require(text.range(of: heading, range: position..<text.endIndex), "\(heading) missing or out of order")
            position = found.upperBound
        }
    }

    @Test func actionSheetsListEveryItemOfAnnex5() throws {
        let sheet = try section(from: "Fiche-action A1 – Accueil parents-enfants itinérant", to: "Fiche-action A2")
        for item in [
            "Présentation", "Objectifs", "Périmètre", "Publics cibles", "Déroulé calendaire", "Partenaires engagés et leur engagement",
            "Crédits mobilisés et leur source", "Indicateurs de suivi", "Mesure d'impact", "Participation des personnes concernées",
            "Bilan",
        ] {
            #expect(sheet.contains(item), "\(item)")
        }
        // The A1 State credit, its source and its year; the schedule in long French dates.
        #expect(sheet.contains("20 000,00 €"))
        #expect(sheet.contains("BOP 304 action 23"))
        #expect(sheet.contains("15 septembre 2025"))
        #expect(sheet.contains("Première tournée dans les quatre communes"))
        #expect(sheet.contains("Part des parents accueillis déclarant un isolement moindre"))
        // The corrected indicator report (line 42 replaced by line 43): 16, not 14.
        #expect(sheet.contains("16 (2025)"))
        let a3 = try section(from: "Fiche-action A3", to: "3. Pages de signature")
        #expect(a3.contains("Impact non mesurable"))
        #expect(a3.contains("fiche-action spécifique à la participation"))
    }

    @Test func showsTheLedgersRealFigures() throws {
        let text = ReportMarkupChecker(html).text.spaced
        let contents = try LedgerFile(path: ReportFixtures.example).read()
        #expect(text.contains(contents.digest.hexadecimal))
        #expect(text.contains("\(contents.events.count) lignes"))
        #expect(text.contains("pacte-coteaux-aussonne.jsonl"))
        #expect(text.contains("Association Le Relais des Coteaux"))
        #expect(text.contains("du 1er janvier 2025 au 31 octobre 2026"))
        #expect(text.contains("en vigueur depuis le 8 septembre 2025"))
        #expect(text.contains("35 000,00 €"))
        let partner = try section(from: "Fiche partenaire – État", to: "Fiche partenaire – Conseil départemental")
        #expect(partner.contains("crédits dédiés au pacte"))
        #expect(partner.contains("35 000,00 €"))
        #expect(partner.contains("Arrêté préfectoral attributif de subvention"))
        let department = try section(from: "Fiche partenaire – Conseil départemental", to: "Fiche partenaire – Caisse d'allocations")
        #expect(department.contains("droit commun non contractualisé"))
        #expect(department.contains("8 000,00 €"))
        let relais = try section(from: "Fiche partenaire – Association Le Relais", to: "Fiche partenaire – Association Épicerie")
        #expect(relais.contains("Animation bénévole du comité"))
        #expect(relais.contains("2 500,00 €"))
    }

    @Test func chartsCarryTheirMarksInText() throws {
        let text = ReportMarkupChecker(html).text.spaced
        // Signing: the 6-month target and the signature after it, said in words.
        #expect(text.contains("échéance 6 mois : 24 août 2025"))
        #expect(text.contains("signé hors délai"))
        // State windows: year N, the limits, the extension carried by amendment 1.
        #expect(text.contains("N = 2025"))
        #expect(text.contains("prorogée"))
        #expect(text.contains("✓ prorogée (avenant)"))
        // Budget: the State's share and the 50 % line.
        #expect(text.contains("État 47,7 % ✓ ≤ 50 %"))  // 47,62 %, rounded up: it is held to a ceiling
        #expect(text.contains("50 % du numéraire"))
        #expect(text.contains("52,3 %"))
    }

    @Test func lateSignaturesAreMarkedInColourAndText() throws {
        let output = try ReportFixtures.report(asOf: "2025-08-30", today: "2026-01-01")
        let checker = ReportMarkupChecker(output)
        #expect(checker.problems.isEmpty, "\(checker.problems)")
        #expect(checker.text.spaced.contains("⚠ EN RETARD"))
        #expect(checker.text.spaced.contains("situation au : 30 août 2025"))
        #expect(output.contains(##"fill="#c62828" font-weight="bold">⚠ EN RETARD</text>"##))
        #expect(output.contains(#"<span class="flag bad">⚠ en retard</span>"#))
        #expect(checker.text.spaced.contains("Pacte en l'état au 30 août 2025"))
        #expect(!checker.text.spaced.contains("Avenant n° 1"))
    }

    @Test func findingsListIdSeverityMessageAndLines() throws {
        // As of 30 August 2025 the department is late to sign: SIGNING-DELAY.
        let output = try ReportFixtures.report(asOf: "2025-08-30", today: "2026-01-01")
        let findings = RuleCheck.findings(
            events: try LedgerFile(path: ReportFixtures.example).read().events, asOf: CivilDate("2025-08-30"), today: CivilDate("2026-01-01")!)
        #expect(!findings.isEmpty)
        let text = ReportMarkupChecker(output).text.spaced
        for finding in findings {
            #expect(text.contains(finding.frenchMessage.spaced))
            #expect(text.contains(finding.ruleId))
        }
    }

    @Test func asOfAndKnownAtAreStatedInTheAuditFooter() throws {
        let html = try ReportFixtures.report(asOf: "2025-06-30", knownAt: "2025-05-01T00:00:00Z", today: "2026-12-01")
        let text = ReportMarkupChecker(html).text.spaced
        #expect(text.contains("Pacte en l'état au 30 juin 2025"))
        #expect(text.contains("Tel que connu le1er mai 2025 à 00:00 UTC"))
        // The CAF's vote of 15 April was recorded on 2 May: not known on 1 May.
        let events = try LedgerFile(path: ReportFixtures.example).read().events
        let lastKnown = try #require(events.last { $0.recorded <= Timestamp("2025-05-01T00:00:00Z")! })
        #expect(text.contains("ligne \(lastKnown.seq), empreinte " + lastKnown.hash.hexadecimal))
        #expect(text.contains("délibération attendue"))
    }
}

import Foundation
import PactTesting
import Testing
@testable import PacteDocuments

/// The Markdown report: the same parts as the HTML report, charts as tables.
@Suite("Report: Markdown")
struct ReportMarkdownTests {
    /// Every table has as many cells on each row as in its header (escaped pipes aside).
    static func checkTables(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var columns: Int?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("|") else {
                columns = nil
                continue
            }
            var cells = 0
            var escaped = false
            for character in line {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true } else if character == "|" { cells += 1 }
            }
            if let columns {
                #expect(cells == columns, "\(line)", sourceLocation: sourceLocation)
            } else {
                columns = cells
            }
        }
    }

    /// The h2, h3 and h4 headings of the HTML report, as text.
    static func htmlHeadings(_ html: String) -> [String] {
        var headings: [String] = []
        for level in 2...4 {
            var rest = Substring(html)
            while let open = rest.range(of: "<h\(level)") {
                let afterOpen = rest[open.upperBound...]
                guard let end = afterOpen.firstIndex(of: ">"), let close = afterOpen.range(of: "</h\(level)>") else { break }
                headings.append(ReportMarkupChecker.decoded(String(afterOpen[afterOpen.index(after: end)..<close.lowerBound])))
                rest = afterOpen[close.upperBound...]
            }
        }
        return headings
    }

    @Test func hasTheSameSectionsAsTheHTMLReport() {
        let markdown = ReportFixtures.exampleMarkdown.spaced
        let headingLines = Set(markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.map { line in
            String(line.drop { $0 == "#" }.dropFirst()).replacingOccurrences(of: "\\", with: "")
        })
        let headings = Self.htmlHeadings(ReportFixtures.exampleHTML)
        #expect(headings.count > 40)
        for heading in headings {
            #expect(headingLines.contains(heading.spaced), "\(heading)")
        }
    }

    @Test func chartsBecomeTablesAndFiguresStayTheSame() throws {
        let markdown = ReportFixtures.exampleMarkdown.spaced
        #expect(!markdown.contains("<svg"))
        #expect(markdown.contains("**Calendrier de signature – Convention**"))
        #expect(markdown.contains("| **Conseil départemental de la Haute-Garonne** | 1er septembre 2025 (J+189) | 8 septembre 2025 (J+196) | **signé (après l'échéance)** | 38, 40 |"))
        #expect(markdown.contains("| **A1** | prévu | 20 000,00 € | 22 000,00 € | 42 000,00 € | **47,7 % ✓** | 3 000,00 € |"))
        #expect(markdown.contains("**Calendrier des actions face aux fenêtres des crédits de l'État**"))
        let digest = try #require(ReportFixtures.exampleHTML.range(of: #"[0-9a-f]{64}"#, options: .regularExpression))
        #expect(markdown.contains(String(ReportFixtures.exampleHTML[digest])))
        try Self.checkTables(markdown)
    }

    @Test func tablesHaveHeaderSeparatorsWithAlignment() {
        let markdown = ReportFixtures.exampleMarkdown.spaced
        #expect(markdown.contains("| Partenaire | Délibération | Signature | État | Lignes |\n| --- | --- | --- | --- | ---: |"))
    }

    @Test func boldRunsAreMergedWithSpacesOutside() {
        let text = PactReport.markdownInlines([.flag("signé", .good), .flag(" (après l'échéance)", .warning), .text(" fin")])
        #expect(text == "**signé (après l'échéance)** fin")
        #expect(PactReport.markdownInlines([.text("a "), .strong(" b "), .text("c")]) == "a  **b** c")
    }

    @Test(arguments: [
        ("- item", "\\- item"), ("+ plus", "\\+ plus"), ("12. liste", "12\\. liste"), ("3) liste", "3\\) liste"),
        ("2025 est", "2025 est"), ("texte", "texte"),
    ])
    func lineStartsThatWouldChangeTheStructureAreEscaped(line: String, escaped: String) {
        #expect(PactReport.escapeLineStart(line) == escaped)
    }
}

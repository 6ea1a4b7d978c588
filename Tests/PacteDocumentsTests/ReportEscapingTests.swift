import Foundation
import PactTesting
import Testing
@testable import PacteDocuments

/// Text from the ledger never becomes markup: in HTML text, attributes, SVG and CSS,
/// and in Markdown tables.
@Suite("Report: escaping")
struct ReportEscapingTests {
    @Test func hostileTextRendersAsTextInHTML() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try ReportFixtures.hostileLedger(in: folder)
        let html = try ReportFixtures.report(file, today: "2025-03-01")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains(ReportFixtures.hostile))
        #expect(html.contains(ReportFixtures.hostileEscaped))
        let checker = ReportMarkupChecker(html)
        #expect(checker.problems.isEmpty, "\(checker.problems)")
        // The text reads as typed: title, partner, action (in the sheet and in the charts).
        for text in ["Pacte ", "CC ", "État ", "Action ", "Priorité ", "Annexe ", "Locaux ", "Étape "] {
            #expect(checker.text.contains(text + ReportFixtures.hostile), "\(text)")
        }
        #expect(checker.elements(named: "title").count > 1)
        // Charts: the partner and action names inside SVG <text> and <title> are escaped too.
        let svg = try #require(html.range(of: "<svg")).lowerBound
        #expect(html[svg...].contains("CC " + ReportFixtures.hostileEscaped))
        // A javascript: URI is shown as text, never as a link.
        #expect(checker.text.contains("javascript:alert(1)"))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func aHostileFileNameCannotLeaveTheStyleSheet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // A file name cannot hold "/", so not "</style>" itself; cssString's own test covers it.
        let name = #"p<style><b>"&'\.jsonl"#
        let file = try ReportFixtures.hostileLedger(in: folder, name: name)
        let html = try ReportFixtures.report(file, today: "2025-03-01")
        #expect(html.components(separatedBy: "</style>").count == 2)
        #expect(ReportMarkupChecker.problems(in: html).isEmpty, "\(ReportMarkupChecker.problems(in: html))")
        #expect(ReportMarkupChecker(html).text.contains(name))
        #expect(html.contains("content: \"p\\00003C style\\00003E \\00003C b\\00003E \\000022 \\000026 \\000027 \\00005C .jsonl"))
    }

    @Test(arguments: [
        ("a & b", "a &amp; b"), ("<b>", "&lt;b&gt;"), (#"say "x""#, "say &quot;x&quot;"), ("l'été", "l&#39;été"),
        ("&amp;", "&amp;amp;"), ("bell\u{7}", "bell"), ("€ – ü", "€ – ü"),
    ])
    func escapesEverySpecialCharacter(text: String, escaped: String) {
        #expect(HTMLDocument.escape(text) == escaped)
    }

    @Test func attributesAndLineBreaksAreEscaped() {
        var document = HTMLDocument()
        document.element("p", ["title": #"a"b<c>&'d"#]) { $0.textWithLineBreaks("one\r\ntwo\nthree<") }
        #expect(document.markup == #"<p title="a&quot;b&lt;c&gt;&amp;&#39;d">one<br/>two<br/>three&lt;</p>"#)
        #expect(document.openElements.isEmpty)
    }

    @Test func cssStringsEscapeEverythingButPlainCharacters() {
        let literal = PactReport.cssString(#"a</style>"\b"#)
        #expect(!literal.dropFirst().dropLast().contains("\""))
        #expect(!literal.contains("<"))
        #expect(literal == "\"a\\00003C /style\\00003E \\000022 \\00005C b\"")
    }

    @Test func markdownTablesSurviveHostileText() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try ReportFixtures.hostileLedger(in: folder)
        let markdown = try ReportFixtures.report(file, today: "2025-03-01", format: .markdown)
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains(#"\<script\>alert(1)\</script\> \& "x" 'y'"#))
        try ReportMarkdownTests.checkTables(markdown)
        // The context's line break and pipe: a hard break in a paragraph, an escaped pipe.
        #expect(markdown.contains("suite \\| tube"))
    }
}

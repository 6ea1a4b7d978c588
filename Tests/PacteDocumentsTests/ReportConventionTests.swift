import Foundation
import PactTesting
import PacteEvents
import PacteProjections
import Testing
import PacteDocuments

/// The convention as a prefecture would accept it: its parties, a signature page per
/// document, French typography in the program's own words, an audit trail in words.
@Suite("Report: the convention's form and French typography")
struct ReportConventionTests {
    var html: String { ReportFixtures.exampleHTML }
    var text: String { ReportMarkupChecker(ReportFixtures.exampleHTML).text }

    /// Every string a user typed in the example ledger (names, titles, reasons, articles).
    static let ledgerStrings: [String] = {
        let contents = try! LedgerFile(path: ReportFixtures.example).read()
        var strings: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .string(let text): strings.insert(text)
            case .array(let items): items.forEach(collect)
            case .object(let object): object.members.forEach { collect($0.value) }
            default: break
            }
        }
        for event in contents.events { collect(.object(event.data)) }
        // The longest first, so that a string inside another is removed with it.
        return strings.filter { $0.count > 1 }.sorted { $0.count > $1.count }
    }()

    /// The text of the document without what the ledger's users typed.
    static func programText(_ text: String) -> String {
        var rest = text
        for string in ledgerStrings { rest = rest.replacingOccurrences(of: string, with: "\u{1}") }
        return rest
    }

    func between(_ start: String, _ end: String) throws -> String {
        let from = try #require(text.range(of: start), "\(start) not found")
        let rest = text[from.upperBound...]
        return String(rest[..<(rest.range(of: end)?.lowerBound ?? rest.endIndex)])
    }

    @Test func preambleListsEveryPartnerWithSignatoryAndRole() throws {
        let contents = try LedgerFile(path: ReportFixtures.example).read()
        let state = PactState(replaying: contents.events)
        let preamble = try between("Entre les parties", "Article 1 – Contexte")
        #expect(preamble.contains("Entre :") || preamble.contains("Entre\u{202F}:"))
        #expect(state.partners.count == 8)
        for record in state.partners {
            let partner = record.partner
            #expect(preamble.contains(partner.name), "\(partner.name)")
            let signatory = try #require(partner.signatory)
            #expect(preamble.contains(signatory.name + ", " + signatory.role), "\(signatory.name)")
        }
        #expect(preamble.contains("Communauté de communes des Coteaux de l'Aussonne, représentée par Martine Castéra"))
        #expect(preamble.contains("Conseil départemental de la Haute-Garonne, représenté par"))
        #expect(preamble.contains("ci-après désignée «\u{00A0}le porteur du pacte\u{00A0}»"))
        // The grocery association withdrew on 10 February 2025: shown as such.
        let grocery = try #require(preamble.range(of: "Association Épicerie solidaire La Coccinelle"))
        #expect(preamble[grocery.upperBound...].prefix(200).contains("retirée du pacte le 10\u{00A0}février\u{00A0}2025"))
    }

    @Test func signaturePagePerDocumentWithTheLedgersDates() throws {
        let contents = try LedgerFile(path: ReportFixtures.example).read()
        let state = PactState(replaying: contents.events)
        #expect(state.documents.count == 2)
        let checker = ReportMarkupChecker(html)
        for signing in state.documents {
            let id = "signatures-" + signing.document.description
            let page = try between(signing.document == .convention ? "Signatures de la convention" : "Signatures de l'avenant",
                                   signing.document == .convention ? "Signatures de l'avenant" : "4. Les fiches partenaires")
            #expect(checker.elements(named: "section").contains { $0.attributes["id"] == id }, "\(id)")
            for partnerId in signing.requestedPartnerIds {
                let partner = try #require(state.partner(partnerId)?.partner)
                let block = try #require(page.range(of: partner.name), "\(partner.name) has no block in \(id)")
                let rest = String(page[block.upperBound...].prefix(400))
                if let signature = signing.signature(of: partnerId) {
                    #expect(Self.plain(rest).contains(Self.longDate(signature.date)), "\(partnerId) signed")
                } else {
                    #expect(rest.contains("en attente"))
                }
                if let vote = signing.adoptedVote(of: partnerId) {
                    #expect(rest.contains(vote.reference), "\(partnerId) vote reference")
                    #expect(Self.plain(rest).contains(Self.longDate(vote.date)), "\(partnerId) vote date")
                } else {
                    #expect(rest.contains("sans objet") || rest.contains("en attente"), "\(partnerId) vote")
                }
            }
        }
    }

    @Test func pendingSignaturesAreAwaitedMidSigning() throws {
        let html = try ReportFixtures.report(asOf: "2025-04-20", today: "2025-04-20")
        let page = ReportMarkupChecker(html).text
        let from = try #require(page.range(of: "Signatures de la convention"))
        let rest = page[from.upperBound...]
        #expect(rest.contains("en attente"))
        #expect(rest.contains("Signé le"))
    }

    @Test func conventionSectionsHoldOnlyWhatGetsSigned() throws {
        let contents = try LedgerFile(path: ReportFixtures.example).read()
        let report = PactReport(contents: contents, fileName: "x.jsonl", asOf: nil, knownAt: nil, today: CivilDate("2026-12-01")!,
                                generatedAt: ReportFixtures.now, sections: .convention)
        let text = ReportMarkupChecker(report.html()).text
        #expect(text.contains("Entre les parties"))
        #expect(text.contains("Annexe 5"))
        #expect(text.contains("Signatures de la convention"))
        for absent in ["Fiche partenaire", "Journal des modifications", "Contrôles des règles", "Le budget"] {
            #expect(!text.contains(absent), "\(absent)")
        }
        #expect(report.markdown().contains("Signatures de l'avenant"))
    }

    @Test(arguments: [ReportFixtures.Format.html, .markdown])
    func noJSONInTheDocument(format: ReportFixtures.Format) throws {
        let document = format == .html ? text : try ReportFixtures.report(today: "2026-12-01", format: .markdown)
        #expect(!document.contains("{\""))
        #expect(!document.contains("[\""))
        #expect(!document.contains("\":"))
    }

    @Test func changeLogSpeaksInWords() throws {
        let journal = try between("Journal des modifications", "Corrections")
        #expect(journal.contains("Calendrier\u{202F}: fin 30\u{00A0}juin\u{00A0}2026 → 31\u{00A0}octobre\u{00A0}2026"))
        #expect(journal.contains("Jalons\u{202F}: ajouté 09/03/2026 «\u{00A0}Entrée de la seconde cohorte (reportée)\u{00A0}»"))
        let corrections = try between("Corrections", "8. Contrôles")
        #expect(corrections.contains("Valeur\u{202F}: 14 → 16"))
    }

    @Test(arguments: [ReportFixtures.Format.html, .markdown])
    func frenchTypographyInTheProgramsWords(format: ReportFixtures.Format) throws {
        let document = format == .html ? text : try ReportFixtures.report(today: "2026-12-01", format: .markdown)
        let own = Self.programText(document)
        for mark in [":", ";", "%", "!", "?"] {
            let bad = own.components(separatedBy: " " + mark)
            #expect(bad.count == 1, "a regular space before \(mark): \(bad.dropFirst().prefix(3).map { String($0.prefix(40)) })")
        }
        #expect(!own.contains("(s)"))
        #expect(!own.contains("n° "))
        #expect(!own.contains("1er "))
        #expect(document.contains("20\u{202F}000,00\u{00A0}€"))
        #expect(own.range(of: #"[0-9] [0-9]{3}\b"#, options: .regularExpression) == nil)
        #expect(own.range(of: #"[0-9] (€|%|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"#,
                          options: .regularExpression) == nil)
        // Plurals and agreement.
        #expect(own.range(of: #"\b([2-9]|[1-9][0-9]+)\u{00A0}(avertissement|information|erreur|partenaire|ligne)\b"#,
                          options: .regularExpression) == nil)
    }

    @Test func ledgerTextIsShownAsTyped() throws {
        // Article 1 holds « exemple : la Communauté » with a regular space: kept.
        #expect(text.contains("Territoire fictif, exemple : la Communauté"))
    }

    @Test func everyRuleIdIsOneUnbreakableElement() throws {
        let checker = ReportMarkupChecker(html)
        let codes = checker.elements(named: "code")
        for rule in Rule.allCases {
            #expect(!html.contains(rule.id + "</td>"), "\(rule.id) outside <code>")
            #expect(codes.contains { $0.attributes["class"] == "id" }, "\(rule.id)")
        }
        #expect(html.contains("code.id { white-space: nowrap; }"))
        #expect(!html.contains("overflow-wrap: anywhere; }\n        code.id"))
        for rule in Rule.allCases { #expect(html.contains("<code class=\"id\">" + rule.id + "</code>"), "\(rule.id)") }
    }

    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
    }

    /// `8 septembre 2025`, `1er mars 2025`.
    static func longDate(_ date: CivilDate) -> String {
        let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        return (date.day == 1 ? "1er" : String(date.day)) + " " + months[date.month - 1] + " " + String(date.year)
    }
}

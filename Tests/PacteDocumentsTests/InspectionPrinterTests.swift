import Foundation
import PacteDocuments
import PacteEvents
import PacteProjections
import PactTesting
import Testing

/// The text and JSON of `log`, `verify` and `repair`, built from the example ledger.
@Suite("Inspection printers")
struct InspectionPrinterTests {
    static func events() throws -> [LedgerEvent] {
        try LedgerFile(path: ReportFixtures.example).read().events
    }

    @Test func logLinesAreEightyColumnsWithTheirIdOnRequest() throws {
        let contents = try LedgerFile(path: ReportFixtures.example).read()
        let event = try #require(contents.events.first)
        let line = LogPrinter.line(event, lineOfId: contents.index.lineOfId, in: .french)
        #expect(line.hasPrefix("    1  "))
        #expect(line.hasSuffix("\n"))
        #expect(line.dropLast().count <= 80, "\(line)")
        #expect(!line.contains("id " + event.id))
        let withId = LogPrinter.line(event, lineOfId: contents.index.lineOfId, showingId: true, in: .english)
        #expect(withId.hasSuffix("       id \(event.id)\n"))
    }

    @Test(arguments: [
        (1, 1, Language.french, "1 événement sur 1\n"), (2, 5, .french, "2 événements sur 5\n"), (0, 5, .french, "0 événement sur 5\n"),
        (1, 1, .english, "1 of 1 event\n"), (0, 5, .english, "0 of 5 events\n"),
    ])
    func logFooterAgrees(selected: Int, total: Int, language: Language, expected: String) {
        #expect(LogPrinter.footer(selected: selected, total: total, in: language) == expected)
    }

    @Test func logHeaderNamesTheColumnsInEachLanguage() {
        #expect(LogPrinter.header(in: .french) == "ligne  date        type                 résumé\n")
        #expect(LogPrinter.header(in: .english) == " line  effective   type                 summary\n")
    }

    @Test func envelopeKeepsTheStoredMembersInOrder() throws {
        let event = try #require(try Self.events().first)
        let keys = event.envelope.members.map(\.key)
        #expect(Array(keys.prefix(8)) == ["seq", "id", "type", "v", "effective", "recorded", "by", "data"])
        #expect(Array(keys.suffix(2)) == ["prev", "hash"])
    }

    @Test func verificationOfAnIntactLedger() throws {
        let report = try LedgerFile(path: ReportFixtures.example).verify()
        let text = VerificationPrinter.text(report, problem: nil, in: .french)
        #expect(text.hasPrefix("Registre valide : \(report.eventCount) événements"))
        #expect(text.contains("Empreinte : " + report.digest.hexadecimal))
        #expect(VerificationPrinter.unknownPublishedDigest(report, in: .french) == nil)
        let json = VerificationPrinter.json(report, file: "f.jsonl", problem: nil)
        #expect(json.hasPrefix(#"{"valid":true,"file":"f.jsonl","eventCount":\#(report.eventCount)"#))
        #expect(json.contains(#""problem":null"#))
        #expect(VerificationPrinter.row(report, file: "f", problem: nil, in: .english).hasPrefix("valid      f : "))
        #expect(VerificationPrinter.row(report, file: "f", problem: "broken", in: .french) == "NON VALIDE  f")
    }

    @Test func verificationOfABrokenLedgerCountsTheLinesVerified() throws {
        let report = try LedgerFile(path: ReportFixtures.example).verify()
        #expect(VerificationPrinter.text(report, problem: "x", in: .english).hasPrefix("Ledger NOT VALID: \(report.eventCount) lines verified"))
    }

    @Test func aPublishedDigestNamesItsLine() throws {
        let first = try LedgerFile(path: ReportFixtures.example).read().events[2].hash
        let report = try LedgerFile(path: ReportFixtures.example).verify(publishedDigest: first)
        let text = VerificationPrinter.text(report, problem: nil, in: .french)
        #expect(text.contains("L'empreinte publiée est celle de la ligne 3 : le registre n'a été qu'étendu depuis ("
            + Formatted.count(report.eventCount - 3, "ligne ajoutée", in: .french) + ")."))
    }

    @Test(arguments: [
        (RepairOutcome.nothingToRepair(eventCount: 4), #"{"repaired":false,"eventCount":4}"#, "Rien à réparer : les 4 lignes sont complètes."),
        (.removedEmpty, #"{"repaired":true,"removed":true,"eventCount":0}"#, "Réparé : le registre était vide"),
        (.repaired(sideFile: "s", line: 1, byteCount: 7, eventCount: 0),
         #"{"repaired":true,"removed":true,"sideFile":"s","line":1,"byteCount":7,"eventCount":0}"#, "Réparé : les 7 octets de la ligne 1 interrompue"),
        (.repaired(sideFile: "s", line: 9, byteCount: 7, eventCount: 8),
         #"{"repaired":true,"sideFile":"s","line":9,"byteCount":7,"eventCount":8}"#, "le registre s'arrête à la ligne 8."),
    ])
    func repairSaysWhatWasDone(outcome: RepairOutcome, json: String, french: String) {
        #expect(RepairPrinter.json(outcome) == json)
        #expect(RepairPrinter.text(outcome, file: "p.jsonl", in: .french).contains(french))
    }
}

import CSVTesting
import Foundation
@testable import PacteDocuments
import PacteEvents
import PacteProjections
import PactTesting
import Testing

/// `summary` and `agenda` as documents: one row per ledger, deadlines with their plurals.
@Suite("Summary and agenda printers")
struct SummaryAndAgendaPrinterTests {
    static func rows() throws -> [SummaryPrinter.Row] {
        let events = try LedgerFile(path: ReportFixtures.example).read().events
        let summary = PactSummary(events: events, today: CivilDate("2026-12-01")!)
        return [
            SummaryPrinter.Row(file: "a.jsonl", result: .success(summary)),
            SummaryPrinter.Row(file: "b.jsonl", result: .failure(.inputOutput(path: "b.jsonl", operation: .listFolder, code: 2))),
        ]
    }

    @Test func textHasOneRowPerLedgerAndTheTotals() throws {
        let text = SummaryPrinter.text(try Self.rows(), language: .french)
        let lines = text.split(separator: "\n")
        #expect(lines[0].hasPrefix("pacte"))
        #expect(lines[2].hasPrefix("b.jsonl") && lines[2].contains("ILLISIBLE"))
        #expect(text.contains("Totaux : 2 registres, 1 lisible, "))
    }

    @Test func jsonTellsTheUnreadableLedgerByItsError() throws {
        let json = SummaryPrinter.json(try Self.rows())
        guard case .array(let pacts) = try JSONParser.parse(json), pacts.count == 2,
              case .object(let broken) = pacts[1] else {
            Issue.record("not an array of two objects: \(json)")
            return
        }
        #expect(broken["file"] == .string("b.jsonl"))
        #expect(broken["error"] != nil)
    }

    @Test(arguments: [Character(","), Character(";")])
    func csvIsRFC4180WithOneRecordPerLedger(separator: Character) throws {
        let records = try CSVParser.parse(SummaryPrinter.csv(try Self.rows(), separator: separator, language: .english), separator: separator)
        #expect(records.count == 3)
        #expect(records[0].first == "file")
        #expect(records[2].first == "b.jsonl" && records[2].last != "")
    }

    @Test(arguments: [
        (0, Language.french, "0 échéance"), (1, .french, "1 échéance"), (2, .french, "2 échéances"),
        (0, .english, "0 deadlines"), (1, .english, "1 deadline"), (11, .english, "11 deadlines"),
    ])
    func deadlinesAgreeWithTheirCount(count: Int, language: Language, expected: String) {
        #expect(AgendaPrinter.deadlines(count, in: language) == expected)
    }

    @Test func agendaTextEndsWithTheCountOfDeadlines() throws {
        let events = try LedgerFile(path: ReportFixtures.example).read().events
        let agenda = Agenda(events: events, today: CivilDate("2025-03-15")!)
        let text = AgendaPrinter.text(agenda, language: .french)
        #expect(!agenda.items.isEmpty)
        #expect(text.hasSuffix("\n" + AgendaPrinter.deadlines(agenda.items.count, in: .french)
            + (agenda.items.contains(where: \.isOverdue) ? ", dont \(agenda.items.filter(\.isOverdue).count) en retard" : "") + ".\n"))
        #expect(!text.contains("(s)"))
        let quiet = AgendaPrinter.text(Agenda(events: [], today: CivilDate("2025-03-15")!), language: .english)
        #expect(quiet.contains("Nothing is due"))
    }

    @Test(arguments: [
        ("outcome", "adopted", "adopté"), ("basis", "dedicated", "crédits dédiés au pacte"), ("vote_date", "2025-03-15", "15/03/2025"),
        ("line_kind", "in-kind", "en nature"), ("reference", "DEL-1", "DEL-1"), ("outcome", "", ""),
    ])
    func excelShowsTheFormatsCodesInFrench(column: String, value: String, french: String) {
        #expect(ExcelCSV.value(value, column: column) == french)
    }

    @Test func excelTextStartsWithAByteOrderMarkAndFrenchHeaders() {
        let table = CSVTable(header: ["vote_date", "amount_cents"], rows: [["2025-03-15", "100"]])
        let text = ExcelCSV.text(table)
        #expect(text.hasPrefix(ExcelCSV.byteOrderMark + "date du vote;montant (centimes)\r\n15/03/2025;100\r\n"))
    }
}

import Foundation
import PactTesting
import PacteEvents
import Testing
import CSVTesting
import PacteDocuments
import PacteProjections

/// `export` on the example ledger and on a ledger full of awkward text: every table
/// reads back with a strict RFC 4180 reader.
@Suite("CSV export")
struct CSVExportTests {
    /// The table as records keyed by column name.
    static func rows(_ text: String, separator: Character) throws -> (header: [String], rows: [[String: String]]) {
        try CSVParser.rows(text, separator: separator)
    }

    @Test(arguments: [(Character(";"), "20000,00"), (Character(","), "20000.00")])
    func commitmentsOfTheExample(separator: Character, stateAmount: String) throws {
        let output = try ReportFixtures.export(.commitments, separator: separator)
        let (header, rows) = try Self.rows(output, separator: separator)
        #expect(header == PactExport.commitmentColumns)
        // One row per line of every commitment.voted, cash and in kind.
        let contents = try LedgerFile(path: ReportFixtures.example).read()
        var lines = 0
        for event in contents.events {
            if case .commitmentVoted(let vote) = event.payload { lines += vote.lines.count + vote.inKind.count }
        }
        #expect(rows.count == lines)
        let state = try #require(rows.first { $0["partner_id"] == "ddets-31" && $0["action_id"] == "A1" })
        #expect(state["amount_eur"] == stateAmount)
        #expect(state["amount_cents"] == "2000000")
        #expect(state["source"] == "BOP 304 action 23")
        #expect(state["basis"] == "dedicated")
        #expect(state["outcome"] == "adopted")
        #expect(state["vote_date"] == "2025-03-20")
        #expect(state["year"] == "2025")
        #expect(state["partner_kind"] == "state")
        #expect(state["line_kind"] == "cash")
        #expect(state["action_title"] == "Accueil parents-enfants itinérant")
        #expect(state["reference"]?.hasPrefix("Arrêté préfectoral") == true)
        let inKind = try #require(rows.first { $0["line_kind"] == "in-kind" && $0["partner_id"] == "cc-coteaux" })
        #expect(inKind["amount_cents"] == "300000")
        #expect(inKind["basis"] == "")
    }

    @Test func semicolonExportWritesDecimalCommasAndNoDecimalPoint() throws {
        let output = try ReportFixtures.export(.actions, separator: ";")
        let (_, rows) = try Self.rows(output, separator: ";")
        for row in rows {
            for (column, value) in row where column.hasSuffix("_eur") {
                #expect(value.contains(","), "\(column) = \(value)")
                #expect(!value.contains("."), "\(column) = \(value)")
            }
        }
    }

    @Test func actionsOfTheExample() throws {
        let output = try ReportFixtures.export(.actions)
        let (header, rows) = try Self.rows(output, separator: ",")
        #expect(header == PactExport.actionColumns)
        #expect(rows.map { $0["action_id"] } == ["A1", "A2", "A3"])
        let a2 = rows[1]
        #expect(a2["end"] == "2026-10-31")
        #expect(a2["extended_end"] == "2026-10-31")
        #expect(a2["state_year"] == "2025")
        #expect(a2["twelve_month_limit"] == "2026-09-30")
        #expect(a2["year_limit"] == "2026-12-31")
        #expect(a2["outcome"] == "completed")
        #expect(a2["state_cash_voted_eur"] == "15000.00")
        #expect(a2["state_cash_voted_cents"] == "1500000")
        let a3 = rows[2]
        #expect(a3["state_year"] == "")
        #expect(a3["in_kind_planned_cents"] == "250000")
    }

    @Test func signaturesOfTheExample() throws {
        let output = try ReportFixtures.export(.signatures)
        let (header, rows) = try Self.rows(output, separator: ",")
        #expect(header == PactExport.signatureColumns)
        #expect(rows.filter { $0["document"] == "convention" }.count == 6)
        #expect(rows.filter { $0["document"] == "amendment-1" }.count == 7)
        let department = try #require(rows.first { $0["document"] == "convention" && $0["partner_id"] == "cd-31" })
        #expect(department["requested_date"] == "2025-02-24")
        #expect(department["target_date"] == "2025-08-24")
        #expect(department["vote_date"] == "2025-09-01")
        #expect(department["signed_date"] == "2025-09-08")
        #expect(department["days_to_sign"] == "196")
        #expect(department["state"] == "signed")
        #expect(department["in_force_date"] == "2025-09-08")
        #expect(department["seq"] == "38 40")
    }

    @Test func signaturesAsOfADateShowWhoIsLate() throws {
        let output = try ReportFixtures.export(.signatures, asOf: "2025-08-30")
        let (_, rows) = try Self.rows(output, separator: ",")
        let department = try #require(rows.first { $0["partner_id"] == "cd-31" })
        #expect(department["state"] == "late")
        #expect(department["signed_date"] == "")
        #expect(!rows.contains { $0["document"] == "amendment-1" })
    }

    @Test(arguments: [Character(","), Character(";")])
    func awkwardTextRoundTrips(separator: Character) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try ReportFixtures.hostileLedger(in: folder)
        let hostile = ReportFixtures.hostile
        let output = try ReportFixtures.export(.commitments, file, separator: separator)
        let (_, rows) = try Self.rows(output, separator: separator)
        let cash = try #require(rows.first { $0["line_kind"] == "cash" })
        #expect(cash["source"] == "Budget\n" + hostile)
        #expect(cash["reference"] == "'=HYPERLINK(\"x\"); " + hostile)
        #expect(cash["partner_name"] == "CC " + hostile)
        #expect(cash["action_title"] == "Action " + hostile)
        #expect(cash["amount_eur"] == (separator == ";" ? "12500,50" : "12500.50"))
        #expect(cash["amount_cents"] == "1250050")
        let inKind = try #require(rows.first { $0["line_kind"] == "in-kind" })
        #expect(inKind["source"] == "Locaux " + hostile)
        for table in [PactExport.Table.actions, .signatures] {
            let other = try ReportFixtures.export(table, file, separator: separator)
            _ = try Self.rows(other, separator: separator)
        }
    }
}

import Foundation
import PactTesting
import Testing
import CSVTesting

/// Every CSV field that comes from the ledger (ids included, not only free text) is
/// guarded against spreadsheet formulas, in every table of `export` and in
/// `summary --csv`, through the built binary and read back by a strict RFC 4180 reader.
@Suite("CSV formula injection", .timeLimit(.minutes(10)))
struct CSVFormulaInjectionTests {
    static let dde = "=cmd|'/C calc'!A0"

    /// Every id and every free text a formula, each starting with a different trigger.
    static let ledger = InjectionLedger(
        pactId: #"=HYPERLINK("http://x.invalid";"pacte")"#, territory: "@SUM(1+1)*cmd|' /C calc'!A0",
        porteurId: dde, stateId: "+etat", priorityId: "-P1", actionId: "@A1",
        text: { "=" + $0 + "|'/C calc'!A0" })

    /// A field a spreadsheet could run: it starts with `=`, `+`, `-`, `@`, tab, CR or LF
    /// and is not a plain number.
    static func isFormula(_ field: String) -> Bool {
        guard let first = field.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return false }
        return field.wholeMatch(of: #/-[0-9]+([.,][0-9]+)?/#) == nil
    }

    static func write(in folder: TemporaryFolder, name: String = "pacte.jsonl") throws -> String {
        let file = folder.path(name)
        try ledger.write(to: file)
        return file
    }

    /// The rows of `export --table` of ``ledger``, read back from the built binary.
    static func export(_ table: String, separator: Character) throws -> [[String: String]] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let output = try BuiltBinary.run(["export", try write(in: folder), "--table", table, "--separator", String(separator)])
        #expect(output.exitCode == 0, "\(output.standardError)")
        let rows = try CSVParser.rows(output.standardOutput, separator: separator).rows
        #expect(!rows.isEmpty, "\(table)")
        return rows
    }

    @Test(arguments: [Character(","), Character(";")])
    func commitmentsGuardIdsAndText(separator: Character) throws {
        let rows = try Self.export("commitments", separator: separator)
        let porteur = try #require(rows.first { $0["partner_id"] == "'" + Self.dde && $0["line_kind"] == "cash" })
        #expect(porteur["action_id"] == "'@A1")
        #expect(porteur["partner_name"] == "'=CC|'/C calc'!A0")
        #expect(porteur["body"] == "'=conseil|'/C calc'!A0")
        #expect(porteur["reference"] == "'=Arrêté|'/C calc'!A0")
        #expect(porteur["action_title"] == "'=Action|'/C calc'!A0")
        #expect(porteur["source"] == "'=Ligne|'/C calc'!A0")
        #expect(porteur["amount_cents"] == "1000000")
        #expect(porteur["amount_eur"] == (separator == ";" ? "10000,00" : "10000.00"))
        #expect(porteur["seq"]?.first?.isNumber == true)
        let state = try #require(rows.first { $0["partner_id"] == "'+etat" && $0["line_kind"] == "in-kind" })
        #expect(state["source"] == "'=Salle|'/C calc'!A0")
    }

    @Test(arguments: [Character(","), Character(";")])
    func actionsGuardIdsAndText(separator: Character) throws {
        let rows = try Self.export("actions", separator: separator)
        let action = try #require(rows.first)
        #expect(action["action_id"] == "'@A1")
        #expect(action["priority_id"] == "'-P1")
        #expect(action["partner_ids"] == "'" + Self.dde + " +etat")
        #expect(action["action_title"] == "'=Action|'/C calc'!A0")
        #expect(action["state_cash_planned_cents"] == "1000000")
    }

    @Test(arguments: [Character(","), Character(";")])
    func signaturesGuardIdsAndText(separator: Character) throws {
        let rows = try Self.export("signatures", separator: separator)
        let porteur = try #require(rows.first { $0["partner_id"] == "'" + Self.dde })
        #expect(porteur["partner_name"] == "'=CC|'/C calc'!A0")
        #expect(porteur["statutory_body"] == "'=conseil|'/C calc'!A0")
        #expect(porteur["vote_reference"] == "'=Délibération|'/C calc'!A0")
        #expect(porteur["signatory_name"] == "'=Maire|'/C calc'!A0")
        #expect(porteur["signatory_role"] == "'=Maire|'/C calc'!A0")
        #expect(porteur["days_to_sign"] == "13")
        let state = try #require(rows.first { $0["partner_id"] == "'+etat" })
        #expect(state["partner_name"] == "'=État|'/C calc'!A0")
    }

    @Test func summaryGuardsFilePactIdAndTerritory() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let name = "=cmd|' calc'!A0.jsonl"
        _ = try Self.write(in: folder, name: name)
        let output = try BuiltBinary.run(["summary", name, "--csv", "--today", "2025-06-01"], in: folder.url)
        #expect(output.exitCode == 0, "\(output.standardError)")
        let rows = try CSVParser.rows(output.standardOutput, separator: ",").rows
        let row = try #require(rows.first)
        #expect(row["file"] == "'" + name)
        #expect(row["pactId"] == #"'=HYPERLINK("http://x.invalid";"pacte")"#)
        #expect(row["territory"] == "'@SUM(1+1)*cmd|' /C calc'!A0")
        #expect(row["eventCount"] == "9")
    }

    /// No field of any CSV the tool writes can be run by a spreadsheet.
    @Test(arguments: [Character(","), Character(";")])
    func noFieldOfAnyCSVIsAFormula(separator: Character) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.write(in: folder)
        var outputs: [String] = []
        for table in ["commitments", "actions", "signatures"] {
            outputs.append(try BuiltBinary.run(["export", file, "--table", table, "--separator", String(separator)]).standardOutput)
        }
        outputs.append(try BuiltBinary.run(["summary", file, "--csv", "--separator", String(separator)]).standardOutput)
        for output in outputs {
            let records = try CSVParser.parse(output, separator: separator)
            #expect(records.count > 1)
            for record in records {
                for field in record { #expect(!Self.isFormula(field), "\(field.debugDescription) in \(record)") }
            }
        }
    }
}

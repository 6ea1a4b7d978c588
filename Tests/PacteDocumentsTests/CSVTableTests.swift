import Testing
import CSVTesting
@testable import PacteDocuments

/// The RFC 4180 writer, checked against the strict reader of the tests.
@Suite("CSV writer")
struct CSVTableTests {
    static let trickyFields = [
        "plain", "", " leading and trailing ", "a,b", "a;b", #"say "hi""#, "\"", "\"\"", "line\nbreak", "cr\rreturn",
        "crlf\r\nend", "é à ü – €", "q\"\u{301}uote and accent", "trailing comma,", ";", ",\";\n",
    ]

    @Test(arguments: [Character(","), Character(";")])
    func everyFieldRoundTrips(separator: Character) throws {
        var table = CSVTable(header: ["id", "value", "other"])
        for (index, field) in Self.trickyFields.enumerated() {
            table.append([String(index), field, field + field])
        }
        let text = table.text(separator: separator)
        let records = try CSVParser.parse(text, separator: separator)
        #expect(records.count == Self.trickyFields.count + 1)
        #expect(records[0] == ["id", "value", "other"])
        for (index, field) in Self.trickyFields.enumerated() {
            #expect(records[index + 1] == [String(index), field, field + field], "field \(index): \(field.debugDescription)")
        }
    }

    @Test func recordsEndWithCRLFAndNoBareLineFeed() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["1", "two\nlines"])
        let text = table.text()
        #expect(text == "a,b\r\n1,\"two\nlines\"\r\n")
        #expect(text.hasSuffix("\r\n"))
    }

    @Test(arguments: [
        ("plain", Character(","), "plain"),
        ("a,b", Character(","), "\"a,b\""),
        ("a;b", Character(","), "a;b"),
        ("a;b", Character(";"), "\"a;b\""),
        ("a,b", Character(";"), "a,b"),
        (#"say "hi""#, Character(","), #""say ""hi""""#),
        ("x\ny", Character(";"), "\"x\ny\""),
        ("x\ry", Character(","), "\"x\ry\""),
    ])
    func fieldIsQuotedOnlyWhenNeeded(value: String, separator: Character, expected: String) {
        #expect(CSVTable.field(escaping: value, separator: separator) == expected)
    }

    @Test(arguments: [
        (1_250_050, Character(","), "12500.50"),
        (1_250_050, Character(";"), "12500,50"),
        (2_000_000, Character(","), "20000.00"),
        (5, Character(";"), "0,05"),
        (0, Character(","), "0.00"),
        (-150, Character(","), "-1.50"),
    ])
    func eurosUseTheSeparatorsDecimalMark(cents: Int, separator: Character, expected: String) {
        #expect(CSVTable.euros(cents, separator: separator) == expected)
    }

    @Test(arguments: [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+33 5 61", "'+33 5 61"), ("@cmd", "'@cmd"), ("=cmd|'/C calc'!A0", "'=cmd|'/C calc'!A0"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("\nx", "'\nx"), ("-", "'-"), ("-1+1", "'-1+1"), ("-1.", "'-1."), ("-.5", "'-.5"),
        ("-1.2.3", "'-1.2.3"), ("-1,2,3", "'-1,2,3"), ("-A1", "'-A1"), ("'=x", "'=x"),
        ("-1", "-1"), ("-1.50", "-1.50"), ("-1250,50", "-1250,50"), ("12", "12"), ("2025-03-01", "2025-03-01"),
        ("Budget général", "Budget général"), ("BOP 304 action 23", "BOP 304 action 23"), ("", ""),
    ])
    func noFieldCanBecomeAFormula(value: String, expected: String) throws {
        #expect(CSVTable.guarded(value) == expected)
        // The writer guards every field, header and row alike.
        var table = CSVTable(header: [value])
        table.append([value])
        #expect(try CSVParser.parse(table.text()) == [[expected], [expected]])
    }

    @Test func theTestReaderRefusesWhatRFC4180Refuses() {
        #expect(throws: CSVParser.Malformed.self) { try CSVParser.parse("a,b\n") }
        #expect(throws: CSVParser.Malformed.self) { try CSVParser.parse("a,b\r\n\"open\r\n") }
        #expect(throws: CSVParser.Malformed.self) { try CSVParser.parse("a\"b\r\n") }
        #expect(throws: CSVParser.Malformed.self) { try CSVParser.parse("\"a\"b\r\n") }
        #expect(throws: CSVParser.Malformed.self) { try CSVParser.parse("a,b") }
    }
}

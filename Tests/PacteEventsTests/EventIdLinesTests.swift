import PacteEvents
import Testing

/// The reader's compact table of ids (``EventIdLines``) answers as a dictionary keyed by
/// the ids' bytes would.
@Suite("Event ids by line")
struct EventIdLinesTests {
    @Test func findsEveryIdAcrossGrowthAndNothingElse() {
        var table = EventIdLines()
        var reference: [ByteKey: Int] = [:]
        // Short and long ids (inline and heap strings), past several rehashes.
        let ids = (1...5_000).map { $0 % 7 == 0 ? "evenement-de-la-ligne-\($0)-\(String(repeating: "x", count: $0 % 40))" : "e\($0)" }
        for id in ids {
            #expect(table[ByteKey(id)] == nil)
            table.append(id)
            reference[ByteKey(id)] = table.count
        }
        #expect(table.count == ids.count)
        for (key, line) in reference {
            #expect(table[key] == line)
            #expect(table.line(of: key.text) == line)
        }
        for missing in ["", "e0", "e5001", "evenement-de-la-ligne-7", "E1"] {
            #expect(table[ByteKey(missing)] == nil)
        }
    }

    @Test func idsCompareAsBytes() {
        var table = EventIdLines()
        table.append("caf\u{E9}")  // NFC
        table.append("in\u{212A}ind")  // KELVIN SIGN
        #expect(table[ByteKey("caf\u{E9}")] == 1)
        #expect(table[ByteKey("cafe\u{301}")] == nil)  // NFD: canonically equal, other bytes
        #expect(table[ByteKey("in\u{212A}ind")] == 2)
        #expect(table[ByteKey("inKind")] == nil)
        table.append("cafe\u{301}")
        #expect(table[ByteKey("cafe\u{301}")] == 3)
        #expect(table[ByteKey("caf\u{E9}")] == 1)
    }

    @Test func anEmptyTableFindsNothing() {
        #expect(EventIdLines()[ByteKey("e1")] == nil)
        #expect(EventIdLines().count == 0)
    }
}

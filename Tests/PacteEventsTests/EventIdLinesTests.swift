@testable import PacteEvents
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
            table.record(id, line: table.count + 1)
            reference[ByteKey(id)] = table.count
        }
        #expect(table.count == ids.count)
        for (key, line) in reference {
            #expect(table[key] == line)
        }
        for missing in ["", "e0", "e5001", "evenement-de-la-ligne-7", "E1"] {
            #expect(table[ByteKey(missing)] == nil)
        }
    }

    @Test func idsCompareAsBytes() {
        var table = EventIdLines()
        table.record("caf\u{E9}", line: 1)  // NFC
        table.record("in\u{212A}ind", line: 2)  // KELVIN SIGN
        #expect(table[ByteKey("caf\u{E9}")] == 1)
        #expect(table[ByteKey("cafe\u{301}")] == nil)  // NFD: canonically equal, other bytes
        #expect(table[ByteKey("in\u{212A}ind")] == 2)
        #expect(table[ByteKey("inKind")] == nil)
        table.record("cafe\u{301}", line: 3)
        #expect(table[ByteKey("cafe\u{301}")] == 3)
        #expect(table[ByteKey("caf\u{E9}")] == 1)
    }

    /// An append resumed from a checkpoint records some lines of the prefix, out of order,
    /// then the lines after it: each is found at its own line.
    @Test func linesRecordedOutOfOrderAreFoundAtTheirLines() {
        var table = EventIdLines()
        table.record("e900", line: 900)
        table.record("e12", line: 12)
        table.record("e1001", line: 1_001)
        table.record("cafe\u{301}", line: 1_002)
        #expect(table[ByteKey("e900")] == 900)
        #expect(table[ByteKey("e12")] == 12)
        #expect(table[ByteKey("e1001")] == 1_001)
        #expect(table[ByteKey("cafe\u{301}")] == 1_002)
        #expect(table[ByteKey("caf\u{E9}")] == nil)
        #expect(table[ByteKey("e1")] == nil)
        #expect(table.count == 4)
    }

    @Test func anEmptyTableFindsNothing() {
        #expect(EventIdLines()[ByteKey("e1")] == nil)
        #expect(EventIdLines().count == 0)
    }

    /// The table grows from its slots alone: an id's first slot depends only on the high
    /// bits of its hash a slot keeps, lies in the table, and spreads over all of it, for
    /// tables of 16 slots to 2^40 (past the 2^24 those bits can tell apart).
    @Test(arguments: [4, 10, 23, 24, 25, 31, 40])
    func anIdsFirstSlotComesFromTheBitsASlotKeeps(_ slotBits: Int) {
        var generator = SystemRandomNumberGenerator()
        var lowest = Int.max
        var highest = Int.min
        for _ in 0..<2_000 {
            let hash = Int(truncatingIfNeeded: generator.next() as UInt64)
            let slot = EventIdLines.firstSlot(of: hash, slotBits: slotBits)
            #expect(slot >= 0 && slot < 1 << slotBits)
            #expect(slot == EventIdLines.firstSlot(of: hash & ~EventIdLines.lineBits, slotBits: slotBits))
            lowest = min(lowest, slot)
            highest = max(highest, slot)
        }
        // 2,000 random hashes fall in the first and the last eighth of the table.
        #expect(lowest < 1 << (slotBits - 3))
        #expect(highest >= 7 << (slotBits - 3))
        #expect(EventIdLines.firstSlot(of: -1, slotBits: slotBits) >= (1 << slotBits) - (1 << max(0, slotBits - 24)))
        #expect(EventIdLines.firstSlot(of: 0, slotBits: slotBits) == 0)
    }
}

import ICSTesting
import PacteEvents
import PactTesting
import Testing
@testable import PacteDocuments

/// The iCalendar writer on hostile text.
@Suite("iCalendar writer")
struct ICalendarTests {
    @Test("TEXT escaping", arguments: [
        ("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\nb"), ("a\tb", "a b"),
        ("État", "État"),
    ])
    func escaping(text: String, escaped: String) {
        #expect(ICalendar.escaped(text) == escaped)
    }

    @Test("folding at 75 octets, never inside a UTF-8 sequence", arguments: [
        String(repeating: "a", count: 200), String(repeating: "é", count: 100), String(repeating: "€", count: 60),
        String(repeating: "👩‍👩‍👧", count: 20), "x" + String(repeating: "é", count: 80),
    ])
    func folding(value: String) {
        let folded = ICalendar.folded("SUMMARY:" + value)
        let checker = ICSChecker(Array(("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" + folded + "END:VCALENDAR\r\n").utf8))
        #expect(checker.problems == [])
        #expect(checker.calendar?.values("SUMMARY") == [value])
    }

    @Test func hostileEventPassesTheCheck() throws {
        let calendar = ICalendar(productId: "-//t//t//FR", name: "n;a,m\\e", events: [
            ICalendar.Event(
                uid: "u1@t", date: CivilDate("2025-02-28")!, summary: ReportFixtures.hostile + "; a, b\\c\nd",
                description: String(repeating: "Délibération, ", count: 20), categories: ["x,y", "z"], sequence: 3),
        ])
        let text = calendar.text(stamp: Timestamp("2025-01-01T00:00:00Z")!)
        let checker = ICSChecker(Array(text.utf8))
        #expect(checker.problems == [])
        let event = try #require(checker.calendar?.children.first)
        #expect(event.values("DTEND") == ["20250301"])
        #expect(event.values("DTSTAMP") == ["20250101T000000Z"])
    }

    /// The checker itself fails bad files.
    @Test(arguments: [
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\nEND:VCALENDAR\n",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20250101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nSUMMARY:a;b\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-A:" + String(repeating: "a", count: 80) + "\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
    ])
    func checkerRefusesBadFiles(text: String) {
        #expect(!ICSChecker(Array(text.utf8)).problems.isEmpty)
    }

    @Test func checkerRefusesASplitSequence() {
        var bytes = Array("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nSUMMARY:".utf8)
        bytes += [0xC3, 0x0D, 0x0A, 0x20, 0xA9]
        bytes += Array("\r\nEND:VCALENDAR\r\n".utf8)
        #expect(ICSChecker(bytes).problems.contains { $0.contains("UTF-8") })
    }
}

import Foundation
import PacteEvents
import Testing

@testable import pacte_ledger

/// Awkward text (quotes, backslashes, control characters, bidirectional marks, emoji,
/// HTML, combining characters) is stored, hashed and shown byte for byte: no escaping
/// beyond the format's, no Unicode normalisation, no interpretation.
extension ChildProcessSuites {
@Suite("Text fidelity", .timeLimit(.minutes(10)))
struct TextFidelityTests {
    static let texts: [(name: String, text: String)] = [
        ("quotes", #"Il a dit "oui", puis 'non' « peut-être » ""#),
        ("backslashes", #"C:\Pacte\n (pas un saut de ligne) \\ \u0041 \"#),
        ("newlines and tabs", "ligne 1\nligne 2\r\n\tindentée\u{0B}\u{0C}\u{08}fin"),
        ("control characters and NUL", "a\u{0}b\u{1}c\u{1F}d\u{7F}e"),
        ("right-to-left marks", "\u{200F}مرحبا\u{202E}fdp.exe\u{202C} \u{200E}שלום"),
        ("emoji", "👩‍👩‍👧‍👦 🇫🇷 ❤️ 🏳️‍🌈 🧑🏽‍🦯"),
        ("HTML", #"<script>alert(1)</script> & "x""#),
        ("combining characters", "e\u{301}te\u{301} ≠ \u{E9}t\u{E9}, Z\u{35C}\u{361}a\u{310}"),
        ("separators, BOM, slash", "a\u{2028}b\u{2029}c\u{FEFF}d/e</f>"),
        ("astral plane and noncharacters", "\u{1D11E} \u{10FFFF} \u{FFFE}"),
    ]

    /// The string as format v1 writes it, by the contract's rules (independent of
    /// JSONWriter): only `"`, `\` and control characters escaped, everything else raw UTF-8.
    static func escaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += Array(#"\""#.utf8)
            case UInt8(ascii: "\\"): bytes += Array(#"\\"#.utf8)
            case 0x0A: bytes += Array(#"\n"#.utf8)
            case 0x0D: bytes += Array(#"\r"#.utf8)
            case 0x09: bytes += Array(#"\t"#.utf8)
            case 0x08: bytes += Array(#"\b"#.utf8)
            case 0x0C: bytes += Array(#"\f"#.utf8)
            case 0x00..<0x20: bytes += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        return bytes + [UInt8(ascii: "\"")]
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        HostileInputTests.find(needle, in: bytes) != nil
    }

    @Test("stored, hashed and shown byte-exact (in-process: init, meeting, record --data)", arguments: 0..<texts.count)
    func inProcess(index: Int) throws {
        let (name, text) = Self.texts[index]
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        let environment = Guarantee.environment()

        var arguments = initArguments(file)
        let titleIndex = try #require(arguments.firstIndex(of: "--title"))
        arguments[titleIndex + 1] = text
        let created = PacteLedger.execute(arguments, environment: environment)
        #expect(created.exitCode == 0, "\(name): \(created.standardError)")
        let meeting = PacteLedger.execute(
            ["meeting", file, "--body", text, "--attendee", "cc-val", "--decision", text, "--effective", "2025-02-01", "--by", "me",
             "--id", "meeting-1"],
            environment: environment)
        #expect(meeting.exitCode == 0, "\(name): \(meeting.standardError)")
        let partner = JSONObject([
            JSONMember("partner", .object(JSONObject([
                JSONMember("id", .string("asso-1")), JSONMember("name", .string(text)), JSONMember("kind", .string("association")),
            ]))),
            JSONMember("via", .string("initial")),
        ])
        let joined = PacteLedger.execute(
            ["record", file, "partner.joined", "--effective", "2025-02-02", "--by", "me", "--id", "partner-1",
             "--data", JSONWriter.string(of: .object(partner))],
            environment: environment)
        #expect(joined.exitCode == 0, "\(name): \(joined.standardError)")

        // Stored: the data bytes are exactly what the writer makes of the data given.
        let lines = Guarantee.lines(of: try Guarantee.readBytes(file))
        try #require(lines.count == 3)
        let meetingData = JSONObject([
            JSONMember("body", .string(text)), JSONMember("attendees", .array([.string("cc-val")])),
            JSONMember("decisions", .array([.string(text)])), JSONMember("commitmentsPresented", .array([])),
            JSONMember("actionsReviewed", .array([])),
        ])
        for (line, data) in [(lines[1], meetingData), (lines[2], partner)] {
            let stored = Array(#","data":"#.utf8) + JSONWriter.bytes(of: .object(data)) + Array(#","prev":""#.utf8)
            #expect(Self.contains(line, stored), "\(name): data bytes differ")
        }
        #expect(Self.contains(lines[0], Array(#""title":"#.utf8) + Self.escaped(text)), "\(name): title bytes")
        #expect(Self.contains(lines[1], Array(#""decisions":["#.utf8) + Self.escaped(text) + [UInt8(ascii: "]")]))
        #expect(Self.contains(lines[2], Array(#""name":"#.utf8) + Self.escaped(text)))

        // Hashed: the chain verifies; read back, the strings are the same bytes (Swift's
        // `==` would also accept a normalised form, so the UTF-8 is compared).
        #expect(try LedgerFile(path: file).verify().isValid)
        let events = try LedgerFile(path: file).read().events
        #expect(events[0].data["title"]?.stringValue.map { Array($0.utf8) } == Array(text.utf8))
        #expect(events[1].data == meetingData)
        #expect(events[2].data == partner)
        if case .array(let decisions) = events[1].data["decisions"], case .string(let decision) = decisions.first {
            #expect(Array(decision.utf8) == Array(text.utf8), "\(name)")
        } else {
            Issue.record("\(name): no decision read back")
        }

        // Shown: log --json prints the same escaped bytes and parses back to the same text.
        let log = PacteLedger.execute(["log", file, "--json"], environment: environment)
        #expect(log.exitCode == 0)
        let shown = Array(log.standardOutput.utf8)
        #expect(Self.contains(shown, Array(#""title":"#.utf8) + Self.escaped(text)), "\(name): log --json title")
        #expect(Self.contains(shown, Array(#""decisions":["#.utf8) + Self.escaped(text) + [UInt8(ascii: "]")]))
        guard case .array(let shownEvents) = try JSONParser.parse(log.standardOutput), shownEvents.count == 3,
            case .object(let shownMeeting) = shownEvents[1], case .object(let shownData) = shownMeeting["data"]
        else {
            Issue.record("\(name): log --json is not an array of 3 events")
            return
        }
        #expect(shownData == meetingData)
        let verified = PacteLedger.execute(["verify", file], environment: environment)
        #expect(verified.exitCode == 0, "\(name): \(verified.standardError)")
    }

    @Test("through the built binary: the command line's text is stored and shown byte-exact", arguments: 0..<texts.count)
    func throughTheBinary(index: Int) throws {
        let (name, text) = Self.texts[index]
        // A command-line argument cannot hold NUL.
        let argument = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{0}" }))
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        let created = try Guarantee.ledger(initArguments(file))
        #expect(created.exitCode == 0, "\(created)")
        let meeting = try Guarantee.ledger([
            "meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--decision", argument, "--effective", "2025-02-01",
            "--by", "me", "--id", "meeting-1",
        ])
        #expect(meeting.exitCode == 0, "\(name): \(meeting)")
        let line = Guarantee.lines(of: try Guarantee.readBytes(file))[1]
        #expect(Self.contains(line, Array(#""decisions":["#.utf8) + Self.escaped(argument) + [UInt8(ascii: "]")]), "\(name)")
        let log = try Guarantee.ledger(["log", file, "--json"])
        #expect(log.exitCode == 0)
        #expect(Self.contains(log.standardOutput, Array(#""decisions":["#.utf8) + Self.escaped(argument) + [UInt8(ascii: "]")]), "\(name)")
        let verified = try Guarantee.ledger(["verify", file])
        #expect(verified.exitCode == 0, "\(verified)")
        let event = try #require(try LedgerFile(path: file).read().events.last)
        if case .array(let decisions) = event.data["decisions"], case .string(let decision) = decisions.first {
            #expect(Array(decision.utf8) == Array(argument.utf8), "\(name)")
        } else {
            Issue.record("\(name): no decision read back")
        }
    }
}
}  // extension ChildProcessSuites

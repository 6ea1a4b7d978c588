import PacteEvents
import Testing

/// One line on its own: `LedgerLine.parse` and `LedgerLine.write`.
struct LedgerLineTests {
    private static let zeros = String(repeating: "0", count: 64)
    private static let location = LedgerLocation(file: "test.jsonl", line: 1)

    /// The envelope of a valid line 1 before its hash, with `type` and `data` given.
    private static func prefix(
        seq: String = "1", type: String = "partner.joined", v: String = "1", effective: String = #""2025-02-10""#,
        recorded: String = #""2025-02-10T09:00:00Z""#,
        data: String = #"{"partner":{"id":"ddets-31","name":"DDETS","kind":"state"},"via":"initial"}"#
    ) -> String {
        #"{"seq":\#(seq),"id":"8b2e4f10-1c3d-4e5f-8a9b-0c1d2e3f4a5b","type":"\#(type)","v":\#(v),"effective":\#(effective),"recorded":\#(recorded),"by":"secretariat","data":\#(data),"prev":"\#(zeros)""#
    }

    @Test func aSealedLineParses() throws {
        let line = sealedLine(Self.prefix())
        let event = try parseLine(line)
        #expect(event.seq == 1)
        #expect(event.type == .partnerJoined)
        #expect(event.recordedBy == "secretariat")
        #expect(event.previousHash == .zero)
        #expect(event.hash == SHA256.hash(Array(Self.prefix().utf8)))
    }

    @Test(arguments: [
        ("truncated", Array(#"{"seq":1,"id":"#.utf8)),
        ("trailing bytes", Array(#"{"seq":1} {}"#.utf8)),
        ("invalid UTF-8", Array(#"{"seq":1,"by":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8)),
        ("duplicate member", Array(#"{"seq":1,"seq":1}"#.utf8)),
        ("empty line", []),
        ("single quotes", Array("{'seq':1}".utf8)),
        ("byte-order mark", [0xEF, 0xBB, 0xBF] + sealedLine(prefix())),
    ] as [(String, [UInt8])])
    func malformedJSONIsRefused(_ label: String, _ bytes: [UInt8]) {
        let error = #expect(throws: LedgerError.self) { try parseLine(bytes) }
        guard case .malformedLine(let location, _)? = error else {
            Issue.record("\(label): expected a malformed line, got \(String(describing: error))")
            return
        }
        #expect(location == Self.location)
    }

    @Test func malformedJSONNamesTheByte() {
        let bytes = Array(#"{"seq":1,"seq":2}"#.utf8)
        #expect(throws: LedgerError.malformedLine(Self.location, JSONSyntaxError(offset: 9, reason: .duplicateMember("seq")))) {
            try parseLine(bytes)
        }
    }

    @Test func anUnknownTypeIsRefused() {
        let line = sealedLine(Self.prefix(type: "pact.renamed", data: "{}"))
        #expect(throws: LedgerError.unknownType(LedgerLocation(file: "val.jsonl", line: 4), "pact.renamed")) {
            try parseLine(line, file: "val.jsonl", line: 4)
        }
    }

    @Test func anUnknownTypeInALedgerIsNamedByItsLine() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let events = try LedgerFixtures.writeLedger(Array(try LedgerFixtures.baseDrafts().prefix(2)), at: path)
            // Line 3 from a newer tool, with a type this version does not know.
            let prefix = #"{"seq":3,"id":"nouveau","type":"pact.renamed","v":1,"effective":"2025-03-01","recorded":"2025-03-01T10:00:00Z","by":"outil-v2","data":{},"prev":"\#(events[1].hash.hexadecimal)""#
            let bytes = try FileBytes.read(path) + sealedLine(prefix) + [0x0A]
            try FileBytes.write(bytes, to: path)
            #expect(throws: LedgerError.unknownType(LedgerLocation(file: path, line: 3), "pact.renamed")) {
                try LedgerFile(path: path).read()
            }
            #expect(try LedgerFile(path: path).verify().problem?.line == 3)
        }
    }

    @Test func aLineThatIsNotAnObjectIsRefused() {
        #expect(throws: LedgerError.invalidMember(Self.location, FieldError(path: "", expected: .object, found: "[1]"))) {
            try parseLine(Array("[1]".utf8))
        }
    }

    @Test(arguments: [
        ("hash first", #"{"hash":"\#(String(repeating: "0", count: 64))","seq":1}"#),
        ("no hash", #"{"seq":1}"#),
        ("uppercase hash", #"{"seq":1,"hash":"\#(String(repeating: "A", count: 64))"}"#),
        ("short hash", #"{"seq":1,"hash":"\#(String(repeating: "0", count: 63))"}"#),
        ("space before the hash", #"{"seq":1, "hash":"\#(String(repeating: "0", count: 64))"}"#),
        ("space after the hash", #"{"seq":1,"hash":"\#(String(repeating: "0", count: 64))" }"#),
        ("escaped hash", #"{"seq":1,"hash":"\u0030\#(String(repeating: "0", count: 63))"}"#),
    ])
    func theHashMustBeTheFixedEnding(_ label: String, _ text: String) {
        #expect(throws: LedgerError.hashNotLast(Self.location), "\(label)") { try parseLine(Array(text.utf8)) }
    }

    @Test func aCarriageReturnBeforeTheNewlineIsRefused() {
        let line = sealedLine(Self.prefix()) + [0x0D]
        #expect(throws: LedgerError.hashNotLast(Self.location)) { try parseLine(line) }
    }

    @Test func aWrongHashIsAMismatch() throws {
        var line = sealedLine(Self.prefix())
        let computed = SHA256.hash(Array(Self.prefix().utf8)).hexadecimal
        line[line.count - 3] = line[line.count - 3] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
        let written = String(decoding: line[(line.count - 66)..<(line.count - 2)], as: UTF8.self)
        #expect(throws: LedgerError.hashMismatch(Self.location, computed: computed, written: written)) { try parseLine(line) }
    }

    @Test(arguments: [
        ("seq as a string", prefix(seq: #""1""#), FieldError(path: "seq", expected: .integerInRange(1...Int.max), found: #""1""#)),
        ("seq 0", prefix(seq: "0"), FieldError(path: "seq", expected: .integerInRange(1...Int.max), found: "0")),
        ("v 0", prefix(v: "0"), FieldError(path: "v", expected: .integerInRange(1...1), found: "0")),
        ("effective 2025-02-30", prefix(effective: #""2025-02-30""#), FieldError(path: "effective", expected: .date, found: #""2025-02-30""#)),
        ("effective as a number", prefix(effective: "20250210"), FieldError(path: "effective", expected: .date, found: "20250210")),
        ("recorded without Z", prefix(recorded: #""2025-02-10T09:00:00""#),
         FieldError(path: "recorded", expected: .timestamp, found: #""2025-02-10T09:00:00""#)),
        ("data as an array", prefix(data: "[]"), FieldError(path: "data", expected: .object, found: "[]")),
        ("data missing its partner", prefix(data: #"{"via":"initial"}"#), FieldError(path: "data.partner", expected: .object, found: nil)),
    ])
    func envelopeAndDataMembersAreChecked(_ label: String, _ prefix: String, _ expected: FieldError) {
        #expect(throws: LedgerError.invalidMember(Self.location, expected), "\(label)") { try parseLine(sealedLine(prefix)) }
    }

    /// A version newer than this reader knows is not misread: the line is named with
    /// its type, its version and the newest version known (partner.joined: 1).
    @Test func aNewerVersionIsAReadErrorNamingTheNewestKnown() {
        #expect(throws: LedgerError.newerVersion(Self.location, type: .partnerJoined, version: 2)) {
            try parseLine(sealedLine(Self.prefix(v: "2")))
        }
    }

    @Test func aReaderAcceptsAnyOrderAsLongAsHashIsLast() throws {
        let prefix = #"{"data":{"via":"initial","partner":{"kind":"state","name":"DDETS","id":"ddets-31"}},"by":"s","recorded":"2025-02-10T09:00:00Z","effective":"2025-02-10","v":1,"type":"partner.joined","id":"x","seq":1,"prev":"\#(Self.zeros)""#
        let event = try parseLine(sealedLine(prefix))
        #expect(event.type == .partnerJoined)
        #expect(event.data.keys == ["via", "partner"])
        #expect(event.hash == SHA256.hash(Array(prefix.utf8)))
    }

    @Test func unknownEnvelopeMembersAreKept() throws {
        let prefix = Self.prefix() + #","note":{"source":"import"}"#
        let event = try parseLine(sealedLine(prefix))
        #expect(event.otherMembers == [JSONMember("note", .object(JSONObject([JSONMember("source", .string("import"))])))])
    }

    @Test func aPayloadContainingTheHashMarkerChangesNothing() throws {
        let marker = #",\"hash\":\"\#(Self.zeros)\"}"#
        let prefix = Self.prefix(data: #"{"partner":{"id":"p","name":"N\#(marker)","kind":"state"},"via":"initial"}"#)
        let event = try parseLine(sealedLine(prefix))
        guard case .partnerJoined(let joined) = event.payload else {
            Issue.record("not partner.joined")
            return
        }
        #expect(joined.partner.name == #"N,"hash":"\#(Self.zeros)"}"#)
        #expect(event.hash == SHA256.hash(Array(prefix.utf8)))
    }

    @Test func writeProducesTheFormatsEnvelope() throws {
        let data = try LedgerFixtures.object(#"{"to":["DDETS / 31","« Commissaire »"]}"#)
        let previous = try #require(SHA256Digest(hexadecimal: String(repeating: "ab", count: 32)))
        let (bytes, hash) = LedgerLine.write(
            seq: 12, id: "id-12", type: .draftSubmitted, version: 1, effective: try LedgerFixtures.date("2025-03-15"),
            recorded: try #require(Timestamp("2025-03-16T07:08:09Z")), recordedBy: "moi", data: data, previousHash: previous)
        let expectedPrefix = #"{"seq":12,"id":"id-12","type":"draft.submitted","v":1,"effective":"2025-03-15","recorded":"2025-03-16T07:08:09Z","by":"moi","data":{"to":["DDETS / 31","« Commissaire »"]},"prev":"\#(String(repeating: "ab", count: 32))""#
        #expect(hash == SHA256.hash(Array(expectedPrefix.utf8)))
        #expect(bytes == Array((expectedPrefix + #","hash":""# + hash.hexadecimal + "\"}\n").utf8))
        let event = try parseLine(Array(bytes.dropLast()), line: 12)
        #expect(event.seq == 12 && event.hash == hash && event.previousHash == previous && event.data == data)
    }
}

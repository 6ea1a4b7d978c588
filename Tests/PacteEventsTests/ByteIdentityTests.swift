import PacteEvents
import Testing

/// Ids, member names and references are bytes: canonically equivalent spellings (NFC and
/// NFD, the KELVIN SIGN and `K`) are different, as they are in the file.
@Suite("Identity is bytes")
struct ByteIdentityTests {
    static let composed = "partenaire-\u{E9}"  // é precomposed (NFC)
    static let decomposed = "partenaire-e\u{301}"  // e + combining acute (NFD)

    @Test func swiftStringsMergeWhatTheFormatKeepsApart() {
        // The reason for ByteKey: String's == and hashing follow canonical equivalence.
        #expect(Self.composed == Self.decomposed)
        #expect(ByteKey(Self.composed) != ByteKey(Self.decomposed))
        #expect(Set([ByteKey(Self.composed), ByteKey(Self.decomposed)]).count == 2)
        #expect(!Self.composed.hasSameBytes(as: Self.decomposed))
        #expect(ByteKey(Self.composed) == ByteKey("partenaire-\u{E9}"))
    }

    /// The comparison reads eight bytes at a time, then the rest: every length up to 40
    /// (inline and heap strings), a difference at every position, and a prefix.
    @Test(arguments: 0...40) func sameBytesAtEveryLengthAndPosition(length: Int) {
        let text = String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
        #expect(text.hasSameBytes(as: String(text.utf8.map { Character(UnicodeScalar($0)) })))
        #expect(ByteKey(text) == ByteKey(text + ""))
        for position in 0..<length {
            var bytes = Array(text.utf8)
            bytes[position] = UInt8(ascii: "Z")
            let other = String(decoding: bytes, as: UTF8.self)
            #expect(!text.hasSameBytes(as: other))
            #expect(!other.hasSameBytes(as: text))
        }
        #expect(!text.hasSameBytes(as: text + "a"))
        #expect(!(text + "a").hasSameBytes(as: text))
    }

    @Test func kelvinSignIsNotTheMemberInKind() throws {
        let object = try #require(try JSONParser.parse(#"{"in\u212Aind":[{"actionId":"A1"}]}"#).objectValue)
        #expect(object["inKind"] == nil)
        #expect(object["in\u{212A}ind"] != nil)
        let vote = try EventPayload(type: .commitmentVoted, data: .parsing(#"""
            {"partnerId":"cd31","year":2025,"body":"commission permanente","reference":"CP-1","outcome":"adopted",\#
            "lines":[],"in\u212Aind":[{"actionId":"A1","description":"locaux","valuationCents":100}]}
            """#))
        guard case .commitmentVoted(let commitment) = vote else { Issue.record("not a commitment"); return }
        #expect(commitment.inKind.isEmpty)
    }

    @Test func namesThatDifferOnlyInNormalisationAreNotDuplicates() throws {
        let object = try #require(try JSONParser.parse("{\"\(Self.composed)\":1,\"\(Self.decomposed)\":2}").objectValue)
        #expect(object.members.count == 2)
        #expect(object[Self.composed] == .number(JSONNumber(1)))
        #expect(object[Self.decomposed] == .number(JSONNumber(2)))
    }

    @Test func eventsWithNFCAndNFDIdsAreTwoEvents() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger([try LedgerFixtures.pactDrafted()], at: path)
            let file = LedgerFile(path: path)
            let data = #"{"annex":1,"title":"Annexe","source":"Porteur"}"#
            let first = try file.append(
                try LedgerFixtures.draft(.annexAttached, id: "annexe-\u{E9}", effective: "2025-02-04", data),
                now: LedgerFixtures.recorded(line: 2))
            let second = try file.append(
                try LedgerFixtures.draft(.annexAttached, id: "annexe-e\u{301}", effective: "2025-02-04", data),
                now: LedgerFixtures.recorded(line: 3))
            guard case .appended = first, case .appended(let event) = second else {
                Issue.record("the NFD id was taken for the NFC one: \(second)")
                return
            }
            #expect(event.seq == 3)
            // Read back, the ledger is valid: not a duplicate id, not tampered.
            let report = try file.verify()
            #expect(report.problem == nil)
            #expect(report.eventCount == 3)
        }
    }

    @Test func partnersWhoseIdsDifferInNormalisationAreTwoPartners() throws {
        var index = LedgerIndex()
        try index.admit(event(1, .pactDrafted, try LedgerFixtures.pactDrafted().data), file: "p")
        for (seq, id) in [(2, Self.composed), (3, Self.decomposed)] {
            let data = try LedgerFixtures.object(#"{"partner":{"id":"\#(id)","name":"P","kind":"association"},"via":"initial"}"#)
            try index.admit(event(seq, .partnerJoined, data), file: "p")
        }
        #expect(index.partnerIds.count == 3)
        // A reference resolves only to the same bytes.
        var onlyComposed = LedgerIndex()
        try onlyComposed.admit(event(1, .pactDrafted, try LedgerFixtures.pactDrafted().data), file: "p")
        try onlyComposed.admit(event(2, .partnerJoined, try LedgerFixtures.object(
            #"{"partner":{"id":"\#(Self.composed)","name":"P","kind":"association"},"via":"initial"}"#)), file: "p")
        let withdrawal = event(3, .partnerWithdrew, try LedgerFixtures.object(#"{"partnerId":"\#(Self.decomposed)","reason":"r"}"#))
        #expect(throws: LedgerError.self) { try onlyComposed.check(withdrawal, at: LedgerLocation(file: "p", line: 3)) }
    }

    /// An event of `seq` with id `e<seq>`, chained to line `seq - 1` (hashes are digests
    /// of the seq: the index checks the chain, not the line's digest).
    private func event(_ seq: Int, _ type: EventType, _ data: JSONObject) -> LedgerEvent {
        let payload = try! EventPayload(type: type, data: .object(data))
        return LedgerEvent(
            seq: seq, id: "e\(seq)", type: type, effective: CivilDate(year: 2025, month: 2, day: 3)!,
            recorded: LedgerFixtures.recorded(line: seq), recordedBy: "t", data: data, payload: payload,
            previousHash: Self.digest(seq - 1), hash: Self.digest(seq))
    }

    private static func digest(_ seq: Int) -> SHA256Digest {
        seq == 0 ? .zero : SHA256.hash(Array(String(seq).utf8))
    }
}

extension JSONValue {
    fileprivate static func parsing(_ text: String) -> JSONValue {
        try! JSONParser.parse(text)
    }
}

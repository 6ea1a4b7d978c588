import Foundation
import PacteEvents
import Testing

/// Versions of an event type (ledger-format-v1.md, additions of 2026-11-30): the writer
/// writes the lowest version able to carry the event, the reader reads old versions
/// through tested upcasts and refuses a version it does not know.
struct EventVersionTests {
    static let sheet = #"{"actionId":"A3","priorityId":"P1","title":"Aide aux devoirs"}"#

    @Test func theUpcastOfActionAddedV1CarriesNoAmendment() throws {
        let sheet = try ActionSheet(json: .object(try LedgerFixtures.object(Self.sheet)), path: "sheet")
        let upcast = ActionAdded.upcast(ActionAddedV1(sheet: sheet))
        #expect(upcast == ActionAdded(sheet: sheet, amendment: nil))
    }

    @Test func theUpcastOfCorrectionRecordedV1KeepsEveryMember() {
        let replacement = JSONObject([JSONMember("title", .string("t"))])
        let upcast = CorrectionRecorded.upcast(CorrectionRecordedV1(target: "x", reason: "r", replacement: replacement))
        #expect(upcast == CorrectionRecorded(target: "x", reason: "r", replacement: replacement))
    }

    /// A v1 line holding a member `amendment` (another writer's) is read as v2 with no
    /// amendment: v1 did not know that member, so it means nothing there.
    @Test func aV1ActionAddedIsReadAsV2WithoutAmendment() throws {
        let data = try LedgerFixtures.object(#"{"sheet":\#(Self.sheet),"amendment":2}"#)
        let (bytes, _) = LedgerLine.write(
            seq: 1, id: "x", type: .actionAdded, version: 1, effective: try LedgerFixtures.date("2025-03-01"),
            recorded: LedgerFixtures.firstRecorded, recordedBy: "s", data: data, previousHash: .zero)
        let event = try bytes.dropLast().withUnsafeBytes { try LedgerLine.parse($0, at: LedgerLocation(file: "t", line: 1)) }
        guard case .actionAdded(let added) = event.payload else {
            Issue.record("not an action.added: \(event.payload)")
            return
        }
        #expect(event.version == 1)
        #expect(added.amendment == nil)
        #expect(event.data["amendment"] == .number(JSONNumber(2)), "the reader keeps the member as written")
    }

    @Test func theWriterWritesV2OnlyWhenAnAmendmentIsCarried() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            let plain = try LedgerFixtures.draft(.actionAdded, id: LedgerFixtures.id(8), effective: "2025-06-01", #"{"sheet":\#(Self.sheet)}"#)
            // Asking for v2 without an amendment still writes v1 (the lowest able to carry it).
            var askedV2 = plain
            askedV2.version = 2
            #expect(try file.append(askedV2, now: LedgerFixtures.recorded(line: 8)).event.version == 1)
            let carried = try LedgerFixtures.draft(.actionAdded, id: LedgerFixtures.id(9), effective: "2025-06-02", #"""
                {"sheet":{"actionId":"A4","priorityId":"P1"},"amendment":2}
                """#)
            let event = try file.append(carried, now: LedgerFixtures.recorded(line: 9)).event
            #expect(event.version == 2)
            // The same draft again is the same fact (the version is the writer's choice).
            #expect(try file.append(carried, now: LedgerFixtures.recorded(line: 10)) == .alreadyPresent(event))
            // A correction whose replacement needs v2 is itself v2; one that does not, v1.
            let v2Correction = try LedgerFixtures.draft(.correctionRecorded, id: LedgerFixtures.id(10), effective: "2025-06-03", #"""
                {"target":"\#(LedgerFixtures.id(8))","reason":"Avenant","replacement":{"sheet":\#(Self.sheet),"amendment":3}}
                """#)
            #expect(try file.append(v2Correction, now: LedgerFixtures.recorded(line: 10)).event.version == 2)
            let v1Correction = try LedgerFixtures.draft(.correctionRecorded, id: LedgerFixtures.id(11), effective: "2025-06-04", #"""
                {"target":"\#(LedgerFixtures.id(9))","reason":"Sans avenant","replacement":{"sheet":{"actionId":"A4","priorityId":"P1"}}}
                """#)
            #expect(try file.append(v1Correction, now: LedgerFixtures.recorded(line: 11)).event.version == 1)

            let events = try file.read().events
            #expect(events.map(\.version) == [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 1])
            guard case .actionAdded(let added) = events[8].payload else {
                Issue.record("line 9 is not an action.added")
                return
            }
            #expect(added.amendment == 2)
            #expect(try file.verify().isValid)
        }
    }

    @Test func aVersionNewerThanKnownStopsReadAndVerify() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let events = try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let last = try #require(events.last)
            let (bytes, _) = LedgerLine.write(
                seq: 8, id: "newer", type: .actionAdded, version: 9, effective: try LedgerFixtures.date("2025-06-01"),
                recorded: LedgerFixtures.recorded(line: 8), recordedBy: "s",
                data: try LedgerFixtures.object(#"{"sheet":\#(Self.sheet)}"#), previousHash: last.hash)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            handle.seekToEndOfFile()
            handle.write(Data(bytes))
            try handle.close()
            let expected = LedgerError.newerVersion(LedgerLocation(file: path, line: 8), type: .actionAdded, version: 9)
            #expect(throws: expected) { try LedgerFile(path: path).read() }
            #expect(throws: expected) { try LedgerFile(path: path).verify() }
            #expect(expected.message(in: .english).contains("version 9, written by a newer pacte-ledger; this version reads action.added up to version 2"))
        }
    }

    /// The golden example stays v1 and readable, whatever versions come later.
    @Test func theGoldenExampleStaysV1AndReadable() throws {
        let contents = try LedgerFile(path: try GoldenLedgerTests.goldenPath()).read()
        #expect(!contents.events.isEmpty)
        #expect(contents.events.allSatisfy { $0.version == 1 })
    }

    @Test func newestVersions() {
        #expect(EventType.actionAdded.newestVersion == 2)
        #expect(EventType.correctionRecorded.newestVersion == 2)
        #expect(EventType.allCases.filter { $0.newestVersion > 1 } == [.actionAdded, .correctionRecorded])
    }
}

import PacteEvents
import Testing

/// What an append acknowledges, every reader reads: the line is read back before it is
/// written, and a transaction time the clock or the format cannot stand is refused.
struct AppendReadBackTests {
    private static let clock = LedgerFixtures.recorded(line: 50)

    /// `{"to":["DDETS"],"deep":[[…0…]]}`: `data` itself is level 1, the innermost array level `depth`.
    private static func deepDraft(depth: Int, by recordedBy: String) throws -> EventDraft {
        var nested = JSONValue.number(JSONNumber(0))
        for _ in 0..<(depth - 1) { nested = .array([nested]) }
        var data = try LedgerFixtures.object(#"{"to":["DDETS"]}"#)
        data["deep"] = nested
        return EventDraft(
            type: .draftSubmitted, id: LedgerFixtures.id(8), effective: try LedgerFixtures.date("2025-03-15"), recordedBy: recordedBy,
            data: data)
    }

    @Test("a line whose data nests the allowed depth is read on both paths; one level more is refused on both", arguments: [
        "secretariat", #"CORP\jdupont"#, "guillemet \" dans le nom", "tab\tulation",
    ])
    func depthIsCountedFromTheData(recordedBy: String) throws {
        for (depth, readable) in [(JSONParser.maximumDepth, true), (JSONParser.maximumDepth + 1, false)] {
            let draft = try Self.deepDraft(depth: depth, by: recordedBy)
            let (bytes, _) = LedgerLine.write(
                seq: 1, id: "x", type: draft.type, version: 1, effective: draft.effective,
                recorded: Self.clock, recordedBy: recordedBy, data: draft.data, previousHash: .zero)
            let location = LedgerLocation(file: "pacte.jsonl", line: 1)
            let result = bytes.dropLast().withUnsafeBytes { line in Result { () throws(LedgerError) in try LedgerLine.parse(line, at: location) } }
            switch result {
            case .success(let event):
                #expect(readable, "depth \(depth) read")
                #expect(event.recordedBy == recordedBy)
            case .failure(let error):
                #expect(!readable, "depth \(depth): \(error.message(in: .english))")
                guard case .malformedLine(_, let syntax) = error else { Issue.record("\(error)"); continue }
                #expect(syntax.reason == .tooDeep(JSONParser.maximumDepth))
            }
        }
    }

    @Test("an append of a deep payload is read back or refused, never acknowledged then torn", arguments: [
        "secretariat", #"CORP\jdupont"#,
    ])
    func deepestPayloadIsReadBackOrRefused(recordedBy: String) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let draft = try Self.deepDraft(depth: JSONParser.maximumDepth, by: recordedBy)
            do {
                let outcome = try LedgerFile(path: path).append(draft, now: Self.clock)
                let contents = try LedgerFile(path: path).read()
                #expect(contents.tornTail == nil)
                #expect(contents.events.last == outcome.event)
                #expect(try LedgerFile(path: path).verify().isValid)
            } catch {
                #expect(try FileBytes.read(path) == before, "refused (\(error)) but written")
            }
        }
    }

    @Test("one level deeper is refused, on both paths, and nothing is written", arguments: ["secretariat", #"CORP\jdupont"#])
    func tooDeepIsRefused(recordedBy: String) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let draft = try Self.deepDraft(depth: JSONParser.maximumDepth + 1, by: recordedBy)
            #expect(throws: LedgerError.self) { try LedgerFile(path: path).append(draft, now: Self.clock) }
            #expect(try FileBytes.read(path) == before)
        }
    }

    @Test func aLineTheReaderWouldRefuseIsNotWritten() throws {
        // A date computed past 9999-12-31 is a value, but not one the format can hold.
        let pastTheCalendar = CivilDate(year: 9999, month: 12, day: 31)!.adding(days: 1)
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let draft = try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(8), effective: "2025-03-15", #"{"to":["DDETS"]}"#)
            let unreadable = EventDraft(type: draft.type, id: draft.id, effective: pastTheCalendar, recordedBy: "x", data: draft.data)
            do throws(LedgerError) {
                _ = try LedgerFile(path: path).append(unreadable, now: Self.clock)
                Issue.record("appended a line the reader refuses")
            } catch {
                guard case .unreadableAppend = error else { Issue.record("\(error)"); return }
                #expect(error.message(in: .french).hasSuffix("rien n'a été écrit"))
            }
            #expect(try FileBytes.read(path) == before)
            #expect(try LedgerFile(path: path).verify().isValid)
        }
    }

    @Test func aClockPastYear9999WritesNothing() throws {
        let year10000 = Timestamp(secondsSinceEpoch: CivilDate(year: 9999, month: 12, day: 31)!.adding(days: 1).daysSinceEpoch * 86_400)
        #expect(year10000.date.year == 10_000)
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let draft = try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(8), effective: "2025-03-15", #"{"to":["DDETS"]}"#)
            #expect(throws: LedgerError.recordedOutOfRange(LedgerLocation(file: path, line: 8), year10000)) {
                try LedgerFile(path: path).append(draft, now: year10000)
            }
            #expect(try FileBytes.read(path) == before)
            let fresh = folder + "/neuf.jsonl"
            #expect(throws: LedgerError.recordedOutOfRange(LedgerLocation(file: fresh, line: 1), year10000)) {
                try LedgerFile.create(at: fresh, with: try LedgerFixtures.pactDrafted(), recordedAt: year10000)
            }
            #expect(!FileBytes.exists(fresh))
            // "Today" in Paris at that clock is computed, not a trap.
            #expect(CivilDate.paris(at: year10000).year == 10_000)
        }
    }

    @Test func aStatedTimeLaterThanTheClockIsRefused() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let draft = try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(8), effective: "2025-03-15", #"{"to":["DDETS"]}"#)
            let tooLate = Self.clock.adding(seconds: LedgerFile.clockSkewSeconds + 1)
            #expect(throws: LedgerError.recordedInFuture(LedgerLocation(file: path, line: 8), recorded: tooLate, clock: Self.clock)) {
                try LedgerFile(path: path).append(draft, now: tooLate, recordedExactly: true, clock: Self.clock)
            }
            #expect(try FileBytes.read(path) == before)
            let fresh = folder + "/neuf.jsonl"
            #expect(throws: LedgerError.recordedInFuture(LedgerLocation(file: fresh, line: 1), recorded: tooLate, clock: Self.clock)) {
                try LedgerFile.create(at: fresh, with: try LedgerFixtures.pactDrafted(), recordedAt: tooLate, clock: Self.clock)
            }
            #expect(!FileBytes.exists(fresh))
            // Within the skew allowed: written as stated.
            let skewed = Self.clock.adding(seconds: LedgerFile.clockSkewSeconds)
            let outcome = try LedgerFile(path: path).append(draft, now: skewed, recordedExactly: true, clock: Self.clock)
            #expect(outcome.event.recorded == skewed)
        }
    }

    @Test func aLedgerAlreadyInTheFutureTakesNoAppendAndSaysWhy() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            // What an earlier version let `--recorded 9999-12-31T23:59:59Z` write.
            let future = Timestamp("9999-12-31T23:59:59Z")!
            let draft = try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(8), effective: "2025-03-15", #"{"to":["DDETS"]}"#)
            _ = try LedgerFile(path: path).append(draft, now: future, recordedExactly: true)
            let before = try FileBytes.read(path)
            let next = try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(9), effective: "2025-03-16", #"{"to":["DDETS"]}"#)
            let expected = LedgerError.ledgerRecordedInFuture(LedgerLocation(file: path, line: 9), lastRecorded: future, clock: Self.clock)
            #expect(throws: expected) { try LedgerFile(path: path).append(next, now: Self.clock) }
            #expect(throws: expected) { try LedgerFile(path: path).append(next, now: Self.clock, recordedExactly: true, clock: Self.clock) }
            #expect(try FileBytes.read(path) == before)
            #expect(expected.message(in: .french).contains("nouveau registre (init)"))
            #expect(expected.message(in: .english).contains("set it right"))
        }
    }
}

import PacteEvents
import Testing

/// `recorded` (transaction time) never decreases along `seq`.
struct RecordedTimeTests {
    static func nextDraft(_ number: Int) throws -> EventDraft {
        try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(number), effective: "2025-03-15", #"""
            {"to":["DDETS 31","envoi \#(number)"]}
            """#)
    }

    @Test func aClockBehindTheLastLineIsRaisedToIt() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let last = LedgerFixtures.recorded(line: 7)
            // A clock a little behind the last line (within the skew allowed) is raised to it.
            let early = last.adding(seconds: -LedgerFile.clockSkewSeconds)
            let event = try LedgerFile(path: path).append(try Self.nextDraft(8), now: early).event
            #expect(event.recorded == last)
            #expect(try LedgerFile(path: path).verify().isValid)
        }
    }

    @Test func aClockFarBehindTheLastLineWritesNoFutureTime() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let last = LedgerFixtures.recorded(line: 7)
            // A day behind: raising it would write a time a day ahead of this clock.
            let early = last.adding(seconds: -86_400)
            #expect(throws: LedgerError.ledgerRecordedInFuture(LedgerLocation(file: path, line: 8), lastRecorded: last, clock: early)) {
                try LedgerFile(path: path).append(try Self.nextDraft(8), now: early)
            }
            #expect(try FileBytes.read(path) == before)
        }
    }

    @Test func aLedgerWhoseRecordedGoesBackwardsIsRefusedOnRead() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let drafts = try LedgerFixtures.baseDrafts()
            // Written by hand (as another tool could), line 3 recorded before line 2.
            var bytes: [UInt8] = []
            var previous = SHA256Digest.zero
            let times = [0, 7200, 3600].map { LedgerFixtures.firstRecorded.secondsSinceEpoch + $0 }
            for (index, draft) in drafts.prefix(3).enumerated() {
                let line = LedgerLine.write(
                    seq: index + 1, id: draft.id ?? "", type: draft.type, version: 1, effective: draft.effective,
                    recorded: Timestamp(secondsSinceEpoch: times[index]), recordedBy: draft.recordedBy, data: draft.data,
                    previousHash: previous)
                bytes += line.bytes
                previous = line.hash
            }
            try FileBytes.write(bytes, to: path)
            let expected = LedgerError.recordedWentBackwards(
                LedgerLocation(file: path, line: 3), previous: Timestamp(secondsSinceEpoch: times[1]),
                found: Timestamp(secondsSinceEpoch: times[2]))
            #expect(throws: expected) { try LedgerFile(path: path).read() }
            #expect(try LedgerFile(path: path).verify().problem == expected)
        }
    }

    @Test func aStatedRecordingTimeIsWrittenAsGiven() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let stated = try #require(Timestamp("2025-12-24T18:00:00Z"))
            let event = try LedgerFile(path: path).append(try Self.nextDraft(8), now: stated, recordedExactly: true).event
            #expect(event.recorded == stated)
            #expect(try LedgerFile(path: path).read().events.last?.recorded == stated)
            // Equal to the last line is not earlier.
            let again = try LedgerFile(path: path).append(try Self.nextDraft(9), now: stated, recordedExactly: true).event
            #expect(again.recorded == stated)
        }
    }

    @Test func aStatedRecordingTimeEarlierThanTheLastLineIsRefused() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            let last = LedgerFixtures.recorded(line: 7)
            let early = Timestamp(secondsSinceEpoch: last.secondsSinceEpoch - 1)
            #expect(throws: LedgerError.recordedWentBackwards(LedgerLocation(file: path, line: 8), previous: last, found: early)) {
                try LedgerFile(path: path).append(try Self.nextDraft(8), now: early, recordedExactly: true)
            }
            #expect(try FileBytes.read(path) == before)
        }
    }
}

import PacteEvents
import Testing

/// `--expect-seq`: an append names the last `seq` its caller has seen.
struct ExpectedSeqTests {
    private static func nextDraft(_ number: Int) throws -> EventDraft {
        try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(number), effective: "2025-03-15", #"""
            {"to":["DDETS 31","envoi \#(number)"]}
            """#)
    }

    @Test func appendWithTheCurrentSeqSucceeds() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            let outcome = try file.append(try Self.nextDraft(8), expectedSeq: 7, now: LedgerFixtures.recorded(line: 8))
            guard case .appended(let event) = outcome else {
                Issue.record("not appended: \(outcome)")
                return
            }
            #expect(event.seq == 8)
            let second = try file.append(try Self.nextDraft(9), expectedSeq: 8, now: LedgerFixtures.recorded(line: 9))
            #expect(second.event.seq == 9)
            #expect(try file.read().events.count == 9)
        }
    }

    @Test(arguments: [0, 1, 6, 8, 100])
    func appendWithAStaleOrWrongSeqIsAConflict(_ expectedSeq: Int) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let before = try FileBytes.read(path)
            #expect(throws: LedgerError.sequenceConflict(path: path, expected: expectedSeq, current: 7)) {
                try LedgerFile(path: path).append(try Self.nextDraft(8), expectedSeq: expectedSeq, now: LedgerFixtures.recorded(line: 8))
            }
            #expect(try FileBytes.read(path) == before)
        }
    }

    @Test func aSecondWriterWithTheSameViewLoses() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let seen = try LedgerFile(path: path).read().index.lastSeq
            #expect(seen == 7)
            // Writer A appends on what it read; writer B, who read the same, is refused.
            _ = try LedgerFile(path: path).append(try Self.nextDraft(8), expectedSeq: seen, now: LedgerFixtures.recorded(line: 8))
            let after = try FileBytes.read(path)
            #expect(throws: LedgerError.sequenceConflict(path: path, expected: 7, current: 8)) {
                try LedgerFile(path: path).append(try Self.nextDraft(9), expectedSeq: seen, now: LedgerFixtures.recorded(line: 9))
            }
            #expect(try FileBytes.read(path) == after)
        }
    }

    @Test func retryingAnAppendThatSucceededIsANoOpEvenWithAStaleSeq() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            let draft = try Self.nextDraft(8)
            let first = try file.append(draft, expectedSeq: 7, now: LedgerFixtures.recorded(line: 8))
            let after = try FileBytes.read(path)
            // The caller did not see the answer and retries with what it had seen.
            let retry = try file.append(draft, expectedSeq: 7, now: LedgerFixtures.recorded(line: 9))
            #expect(retry == .alreadyPresent(first.event))
            #expect(try FileBytes.read(path) == after)
        }
    }
}

import Foundation
@testable import PacteEvents
import Testing

/// The checkpoint beside a ledger (`LedgerCheckpoint`, docs/ledger-format.md "The append's
/// checkpoint") never changes what an append decides: every refusal of
/// `AppendRefusalTests` and `FactRefusalTests`, and every acceptance, comes out the same
/// with no checkpoint (the whole ledger read), a fresh one, and one that is stale,
/// truncated, corrupt, another ledger's, or lying (ids, offsets or kept lines that are not
/// in the file).
@Suite(.timeLimit(.minutes(10)))
struct CheckpointTests {
    /// What is beside the ledger when the append runs.
    enum State: String, CaseIterable, Sendable {
        case none, fresh, stale, truncated, corrupt, otherLedger
        /// A forged checkpoint that passes every check of the file: its table sends ids to other lines.
        case lyingOffsets
        /// Entries for ids the ledger does not hold (those the refused lines name), on real lines.
        case lyingIds
        /// Its kept lines at the offsets of other lines.
        case lyingKept
        /// An id's entry pointing inside a line.
        case lyingInsideALine
    }

    /// Ids the test lines name that no ledger here holds.
    static let absentIds = [
        LedgerFixtures.id(99), LedgerFixtures.id(60), LedgerFixtures.id(61), "11111111-2222-4333-8444-555555555555", "inconnu",
        "P9", "P7", "A9", "mairie", "mairie-val",
    ]

    /// Writes `drafts` as a ledger at `path` through appends (which keep its checkpoint), and
    /// leaves beside it the checkpoint in `state`.
    static func writeLedger(_ drafts: [EventDraft], at path: String, state: State) throws {
        guard let first = drafts.first else { throw FixtureError("no drafts") }
        try LedgerFile.create(at: path, with: first, recordedAt: LedgerFixtures.recorded(line: 1))
        let file = LedgerFile(path: path)
        let checkpoint = path + ".checkpoint"
        var early: [UInt8]?
        for (offset, draft) in drafts.dropFirst().enumerated() {
            _ = try file.append(draft, now: LedgerFixtures.recorded(line: offset + 2))
            if offset == 2 { early = try FileBytes.read(checkpoint) }
        }
        try disturb(checkpoint: checkpoint, of: path, state: state, early: early)
    }

    static func disturb(checkpoint: String, of path: String, state: State, early: [UInt8]?) throws {
        let bytes = try FileBytes.read(checkpoint)
        let decoded = try #require(LedgerCheckpoint(bytes: bytes), "the append left no readable checkpoint")
        let ledger = try FileBytes.read(path)
        let lineStarts = [0] + ledger.indices.filter { ledger[$0] == 0x0A }.map { $0 + 1 }.dropLast()
        func forge(entries: [LedgerCheckpoint.Entry], kept: [LedgerCheckpoint.KeptLine]) throws {
            let record = LedgerCheckpoint.baseRecord(
                coverage: decoded.coverage, sortedEntries: entries.sorted(by: LedgerCheckpoint.isOrdered), kept: kept)
            try FileBytes.write(record, to: checkpoint)
        }
        let entries = decoded.allEntries(adding: [])
        switch state {
        case .none:
            try FileManager.default.removeItem(atPath: checkpoint)
        case .fresh:
            break
        case .stale:
            try FileBytes.write(try #require(early), to: checkpoint)
        case .truncated:
            try FileBytes.write(Array(bytes[0..<(bytes.count / 2)]), to: checkpoint)
        case .corrupt:
            var changed = bytes
            changed[changed.count / 2] ^= 0x20
            try FileBytes.write(changed, to: checkpoint)
        case .otherLedger:
            // The same lines written again elsewhere: another file, whose checkpoint this is not.
            try TemporaryDirectory.with { folder in
                let other = folder + "/autre.jsonl"
                try FileBytes.write(ledger, to: other)
                _ = try LedgerFile(path: other).append(
                    try LedgerFixtures.draft(.annexAttached, id: LedgerFixtures.id(98), effective: "2025-03-01", #"{"annex":1,"title":"t","source":"s"}"#),
                    now: LedgerFixtures.recorded(line: 40))
                try FileBytes.write(try FileBytes.read(other + ".checkpoint"), to: checkpoint)
            }
        case .lyingOffsets:
            try forge(entries: entries.map { .init(key: $0.key, offset: lineStarts[1]) }, kept: decoded.kept)
        case .lyingIds:
            let forged = absentIds.flatMap { id in lineStarts.map { LedgerCheckpoint.Entry(key: LedgerCheckpoint.key(of: id), offset: $0) } }
            try forge(entries: entries + forged, kept: decoded.kept)
        case .lyingKept:
            let shifted = decoded.kept.map { line in
                LedgerCheckpoint.KeptLine(seq: line.seq, offset: lineStarts[line.seq % lineStarts.count])
            }
            try forge(entries: entries, kept: shifted)
        case .lyingInsideALine:
            try forge(entries: entries.map { .init(key: $0.key, offset: $0.offset + 5) }, kept: decoded.kept)
        }
    }

    /// What an append did: its outcome or error, and the ledger's bytes after.
    struct Observed: Equatable {
        var outcome: Result<AppendOutcome, LedgerError>
        var bytes: [UInt8]
    }

    /// Appends `draft` after `drafts` with the checkpoint in `state`, in `folder` (emptied first).
    static func observe(
        _ drafts: [EventDraft], then draft: EventDraft, policy: WritePolicy, state: State, in folder: String
    ) throws -> Observed {
        for name in try FileBytes.names(in: folder) { try FileManager.default.removeItem(atPath: folder + "/" + name) }
        let path = folder + "/pacte.jsonl"
        try writeLedger(drafts, at: path, state: state)
        let outcome = Result { () throws(LedgerError) in
            try LedgerFile(path: path).append(draft, now: LedgerFixtures.recorded(line: drafts.count + 1), policy: policy)
        }
        return Observed(outcome: outcome, bytes: try FileBytes.read(path))
    }

    /// The same outcome and bytes in every state as with no checkpoint (the ledger at the
    /// same path each time: errors name it).
    static func expectSameInEveryState(
        _ drafts: [EventDraft], then draft: EventDraft, policy: WritePolicy = WritePolicy(), refused: Bool,
        states: [State] = State.allCases
    ) throws {
        try TemporaryDirectory.with { folder in
            let reference = try observe(drafts, then: draft, policy: policy, state: .none, in: folder)
            if case .failure = reference.outcome { #expect(refused, "refused without a checkpoint") } else { #expect(!refused, "accepted without a checkpoint: \(reference.outcome)") }
            for state in states where state != .none {
                let observed = try observe(drafts, then: draft, policy: policy, state: state, in: folder)
                #expect(observed.outcome == reference.outcome, "checkpoint \(state.rawValue)")
                #expect(observed.bytes == reference.bytes, "checkpoint \(state.rawValue)")
            }
        }
    }

    // MARK: - Refusals

    /// The structural refusals (most are decided before any line is looked up): a fresh,
    /// a stale and a corrupt checkpoint, and the forgeries that send look-ups astray.
    @Test(arguments: AppendRefusalTests.refusals)
    func aRefusalIsTheSameWhateverTheCheckpoint(_ refusal: AppendRefusalTests.Refusal) throws {
        let draft = EventDraft(
            type: refusal.type, id: refusal.id, version: refusal.version, effective: try LedgerFixtures.date("2025-06-01"),
            recordedBy: LedgerFixtures.recorder, data: try LedgerFixtures.object(refusal.json))
        try Self.expectSameInEveryState(
            try LedgerFixtures.baseDrafts(), then: draft, refused: true, states: [.fresh, .stale, .corrupt, .lyingOffsets, .lyingIds])
    }

    @Test(arguments: FactRefusalTests.cases)
    func aRefusedFactIsTheSameWhateverTheCheckpoint(_ item: FactRefusalTests.Case) throws {
        try Self.expectSameInEveryState(try LedgerFixtures.baseDrafts() + item.before, then: item.refused, policy: item.policy, refused: true)
    }

    @Test func anIdAlreadyUsedIsTheSameWhateverTheCheckpoint() throws {
        let base = try LedgerFixtures.baseDrafts()
        // The same event again (a no-op), and its id with other content (a conflict).
        try Self.expectSameInEveryState(base, then: base[3], refused: false)
        var other = base[1]
        other.data["via"] = .string("adhesion")
        try Self.expectSameInEveryState(base, then: other, refused: true)
    }

    // MARK: - Acceptances

    /// Lines the index and the facts must know from far back: references to partners,
    /// priorities, actions, an extension request and corrections' targets.
    static let accepted: [(label: String, drafts: [EventDraft])] = [
        ("a withdrawn partner joins again", [
            FactRefusalTests.draft(.partnerWithdrew, 60, #"{"partnerId":"caf-31","reason":"r"}"#),
            FactRefusalTests.draft(.partnerJoined, 61, "2025-07-01", #"{"partner":{"id":"caf-31","name":"CAF","kind":"caf"},"via":"adhesion"}"#),
        ]),
        ("a retracted partner joins again", [
            FactRefusalTests.draft(.correctionRecorded, 60, #"{"target":"\#(LedgerFixtures.id(3))","reason":"Doublon","replacement":null}"#),
            FactRefusalTests.draft(.partnerJoined, 61, #"{"partner":{"id":"caf-31","name":"CAF","kind":"caf"},"via":"initial"}"#),
        ]),
        ("signing again after the vote", [
            FactRefusalTests.requestConvention, FactRefusalTests.signature("caf-31", 61, "2025-04-05"),
            FactRefusalTests.vote("caf-31", 62, "2025-04-10"), FactRefusalTests.signature("caf-31", 63, "2025-04-12"),
        ]),
        ("a corrected partner's new id", [
            FactRefusalTests.draft(.correctionRecorded, 60, #"{"target":"\#(LedgerFixtures.id(3))","reason":"Nom","replacement":{"partner":{"id":"caf-haute-garonne","name":"CAF 31","kind":"caf"},"via":"initial"}}"#),
            FactRefusalTests.draft(.partnerWithdrew, 61, "2026-01-10", #"{"partnerId":"caf-haute-garonne","reason":"Retrait"}"#),
        ]),
        ("an extension decided on a request far back", [
            FactRefusalTests.draft(.extensionRequested, 60, #"{"actionId":"A1","currentEnd":"2026-02-28","requestedEnd":"2026-06-30","reason":"r","requestedBy":"cc-val"}"#),
            FactRefusalTests.draft(.annexAttached, 61, #"{"annex":2,"title":"t","source":"s"}"#),
            FactRefusalTests.draft(.extensionDecided, 62, #"{"request":"\#(LedgerFixtures.id(60))","decision":"granted","newEnd":"2026-06-30"}"#),
        ]),
        ("actions and priorities far back", [
            FactRefusalTests.draft(.indicatorReported, 60, #"{"actionId":"A2","indicator":"i","period":"2025-T1","value":3}"#),
            FactRefusalTests.draft(.priorityWithdrawn, 61, #"{"priorityId":"P1","reason":"r"}"#),
            FactRefusalTests.draft(.correctionRecorded, 62, #"{"target":"\#(LedgerFixtures.id(61))","reason":"r","replacement":null}"#),
        ]),
    ]

    @Test(arguments: 0..<accepted.count)
    func anAcceptedLineIsTheSameWhateverTheCheckpoint(_ index: Int) throws {
        let (_, drafts) = Self.accepted[index]
        let base = try LedgerFixtures.baseDrafts()
        // Each line in turn, after the ones before it, with the checkpoint in every state.
        for count in 0..<drafts.count {
            try Self.expectSameInEveryState(base + drafts[..<count], then: drafts[count], refused: false)
        }
    }

    // MARK: - The checkpoint itself

    @Test func anAppendKeepsTheCheckpointCoveringTheWholeLedger() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let bytes = try FileBytes.read(path)
            let checkpoint = try #require(LedgerCheckpoint(bytes: try FileBytes.read(path + ".checkpoint")))
            #expect(checkpoint.coverage.size == bytes.count)
            #expect(checkpoint.coverage.lineCount == 7)
            #expect(checkpoint.coverage.lastHash == (try LedgerFile(path: path).read().digest))
            // One delta per append after the first (which read the whole ledger and wrote the base).
            #expect(checkpoint.deltaCount == 5)
            // Every id is found at its line.
            for event in try LedgerFile(path: path).read().events {
                let offsets = checkpoint.offsets(ofId: event.id)
                #expect(offsets.count == 1)
                let start = try #require(offsets.first)
                #expect(bytes[start...].starts(with: Array(#"{"seq":\#(event.seq),"#.utf8)))
            }
            // Kept: line 1, the partners, the priorities, the actions (the facts and the ids they bring).
            #expect(checkpoint.kept.map(\.seq) == [1, 2, 3, 4, 5, 6, 7])
        }
    }

    @Test func manyAppendsCompactTheCheckpointIntoOneBase() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let file = LedgerFile(path: path)
            var deltaCounts: [Int] = []
            for number in 0..<40 {
                let draft = try LedgerFixtures.draft(
                    .indicatorReported, id: LedgerFixtures.id(100 + number), effective: "2025-06-01",
                    #"{"actionId":"A1","indicator":"i","period":"2025-T1","value":\#(number)}"#)
                _ = try file.append(draft, now: LedgerFixtures.recorded(line: 8 + number))
                deltaCounts.append(try #require(LedgerCheckpoint(bytes: try FileBytes.read(path + ".checkpoint"))).deltaCount)
            }
            // Deltas grow until they outweigh the base, then the whole is rewritten as one base.
            #expect(deltaCounts.contains(0))
            #expect(deltaCounts.max() ?? 0 >= 16)
            let checkpoint = try #require(LedgerCheckpoint(bytes: try FileBytes.read(path + ".checkpoint")))
            #expect(checkpoint.coverage.lineCount == 47)
            for event in try file.read().events { #expect(checkpoint.offsets(ofId: event.id).count == 1) }
            #expect(try file.verify().isValid)
        }
    }

    @Test func aLedgerChangedByHandIsReadWholeAndItsBreakageRefused() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            // A byte of line 3 changed in place, same size, last line untouched.
            var bytes = try FileBytes.read(path)
            let lineThree = try #require(bytes.indices.filter { bytes[$0] == 0x0A }.dropFirst(1).first) + 1
            let name = try #require(bytes[lineThree...].firstIndex(of: UInt8(ascii: "C")))
            bytes[name] = UInt8(ascii: "K")
            let descriptor = open(path, O_WRONLY)
            defer { close(descriptor) }
            _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + name, 1, off_t(name)) }
            let draft = try LedgerFixtures.draft(.annexAttached, id: LedgerFixtures.id(8), effective: "2025-03-01", #"{"annex":1,"title":"t","source":"s"}"#)
            #expect {
                try LedgerFile(path: path).append(draft, now: LedgerFixtures.recorded(line: 8))
            } throws: { error in
                if case .hashMismatch(let location, _, _)? = error as? LedgerError { return location.line == 3 }
                return false
            }
        }
    }

    @Test func verifyNeverOpensTheCheckpoint() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            let recorder = SystemCallRecorder(ledger: path)
            #expect(try LedgerFile(path: path, system: recorder.system).verify().isValid)
            _ = try LedgerFile(path: path, system: recorder.system).read()
            #expect(!recorder.calls.contains { $0.role == "checkpoint" })
        }
    }
}

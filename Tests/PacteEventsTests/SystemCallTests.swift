import Foundation
import PacteEvents
import Testing

/// Durability seen at the system-call level (docs/guarantees.md sections 1, 2 and 5):
/// the calls `append`, `create` and `repair` make, in order, through a recorder; and
/// what a call failing at each step (EIO, ENOSPC, EINTR) leaves on disk.
@Suite(.timeLimit(.minutes(10)))
struct SystemCallTests {
    typealias Fault = SystemCallRecorder.Fault

    private static let now = LedgerFixtures.recorded(line: 20)
    private static let repairTime = Timestamp(date: CivilDate(year: 2025, month: 6, day: 1)!, hour: 12, minute: 5, second: 9)

    /// The 8th fixture line, appended to the 7 base lines.
    private static func eighth() throws -> EventDraft {
        try LedgerFixtures.draft(.draftSubmitted, id: LedgerFixtures.id(8), effective: "2025-03-15", #"""
            {"to":["DDETS 31","Commissaire"]}
            """#)
    }

    /// A folder holding the 7 base lines in `pacte.jsonl`.
    private static func withBaseLedger(_ body: (_ folder: String, _ path: String, _ before: [UInt8]) throws -> Void) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try LedgerFixtures.writeLedger(try LedgerFixtures.baseDrafts(), at: path)
            try body(folder, path, try FileBytes.read(path))
        }
    }

    private static func operation(of error: any Error) -> FileOperation? {
        if case .inputOutput(_, let operation, _)? = error as? LedgerError { return operation }
        return nil
    }

    // MARK: - Append

    /// The checkpoint's calls around the ledger's: read before the ledger (under its lock),
    /// written only after the line is flushed, and before the lock is released.
    static let checkpointRead = ["open checkpoint", "pread checkpoint", "close checkpoint"]
    static let checkpointDelta = ["open checkpoint", "write checkpoint", "close checkpoint"]

    @Test func anAppendLocksReadsWritesOnceAndFlushesBeforeReleasing() throws {
        try Self.withBaseLedger { _, path, before in
            let recorder = SystemCallRecorder(ledger: path)
            let outcome = try LedgerFile(path: path, system: recorder.system).append(try Self.eighth(), now: Self.now)
            guard case .appended = outcome else { throw FixtureError("not appended") }
            #expect(recorder.trace == ["open ledger", "flock ledger exclusive"] + Self.checkpointRead + [
                "pread ledger", "write ledger", "fsync ledger",
            ] + Self.checkpointDelta + ["close ledger"])
            let open = try #require(recorder.calls.first)
            #expect(Int32(open.argument) & O_APPEND != 0)
            #expect(Int32(open.argument) & O_ACCMODE == O_RDWR)
            let after = try FileBytes.read(path)
            let writes = recorder.calls.filter { $0.kind == .write && $0.role == "ledger" }
            #expect(writes.map(\.bytes) == [Array(after[before.count...])])
            #expect(after.starts(with: before))
        }
    }

    /// Without a checkpoint, every line is read; the checkpoint is then written whole to a
    /// temporary file, flushed and renamed in place, after the line is flushed.
    @Test func anAppendWithoutACheckpointReadsEveryLineThenWritesOne() throws {
        try Self.withBaseLedger { folder, path, before in
            try FileManager.default.removeItem(atPath: path + ".checkpoint")
            let recorder = SystemCallRecorder(ledger: path)
            _ = try LedgerFile(path: path, system: recorder.system).append(try Self.eighth(), now: Self.now)
            #expect(recorder.trace == [
                "open ledger", "flock ledger exclusive", "open checkpoint ✗errno \(ENOENT)", "pread ledger", "write ledger",
                "fsync ledger", "pread ledger", "open temporary", "write temporary", "fsync temporary", "close temporary",
                "rename temporary checkpoint", "close ledger",
            ])
            let writes = recorder.calls.filter { $0.kind == .write && $0.role == "ledger" }
            #expect(writes.map(\.bytes) == [Array(try FileBytes.read(path)[before.count...])])
            #expect(try FileBytes.names(in: folder) == ["pacte.jsonl", "pacte.jsonl.checkpoint"])
        }
    }

    @Test func aShortWriteIsContinuedWithTheRestAndOnlyThen() throws {
        try Self.withBaseLedger { _, path, before in
            let recorder = SystemCallRecorder(ledger: path, shortWrite: (role: "ledger", count: 10))
            _ = try LedgerFile(path: path, system: recorder.system).append(try Self.eighth(), now: Self.now)
            #expect(recorder.trace == ["open ledger", "flock ledger exclusive"] + Self.checkpointRead + [
                "pread ledger", "write ledger", "write ledger", "fsync ledger",
            ] + Self.checkpointDelta + ["close ledger"])
            let writes = recorder.calls.filter { $0.kind == .write && $0.role == "ledger" }.map(\.bytes)
            let line = Array(try FileBytes.read(path)[before.count...])
            #expect(writes.map(\.count) == [10, line.count - 10])
            #expect(writes.concatenated == line)
        }
    }

    /// A failure at each step of an append, and what the ledger holds after.
    struct AppendFault: Sendable, CustomTestStringConvertible {
        var fault: Fault
        var shortWrite = false
        /// The operation the error names; `nil` when the call is retried and the append succeeds.
        var failing: FileOperation?
        /// Whether the line is on disk after (only a failed `fsync` after a complete write leaves it).
        var lineWritten: Bool

        var testDescription: String { fault.description + (shortWrite ? " after a short write" : "") }
    }

    static let appendFaults: [AppendFault] = [
        AppendFault(fault: Fault(kind: .open, role: "ledger", code: EIO), failing: .openForWriting, lineWritten: false),
        AppendFault(fault: Fault(kind: .flock, role: "ledger", code: EIO), failing: .lock, lineWritten: false),
        AppendFault(fault: Fault(kind: .pread, role: "ledger", code: EIO), failing: .read, lineWritten: false),
        AppendFault(fault: Fault(kind: .write, role: "ledger", code: ENOSPC), failing: .write, lineWritten: false),
        AppendFault(fault: Fault(kind: .write, role: "ledger", code: EIO), failing: .write, lineWritten: false),
        AppendFault(
            fault: Fault(kind: .write, role: "ledger", code: ENOSPC, skip: 1), shortWrite: true, failing: .write,
            lineWritten: false),
        AppendFault(fault: Fault(kind: .fsync, role: "ledger", code: EIO), failing: .synchronize, lineWritten: true),
    ] + [SystemCallRecorder.Kind.open, .flock, .pread, .write, .fsync].map {
        AppendFault(fault: Fault(kind: $0, role: "ledger", code: EINTR), failing: nil, lineWritten: true)
    } + [
        AppendFault(
            fault: Fault(kind: .write, role: "ledger", code: EINTR, skip: 1), shortWrite: true, failing: nil,
            lineWritten: true),
    ]

    @Test(arguments: appendFaults)
    func aFailingCallDuringAnAppend(_ planted: AppendFault) throws {
        try Self.withBaseLedger { _, path, before in
            let recorder = SystemCallRecorder(
                ledger: path, faults: [planted.fault], shortWrite: planted.shortWrite ? (role: "ledger", count: 10) : nil)
            let file = LedgerFile(path: path, system: recorder.system)
            let result = Result { try file.append(try Self.eighth(), now: Self.now) }
            let after = try FileBytes.read(path)
            if let failing = planted.failing {
                #expect(throws: (any Error).self) { try result.get() }
                if case .failure(let error) = result { #expect(Self.operation(of: error) == failing) }
            } else {
                let outcome = try result.get()
                guard case .appended = outcome else { throw FixtureError("not appended") }
                // Interrupted, then made again: the failed call is in the trace, followed by its retry.
                let failed = "\(planted.fault.kind.rawValue) ledger"
                let trace = recorder.trace
                let index = try #require(trace.firstIndex(where: { $0.hasPrefix(failed) && $0.hasSuffix("✗EINTR") }))
                #expect(trace[index + 1].hasPrefix(failed) && !trace[index + 1].contains("✗"))
            }
            if planted.lineWritten {
                #expect(after.count > before.count && after.starts(with: before))
                #expect(try LedgerFile(path: path).read().events.count == 8)
            } else {
                #expect(after == before)
            }
            // Whatever happened, the lock was taken before anything was read and released after the last call.
            let kinds = recorder.calls.map(\.kind)
            if let read = kinds.firstIndex(of: .pread) { #expect(kinds[..<read].contains(.flock)) }
            if kinds.contains(.flock) { #expect(kinds.last == .close) }
        }
    }

    /// A failure of the checkpoint (a cache) never fails an append: the line is written
    /// and flushed first, and the next append, with or without the checkpoint, is exact.
    struct CheckpointFault: Sendable, CustomTestStringConvertible {
        var fault: Fault
        /// Whether the ledger has no checkpoint before (the append writes a whole one).
        var withoutCheckpoint = false

        var testDescription: String { fault.description + (withoutCheckpoint ? " (no checkpoint before)" : "") }
    }

    static let checkpointFaults: [CheckpointFault] = [
        CheckpointFault(fault: Fault(kind: .open, role: "checkpoint", code: EIO)),
        CheckpointFault(fault: Fault(kind: .pread, role: "checkpoint", code: EIO)),
        CheckpointFault(fault: Fault(kind: .open, role: "checkpoint", code: EIO, skip: 1)),
        CheckpointFault(fault: Fault(kind: .write, role: "checkpoint", code: ENOSPC)),
        CheckpointFault(fault: Fault(kind: .write, role: "checkpoint", code: EIO)),
        CheckpointFault(fault: Fault(kind: .open, role: "temporary", code: EIO), withoutCheckpoint: true),
        CheckpointFault(fault: Fault(kind: .write, role: "temporary", code: ENOSPC), withoutCheckpoint: true),
        CheckpointFault(fault: Fault(kind: .fsync, role: "temporary", code: EIO), withoutCheckpoint: true),
        CheckpointFault(fault: Fault(kind: .rename, role: "checkpoint", code: EIO), withoutCheckpoint: true),
    ]

    @Test(arguments: checkpointFaults)
    func aFailingCheckpointCallNeverFailsTheAppend(_ planted: CheckpointFault) throws {
        try Self.withBaseLedger { folder, path, before in
            if planted.withoutCheckpoint { try FileManager.default.removeItem(atPath: path + ".checkpoint") }
            let recorder = SystemCallRecorder(ledger: path, faults: [planted.fault])
            let outcome = try LedgerFile(path: path, system: recorder.system).append(try Self.eighth(), now: Self.now)
            guard case .appended = outcome else { throw FixtureError("not appended") }
            #expect(recorder.calls.contains { $0.error != 0 }, "the fault was not met")
            // The line was flushed before any write to the checkpoint.
            let kinds = recorder.calls.map { "\($0.kind.rawValue) \($0.role)" }
            let flushed = try #require(kinds.firstIndex(of: "fsync ledger"))
            #expect(!kinds[..<flushed].contains { $0 == "write checkpoint" || $0 == "write temporary" || $0.hasPrefix("rename") })
            #expect(try FileBytes.read(path).starts(with: before))
            #expect(!(try FileBytes.names(in: folder).contains { $0.hasPrefix(".pacte-ledger-") }), "a temporary file was left")
            // The next appends see the whole ledger, whatever the checkpoint became.
            let file = LedgerFile(path: path)
            let ninth = try LedgerFixtures.draft(.annexAttached, id: LedgerFixtures.id(9), effective: "2025-03-16", #"{"annex":1,"title":"t","source":"s"}"#)
            #expect(try file.append(ninth, now: Self.now).event.seq == 9)
            #expect(throws: LedgerError.idConflict(LedgerLocation(file: path, line: 10), id: LedgerFixtures.id(9), existingLine: 9)) {
                var other = ninth
                other.data["title"] = .string("autre")
                _ = try file.append(other, now: Self.now)
            }
            #expect(try file.verify().isValid)
        }
    }

    // MARK: - Init

    @Test func initWritesAFlushedTemporaryFileLinksItAndFlushesTheFolder() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let recorder = SystemCallRecorder(ledger: path)
            try LedgerFile.create(
                at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: LedgerFixtures.recorded(line: 1),
                system: recorder.system)
            #expect(recorder.trace == [
                "open temporary", "write temporary", "fsync temporary", "link temporary ledger",
                "open folder", "fsync folder", "close folder", "close temporary", "unlink temporary",
            ])
            let writes = recorder.calls.filter { $0.kind == .write }
            #expect(writes.map(\.bytes) == [try FileBytes.read(path)])
            #expect(try FileBytes.names(in: folder) == ["pacte.jsonl"])
        }
    }

    /// A failure at each step of `init`, and whether the ledger exists after.
    struct CreateFault: Sendable, CustomTestStringConvertible {
        var fault: Fault
        var failing: FileOperation?
        /// Whether the ledger exists after, complete (only once linked).
        var created: Bool

        var testDescription: String { fault.description }
    }

    static let createFaults: [CreateFault] = [
        CreateFault(fault: Fault(kind: .open, role: "temporary", code: EIO), failing: .create, created: false),
        CreateFault(fault: Fault(kind: .write, role: "temporary", code: ENOSPC), failing: .write, created: false),
        CreateFault(fault: Fault(kind: .write, role: "temporary", code: EIO), failing: .write, created: false),
        CreateFault(fault: Fault(kind: .fsync, role: "temporary", code: EIO), failing: .synchronize, created: false),
        CreateFault(fault: Fault(kind: .link, role: "ledger", code: EIO), failing: .create, created: false),
        CreateFault(fault: Fault(kind: .link, role: "ledger", code: ENOSPC), failing: .create, created: false),
        CreateFault(fault: Fault(kind: .open, role: "folder", code: EIO), failing: .openFolder, created: true),
        CreateFault(fault: Fault(kind: .fsync, role: "folder", code: EIO), failing: .synchronizeFolder, created: true),
    ] + [
        Fault(kind: .open, role: "temporary", code: EINTR), Fault(kind: .write, role: "temporary", code: EINTR),
        Fault(kind: .fsync, role: "temporary", code: EINTR), Fault(kind: .link, role: "ledger", code: EINTR),
        Fault(kind: .fsync, role: "folder", code: EINTR),
    ].map { CreateFault(fault: $0, failing: nil, created: true) }

    @Test(arguments: createFaults)
    func aFailingCallDuringInit(_ planted: CreateFault) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let recorder = SystemCallRecorder(ledger: path, faults: [planted.fault])
            let result = Result {
                try LedgerFile.create(
                    at: path, with: try LedgerFixtures.pactDrafted(), recordedAt: LedgerFixtures.recorded(line: 1),
                    system: recorder.system)
            }
            if let failing = planted.failing {
                #expect(throws: (any Error).self) { try result.get() }
                if case .failure(let error) = result { #expect(Self.operation(of: error) == failing) }
            } else {
                _ = try result.get()
            }
            // Never a temporary file left, never a ledger empty or half written.
            #expect(try FileBytes.names(in: folder) == (planted.created ? ["pacte.jsonl"] : []))
            if planted.created {
                #expect(try LedgerFile(path: path).read().events.count == 1)
            } else {
                // Nothing in the way of a retry.
                try LedgerFixtures.writeLedger([try LedgerFixtures.pactDrafted()], at: path)
            }
        }
    }

    // MARK: - Repair

    /// The base ledger with half an 8th line after it.
    private static func withTornLedger(_ body: (_ folder: String, _ path: String, _ good: [UInt8], _ torn: [UInt8]) throws -> Void) throws {
        try withBaseLedger { folder, path, good in
            let line = Array("{\"seq\":8,\"id\":\"x\",\"type\":\"draft.submitted\"".utf8)
            try FileBytes.write(good + line, to: path)
            try body(folder, path, good, line)
        }
    }

    @Test func repairFlushesTheSideFileAndItsFolderBeforeTruncating() throws {
        try Self.withTornLedger { folder, path, good, torn in
            let recorder = SystemCallRecorder(ledger: path)
            let outcome = try LedgerFile(path: path, system: recorder.system).repair(now: Self.repairTime)
            guard case .repaired(let side, _, _, _) = outcome else { throw FixtureError("not repaired: \(outcome)") }
            #expect(recorder.trace == [
                "open ledger", "flock ledger exclusive", "pread ledger",
                "open temporary", "pread ledger", "write temporary", "fsync temporary", "link temporary side",
                "open folder", "fsync folder", "close folder", "close temporary", "unlink temporary",
                "ftruncate ledger", "fsync ledger", "close ledger",
            ])
            #expect(try FileBytes.read(path) == good)
            #expect(try FileBytes.read(side) == torn)
            #expect(try FileBytes.namesBesideCheckpoints(in: folder).count == 2)
        }
    }

    /// A failure at each step of `repair`, and what is on disk after.
    struct RepairFault: Sendable, CustomTestStringConvertible {
        var fault: Fault
        var failing: FileOperation?
        /// Whether a complete side file exists after.
        var sideFile: Bool
        /// Whether the ledger was truncated.
        var truncated: Bool

        var testDescription: String { fault.description }
    }

    static let repairFaults: [RepairFault] = [
        RepairFault(fault: Fault(kind: .open, role: "temporary", code: EIO), failing: .create, sideFile: false, truncated: false),
        RepairFault(fault: Fault(kind: .write, role: "temporary", code: ENOSPC), failing: .write, sideFile: false, truncated: false),
        RepairFault(fault: Fault(kind: .write, role: "temporary", code: EIO), failing: .write, sideFile: false, truncated: false),
        RepairFault(fault: Fault(kind: .fsync, role: "temporary", code: EIO), failing: .synchronize, sideFile: false, truncated: false),
        RepairFault(fault: Fault(kind: .link, role: "side", code: EIO), failing: .create, sideFile: false, truncated: false),
        RepairFault(fault: Fault(kind: .fsync, role: "folder", code: EIO), failing: .synchronizeFolder, sideFile: true, truncated: false),
        RepairFault(fault: Fault(kind: .ftruncate, role: "ledger", code: EIO), failing: .truncate, sideFile: true, truncated: false),
        RepairFault(fault: Fault(kind: .fsync, role: "ledger", code: EIO), failing: .synchronize, sideFile: true, truncated: true),
    ] + [
        Fault(kind: .write, role: "temporary", code: EINTR), Fault(kind: .fsync, role: "temporary", code: EINTR),
        Fault(kind: .link, role: "side", code: EINTR), Fault(kind: .fsync, role: "folder", code: EINTR),
        Fault(kind: .ftruncate, role: "ledger", code: EINTR), Fault(kind: .fsync, role: "ledger", code: EINTR),
    ].map { RepairFault(fault: $0, failing: nil, sideFile: true, truncated: true) }

    @Test(arguments: repairFaults)
    func aFailingCallDuringRepair(_ planted: RepairFault) throws {
        try Self.withTornLedger { folder, path, good, torn in
            let recorder = SystemCallRecorder(ledger: path, faults: [planted.fault])
            let result = Result { try LedgerFile(path: path, system: recorder.system).repair(now: Self.repairTime) }
            if let failing = planted.failing {
                #expect(throws: (any Error).self) { try result.get() }
                if case .failure(let error) = result { #expect(Self.operation(of: error) == failing) }
            } else {
                guard case .repaired = try result.get() else { throw FixtureError("not repaired") }
            }
            #expect(try FileBytes.read(path) == (planted.truncated ? good : good + torn))
            let sides = try FileBytes.namesBesideCheckpoints(in: folder).filter { $0 != "pacte.jsonl" }
            #expect(sides.count == (planted.sideFile ? 1 : 0))
            #expect(sides.allSatisfy { $0.hasPrefix("pacte.jsonl.torn-") })
            for side in sides { #expect(try FileBytes.read(folder + "/" + side) == torn) }
            // A repair after a failure finishes the work and keeps one side file.
            if !planted.truncated {
                guard case .repaired = try LedgerFile(path: path).repair(now: Self.repairTime) else {
                    throw FixtureError("not repaired on retry")
                }
                #expect(try FileBytes.read(path) == good)
                #expect(try FileBytes.namesBesideCheckpoints(in: folder).count == 2)
            }
        }
    }
}

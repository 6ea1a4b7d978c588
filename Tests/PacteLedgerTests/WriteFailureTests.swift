import Foundation
import PacteEvents
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A write that fails half-way: `pacte-ledger` run under a file-size limit
/// (`RLIMIT_FSIZE`, bash's `ulimit -f`, in 1,024-byte blocks). SIGXFSZ is ignored by the
/// program, so the write fails with EFBIG and the command reports it.
extension ChildProcessSuites {
@Suite("Write failures", .timeLimit(.minutes(10)))
struct WriteFailureTests {
    /// `$1` = limit in 1,024-byte blocks, then the command to run.
    static let limited = #"ulimit -f "$1" || exit 99; shift; exec "$@""#

    static func limitedRun(blocks: Int, _ arguments: [String], input: String? = nil) throws -> Guarantee.Outcome {
        try Guarantee.run("/bin/bash", ["-c", limited, "limited", String(blocks), Guarantee.binary] + arguments, input: input)
    }

    /// The two ways a line may not fit.
    enum Room: String, CaseIterable, CustomTestStringConvertible {
        /// The limit falls inside the new line: part of it is written, then EFBIG.
        case partOfTheLine
        /// The file is already at the limit: the first byte fails.
        case none

        var testDescription: String { rawValue }
    }

    /// The ways to append the big line.
    enum Form: String, CaseIterable, CustomTestStringConvertible {
        case meeting, recordFromFile

        var testDescription: String { rawValue }
    }

    @Test("an append that does not fit exits 2 with a clear message and leaves the ledger byte-identical",
          arguments: Room.allCases, Form.allCases)
    func appendPastTheLimit(room: Room, form: Form) throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 4)
        let before = try Guarantee.readBytes(file)
        let blocks = room == .none ? before.count / 1024 : before.count / 1024 + 1
        let space = blocks * 1024 - before.count
        #expect(space <= 1024 && (room == .none) == (space <= 0))
        let decision = String(repeating: "Décision longue. ", count: 200)  // > 3,000 bytes: never fits in `space`
        let arguments: [String]
        switch form {
        case .meeting:
            arguments = [
                "meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--decision", decision,
                "--effective", "2025-03-01", "--by", "me", "--id", "big",
            ]
        case .recordFromFile:
            let payload = folder.file("payload.json")
            let data = JSONObject([
                JSONMember("body", .string("COPIL")), JSONMember("attendees", .array([.string("cc-val")])),
                JSONMember("decisions", .array([.string(decision)])),
            ])
            try Guarantee.writeBytes(JSONWriter.bytes(of: .object(data)), to: payload)
            arguments = [
                "record", file, "governance.held", "--data", "@" + payload, "--effective", "2025-03-01", "--by", "me",
                "--id", "big",
            ]
        }

        let failed = try Self.limitedRun(blocks: blocks, arguments)
        #expect(failed.exitCode == 2, "\(failed)")
        #expect(failed.standardError.contains(file), "\(failed)")
        #expect(failed.standardError.contains("écriture"), "\(failed)")
        #expect(failed.standardError.contains("errno \(EFBIG)"), "\(failed)")
        #expect(!failed.standardError.contains("Fatal error"))
        #expect(failed.standardOutput.isEmpty)
        // What actually happens: the part that was written is cut off again; no torn tail.
        #expect(try Guarantee.readBytes(file) == before, "the ledger must be byte-identical")
        let report = try LedgerFile(path: file).verify()
        #expect(report.isValid && report.tornTail == nil)
        #expect(try Guarantee.ledger(["verify", file]).exitCode == 0)

        // Without the limit, the same command succeeds.
        let retried = try Guarantee.ledger(arguments)
        #expect(retried.exitCode == 0, "\(retried)")
        #expect(try LedgerFile(path: file).read().events.last?.id == "big")
    }

    @Test("the limited child gets SIGXFSZ as a shell would (neither blocked nor ignored): a program that does not ignore it dies")
    func theLimitBites() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let status = try Guarantee.bash(#"grep -E '^Sig(Blk|Ign):' /proc/self/status"#, [])
        let masks = status.output.split(separator: "\n").compactMap { line in UInt64(line.split(separator: "\t").last ?? "", radix: 16) }
        #expect(masks.count == 2 && masks.allSatisfy { $0 & (1 << (UInt64(SIGXFSZ) - 1)) == 0 }, "\(status)")
        let head = try Guarantee.run(
            "/bin/bash", ["-c", #"ulimit -f 1; exec head -c 5000 /dev/zero > "$0""#, folder.file("zeros")])
        #expect(head.signal == SIGXFSZ, "\(head)")
    }

    @Test("init that cannot write line 1 exits 2 and leaves no file behind")
    func initPastTheLimit() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        let failed = try Self.limitedRun(blocks: 0, initArguments(file))
        #expect(failed.exitCode == 2, "\(failed)")
        #expect(failed.standardError.contains("errno \(EFBIG)"), "\(failed)")
        #expect(!failed.standardError.contains("Fatal error"))
        #expect(!Guarantee.exists(file), "a failed init must not leave an (empty) ledger that blocks the next one")
        let retried = try Guarantee.ledger(initArguments(file))
        #expect(retried.exitCode == 0, "\(retried)")
        #expect(try LedgerFile(path: file).verify().isValid)
    }

    @Test("repair that cannot write its side file exits 2, truncates nothing and leaves no side file")
    func repairPastTheLimit() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 2)
        let torn = Array(#"{"seq":4,"id":"interrompue","type":"gov"#.utf8)
        try Guarantee.appendBytes(torn, to: file)
        let before = try Guarantee.readBytes(file)

        let failed = try Self.limitedRun(blocks: 0, ["repair", file])
        #expect(failed.exitCode == 2, "\(failed)")
        #expect(failed.standardError.contains(".torn-"), "\(failed)")
        #expect(failed.standardError.contains("errno \(EFBIG)"), "\(failed)")
        #expect(!failed.standardError.contains("Fatal error"))
        #expect(try Guarantee.readBytes(file) == before, "the torn bytes must stay in the ledger until they are kept elsewhere")
        #expect(try folder.entries().filter { !$0.hasSuffix(".checkpoint") } == ["pacte.jsonl"], "no empty side file")

        let repaired = try Guarantee.ledger(["repair", file])
        #expect(repaired.exitCode == 0, "\(repaired)")
        let sideFiles = try folder.entries().filter { $0.hasPrefix("pacte.jsonl.torn-") }
        #expect(sideFiles.count == 1)
        if let side = sideFiles.first {
            #expect(try Guarantee.readBytes(folder.file(side)) == torn)
        }
        #expect(try Guarantee.readBytes(file) == Array(before.dropLast(torn.count)))
    }
}
}  // extension ChildProcessSuites

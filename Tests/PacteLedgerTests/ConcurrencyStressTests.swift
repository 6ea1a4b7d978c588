import Foundation
import PacteDocuments
import PacteEvents
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import pacte_ledger

/// Many processes on one ledger at once: the exclusive lock serialises the writers,
/// the shared lock gives every reader a consistent prefix.
extension ChildProcessSuites {
@Suite("Concurrency stress", .timeLimit(.minutes(10)))
struct ConcurrencyStressTests {
    static let writerLoop = #"""
        bin=$0 file=$1 dir=$2 writer=$3 count=$4
        for ((i = 1; i <= count; i++)); do
          kill -0 "$PPID" 2> /dev/null || exit 1  # the test process is gone
          "$bin" record "$file" draft.submitted --id "w$writer-$i" --data "{\"to\":[\"writer $writer, event $i\"]}" \
            --effective 2025-02-01 --by "writer-$writer" > /dev/null 2>> "$dir/writer-$writer.errors"
          echo "$i $?" >> "$dir/writer-$writer.statuses"
        done
        """#

    /// `$4` is the command (`verify` or `log`); every run's output is kept in its own file.
    static let readerLoop = #"""
        bin=$0 file=$1 dir=$2 command=$3
        n=0
        # Ends when told to, or when the test process is gone.
        while [[ ! -e $dir/stop ]] && kill -0 "$PPID" 2> /dev/null && ((SECONDS < 540)); do
          n=$((n + 1))
          "$bin" "$command" "$file" --json > "$dir/$command-$n.out" 2> "$dir/$command-$n.err"
          echo "$n $?" >> "$dir/$command.statuses"
          sleep 0.5
        done
        """#

    @Test("4 writers × 250 appends with verify and log readers: 1,001 lines, contiguous, valid; every reader saw a valid prefix")
    func writersAndReaders() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 0)
        let writersCount = 4
        let appendsPerWriter = 250
        let started = Date()

        func spawn(_ script: String, _ arguments: [String]) throws -> (Process, DispatchSemaphore) {
            let process = Guarantee.process("/bin/bash", ["-c", script] + arguments)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            let ended = DispatchSemaphore(value: 0)
            process.terminationHandler = { _ in ended.signal() }
            try process.run()
            return (process, ended)
        }
        let readers = try ["verify", "log"].map { try spawn(Self.readerLoop, [Guarantee.binary, file, folder.path, $0]) }
        let writers = try (1...writersCount).map {
            try spawn(Self.writerLoop, [Guarantee.binary, file, folder.path, String($0), String(appendsPerWriter)])
        }
        for (process, ended) in writers {
            if ended.wait(timeout: .now() + 540) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                ended.wait()
                Issue.record("a writer did not finish")
            }
        }
        #expect(FileManager.default.createFile(atPath: folder.file("stop"), contents: nil))
        for (process, ended) in readers {
            if ended.wait(timeout: .now() + 120) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                ended.wait()
                Issue.record("a reader did not stop")
            }
        }
        let elapsed = Date().timeIntervalSince(started)

        // The writers: every append succeeded and is there, in each writer's order.
        for writer in 1...writersCount {
            let statuses = try lines(folder.file("writer-\(writer).statuses"))
            #expect(statuses.count == appendsPerWriter)
            #expect(statuses.allSatisfy { $0.hasSuffix(" 0") }, "writer \(writer): \(statuses.filter { !$0.hasSuffix(" 0") })")
            #expect(try lines(folder.file("writer-\(writer).errors")).isEmpty)
        }
        let contents = try LedgerFile(path: file).read()
        #expect(contents.events.count == 1 + writersCount * appendsPerWriter)
        #expect(contents.events.map(\.seq) == Array(1...contents.events.count))
        #expect(contents.tornTail == nil)
        #expect(try LedgerFile(path: file).verify().isValid)
        #expect(try Guarantee.ledger(["verify", file]).exitCode == 0)
        for writer in 1...writersCount {
            let ids = contents.events.map(\.id).filter { $0.hasPrefix("w\(writer)-") }
            #expect(ids == (1...appendsPerWriter).map { "w\(writer)-\($0)" })
        }

        // The readers: never a false alarm, never a crash, always a prefix of the final ledger.
        let envelopes = contents.events.map { JSONWriter.bytes(of: .object($0.envelope)) }
        var ends: [Int] = []  // byte offset, in the full `log --json` output, after envelope k
        var full: [UInt8] = [UInt8(ascii: "[")]
        for (index, envelope) in envelopes.enumerated() {
            if index > 0 { full.append(UInt8(ascii: ",")) }
            full += envelope
            ends.append(full.count)
        }
        var seenCounts: [String: Set<Int>] = [:]
        for command in ["verify", "log"] {
            let statuses = try lines(folder.file("\(command).statuses"))
            #expect(statuses.count >= 10, "\(command) ran only \(statuses.count) times")
            for status in statuses {
                let parts = status.split(separator: " ")
                let run = String(parts[0])
                let code = Int(parts[1]) ?? -1
                let output = (try? Guarantee.readBytes(folder.file("\(command)-\(run).out"))) ?? []
                let errors = String(decoding: (try? Guarantee.readBytes(folder.file("\(command)-\(run).err"))) ?? [], as: UTF8.self)
                #expect(code != 1, "\(command) run \(run) reported tampering on a sound ledger: \(errors)")
                #expect(code <= 2, "\(command) run \(run) crashed (status \(code)): \(errors)")
                #expect(code == 0, "\(command) run \(run) exited \(code): \(errors)")
                #expect(errors.isEmpty, "\(command) run \(run): \(errors)")
                guard code == 0 else { continue }
                if command == "verify" {
                    let count = try verifiedPrefix(output, events: contents.events)
                    #expect(count != nil, "verify run \(run) saw something that is not a prefix: \(String(decoding: output, as: UTF8.self))")
                    if let count { seenCounts[command, default: []].insert(count) }
                } else {
                    let count = loggedPrefix(output, full: full, ends: ends)
                    #expect(count != nil, "log run \(run) printed something that is not a prefix of the ledger")
                    if let count { seenCounts[command, default: []].insert(count) }
                }
            }
        }
        // The readers really ran while the ledger grew.
        #expect((seenCounts["verify"]?.count ?? 0) > 2)
        #expect((seenCounts["log"]?.count ?? 0) > 2)
        print("concurrency: \(contents.events.count) lines in \(String(format: "%.1f", elapsed)) s; verify saw \(seenCounts["verify"]?.count ?? 0) and log \(seenCounts["log"]?.count ?? 0) distinct prefixes")
    }

    @Test("two writers with --expect-seq on the same seq: exactly one wins, the other is told the current seq (20 rounds)")
    func expectedSeqRace() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 0)
        for round in 1...20 {
            let seq = round  // line 1, then one winner per round
            let results = Results()
            DispatchQueue.concurrentPerform(iterations: 2) { writer in
                let outcome = Result {
                    try Guarantee.ledger([
                        "meeting", file, "--expect-seq", String(seq), "--id", "e\(round)-\(writer)", "--body", "COPIL",
                        "--attendee", "cc-val", "--effective", "2025-02-01", "--by", "writer-\(writer)",
                    ])
                }
                results.set(writer, outcome)
            }
            let outcomes = try (0..<2).map { try results.get($0).get() }
            let winners = outcomes.filter { $0.exitCode == 0 }
            let losers = outcomes.filter { $0.exitCode != 0 }
            #expect(winners.count == 1, "round \(round): \(outcomes)")
            for loser in losers {
                #expect(loser.exitCode == 2, "round \(round): \(loser)")
                #expect(loser.standardError.contains("seq attendu \(seq), seq actuel \(seq + 1)"), "round \(round): \(loser)")
                #expect(loser.standardError.contains("rien n'a été écrit"))
            }
            let contents = try LedgerFile(path: file).read()
            #expect(contents.events.count == seq + 1)
            #expect(contents.events.last?.id.hasPrefix("e\(round)-") == true)
        }
        #expect(try LedgerFile(path: file).verify().isValid)
    }

    /// Outcomes written by concurrent workers.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Int: Result<Guarantee.Outcome, any Error>] = [:]

        func set(_ index: Int, _ value: Result<Guarantee.Outcome, any Error>) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        func get(_ index: Int) throws -> Result<Guarantee.Outcome, any Error> {
            lock.lock()
            defer { lock.unlock() }
            guard let value = values[index] else { throw Guarantee.Failure("worker \(index) gave no result") }
            return value
        }
    }

    private func lines(_ path: String) throws -> [String] {
        guard Guarantee.exists(path) else { return [] }
        return String(decoding: try Guarantee.readBytes(path), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The number of lines a `verify --json` output vouches for, if it is a valid prefix
    /// of `events` (its digest is the hash of that line).
    private func verifiedPrefix(_ output: [UInt8], events: [LedgerEvent]) throws -> Int? {
        guard case .object(let report) = try output.withUnsafeBytes({ try JSONParser.parse($0) }),
            report["valid"] == .bool(true), let count = report["eventCount"]?.integerValue,
            (1...events.count).contains(count), case .string(let digest) = report["digest"]
        else { return nil }
        return events[count - 1].hash.hexadecimal == digest ? count : nil
    }

    /// The number of events a `log --json` output shows, if they are exactly the first
    /// events of the final ledger, byte for byte.
    private func loggedPrefix(_ output: [UInt8], full: [UInt8], ends: [Int]) -> Int? {
        guard output.count >= 4, Array(output.suffix(2)) == [UInt8(ascii: "]"), 0x0A] else { return nil }
        let body = output.count - 2
        guard let index = ends.firstIndex(of: body) else { return nil }
        let same = output.withUnsafeBytes { left in full.withUnsafeBytes { right in memcmp(left.baseAddress!, right.baseAddress!, body) } }
        return same == 0 ? index + 1 : nil
    }
}
}  // extension ChildProcessSuites

import Foundation
import PacteEvents
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pacte-ledger` killed with SIGKILL at random moments while it appends: nothing
/// acknowledged is lost, the chain stays valid, and an interrupted line is the only
/// damage, detected and repaired with its bytes kept.
extension ChildProcessSuites {
@Suite("Crash recovery", .timeLimit(.minutes(10)))
struct CrashRecoveryTests {
    /// The child: appends steering meetings one after the other and writes an id to
    /// `acknowledged` only after `pacte-ledger` exited 0 for it.
    static let appendLoop = #"""
        bin=$0 file=$1 prefix=$2 round=$3
        i=0
        # Ends when told to, or when the test process is gone.
        while [[ ! -e $prefix.stop ]] && kill -0 "$PPID" 2> /dev/null && ((SECONDS < 540)); do
          i=$((i + 1))
          id="r$round-$i"
          "$bin" meeting "$file" --id "$id" --body COPIL --attendee cc-val --decision "round $round, append $i" \
            --effective 2025-02-01 --by crash-loop > /dev/null 2>> "$prefix.errors"
          status=$?
          if [[ $status -eq 0 ]]; then echo "$id" >> "$prefix.acknowledged"; fi
          echo "$id $status" >> "$prefix.statuses"
        done
        """#

    /// What one round did.
    struct Round {
        var killedName: String?
        var statuses: [(id: String, status: Int)] = []
        var acknowledged: [String] = []
        var errors = ""
    }

    @Test("≥ 50 SIGKILLs during appends: acknowledged appends survive, chain valid, torn tails repaired with their bytes kept")
    func killAtRandomMoments() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 1)
        var generator = Guarantee.SplitMix64(seed: 0x00C0_FFEE_2025)
        var acknowledged: Set<String> = []
        var killedAppends = 0
        var simulatedTears = 0
        var realTears = 0
        var round = 0
        while killedAppends < 50 && round < 250 {
            round += 1
            let prefix = folder.file("round-\(round)")
            let result = try runRound(round, file: file, prefix: prefix, delayMicroseconds: Int.random(in: 2_000...40_000, using: &generator))
            #expect(result.errors.isEmpty, "round \(round): pacte-ledger complained: \(result.errors)")
            #expect(!result.errors.contains("Fatal error"))
            acknowledged.formUnion(result.acknowledged)
            // Every attempt but the last exited 0; the last one was killed (137) or finished.
            for (index, attempt) in result.statuses.enumerated() {
                let allowed = index == result.statuses.count - 1 ? [0, 128 + Int(SIGKILL)] : [0]
                #expect(allowed.contains(attempt.status), "round \(round): \(attempt.id) ended with \(attempt.status)")
            }
            if result.statuses.last?.status == 128 + Int(SIGKILL), result.killedName == "pacte-ledger" {
                killedAppends += 1
            }

            // The ledger as a reader sees it after the crash.
            var contents = try LedgerFile(path: file).read()
            let ids = contents.events.map(\.id)
            let present = Set(ids)
            let lost = acknowledged.subtracting(present)
            #expect(lost.isEmpty, "round \(round): acknowledged appends missing: \(lost.sorted())")
            #expect(contents.events.map(\.seq) == Array(1...contents.events.count))
            // This round's lines: r<round>-1, -2… in order; at most one beyond the acknowledged ones.
            let roundIds = ids.filter { $0.hasPrefix("r\(round)-") }
            #expect(roundIds == (0..<roundIds.count).map { "r\(round)-\($0 + 1)" }, "round \(round): \(roundIds)")
            #expect(
                roundIds.count == result.acknowledged.count || roundIds.count == result.acknowledged.count + 1,
                "round \(round): \(roundIds.count) lines for \(result.acknowledged.count) acknowledged appends")
            let report = try LedgerFile(path: file).verify()
            #expect(report.problem == nil, "round \(round): \(String(describing: report.problem))")
            #expect(report.eventCount == contents.events.count)

            // A real tear (the kill landed inside the write) is the in-flight line only.
            if let torn = contents.tornTail {
                realTears += 1
                let bytes = try Guarantee.readBytes(file)
                #expect(torn.line == contents.events.count + 1)
                #expect(torn.offset + torn.byteCount == bytes.count)
                try repairAndCompare(
                    file: file, good: Array(bytes[..<torn.offset]), torn: Array(bytes[torn.offset...]), checkRefusal: false)
                contents = try LedgerFile(path: file).read()
            } else if Int.random(in: 0..<3, using: &generator) == 0 {
                // Simulated tear: what a crash inside the write would leave — a prefix of
                // the next line without its `\n`, or a block of NUL bytes.
                simulatedTears += 1
                let good = try Guarantee.readBytes(file)
                let line = try Guarantee.nextLineBytes(after: contents.events, id: "torn-\(round)", decision: "interrompue")
                let torn: [UInt8] = Int.random(in: 0..<5, using: &generator) == 0
                    ? [UInt8](repeating: 0, count: Int.random(in: 1...4096, using: &generator))
                    : Array(line[..<Int.random(in: 1..<line.count, using: &generator)])
                try Guarantee.appendBytes(torn, to: file)
                let damaged = try LedgerFile(path: file).read()
                #expect(damaged.events == contents.events)
                #expect(damaged.tornTail?.line == contents.events.count + 1)
                #expect(damaged.tornTail?.offset == good.count)
                #expect(damaged.tornTail?.byteCount == torn.count)
                let damagedReport = try LedgerFile(path: file).verify()
                #expect(damagedReport.problem == nil && damagedReport.tornTail?.line == contents.events.count + 1)
                #expect(!damagedReport.isValid)
                try repairAndCompare(file: file, good: good, torn: torn, checkRefusal: simulatedTears % 4 == 1)
            }
        }
        #expect(killedAppends >= 50, "only \(killedAppends) appends killed in \(round) rounds")
        #expect(simulatedTears >= 10)
        let final = try Guarantee.ledger(["verify", file])
        #expect(final.exitCode == 0, "\(final)")
        let contents = try LedgerFile(path: file).read()
        #expect(acknowledged.isSubset(of: Set(contents.events.map(\.id))))
        print("crash harness: \(round) rounds, \(killedAppends) appends killed, \(acknowledged.count) acknowledged, \(contents.events.count) lines, \(realTears) real and \(simulatedTears) simulated torn tails repaired")
    }

    /// Starts the append loop, lets it run `delayMicroseconds`, stops it (SIGSTOP, so its
    /// children cannot be reaped or replaced), SIGKILLs its running child, lets it finish.
    private func runRound(_ round: Int, file: String, prefix: String, delayMicroseconds: Int) throws -> Round {
        let loop = Guarantee.process("/bin/bash", ["-c", Self.appendLoop, Guarantee.binary, file, prefix, String(round)])
        loop.standardOutput = FileHandle.nullDevice
        loop.standardError = FileHandle.nullDevice
        loop.standardInput = FileHandle.nullDevice
        let ended = DispatchSemaphore(value: 0)
        loop.terminationHandler = { _ in ended.signal() }
        try loop.run()
        let shell = loop.processIdentifier
        // The delay counts from the first append's start, not the shell's: on a loaded
        // machine starting bash alone can take longer than any delay.
        let started = Date().addingTimeInterval(120)
        while !Self.runsLedger(shell), Date() < started { usleep(5000) }
        usleep(useconds_t(delayMicroseconds))

        var result = Round()
        kill(shell, SIGSTOP)
        let deadline = Date().addingTimeInterval(120)
        while Guarantee.processStatus(shell)?.state != "T", Date() < deadline { usleep(200) }
        #expect(Guarantee.processStatus(shell)?.state == "T", "the append loop did not stop")
        // The shell is stopped: its children stay ours (not reaped, pids not reused).
        for child in Guarantee.children(of: shell) {
            guard let status = Guarantee.processStatus(child), status.state != "Z" else { continue }
            if kill(child, SIGKILL) == 0 { result.killedName = status.name }
        }
        #expect(FileManager.default.createFile(atPath: prefix + ".stop", contents: nil))
        kill(shell, SIGCONT)
        if ended.wait(timeout: .now() + 120) == .timedOut {
            kill(shell, SIGKILL)
            ended.wait()
            Issue.record("round \(round): the append loop did not end")
        }

        func lines(_ suffix: String) -> [String] {
            guard let bytes = try? Guarantee.readBytes(prefix + suffix) else { return [] }
            return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        }
        result.acknowledged = lines(".acknowledged")
        result.statuses = lines(".statuses").map { line in
            let parts = line.split(separator: " ")
            return (String(parts[0]), Int(parts[1]) ?? -1)
        }
        result.errors = lines(".errors").joined(separator: "\n")
        return result
    }

    /// Whether a child of `shell` is `pacte-ledger`.
    private static func runsLedger(_ shell: pid_t) -> Bool {
        Guarantee.children(of: shell).contains { Guarantee.processStatus($0)?.name == "pacte-ledger" }
    }

    /// `pacte-ledger repair` moves exactly the torn bytes to the side file and leaves
    /// exactly the good lines; with `checkRefusal`, an append before it is refused.
    private func repairAndCompare(file: String, good: [UInt8], torn: [UInt8], checkRefusal: Bool) throws {
        if checkRefusal {
            let refused = try Guarantee.ledger([
                "meeting", file, "--body", "COPIL", "--attendee", "cc-val", "--effective", "2025-02-01", "--by", "me",
            ])
            #expect(refused.exitCode == 2, "\(refused)")
            #expect(refused.standardError.contains("repair"))
            #expect(try Guarantee.readBytes(file) == good + torn)
        }
        let repaired = try Guarantee.ledger(["repair", file, "--json"])
        #expect(repaired.exitCode == 0, "\(repaired)")
        guard case .object(let answer) = try JSONParser.parse(repaired.output.trimmingCharacters(in: .whitespacesAndNewlines)),
            case .string(let sideFile) = answer["sideFile"]
        else {
            Issue.record("repair --json gave no side file: \(repaired)")
            return
        }
        #expect(sideFile.hasPrefix(file + ".torn-"))
        #expect(try Guarantee.readBytes(sideFile) == torn, "the side file must hold the torn bytes exactly")
        #expect(try Guarantee.readBytes(file) == good, "the ledger must end at its last good line")
        let report = try LedgerFile(path: file).verify()
        #expect(report.isValid)
    }
}
}  // extension ChildProcessSuites

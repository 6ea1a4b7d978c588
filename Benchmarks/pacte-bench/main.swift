#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import PacteEvents

// pacte-bench: generates a deterministic synthetic corpus of valid v1 ledgers and times
// pacte-ledger against its peers (Python json.loads, jq) and the I/O and hashing floors
// (cat, sha256sum). Build and run with the README's command:
//   swift run -c release pacte-bench

struct Options {
    var corpus = "bench-corpus"
    var pacts = 200
    var events = 1_000_000
    var runs = 3
    var binary = ".build/release/pacte-ledger"
    var peers = true
    var example = "ledgers/pacte-coteaux-aussonne.jsonl"
    /// Time issue 9's blow-up cases instead of the corpus.
    var scale = false
    /// Time only the `record` rows (the corpus of many ledgers is neither generated nor timed).
    var recordOnly = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            func value() -> String {
                if parts.count == 2 { return parts[1] }
                guard let next = iterator.next() else { Options.fail("\(name) needs a value") }
                return next
            }
            switch name {
            case "--corpus": corpus = value()
            case "--pacts": pacts = Int(value()) ?? pacts
            case "--events": events = Int(value()) ?? events
            case "--runs": runs = max(1, Int(value()) ?? runs)
            case "--binary": binary = value()
            case "--example": example = value()
            case "--no-peers": peers = false
            case "--scale": scale = true
            case "--record": recordOnly = true
            case "--help", "-h":
                print("""
                    OVERVIEW: times pacte-ledger on a synthetic corpus against Python, jq, cat and sha256sum.

                    USAGE: swift run -c release pacte-bench [options]

                    OPTIONS:
                      --corpus DIR     where the corpus is written (default bench-corpus, git-ignored)
                      --pacts N        ledgers in the corpus (default 200)
                      --events N       events in all (default 1000000)
                      --runs N         runs per measurement; the median is shown (default 3)
                      --binary PATH    the pacte-ledger to time (default .build/release/pacte-ledger)
                      --no-peers       skip Python and jq
                      --record         time only the record rows (10,000 events, and one ledger of
                                       --events events: its first append, then the next ones)
                      --scale          instead of the corpus, time the scale cases (signatures of n
                                       partners, n partners, n amendments, a 100,000-member object,
                                       a 1,000,000-event ledger, a 100 MB line) with their peak memory
                    """)
                exit(0)
            default: Options.fail("unknown option \(name)")
            }
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("pacte-bench: \(message)\n".utf8))
        exit(2)
    }
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let clock = ChildProcess.monotonicSeconds
guard ChildProcess.run([options.binary, "--help"]).exitCode == 0 else {
    Options.fail("\(options.binary) does not run: build it first with `swift build -c release`")
}

// 2. Measurements.
struct Row {
    var name: String
    var seconds: Double
    var peakMemoryBytes: Int
    var events: Int?
    var bytes: Int?
    /// The row its "vs sha256sum" column compares with: sha256sum of the same files.
    var hashFloor: String
}
var rows: [Row] = []

@MainActor
func measure(
    _ name: String, events: Int?, bytes: Int?, runs: Int = options.runs, hashFloor: String = "sha256sum (hash floor)",
    expectedExitCode: Int32 = 0, _ arguments: () -> [String]
) {
    var times: [Double] = []
    var peak = 0
    for _ in 0..<runs {
        let run = ChildProcess.run(arguments())
        if run.exitCode != expectedExitCode { print("  \(name): exit code \(run.exitCode)") }
        times.append(run.seconds)
        peak = max(peak, run.peakMemoryBytes)
    }
    times.sort()
    let row = Row(
        name: name, seconds: times[times.count / 2], peakMemoryBytes: peak, events: events, bytes: bytes,
        hashFloor: hashFloor)
    rows.append(row)
    print("  " + name + String(repeating: " ", count: max(1, 36 - name.count)) + String(format: "%8.3f s", row.seconds))
}

if options.scale {
    ScaleCases.measureAll(folder: options.corpus + "-scale", binary: options.binary)
    exit(0)
}

// 1. The corpus.
let generator = CorpusGenerator(pactCount: options.pacts, eventsPerPact: options.events / options.pacts)
mkdir(options.corpus, 0o755)
let manifest = "\(options.corpus)/MANIFEST"
let expectedManifest = "pacts=\(options.pacts) events=\(options.events) generator=1\n"
let files = (0..<options.pacts).map { "\(options.corpus)/pacte-\($0).jsonl" }
if !options.recordOnly, (try? String(contentsOfFile: manifest, encoding: .utf8)) != expectedManifest {
    print("Generating the corpus in \(options.corpus)/ …")
    let start = clock()
    for (pact, file) in files.enumerated() { _ = try generator.writeLedger(pact: pact, to: file) }
    try FileBytes.write(Array(expectedManifest.utf8), to: manifest)
    print(String(format: "  %.1f s", clock() - start))
}
var corpusBytes = 0
var status = stat()
for file in files where stat(file, &status) == 0 { corpusBytes += Int(status.st_size) }
let eventCount = generator.eventsPerPact * options.pacts
let recordLedger = "\(options.corpus)-record/ledger.jsonl"
mkdir("\(options.corpus)-record", 0o755)
if stat(recordLedger, &status) != 0 {
    _ = try CorpusGenerator(pactCount: 1, eventsPerPact: 10_000).writeLedger(pact: 0, to: recordLedger)
}
// One ledger holding as many events as the whole corpus, for `verify` on one file.
let singleLedger = "\(options.corpus)-single/ledger.jsonl"
let singleManifest = "\(options.corpus)-single/MANIFEST"
let expectedSingleManifest = "events=\(options.events) generator=1\n"
mkdir("\(options.corpus)-single", 0o755)
if (try? String(contentsOfFile: singleManifest, encoding: .utf8)) != expectedSingleManifest {
    print("Generating one ledger of \(options.events) events in \(options.corpus)-single/ …")
    let start = clock()
    _ = try CorpusGenerator(pactCount: 1, eventsPerPact: options.events).writeLedger(pact: 0, to: singleLedger)
    try FileBytes.write(Array(expectedSingleManifest.utf8), to: singleManifest)
    print(String(format: "  %.1f s", clock() - start))
}
let singleBytes = stat(singleLedger, &status) == 0 ? Int(status.st_size) : 0
// One ledger of a tenth of the events, for issue 14's `state`/`check` against `verify` of the same file.
let tenthEvents = options.events / 10
let tenthLedger = "\(options.corpus)-tenth/ledger.jsonl"
let tenthManifest = "\(options.corpus)-tenth/MANIFEST"
let expectedTenthManifest = "events=\(tenthEvents) generator=1\n"
mkdir("\(options.corpus)-tenth", 0o755)
if !options.recordOnly, (try? String(contentsOfFile: tenthManifest, encoding: .utf8)) != expectedTenthManifest {
    print("Generating one ledger of \(tenthEvents) events in \(options.corpus)-tenth/ …")
    _ = try CorpusGenerator(pactCount: 1, eventsPerPact: tenthEvents).writeLedger(pact: 0, to: tenthLedger)
    try FileBytes.write(Array(expectedTenthManifest.utf8), to: tenthManifest)
}
let tenthBytes = stat(tenthLedger, &status) == 0 ? Int(status.st_size) : 0

let quotedFiles = files.joined(separator: " ")
print("Measuring (median of \(options.runs) runs) …")
if !options.recordOnly {
    measure("cat (I/O floor)", events: eventCount, bytes: corpusBytes) { ["sh", "-c", "cat \(quotedFiles) > /dev/null"] }
    measure("sha256sum (hash floor)", events: eventCount, bytes: corpusBytes) { ["sh", "-c", "sha256sum \(quotedFiles) > /dev/null"] }
    measure("pacte-ledger summary (parse+fold)", events: eventCount, bytes: corpusBytes) { [options.binary, "summary", options.corpus] }
    measure("pacte-ledger verify (all ledgers)", events: eventCount, bytes: corpusBytes) { [options.binary, "verify"] + files }
    let singleHashFloor = "sha256sum one ledger (hash floor)"
    measure(singleHashFloor, events: options.events, bytes: singleBytes, hashFloor: singleHashFloor) { ["sha256sum", singleLedger] }
    measure("verify one \(options.events.formatted())-event ledger", events: options.events, bytes: singleBytes, hashFloor: singleHashFloor) {
        [options.binary, "verify", singleLedger]
    }
    // The projections on that ledger: their peak memory is the state's, read while the file is
    // (the target is below the file's size).
    measure("state one \(options.events.formatted())-event ledger", events: options.events, bytes: singleBytes, hashFloor: singleHashFloor) {
        [options.binary, "state", singleLedger]
    }
    // `check` exits 1: the generated pact has findings.
    measure(
        "check one \(options.events.formatted())-event ledger", events: options.events, bytes: singleBytes, hashFloor: singleHashFloor,
        expectedExitCode: 1
    ) {
        [options.binary, "check", singleLedger, "--today", "2027-12-31"]
    }
    let tenthHashFloor = "sha256sum one \(tenthEvents.formatted())-event ledger"
    measure(tenthHashFloor, events: tenthEvents, bytes: tenthBytes, hashFloor: tenthHashFloor) { ["sha256sum", tenthLedger] }
    measure("verify one \(tenthEvents.formatted())-event ledger", events: tenthEvents, bytes: tenthBytes, hashFloor: tenthHashFloor) {
        [options.binary, "verify", tenthLedger]
    }
    measure("state one \(tenthEvents.formatted())-event ledger", events: tenthEvents, bytes: tenthBytes, hashFloor: tenthHashFloor) {
        [options.binary, "state", tenthLedger]
    }
    measure(
        "check one \(tenthEvents.formatted())-event ledger", events: tenthEvents, bytes: tenthBytes, hashFloor: tenthHashFloor,
        expectedExitCode: 1
    ) {
        [options.binary, "check", tenthLedger, "--today", "2027-12-31"]
    }
    if options.peers {
        if ChildProcess.isInstalled("python3") {
            measure("python3 json.loads fold", events: eventCount, bytes: corpusBytes) {
                ["python3", "Benchmarks/peers/fold.py"] + files
            }
        } else {
            print("  python3 not installed: skipped")
        }
        if ChildProcess.isInstalled("jq") {
            measure("jq reduce fold", events: eventCount, bytes: corpusBytes) {
                ["sh", "-c", "for f in \(quotedFiles); do jq -n -c -f Benchmarks/peers/fold.jq \"$f\"; done"]
            }
        } else {
            print("  jq not installed: skipped")
        }
    }
}
// `record` appends one line to a copy of a ledger prepared once per bench run: its first
// append (timed on its own for the large ledger) reads the whole ledger and writes the
// checkpoint beside it; each timed run then appends one more line, as a secretariat does.
var recordSeed = 0
@MainActor
func recordArguments(_ ledger: String) -> [String] {
    recordSeed += 1
    return [options.binary, "meeting", ledger, "--body", "Comité de pilotage", "--attendee", "porteur-0",
            "--decision", "Décision \(recordSeed)", "--effective", "2026-01-15", "--by", "bench"]
}
let recordCopy = "\(options.corpus)-record/copy.jsonl"
unlink(recordCopy + ".checkpoint")
_ = ChildProcess.run(["cp", recordLedger, recordCopy])
_ = ChildProcess.run(recordArguments(recordCopy))
measure("record on a 10,000-event ledger", events: 1, bytes: nil, runs: max(5, options.runs)) { recordArguments(recordCopy) }
let millionCopy = "\(options.corpus)-record/single.jsonl"
unlink(millionCopy + ".checkpoint")
_ = ChildProcess.run(["cp", singleLedger, millionCopy])
let singleName = options.events.formatted()
measure("record on a \(singleName)-event ledger, first", events: 1, bytes: nil, runs: 1) { recordArguments(millionCopy) }
measure("record on a \(singleName)-event ledger", events: 1, bytes: nil, runs: max(5, options.runs)) { recordArguments(millionCopy) }
unlink(millionCopy)
unlink(millionCopy + ".checkpoint")
if !options.recordOnly, stat(options.example, &status) == 0 {
    measure("verify the example ledger", events: nil, bytes: Int(status.st_size), runs: max(5, options.runs)) {
        [options.binary, "verify", options.example]
    }
}

// 3. The table.
@MainActor
func find(_ prefix: String) -> Row? { rows.first { $0.name.hasPrefix(prefix) } }
print("")
print("Corpus: \(options.pacts) ledgers, \(eventCount) events, \(String(format: "%.1f", Double(corpusBytes) / 1e6)) MB; machine: \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores")
print("")
let header = ["measurement", "wall (s)", "events/s", "MB/s", "peak MB", "vs python", "vs jq", "vs cat", "vs sha256sum"]
var table: [[String]] = [header]
for row in rows {
    func ratio(_ peer: Row?) -> String {
        guard let peer, row.seconds > 0, row.events != nil, row.events != 1 else { return "" }
        return String(format: "%.2fx", peer.seconds / row.seconds)
    }
    table.append([
        row.name,
        String(format: "%.3f", row.seconds),
        row.events.map { String(format: "%.0f", Double($0) / row.seconds) } ?? "",
        row.bytes.map { String(format: "%.0f", Double($0) / 1e6 / row.seconds) } ?? "",
        String(format: "%.0f", Double(row.peakMemoryBytes) / 1e6),
        ratio(find("python3")), ratio(find("jq")), ratio(find("cat")), ratio(find(row.hashFloor)),
    ])
}
let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
for (index, cells) in table.enumerated() {
    let line = cells.enumerated().map { column, cell in
        column == 0 ? cell + String(repeating: " ", count: widths[column] - cell.count)
            : String(repeating: " ", count: widths[column] - cell.count) + cell
    }.joined(separator: "  ")
    print(line)
    if index == 0 { print(String(repeating: "-", count: line.count)) }
}
print("")
print("'vs X' is X's wall time divided by this row's: above 1 means faster than X; the one-ledger rows")
print("are compared with sha256sum of that ledger.")
print("Peak MB is the measured process's own peak (VmHWM); for rows run through sh it is the shell's.")

// 4. Issue 14's targets, judged on this run's rows (wall times, as in the table).
if !options.recordOnly {
    var targets: [[String]] = [["target (issue 14)", "this run", "met?"]]
    func judge(_ target: String, _ result: String, _ met: Bool) { targets.append([target, result, met ? "yes" : "no"]) }
    func times(_ a: Row, _ b: Row) -> Double { b.seconds / a.seconds }
    if let summary = find("pacte-ledger summary") {
        if let python = find("python3") {
            judge("summary >= 5x the Python fold, under 1 s",
                  String(format: "%.2fx, %.2f s", times(summary, python), summary.seconds),
                  times(summary, python) >= 5 && summary.seconds < 1)
        }
        judge("summary peak memory <= 200 MB", String(format: "%.0f MB", Double(summary.peakMemoryBytes) / 1e6),
              summary.peakMemoryBytes <= 200_000_000)
    }
    if let verify = find("pacte-ledger verify"), let floor = find("sha256sum (hash floor)") {
        judge("verify of the corpus >= 2x sha256sum", String(format: "%.2fx", times(verify, floor)), times(verify, floor) >= 2)
    }
    let single = options.events.formatted()
    if let verify = find("verify one \(single)-event"), let floor = find("sha256sum one ledger") {
        judge("verify of one \(single)-event ledger >= 1.5x sha256sum", String(format: "%.2fx", times(verify, floor)),
              times(verify, floor) >= 1.5)
    }
    let tenth = tenthEvents.formatted()
    if let verify = find("verify one \(tenth)-event") {
        for command in ["state", "check"] {
            guard let row = find("\(command) one \(tenth)-event") else { continue }
            let ratio = row.seconds / verify.seconds
            judge("\(command) of one \(tenth)-event ledger <= 2x its verify", String(format: "%.2fx", ratio), ratio <= 2)
        }
    }
    if let record = find("record on a 10,000-event") {
        judge("record on 10,000 events <= 50 ms", String(format: "%.0f ms", record.seconds * 1000), record.seconds <= 0.05)
    }
    if let record = rows.first(where: { $0.name == "record on a \(single)-event ledger" }) {
        judge("record on \(single) events <= 1 s", String(format: "%.3f s", record.seconds), record.seconds <= 1)
    }
    let targetWidths = (0..<3).map { column in targets.map { $0[column].count }.max() ?? 0 }
    print("")
    for (index, cells) in targets.enumerated() {
        let line = cells.enumerated().map { column, cell in
            column == cells.count - 1 ? cell : cell + String(repeating: " ", count: targetWidths[column] - cell.count)
        }.joined(separator: "  ")
        print(line)
        if index == 0 { print(String(repeating: "-", count: line.count)) }
    }
}

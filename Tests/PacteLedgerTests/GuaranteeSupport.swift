import Foundation
import PacteEvents
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@testable import pacte_ledger

/// Tools shared by the "nothing lost, nothing forged" suites (`docs/guarantees.md`):
/// a seeded generator, child processes with a deadline, raw file bytes, small ledgers
/// built in-process with a fixed clock.
enum Guarantee {
    // MARK: - Randomness

    /// SplitMix64: a tiny seeded generator, so that every run draws the same cases.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476C_E484_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    // MARK: - Folders

    /// A fresh folder under `/tmp`, mode 0755 so that an unprivileged user can traverse it.
    struct Folder {
        let path: String

        init() throws {
            path = "/tmp/pacte-guarantees-\(UUID().uuidString.lowercased())"
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
            guard chmod(path, 0o755) == 0 else { throw Failure("chmod 0755 \(path): errno \(errno)") }
        }

        func file(_ name: String) -> String {
            path + "/" + name
        }

        /// Names of the entries in the folder.
        func entries() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        }

        func remove() {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String

        init(_ description: String) {
            self.description = description
        }
    }

    // MARK: - Child processes

    /// How a child process ended and what it printed.
    struct Outcome: CustomStringConvertible {
        /// The exit code, or `nil` when a signal ended the process.
        var exitCode: Int32?
        /// The signal that ended the process, if one did.
        var signal: Int32?
        var standardOutput: [UInt8]
        var standardError: String
        var timedOut = false

        var output: String { String(decoding: standardOutput, as: UTF8.self) }

        var description: String {
            let end = exitCode.map { "exit \($0)" } ?? "signal \(signal ?? 0)"
            return "\(end)\(timedOut ? " (timed out)" : ""); stderr: \(standardError.prefix(400)); stdout: \(output.prefix(400))"
        }
    }

    /// The built `pacte-ledger`.
    static var binary: String { BuiltBinary.url.path }

    /// A child process started as a shell would start it. Children of the test process
    /// inherit its threads' blocked signals (SIGTERM, SIGXFSZ… would stay pending) and
    /// ignored ones (SIGPIPE); `env --default-signal` (GNU coreutils ≥ 8.31) restores
    /// default handling and unblocks every signal before running the command.
    static func process(_ executable: String, _ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal", executable] + arguments
        return process
    }

    /// Runs `executable` with `arguments`, standard input from the file `input` (or
    /// `/dev/null`), and kills it with SIGKILL after `timeout` seconds (a hang guard, far
    /// beyond what a loaded machine needs, never a speed check). Output goes through
    /// pipes (not files, which a file-size limit on the child would also cap).
    static func run(
        _ executable: String, _ arguments: [String], input: String? = nil, timeout: Double = 540
    ) throws -> Outcome {
        let process = Guarantee.process(executable, arguments)
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        let inputHandle = try FileHandle(forReadingFrom: URL(fileURLWithPath: input ?? "/dev/null"))
        defer { try? inputHandle.close() }
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = inputHandle
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        let drained = DispatchGroup()
        let output = Collected()
        let errors = Collected()
        for (pipe, collected) in [(outputPipe, output), (errorPipe, errors)] {
            DispatchQueue.global().async(group: drained) {
                collected.set(pipe.fileHandleForReading.readDataToEndOfFile())
            }
        }
        var timedOut = false
        if ended.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            // Our own child, not yet reaped (its termination handler has not run).
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        }
        if drained.wait(timeout: .now() + 120) == .timedOut {
            throw Failure("\(executable): output still open 120 s after the process ended")
        }
        let signaled = process.terminationReason == .uncaughtSignal
        return Outcome(
            exitCode: signaled ? nil : process.terminationStatus,
            signal: signaled ? process.terminationStatus : nil,
            standardOutput: [UInt8](output.get()),
            standardError: String(decoding: errors.get(), as: UTF8.self),
            timedOut: timedOut
        )
    }

    /// Bytes read on another thread.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        func set(_ newData: Data) {
            lock.lock()
            data = newData
            lock.unlock()
        }

        func get() -> Data {
            lock.lock()
            defer { lock.unlock() }
            return data
        }
    }

    /// Runs the built `pacte-ledger`.
    static func ledger(_ arguments: [String], input: String? = nil, timeout: Double = 540) throws -> Outcome {
        try run(binary, arguments, input: input, timeout: timeout)
    }

    /// Runs a bash script with `arguments` as `$0`, `$1`…
    static func bash(_ script: String, _ arguments: [String], timeout: Double = 540) throws -> Outcome {
        try run("/bin/bash", ["-c", script] + arguments, timeout: timeout)
    }

    // MARK: - Bytes

    static func readBytes(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure("open \(path): errno \(errno)") }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure("read \(path): errno \(errno)") }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// Replaces the file's contents (no fsync: test files only). Written over, then cut to
    /// length: truncating to 0 first would make ext4 flush the file on close
    /// (`auto_da_alloc`), which makes thousands of rewrites slow.
    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure("open \(path): errno \(errno)") }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
        guard ftruncate(descriptor, off_t(bytes.count)) == 0 else { throw Failure("ftruncate \(path): errno \(errno)") }
    }

    static func appendBytes(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure("open \(path): errno \(errno)") }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Failure("write \(path): errno \(errno)") }
            written += count
        }
    }

    /// The file's lines, each with its `\n`; a last piece without `\n` is kept as is.
    static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        bytes.withUnsafeBufferPointer { buffer in
            var lines: [[UInt8]] = []
            var start = 0
            while start < buffer.count {
                guard let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, buffer.count - start) else {
                    lines.append(Array(buffer[start...]))
                    break
                }
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                lines.append(Array(buffer[start..<end]))
                start = end
            }
            return lines
        }
    }

    /// Where `needle` first occurs in `bytes` (memchr and memcmp: fast even in a debug build).
    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = needle.first else { return 0 }
        guard bytes.count >= needle.count else { return nil }
        return bytes.withUnsafeBytes { haystack -> Int? in
            needle.withUnsafeBytes { pattern -> Int? in
                guard let base = haystack.baseAddress, let wanted = pattern.baseAddress else { return nil }
                let last = haystack.count - pattern.count
                var offset = 0
                while offset <= last {
                    guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, wanted, pattern.count) == 0 { return index }
                    offset = index + 1
                }
                return nil
            }
        }
    }

    /// Byte equality with memcmp.
    static func same(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        left.count == right.count
            && left.withUnsafeBytes { l in right.withUnsafeBytes { r in l.count == 0 || memcmp(l.baseAddress!, r.baseAddress!, l.count) == 0 } }
    }

    /// The lines put back together (`Array(lines.joined())` is slow in a debug build).
    static func joined(_ lines: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        for line in lines { bytes.append(contentsOf: line) }
        return bytes
    }

    static func fileSize(_ path: String) -> Int {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : -1
    }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    // MARK: - Ledgers built in-process

    /// 2025-01-15T09:00:00Z plus `minutes`.
    static func time(_ minutes: Int = 0) -> Timestamp {
        Timestamp(secondsSinceEpoch: 1_736_931_600 + minutes * 60)
    }

    /// A clock stopped at `time(minutes)` and the given standard input.
    static func environment(minutes: Int = 60 * 24 * 365, standardInput: [UInt8] = []) -> Environment {
        let now = time(minutes)
        return Environment(now: { now }, readStandardInput: { standardInput })
    }

    static func object(_ json: String) throws -> JSONObject {
        guard case .object(let object) = try JSONParser.parse(json) else { throw Failure("not an object: \(json)") }
        return object
    }

    /// A small `pact.drafted` payload whose porteur is `cc-val`.
    static let pactDraftedJSON =
        #"{"pactId":"val-2025","title":"Pacte local du Val","territory":{"name":"CC du Val"},"porteur":{"id":"cc-val","name":"CC du Val","kind":"epci"}}"#

    /// Creates a ledger: line 1 `pact.drafted`, then `meetings` steering meetings
    /// (`governance.held`, ids `m2`, `m3`…, decision "réunion N"), one minute apart.
    static func makeLedger(at path: String, meetings: Int) throws {
        let drafted = EventDraft(
            type: .pactDrafted, id: "m1", effective: CivilDate("2025-01-15")!, recordedBy: "secretariat",
            data: try object(pactDraftedJSON))
        try LedgerFile.create(at: path, with: drafted, recordedAt: time())
        for line in stride(from: 2, through: meetings + 1, by: 1) {
            _ = try LedgerFile(path: path).append(meeting(line), now: time(line))
        }
    }

    /// The steering meeting of line `line` in ``makeLedger(at:meetings:)``.
    static func meeting(_ line: Int, decision: String? = nil) throws -> EventDraft {
        let data = JSONObject([
            JSONMember("body", .string("COPIL")),
            JSONMember("attendees", .array([.string("cc-val")])),
            JSONMember("decisions", .array([.string(decision ?? "réunion \(line)")])),
        ])
        return EventDraft(
            type: .governanceHeld, id: "m\(line)", effective: CivilDate("2025-02-01")!, recordedBy: "secretariat",
            data: data)
    }

    /// The bytes of a well-formed line that would follow `events` (own hash, `prev` chained).
    static func nextLineBytes(after events: [LedgerEvent], id: String, decision: String) throws -> [UInt8] {
        let last = try #require(events.last)
        let draft = try meeting(last.seq + 1, decision: decision)
        return LedgerLine.write(
            seq: last.seq + 1, id: id, type: .governanceHeld, version: 1, effective: draft.effective,
            recorded: last.recorded, recordedBy: draft.recordedBy, data: draft.data, previousHash: last.hash
        ).bytes
    }

    // MARK: - /proc

    /// State letter, parent pid and command name of a process, from `/proc/PID/stat`.
    static func processStatus(_ pid: pid_t) -> (state: Character, parent: pid_t, name: String)? {
        guard let bytes = try? readBytes("/proc/\(pid)/stat") else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        let name = String(text[text.index(after: open)..<close])
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let parent = pid_t(fields[1]) else { return nil }
        return (state, parent, name)
    }

    /// The processes whose parent is `parent`.
    static func children(of parent: pid_t) -> [pid_t] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { pid_t($0) }.filter { processStatus($0)?.parent == parent }
    }
}

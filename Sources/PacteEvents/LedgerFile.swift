#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ledger on disk: one pact, one `*.jsonl` file, append-only.
///
/// Every access opens the file without following symbolic links, takes a lock (shared
/// to read, exclusive to write) for the whole operation, and closes it after. An append
/// is validated against every line before it, written with a single `write` on an
/// `O_APPEND` descriptor and flushed with `fsync` before it returns.
public struct LedgerFile: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    // MARK: - Reading

    /// Reads and checks every line, keeping the events in memory.
    ///
    /// A torn tail is not an error here: it is returned in ``LedgerContents/tornTail``
    /// with every event before it. Any other problem throws.
    public func read() throws(LedgerError) -> LedgerContents {
        var events: [LedgerEvent] = []
        let scan = try forEachEvent { events.append($0) }
        return LedgerContents(events: events, index: scan.index, tornTail: scan.tornTail)
    }

    /// Reads and checks every line in order, handing each event to `visit` without
    /// keeping it. Throws the first problem other than a torn tail.
    @discardableResult
    public func forEachEvent(_ visit: (LedgerEvent) -> Void) throws(LedgerError) -> LedgerScan {
        let scan = try withDescriptor(write: false) { (descriptor) throws(LedgerError) in
            try LedgerScanner.scan(descriptor: descriptor, path: path, visit: visit)
        }
        if let problem = scan.problem { throw problem }
        return scan
    }

    /// Checks sequence, chain and every hash, and reports instead of throwing for
    /// problems of content. `publishedDigest`, if given, is looked for among the lines.
    public func verify(publishedDigest: SHA256Digest? = nil) throws(LedgerError) -> VerificationReport {
        var digestLine: Int?
        let scan = try withDescriptor(write: false) { (descriptor) throws(LedgerError) in
            try LedgerScanner.scan(descriptor: descriptor, path: path) { event in
                if let publishedDigest, digestLine == nil, event.hash == publishedDigest {
                    digestLine = event.seq
                }
            }
        }
        return VerificationReport(
            eventCount: scan.index.lastSeq, digest: scan.index.lastHash, problem: scan.problem,
            tornTail: scan.tornTail, publishedDigest: publishedDigest, publishedDigestLine: digestLine
        )
    }

    // MARK: - Writing

    /// Creates the ledger with its line 1 (`pact.drafted`). Refuses to overwrite.
    @discardableResult
    public static func create(at path: String, with draft: EventDraft, recordedAt now: Timestamp) throws(LedgerError) -> LedgerEvent {
        let location = LedgerLocation(file: path, line: 1)
        var index = LedgerIndex()
        let (event, bytes) = try makeEvent(draft, index: index, recorded: now, location: location)
        try index.admit(event, file: path)
        guard try createDurably(path, holding: bytes) else { throw LedgerError.alreadyExists(path: path) }
        return event
    }

    /// Creates `path` (never over an existing file) holding `bytes`, flushed with the
    /// folder entry. Returns `false` if the file exists. A file that could not be written
    /// whole is removed: it is ours (`O_EXCL`), and an empty ledger or side file left
    /// behind would block the next `init` or claim to hold bytes it lacks.
    private static func createDurably(_ path: String, holding bytes: [UInt8]) throws(LedgerError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw openError(path: path, operation: .create, code: errno)
        }
        defer { close(descriptor) }
        do throws(LedgerError) {
            try writeAll(bytes, to: descriptor, path: path, restoringLength: 0)
            try synchronize(descriptor, path: path)
            try synchronizeFolder(of: path)
        } catch {
            unlink(path)
            throw error
        }
        return true
    }

    /// Appends one event after checking it against every line before it.
    ///
    /// - Parameters:
    ///   - expectedSeq: the `seq` of the last line the caller has seen; when the ledger
    ///     has moved on, the append is refused with ``LedgerError/sequenceConflict(path:expected:current:)``.
    ///   - now: the transaction time; a clock behind the last line is raised to it so
    ///     that `recorded` never decreases.
    ///   - recordedExactly: `now` was stated by the person recording (importing a paper
    ///     register): it is written as given, and refused if earlier than the last line.
    public func append(
        _ draft: EventDraft, expectedSeq: Int? = nil, now: Timestamp, recordedExactly: Bool = false
    ) throws(LedgerError) -> AppendOutcome {
        try withDescriptor(write: true) { (descriptor) throws(LedgerError) in
            var existing: LedgerEvent?
            let scan = try LedgerScanner.scan(descriptor: descriptor, path: path) { event in
                if event.id == draft.id { existing = event }
            }
            if let problem = scan.problem { throw problem }
            if let torn = scan.tornTail {
                throw torn.error(file: path)
            }
            if let existing {
                let location = LedgerLocation(file: path, line: scan.index.lastSeq + 1)
                guard draft.hasSameContent(as: existing) else {
                    throw LedgerError.idConflict(location, id: existing.id, existingLine: existing.seq)
                }
                return .alreadyPresent(existing)
            }
            if let expectedSeq, expectedSeq != scan.index.lastSeq {
                throw LedgerError.sequenceConflict(path: path, expected: expectedSeq, current: scan.index.lastSeq)
            }
            let recorded = recordedExactly ? now : max(now, scan.index.lastRecorded ?? now)
            let location = LedgerLocation(file: path, line: scan.index.lastSeq + 1)
            let (event, bytes) = try Self.makeEvent(draft, index: scan.index, recorded: recorded, location: location)
            try Self.writeAll(bytes, to: descriptor, path: path, restoringLength: scan.validLength)
            try Self.synchronize(descriptor, path: path)
            return .appended(event)
        }
    }

    /// Moves a torn tail to a side file next to the ledger (nothing is thrown away) and
    /// truncates the ledger to its last good line. Any other problem is not repaired.
    public func repair(now: Timestamp) throws(LedgerError) -> RepairOutcome {
        try withDescriptor(write: true) { (descriptor) throws(LedgerError) in
            let scan = try LedgerScanner.scan(descriptor: descriptor, path: path) { _ in }
            if let problem = scan.problem { throw problem }
            guard let torn = scan.tornTail else { return .nothingToRepair(eventCount: scan.index.lastSeq) }
            var tornBytes = [UInt8](repeating: 0, count: torn.byteCount)
            let count = tornBytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, torn.byteCount, off_t(scan.validLength)) }
            guard count == torn.byteCount else {
                throw LedgerError.inputOutput(path: path, operation: .read, code: count < 0 ? errno : EIO)
            }
            let sidePath = try Self.writeSideFile(tornBytes, next: path, now: now)
            guard ftruncate(descriptor, off_t(scan.validLength)) == 0 else {
                throw LedgerError.inputOutput(path: path, operation: .truncate, code: errno)
            }
            try Self.synchronize(descriptor, path: path)
            return .repaired(sideFile: sidePath, line: torn.line, byteCount: torn.byteCount, eventCount: scan.index.lastSeq)
        }
    }

    // MARK: - Helpers

    private static func makeEvent(
        _ draft: EventDraft, index: LedgerIndex, recorded: Timestamp, location: LedgerLocation
    ) throws(LedgerError) -> (LedgerEvent, [UInt8]) {
        if let id = draft.id, id.isEmpty {
            throw LedgerError.invalidMember(location, FieldError(path: "id", expected: .nonEmptyString, found: "\"\""))
        }
        guard draft.version == 1 else {
            throw LedgerError.invalidMember(location, FieldError(path: "v", expected: .version(1), found: String(draft.version)))
        }
        let payload: EventPayload
        do {
            payload = try EventPayload(type: draft.type, data: .object(draft.data))
        } catch {
            throw LedgerError.invalidMember(location, error)
        }
        let id = draft.id ?? EventIdentifier.random()
        let (bytes, hash) = LedgerLine.write(
            seq: location.line, id: id, type: draft.type, version: draft.version, effective: draft.effective,
            recorded: recorded, recordedBy: draft.recordedBy, data: draft.data, previousHash: index.lastHash
        )
        let event = LedgerEvent(
            seq: location.line, id: id, type: draft.type, version: draft.version, effective: draft.effective,
            recorded: recorded, recordedBy: draft.recordedBy, data: draft.data, payload: payload,
            previousHash: index.lastHash, hash: hash
        )
        try index.check(event, at: location)
        return (event, bytes)
    }

    /// Opens the ledger (never through a symbolic link), locks it, runs `body`, closes it.
    private func withDescriptor<Result>(
        write: Bool, _ body: (Int32) throws(LedgerError) -> Result
    ) throws(LedgerError) -> Result {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let flags = (write ? O_RDWR | O_APPEND : O_RDONLY) | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            throw Self.openError(path: path, operation: write ? .openForWriting : .openForReading, code: errno)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw LedgerError.inputOutput(path: path, operation: .status, code: errno)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw LedgerError.isDirectory(path: path) }
        // A FIFO, a socket or a device (`/dev/zero` never ends) is not a ledger.
        if (status.st_mode & S_IFMT) != S_IFREG { throw LedgerError.notARegularFile(path: path) }
        let statusFlags = fcntl(descriptor, F_GETFL)
        guard statusFlags >= 0, fcntl(descriptor, F_SETFL, statusFlags & ~O_NONBLOCK) == 0 else {
            throw LedgerError.inputOutput(path: path, operation: .setFlags, code: errno)
        }
        while flock(descriptor, write ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw LedgerError.inputOutput(path: path, operation: .lock, code: errno) }
        }
        return try body(descriptor)
    }

    static func openError(path: String, operation: FileOperation, code: Int32) -> LedgerError {
        switch code {
        case ENOENT: .fileNotFound(path: path)
        case EEXIST: .alreadyExists(path: path)
        case EISDIR: .isDirectory(path: path)
        case EACCES, EPERM, EROFS: .permissionDenied(path: path, operation: operation)
        case ELOOP: .symbolicLink(path: path)
        default: .inputOutput(path: path, operation: operation, code: code)
        }
    }

    /// Writes `bytes` with one `write` (retrying only the rest after a short write);
    /// on failure, cuts the file back to `restoringLength` so no torn line remains.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String, restoringLength: Int) throws(LedgerError) {
        if let failure = FileDescriptor.writeAll(bytes, to: descriptor) {
            _ = ftruncate(descriptor, off_t(restoringLength))
            throw LedgerError.inputOutput(path: path, operation: .write, code: failure.code)
        }
    }

    private static func synchronize(_ descriptor: Int32, path: String) throws(LedgerError) {
        guard fsync(descriptor) == 0 else { throw LedgerError.inputOutput(path: path, operation: .synchronize, code: errno) }
    }

    static func synchronizeFolder(of path: String) throws(LedgerError) {
        let folder = folderPath(of: path)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw LedgerError.inputOutput(path: folder, operation: .openFolder, code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw LedgerError.inputOutput(path: folder, operation: .synchronizeFolder, code: errno) }
    }

    static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func writeSideFile(_ bytes: [UInt8], next path: String, now: Timestamp) throws(LedgerError) -> String {
        let stamp = now.description.filter { $0 != "-" && $0 != ":" }
        for attempt in 0..<1000 {
            let sidePath = path + ".torn-" + stamp + (attempt == 0 ? "" : "-\(attempt)")
            if try createDurably(sidePath, holding: bytes) { return sidePath }
        }
        throw LedgerError.alreadyExists(path: path + ".torn-" + stamp)
    }
}

/// The events of a ledger and what checking them established.
public struct LedgerContents: Sendable {
    public var events: [LedgerEvent]
    public var index: LedgerIndex
    /// An interrupted last line, kept out of `events`.
    public var tornTail: TornTail?

    /// The ledger's digest: the hash of its last good line.
    public var digest: SHA256Digest { index.lastHash }
}

/// An interrupted last line: no `\n` at the end of the file, or a last line that is not
/// JSON (a crash during a write).
public struct TornTail: Sendable, Hashable {
    /// The line number the torn bytes would have had.
    public var line: Int
    /// Byte offset of the torn bytes in the file.
    public var offset: Int
    public var byteCount: Int

    /// The torn tail of the ledger `file`, as the error appends and reads report.
    public func error(file: String) -> LedgerError {
        .tornTail(path: file, line: line, byteCount: byteCount)
    }
}

/// What an append did.
public enum AppendOutcome: Sendable, Hashable {
    case appended(LedgerEvent)
    /// An event with the same id and content was already there: nothing written.
    case alreadyPresent(LedgerEvent)

    public var event: LedgerEvent {
        switch self {
        case .appended(let event), .alreadyPresent(let event): event
        }
    }
}

/// What `repair` did.
public enum RepairOutcome: Sendable, Hashable {
    case nothingToRepair(eventCount: Int)
    case repaired(sideFile: String, line: Int, byteCount: Int, eventCount: Int)
}

/// The result of `verify`.
public struct VerificationReport: Sendable, Hashable {
    /// Lines checked and found good.
    public var eventCount: Int
    /// The hash of the last good line.
    public var digest: SHA256Digest
    /// The first bad line, if any.
    public var problem: LedgerError?
    public var tornTail: TornTail?
    public var publishedDigest: SHA256Digest?
    /// The line whose hash is the published digest, if found.
    public var publishedDigestLine: Int?

    /// The first bad line's problem, or the torn tail, of the ledger `file`.
    public func firstProblem(file: String) -> LedgerError? {
        problem ?? tornTail?.error(file: file)
    }

    /// Valid: no problem, no torn tail, and the published digest (if any) found.
    public var isValid: Bool {
        problem == nil && tornTail == nil && (publishedDigest == nil || publishedDigestLine != nil)
    }
}

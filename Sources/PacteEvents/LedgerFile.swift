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

    /// How far a stated `recorded` may be ahead of the clock (clocks of two machines
    /// differ by a few minutes).
    public static let clockSkewSeconds = 300

    /// Creates the ledger with its line 1 (`pact.drafted`). Refuses to overwrite.
    ///
    /// Line 1 is written to a temporary file in the same folder, flushed, then linked in
    /// place: the ledger never exists empty or half written, even to a reader or after a kill.
    ///
    /// - Parameter clock: the system clock, when `now` was stated by the person recording
    ///   (`--recorded`): a `now` later than it (beyond ``clockSkewSeconds``) is refused.
    @discardableResult
    public static func create(
        at path: String, with draft: EventDraft, recordedAt now: Timestamp, clock: Timestamp? = nil
    ) throws(LedgerError) -> LedgerEvent {
        let location = LedgerLocation(file: path, line: 1)
        if let clock, now > clock.adding(seconds: clockSkewSeconds) {
            throw LedgerError.recordedInFuture(location, recorded: now, clock: clock)
        }
        var index = LedgerIndex()
        let (event, bytes) = try makeEvent(draft, index: index, recorded: now, location: location)
        try index.admit(event, file: path)
        let created = try createDurably(near: path, as: [path]) { (descriptor) throws(LedgerError) in
            try writeAll(bytes, to: descriptor, path: path, restoringLength: 0)
        }
        guard created != nil else {
            var status = stat()
            if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size == 0 {
                throw LedgerError.empty(path: path)
            }
            throw LedgerError.alreadyExists(path: path)
        }
        return event
    }

    /// Creates a file under the first of `names` that does not exist (never over an
    /// existing file, never through a link), its content written by `fill` (whose errors
    /// name the file by its final name), flushed with
    /// the folder entry. Returns the name used, or `nil` if every name exists.
    ///
    /// The content is written to a temporary file in the folder of `path` and flushed
    /// before it is linked under its name: a file under a final name is always complete,
    /// and a kill leaves at most the temporary file (`.pacte-ledger-….tmp`). On a file
    /// system without hard links, the file is created in place (`O_EXCL`) and removed if
    /// it cannot be written whole.
    private static func createDurably(
        near path: String, as names: [String], fill: (Int32) throws(LedgerError) -> Void
    ) throws(LedgerError) -> String? {
        let folder = folderPath(of: path)
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<100 {
            temporary = folder + "/.pacte-ledger-" + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
            descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw openError(path: names.first ?? path, operation: .create, code: errno) }
        defer {
            close(descriptor)
            unlink(temporary)
        }
        try fill(descriptor)
        try synchronize(descriptor, path: names.first ?? path)
        for name in names {
            if link(temporary, name) == 0 {
                try synchronizeFolder(of: name)
                return name
            }
            switch errno {
            case EEXIST: continue
            case EPERM, EOPNOTSUPP, ENOSYS, EXDEV, EMLINK:
                // No hard links here: copy the flushed content to a file created in place.
                guard try copyDurably(from: descriptor, to: name) else { continue }
                return name
            default:
                throw openError(path: name, operation: .create, code: errno)
            }
        }
        return nil
    }

    /// Creates `path` with `O_EXCL` holding the bytes of `source`; `false` if it exists.
    /// A file that could not be written whole is removed (it is ours).
    private static func copyDurably(from source: Int32, to path: String) throws(LedgerError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw openError(path: path, operation: .create, code: errno)
        }
        defer { close(descriptor) }
        do throws(LedgerError) {
            var status = stat()
            guard fstat(source, &status) == 0 else { throw LedgerError.inputOutput(path: path, operation: .status, code: errno) }
            try copy(from: source, offset: 0, count: Int(status.st_size), to: descriptor, path: path)
            try synchronize(descriptor, path: path)
            try synchronizeFolder(of: path)
        } catch {
            unlink(path)
            throw error
        }
        return true
    }

    /// Copies `count` bytes of `source` from `offset` to the end of `destination`, a chunk
    /// at a time (a torn tail may be larger than one `pread` can return).
    private static func copy(from source: Int32, offset: Int, count: Int, to destination: Int32, path: String) throws(LedgerError) {
        var buffer = [UInt8](repeating: 0, count: min(count, LedgerScanner.chunkSize))
        var done = 0
        while done < count {
            let wanted = min(buffer.count, count - done)
            let read = buffer.withUnsafeMutableBytes { pread(source, $0.baseAddress, wanted, off_t(offset + done)) }
            if read < 0, errno == EINTR { continue }
            guard read > 0 else { throw LedgerError.inputOutput(path: path, operation: .read, code: read < 0 ? errno : EIO) }
            try writeAll(Array(buffer[0..<read]), to: destination, path: path, restoringLength: done)
            done += read
        }
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
    ///   - clock: the system clock (`now` when not given and `recordedExactly` is false).
    ///     A stated `now` later than it, or a ledger whose last line is, is refused (beyond
    ///     ``clockSkewSeconds``): `recorded` never decreases, so a future time would stamp
    ///     every later line.
    public func append(
        _ draft: EventDraft, expectedSeq: Int? = nil, now: Timestamp, recordedExactly: Bool = false, clock: Timestamp? = nil
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
            let location = LedgerLocation(file: path, line: scan.index.lastSeq + 1)
            if let clock = clock ?? (recordedExactly ? nil : now) {
                let latest = clock.adding(seconds: Self.clockSkewSeconds)
                if let last = scan.index.lastRecorded, last > latest {
                    throw LedgerError.ledgerRecordedInFuture(location, lastRecorded: last, clock: clock)
                }
                if recordedExactly, now > latest {
                    throw LedgerError.recordedInFuture(location, recorded: now, clock: clock)
                }
            }
            let recorded = recordedExactly ? now : max(now, scan.index.lastRecorded ?? now)
            let (event, bytes) = try Self.makeEvent(draft, index: scan.index, recorded: recorded, location: location)
            try Self.writeAll(bytes, to: descriptor, path: path, restoringLength: scan.validLength)
            try Self.synchronize(descriptor, path: path)
            return .appended(event)
        }
    }

    /// Moves a torn tail to a side file next to the ledger (nothing is thrown away) and
    /// truncates the ledger to its last good line. Any other problem is not repaired.
    ///
    /// A ledger with no good line left (a torn line 1, or 0 bytes: an interrupted `init`
    /// of an earlier version) is removed, so that `init` can start it again. A side file
    /// already holding exactly the torn bytes (a repair that could not truncate) is
    /// reused, not duplicated.
    public func repair(now: Timestamp) throws(LedgerError) -> RepairOutcome {
        try withDescriptor(write: true) { (descriptor) throws(LedgerError) in
            let scan = try LedgerScanner.scan(descriptor: descriptor, path: path) { _ in }
            if case .empty = scan.problem {
                try removeLedger()
                return .removedEmpty
            }
            if let problem = scan.problem { throw problem }
            guard let torn = scan.tornTail else { return .nothingToRepair(eventCount: scan.index.lastSeq) }
            let sidePath = try Self.sideFile(holding: descriptor, offset: scan.validLength, count: torn.byteCount, next: path, now: now)
            if scan.validLength == 0 {
                try removeLedger()
            } else {
                guard ftruncate(descriptor, off_t(scan.validLength)) == 0 else {
                    throw LedgerError.inputOutput(path: path, operation: .truncate, code: errno)
                }
                try Self.synchronize(descriptor, path: path)
            }
            return .repaired(sideFile: sidePath, line: torn.line, byteCount: torn.byteCount, eventCount: scan.index.lastSeq)
        }
    }

    /// Removes the ledger (under its lock: it has no good line) and flushes the folder.
    private func removeLedger() throws(LedgerError) {
        guard unlink(path) == 0 else { throw Self.openError(path: path, operation: .remove, code: errno) }
        try Self.synchronizeFolder(of: path)
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
        guard (1...9999).contains(recorded.date.year) else { throw LedgerError.recordedOutOfRange(location, recorded) }
        do {
            _ = try EventPayload(type: draft.type, data: .object(draft.data))
        } catch {
            throw LedgerError.invalidMember(location, error)
        }
        let (bytes, _) = LedgerLine.write(
            seq: location.line, id: draft.id ?? EventIdentifier.random(), type: draft.type, version: draft.version,
            effective: draft.effective, recorded: recorded, recordedBy: draft.recordedBy, data: draft.data,
            previousHash: index.lastHash
        )
        // The exact bytes go through the reader that will read them: what it would refuse
        // is never written, and the event acknowledged is the event every reader reads.
        let readBack = bytes.withUnsafeBytes { buffer in
            Result { () throws(LedgerError) in
                try LedgerLine.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<(buffer.count - 1)]), at: location)
            }
        }
        switch readBack {
        case .success(let event):
            try index.check(event, at: location)
            return (event, bytes)
        case .failure(let error):
            throw LedgerError.unreadableAppend(error)
        }
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

    /// The side file holding the `count` bytes of `ledger` from `offset`: an existing
    /// `….torn-*` file with exactly these bytes, or a new `<ledger>.torn-<stamp>` (`-1`,
    /// `-2`… if taken).
    private static func sideFile(
        holding ledger: Int32, offset: Int, count: Int, next path: String, now: Timestamp
    ) throws(LedgerError) -> String {
        let prefix = sideFilePrefix(of: path)
        if let existing = existingSideFile(prefix: prefix, holding: ledger, offset: offset, count: count) {
            return existing
        }
        let stamp = prefix + now.description.filter { $0 != "-" && $0 != ":" }
        let names = (0..<1000).map { stamp + ($0 == 0 ? "" : "-\($0)") }
        let created = try createDurably(near: path, as: names) { (descriptor) throws(LedgerError) in
            try copy(from: ledger, offset: offset, count: count, to: descriptor, path: names[0])
        }
        guard let created else { throw LedgerError.alreadyExists(path: stamp) }
        return created
    }

    /// `<ledger>.torn-`, the ledger's name shortened (at a character boundary) so that
    /// the side file's name stays within the 255 bytes a file name may have.
    static func sideFilePrefix(of path: String) -> String {
        let folderEnd = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[folderEnd...]
        // ".torn-" + "YYYYMMDDTHHMMSSZ" + "-999"
        let budget = 255 - 26
        var kept = Substring.UnicodeScalarView()
        var bytes = 0
        for scalar in name.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > budget { break }
            kept.append(scalar)
        }
        return String(path[..<folderEnd]) + String(kept) + ".torn-"
    }

    /// A side file of the same ledger (`prefix*`) holding exactly those bytes, if any.
    private static func existingSideFile(prefix: String, holding ledger: Int32, offset: Int, count: Int) -> String? {
        let folderEnd = prefix.lastIndex(of: "/").map { prefix.index(after: $0) } ?? prefix.startIndex
        let namePrefix = String(prefix[folderEnd...])
        guard let directory = opendir(folderPath(of: prefix)) else { return nil }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard name.hasPrefix(namePrefix) else { continue }
            let candidate = String(prefix[..<folderEnd]) + name
            if holds(candidate, ledger: ledger, offset: offset, count: count) { return candidate }
        }
        return nil
    }

    /// Whether the regular file `path` holds exactly the `count` bytes of `ledger` at `offset`.
    private static func holds(_ path: String, ledger: Int32, offset: Int, count: Int) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == count else { return false }
        let size = min(max(count, 1), LedgerScanner.chunkSize)
        var mine = [UInt8](repeating: 0, count: size)
        var theirs = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < count {
            let wanted = min(size, count - done)
            let a = mine.withUnsafeMutableBytes { pread(ledger, $0.baseAddress, wanted, off_t(offset + done)) }
            let b = theirs.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(done)) }
            guard a == wanted, b == wanted, mine[0..<wanted] == theirs[0..<wanted] else { return false }
            done += wanted
        }
        return true
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
    /// The ledger was empty (0 bytes, an interrupted `init`): removed.
    case removedEmpty
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

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
    /// The system calls made on the file: ``FileSystem/live`` except in tests.
    public let system: FileSystem

    public init(path: String, system: FileSystem = .live) {
        self.path = path
        self.system = system
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
    public func forEachEvent(usingAllCores: Bool = false, _ visit: (LedgerEvent) -> Void) throws(LedgerError) -> LedgerScan {
        try forEachEvent(usingAllCores: usingAllCores) { event, _ in visit(event) }
    }

    /// Reads and checks every line in order, handing each event to `visit` with the index
    /// of the lines up to it (to resolve the ids it refers to), without keeping it: memory
    /// stays that of the index, whatever the file's size. Throws the first problem other
    /// than a torn tail.
    ///
    /// With `usingAllCores`, the lines are parsed and hashed on every core while `visit` gets
    /// the lines before them (the events, their order and the problem are the same): for one
    /// large ledger and a light `visit`. A heavy one gains nothing: each event then reaches
    /// it from another core's cache and allocator, which costs the calling thread about what
    /// the parse it is spared did (`state` of a 100,000-event ledger: the same wall time,
    /// a quarter more CPU; docs/performance.md).
    @discardableResult
    public func forEachEvent(
        usingAllCores: Bool = false, _ visit: (LedgerEvent, LedgerIndex) -> Void
    ) throws(LedgerError) -> LedgerScan {
        let workers = usingAllCores ? Self.coreCount : 1
        let scan = try withDescriptor(write: false) { (descriptor) throws(LedgerError) in
            try LedgerScanner.scan(descriptor: descriptor, path: path, system: system, workers: workers, visit: visit)
        }
        if let problem = scan.problem { throw problem }
        return scan
    }

    /// Checks sequence, chain and every hash, and reports instead of throwing for
    /// problems of content. `publishedDigest`, if given, is looked for among the lines.
    ///
    /// With `usingAllCores`, lines are parsed and hashed on every core of the machine (the
    /// report is the same): for one large ledger. Leave it off when verifying several
    /// ledgers at once, one per core.
    public func verify(publishedDigest: SHA256Digest? = nil, usingAllCores: Bool = false) throws(LedgerError)
        -> VerificationReport
    {
        try verify(publishedDigest: publishedDigest, workers: usingAllCores ? Self.coreCount : 1)
    }

    /// The cores of the machine that are online.
    static var coreCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// ``verify(publishedDigest:usingAllCores:)`` with lines parsed on `workers` threads.
    func verify(publishedDigest: SHA256Digest?, workers: Int) throws(LedgerError) -> VerificationReport {
        var digestLine: Int?
        let scan = try withDescriptor(write: false) { (descriptor) throws(LedgerError) in
            try LedgerScanner.scan(descriptor: descriptor, path: path, system: system, workers: workers) { event, _ in
                if let publishedDigest, digestLine == nil, event.hash == publishedDigest {
                    digestLine = event.seq
                }
            }
        }
        // A newer version's line is not a broken ledger: this reader cannot judge it.
        if let problem = scan.problem, case .newerVersion = problem { throw problem }
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
        at path: String, with draft: EventDraft, recordedAt now: Timestamp, clock: Timestamp? = nil,
        policy: WritePolicy = WritePolicy(), system: FileSystem = .live
    ) throws(LedgerError) -> LedgerEvent {
        let location = LedgerLocation(file: path, line: 1)
        if let clock, now > clock.adding(seconds: clockSkewSeconds) {
            throw LedgerError.recordedInFuture(location, recorded: now, clock: clock)
        }
        var index = LedgerIndex()
        let (event, bytes) = try makeEvent(
            draft, index: index, facts: AppendFacts(), policy: policy, recorded: now, location: location)
        try index.admit(event, file: path)
        let created = try createDurably(near: path, as: [path], system: system) { (descriptor) throws(LedgerError) in
            try writeAll(bytes, to: descriptor, path: path, restoringLength: 0, system: system)
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
        near path: String, as names: [String], system: FileSystem, fill: (Int32) throws(LedgerError) -> Void
    ) throws(LedgerError) -> String? {
        // Names already taken are skipped before anything is written (`link` checks again).
        var status = stat()
        let names = names.filter { lstat($0, &status) != 0 }
        guard !names.isEmpty else { return nil }
        let folder = folderPath(of: path)
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<100 {
            temporary = folder + "/.pacte-ledger-" + String(UInt64.random(in: 0...UInt64.max), radix: 16) + ".tmp"
            descriptor = system.retrying { system.open(temporary, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw openError(path: names.first ?? path, operation: .create, code: errno) }
        defer {
            _ = system.close(descriptor)
            _ = system.retrying { system.unlink(temporary) }
        }
        try fill(descriptor)
        try synchronize(descriptor, path: names.first ?? path, system: system)
        for name in names {
            if system.retrying({ system.link(temporary, name) }) == 0 {
                try synchronizeFolder(of: name, system: system)
                return name
            }
            switch errno {
            case EEXIST: continue
            case EPERM, EOPNOTSUPP, ENOSYS, EXDEV, EMLINK:
                // No hard links here: copy the flushed content to a file created in place.
                guard try copyDurably(from: descriptor, to: name, system: system) else { continue }
                return name
            default:
                throw openError(path: name, operation: .create, code: errno)
            }
        }
        return nil
    }

    /// Creates `path` with `O_EXCL` holding the bytes of `source`; `false` if it exists.
    /// A file that could not be written whole is removed (it is ours).
    private static func copyDurably(from source: Int32, to path: String, system: FileSystem) throws(LedgerError) -> Bool {
        let descriptor = system.retrying { system.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw openError(path: path, operation: .create, code: errno)
        }
        defer { _ = system.close(descriptor) }
        do throws(LedgerError) {
            var status = stat()
            guard fstat(source, &status) == 0 else { throw LedgerError.inputOutput(path: path, operation: .status, code: errno) }
            try copy(from: source, offset: 0, count: Int(status.st_size), to: descriptor, path: path, system: system)
            try synchronize(descriptor, path: path, system: system)
            try synchronizeFolder(of: path, system: system)
        } catch {
            _ = system.retrying { system.unlink(path) }
            throw error
        }
        return true
    }

    /// Copies `count` bytes of `source` from `offset` to the end of `destination`, a chunk
    /// at a time (a torn tail may be larger than one `pread` can return).
    private static func copy(
        from source: Int32, offset: Int, count: Int, to destination: Int32, path: String, system: FileSystem
    ) throws(LedgerError) {
        var buffer = [UInt8](repeating: 0, count: min(count, LedgerScanner.chunkSize))
        var done = 0
        while done < count {
            let wanted = min(buffer.count, count - done)
            let read = buffer.withUnsafeMutableBytes { bytes in
                system.retrying { system.pread(source, UnsafeMutableRawBufferPointer(rebasing: bytes[0..<wanted]), offset + done) }
            }
            guard read > 0 else { throw LedgerError.inputOutput(path: path, operation: .read, code: read < 0 ? errno : EIO) }
            try writeAll(Array(buffer[0..<read]), to: destination, path: path, restoringLength: done, system: system)
            done += read
        }
    }

    /// Appends one event after checking it against every line before it: read whole, or
    /// resumed from the checkpoint beside the ledger when it is trusted (``AppendPrefix``),
    /// with the same outcome either way. The checkpoint is then brought up to date.
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
    ///   - policy: what the writer lets through that it refuses by default (unknown
    ///     members, contact details).
    public func append(
        _ draft: EventDraft, expectedSeq: Int? = nil, now: Timestamp, recordedExactly: Bool = false, clock: Timestamp? = nil,
        policy: WritePolicy = WritePolicy()
    ) throws(LedgerError) -> AppendOutcome {
        try withDescriptor(write: true) { (descriptor) throws(LedgerError) in
            // The checkpoint beside the ledger spares reading every line; when it is missing,
            // not trusted, or turns out not to match the file, the whole ledger is read.
            var prefix: AppendPrefix
            if let resumed = try AppendPrefix.resuming(descriptor: descriptor, path: path, system: system, draftId: draft.id) {
                prefix = resumed
            } else {
                prefix = try AppendPrefix.readingWholeLedger(descriptor: descriptor, path: path, system: system, draftId: draft.id)
            }
            func attempt() -> Result<AppendDecision, LedgerError> {
                Result { () throws(LedgerError) in
                    try decide(
                        draft, after: &prefix, expectedSeq: expectedSeq, now: now, recordedExactly: recordedExactly, clock: clock,
                        policy: policy)
                }
            }
            var decision = attempt()
            if prefix.isDistrusted {
                prefix = try AppendPrefix.readingWholeLedger(descriptor: descriptor, path: path, system: system, draftId: draft.id)
                decision = attempt()
            }
            switch try decision.get() {
            case .alreadyPresent(let existing):
                return .alreadyPresent(existing)
            case .write(let event, let bytes):
                try Self.writeAll(bytes, to: descriptor, path: path, restoringLength: prefix.validLength, system: system)
                try Self.synchronize(descriptor, path: path, system: system)
                prefix.checkpoint(event, length: bytes.count)
                return .appended(event)
            }
        }
    }

    /// What an append does after `prefix`: nothing (the same event is there), or write a line.
    private enum AppendDecision {
        case alreadyPresent(LedgerEvent)
        case write(LedgerEvent, [UInt8])
    }

    /// Every check of an append against the lines before it (``append(_:expectedSeq:now:recordedExactly:clock:policy:)``).
    /// Ids the new line names are made known to a resumed prefix first, each looked up and
    /// confirmed, so that the index answers as the whole ledger's would.
    private func decide(
        _ draft: EventDraft, after prefix: inout AppendPrefix, expectedSeq: Int?, now: Timestamp, recordedExactly: Bool,
        clock: Timestamp?, policy: WritePolicy
    ) throws(LedgerError) -> AppendDecision {
        var draft = draft
        if draft.type == .correctionRecorded, let target = draft.data["target"]?.stringValue {
            _ = try prefix.recall(id: target)
        }
        if (1...draft.type.newestVersion).contains(draft.version) {
            draft.version = Self.lowestVersion(of: draft, index: prefix.index)
        }
        let index = prefix.index
        if let existing = prefix.existing {
            let location = LedgerLocation(file: path, line: index.lastSeq + 1)
            guard draft.hasSameContent(as: existing) else {
                throw LedgerError.idConflict(location, id: existing.id, existingLine: existing.seq)
            }
            return .alreadyPresent(existing)
        }
        if let expectedSeq, expectedSeq != index.lastSeq {
            throw LedgerError.sequenceConflict(path: path, expected: expectedSeq, current: index.lastSeq)
        }
        let location = LedgerLocation(file: path, line: index.lastSeq + 1)
        if let clock = clock ?? (recordedExactly ? nil : now) {
            let latest = clock.adding(seconds: Self.clockSkewSeconds)
            if let last = index.lastRecorded, last > latest {
                throw LedgerError.ledgerRecordedInFuture(location, lastRecorded: last, clock: clock)
            }
            if recordedExactly, now > latest {
                throw LedgerError.recordedInFuture(location, recorded: now, clock: clock)
            }
        }
        let recorded = recordedExactly ? now : max(now, index.lastRecorded ?? now)
        while true {
            do throws(LedgerError) {
                let (event, bytes) = try Self.makeEvent(
                    draft, index: prefix.index, facts: prefix.facts, policy: policy, recorded: recorded, location: location)
                // A random id already in the ledger is refused as the whole index refuses it.
                if draft.id == nil, try prefix.recall(id: event.id) { try prefix.index.check(event, at: location) }
                return .write(event, bytes)
            } catch {
                // An event id the resumed index has not met yet: looked up, then checked again.
                guard case .unresolvedReference(_, _, let kind, let id) = error, kind == .event || kind == .extensionRequest,
                    try prefix.recall(id: id)
                else { throw error }
            }
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
            let scan = try LedgerScanner.scan(descriptor: descriptor, path: path, system: system) { _, _ in }
            if case .empty = scan.problem {
                try removeLedger()
                return .removedEmpty
            }
            if let problem = scan.problem { throw problem }
            guard let torn = scan.tornTail else { return .nothingToRepair(eventCount: scan.index.lastSeq) }
            let sidePath = try Self.sideFile(
                holding: descriptor, offset: scan.validLength, count: torn.byteCount, next: path, now: now, system: system)
            if scan.validLength == 0 {
                try removeLedger()
            } else {
                guard system.retrying({ system.ftruncate(descriptor, scan.validLength) }) == 0 else {
                    throw LedgerError.inputOutput(path: path, operation: .truncate, code: errno)
                }
                try Self.synchronize(descriptor, path: path, system: system)
            }
            return .repaired(sideFile: sidePath, line: torn.line, byteCount: torn.byteCount, eventCount: scan.index.lastSeq)
        }
    }

    /// Removes the ledger (under its lock: it has no good line) and flushes the folder.
    private func removeLedger() throws(LedgerError) {
        guard system.retrying({ system.unlink(path) }) == 0 else { throw Self.openError(path: path, operation: .remove, code: errno) }
        try Self.synchronizeFolder(of: path, system: system)
    }

    // MARK: - Helpers

    /// The event and bytes of `draft` as the next line, after every check an append
    /// makes: structure and references (``LedgerIndex``), then what the writer refuses
    /// (``AppendFacts``: unknown members, personal data, facts that cannot be true).
    private static func makeEvent(
        _ draft: EventDraft, index: LedgerIndex, facts: AppendFacts, policy: WritePolicy, recorded: Timestamp,
        location: LedgerLocation
    ) throws(LedgerError) -> (LedgerEvent, [UInt8]) {
        if let id = draft.id, id.isEmpty {
            throw LedgerError.invalidMember(location, FieldError(path: "id", expected: .nonEmptyString, found: "\"\""))
        }
        // The writer writes the lowest version able to carry the event (a draft may ask
        // for any version this writer knows).
        guard (1...draft.type.newestVersion).contains(draft.version) else {
            throw LedgerError.invalidMember(
                location, FieldError(path: "v", expected: .version(draft.type.newestVersion), found: String(draft.version)))
        }
        var draft = draft
        draft.version = lowestVersion(of: draft, index: index)
        // A member this writer does not know: refused unless deliberate. When the data
        // does not decode either, a near miss of a known name (a typo) explains it best.
        var unknownMember: AppendRefusal?
        if !policy.keepUnknownMembers {
            let schema = PayloadSchema.data(of: draft.type, version: draft.version, targetType: targetType(of: draft, index: index))
            unknownMember = schema.firstUnknownMember(in: .object(draft.data), path: "data").map { unknown in
                .unknownMember(member: unknown.path, type: draft.type, version: draft.version, nearest: unknown.nearest)
            }
        }
        func explained(_ error: LedgerError) -> LedgerError {
            guard case .invalidMember = error, case .unknownMember(_, _, _, _?)? = unknownMember, let unknownMember else {
                return error
            }
            return .refused(location, unknownMember)
        }
        guard (1...9999).contains(recorded.date.year) else { throw LedgerError.recordedOutOfRange(location, recorded) }
        do {
            _ = try EventPayload(type: draft.type, version: draft.version, data: .object(draft.data))
        } catch {
            throw explained(.invalidMember(location, error))
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
        let event: LedgerEvent
        switch readBack {
        case .success(let readEvent): event = readEvent
        case .failure(let error): throw LedgerError.unreadableAppend(error)
        }
        let replacement: EventPayload?
        do {
            replacement = try index.check(event, at: location)
        } catch {
            throw explained(error)
        }
        if let unknownMember { throw LedgerError.refused(location, unknownMember) }
        if let refusal = facts.refusal(of: event, replacement: replacement, policy: policy) {
            throw LedgerError.refused(location, refusal)
        }
        return (event, bytes)
    }

    /// The lowest version of its type able to carry `draft` (a correction's version
    /// depends on its target's type).
    private static func lowestVersion(of draft: EventDraft, index: LedgerIndex) -> Int {
        draft.type.lowestVersion(carrying: draft.data, targetType: targetType(of: draft, index: index))
    }

    /// The type of the event a correction targets, if it is one and the target is known.
    private static func targetType(of draft: EventDraft, index: LedgerIndex) -> EventType? {
        guard draft.type == .correctionRecorded, let target = draft.data["target"]?.stringValue,
            let line = index.lineOfId[ByteKey(target)]
        else { return nil }
        return index.types[line - 1]
    }

    /// Opens the ledger (never through a symbolic link), locks it, runs `body`, closes it.
    func withDescriptor<Result>(
        write: Bool, _ body: (Int32) throws(LedgerError) -> Result
    ) throws(LedgerError) -> Result {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let flags = (write ? O_RDWR | O_APPEND : O_RDONLY) | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK
        let descriptor = system.retrying { system.open(path, flags, 0) }
        guard descriptor >= 0 else {
            throw Self.openError(path: path, operation: write ? .openForWriting : .openForReading, code: errno)
        }
        // Closing releases the lock: after the body, whatever it did (written and flushed).
        defer { _ = system.close(descriptor) }
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
        guard system.retrying({ system.flock(descriptor, write ? LOCK_EX : LOCK_SH) }) == 0 else {
            throw LedgerError.inputOutput(path: path, operation: .lock, code: errno)
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
    static func writeAll(
        _ bytes: [UInt8], to descriptor: Int32, path: String, restoringLength: Int, system: FileSystem
    ) throws(LedgerError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                system.retrying { system.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[written...])) }
            }
            if count < 0 {
                let code = errno
                _ = system.retrying { system.ftruncate(descriptor, restoringLength) }
                throw LedgerError.inputOutput(path: path, operation: .write, code: code)
            }
            written += count
        }
    }

    static func synchronize(_ descriptor: Int32, path: String, system: FileSystem) throws(LedgerError) {
        guard system.retrying({ system.fsync(descriptor) }) == 0 else {
            throw LedgerError.inputOutput(path: path, operation: .synchronize, code: errno)
        }
    }

    static func synchronizeFolder(of path: String, system: FileSystem) throws(LedgerError) {
        let folder = folderPath(of: path)
        let descriptor = system.retrying { system.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0) }
        guard descriptor >= 0 else { throw LedgerError.inputOutput(path: folder, operation: .openFolder, code: errno) }
        defer { _ = system.close(descriptor) }
        guard system.retrying({ system.fsync(descriptor) }) == 0 else {
            throw LedgerError.inputOutput(path: folder, operation: .synchronizeFolder, code: errno)
        }
    }

    static func folderPath(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The side file holding the `count` bytes of `ledger` from `offset`: an existing
    /// `….torn-*` file with exactly these bytes, or a new `<ledger>.torn-<stamp>` (`-1`,
    /// `-2`… if taken).
    private static func sideFile(
        holding ledger: Int32, offset: Int, count: Int, next path: String, now: Timestamp, system: FileSystem
    ) throws(LedgerError) -> String {
        let prefix = sideFilePrefix(of: path)
        if let existing = existingSideFile(prefix: prefix, holding: ledger, offset: offset, count: count, system: system) {
            return existing
        }
        let stamp = prefix + now.description.filter { $0 != "-" && $0 != ":" }
        let names = (0..<1000).map { stamp + ($0 == 0 ? "" : "-\($0)") }
        let created = try createDurably(near: path, as: names, system: system) { (descriptor) throws(LedgerError) in
            try copy(from: ledger, offset: offset, count: count, to: descriptor, path: names[0], system: system)
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
    private static func existingSideFile(
        prefix: String, holding ledger: Int32, offset: Int, count: Int, system: FileSystem
    ) -> String? {
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
            if holds(candidate, ledger: ledger, offset: offset, count: count, system: system) { return candidate }
        }
        return nil
    }

    /// Whether the regular file `path` holds exactly the `count` bytes of `ledger` at `offset`.
    private static func holds(_ path: String, ledger: Int32, offset: Int, count: Int, system: FileSystem) -> Bool {
        let descriptor = system.retrying { system.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0) }
        guard descriptor >= 0 else { return false }
        defer { _ = system.close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == count else { return false }
        let size = min(max(count, 1), LedgerScanner.chunkSize)
        var mine = [UInt8](repeating: 0, count: size)
        var theirs = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < count {
            let wanted = min(size, count - done)
            let a = mine.withUnsafeMutableBytes { bytes in
                system.retrying { system.pread(ledger, UnsafeMutableRawBufferPointer(rebasing: bytes[0..<wanted]), offset + done) }
            }
            let b = theirs.withUnsafeMutableBytes { bytes in
                system.retrying { system.pread(descriptor, UnsafeMutableRawBufferPointer(rebasing: bytes[0..<wanted]), done) }
            }
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

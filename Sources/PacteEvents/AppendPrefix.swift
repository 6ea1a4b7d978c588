#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an append knows of the lines before it, to check the new line exactly as a read
/// of the whole ledger would: the ledger's index (``LedgerIndex``), its facts
/// (``AppendFacts``), where the new line goes and the event already holding the draft's id.
///
/// Either every line is read and checked, or the append resumes from a trusted
/// ``LedgerCheckpoint``: the ledger is the same file, unchanged since the checkpoint was
/// written, its size the one covered, and its last covered line hashes as recorded. Then
/// only the last line and the lines the checkpoint keeps are read again (in line order,
/// into the index and the facts), and every other id the new line names is looked up in
/// the checkpoint's table and confirmed by reading its line (``recall(id:)``). Anything
/// in the checkpoint that the file contradicts makes it distrusted: the append then reads
/// the whole ledger, as without one.
struct AppendPrefix {
    var index: LedgerIndex
    var facts: AppendFacts
    /// Bytes of good lines: where the new line goes.
    var validLength: Int
    /// The line already holding the draft's id, if any.
    var existing: LedgerEvent?
    /// Set when the checkpoint did not match the file: nothing decided from it may be used.
    private(set) var isDistrusted = false
    private var source: Source
    private let descriptor: Int32
    private let path: String
    private let system: FileSystem

    private enum Source {
        /// Every line read: each line's id digest and the lines to keep, for a new checkpoint.
        case wholeLedger(keys: [UInt64], kept: [Int])
        /// Resumed: the checkpoint and the offset of each line read again, by `seq`.
        case checkpoint(LedgerCheckpoint, offsetOfLine: [Int: Int])
    }

    // MARK: - Reading the whole ledger

    /// Reads and checks every line of the ledger open as `descriptor` (as every append did
    /// before checkpoints), noting what a new checkpoint needs.
    static func readingWholeLedger(
        descriptor: Int32, path: String, system: FileSystem, draftId: String?
    ) throws(LedgerError) -> AppendPrefix {
        var existing: LedgerEvent?
        var facts = AppendFacts()
        var keys: [UInt64] = []
        var kept: [Int] = []
        var createdIds = 0
        let scan = try LedgerScanner.scan(descriptor: descriptor, path: path, system: system) { event, index in
            if let draftId, event.id.hasSameBytes(as: draftId) { existing = event }
            keys.append(LedgerCheckpoint.key(of: event.id))
            var keep = facts.apply(event)
            if index.createdIdCount != createdIds {
                createdIds = index.createdIdCount
                keep = true
            }
            if keep {
                kept.append(event.seq)
                // A correction is replayed after its target (its replacement is read as the target's type).
                if case .correctionRecorded(let correction) = event.payload, let target = index.lineOfId[ByteKey(correction.target)] {
                    kept.append(target)
                }
            }
        }
        if let problem = scan.problem { throw problem }
        if let torn = scan.tornTail { throw torn.error(file: path) }
        return AppendPrefix(
            index: scan.index, facts: facts, validLength: scan.validLength, existing: existing,
            source: .wholeLedger(keys: keys, kept: kept), descriptor: descriptor, path: path, system: system)
    }

    // MARK: - Resuming from a checkpoint

    /// The prefix from the checkpoint beside the ledger, `nil` if there is none or it is
    /// not trusted. Throws only the ledger's own read errors.
    static func resuming(
        descriptor: Int32, path: String, system: FileSystem, draftId: String?
    ) throws(LedgerError) -> AppendPrefix? {
        guard let checkpoint = LedgerCheckpoint.load(beside: path, system: system),
            let file = LedgerCheckpoint.identity(of: descriptor)
        else { return nil }
        let coverage = checkpoint.coverage
        guard file.identity == coverage.identity, file.size == coverage.size else { return nil }
        var prefix = AppendPrefix(
            index: LedgerIndex(), facts: AppendFacts(), validLength: coverage.size, existing: nil,
            source: .checkpoint(checkpoint, offsetOfLine: [:]), descriptor: descriptor, path: path, system: system)
        guard let last = try prefix.event(at: coverage.lastLineOffset, endingAt: coverage.size),
            last.seq == coverage.lineCount, last.hash == coverage.lastHash
        else { return nil }
        prefix.index = LedgerIndex(resumingAfter: last)
        prefix.remember(line: last.seq, at: coverage.lastLineOffset)
        for line in checkpoint.kept {
            guard let event = try prefix.event(at: line.offset), event.seq == line.seq else { return nil }
            prefix.index.recall(event)
            prefix.facts.apply(event)
            prefix.remember(line: line.seq, at: line.offset)
        }
        if let draftId { prefix.existing = try prefix.lookUp(id: draftId) }
        return prefix.isDistrusted ? nil : prefix
    }

    /// Makes the line holding `id` known to the index, looked up in the checkpoint and
    /// confirmed by reading it. Returns whether a line was added (never after reading the
    /// whole ledger: the index already knows every line).
    mutating func recall(id: String) throws(LedgerError) -> Bool {
        guard case .checkpoint = source, index.lineOfId[ByteKey(id)] == nil else { return false }
        return try lookUp(id: id) != nil
    }

    /// The line holding `id`, from the checkpoint's table, confirmed and recalled.
    private mutating func lookUp(id: String) throws(LedgerError) -> LedgerEvent? {
        guard case .checkpoint(let checkpoint, _) = source, !isDistrusted else { return nil }
        let key = LedgerCheckpoint.key(of: id)
        for offset in checkpoint.offsets(ofId: id) {
            guard let event = try event(at: offset) else {
                isDistrusted = true
                return nil
            }
            if event.id.hasSameBytes(as: id) {
                index.recall(event)
                remember(line: event.seq, at: offset)
                return event
            }
            // Another id under the same digest is possible; under another digest, the table lies.
            if LedgerCheckpoint.key(of: event.id) != key {
                isDistrusted = true
                return nil
            }
        }
        return nil
    }

    private mutating func remember(line: Int, at offset: Int) {
        guard case .checkpoint(let checkpoint, var offsets) = source else { return }
        offsets[line] = offset
        source = .checkpoint(checkpoint, offsetOfLine: offsets)
    }

    /// The covered line starting at `offset` (which must follow a `\n`), parsed and its hash
    /// checked; `nil` (and the checkpoint distrusted) if there is no such line, if it does
    /// not end at `end` when given, or if it does not read.
    private mutating func event(at offset: Int, endingAt end: Int? = nil) throws(LedgerError) -> LedgerEvent? {
        guard case .checkpoint(let checkpoint, _) = source else { return nil }
        let limit = checkpoint.coverage.size
        let start = max(offset - 1, 0)
        guard offset >= 0, offset < limit else {
            isDistrusted = true
            return nil
        }
        var bytes: [UInt8] = []
        var newline: Int?
        var wanted = 4096
        while newline == nil, start + bytes.count < limit {
            let count = min(wanted, limit - start - bytes.count)
            let chunk = try read(count, at: start + bytes.count)
            let searchFrom = bytes.count
            bytes += chunk
            if let found = bytes[max(searchFrom, offset - start)...].firstIndex(of: 0x0A) { newline = found }
            wanted = min(wanted * 2, LedgerScanner.chunkSize)
        }
        guard let newline, offset == 0 || bytes.first == 0x0A, end == nil || start + newline + 1 == end else {
            isDistrusted = true
            return nil
        }
        let lineStart = offset - start
        let parsed = bytes.withUnsafeBytes { buffer in
            Result { () throws(LedgerError) in
                try LedgerLine.parse(
                    UnsafeRawBufferPointer(rebasing: buffer[lineStart..<newline]), at: LedgerLocation(file: path, line: 0))
            }
        }
        guard case .success(let event) = parsed, event.seq >= 1, event.seq <= checkpoint.coverage.lineCount else {
            isDistrusted = true
            return nil
        }
        return event
    }

    /// `count` bytes of the ledger from `offset` (all there: the ledger is at least the covered size).
    private func read(_ count: Int, at offset: Int) throws(LedgerError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                system.retrying { system.pread(descriptor, UnsafeMutableRawBufferPointer(rebasing: buffer[done...]), offset + done) }
            }
            guard read > 0 else { throw LedgerError.inputOutput(path: path, operation: .read, code: read < 0 ? errno : EIO) }
            done += read
        }
        return bytes
    }

    // MARK: - After the append

    /// Updates the checkpoint once `event` (`length` bytes) is written and flushed at
    /// ``validLength``: a delta appended, or the whole rewritten. A failure here does not
    /// fail the append (the next one reads the whole ledger).
    mutating func checkpoint(_ event: LedgerEvent, length: Int) {
        guard let file = LedgerCheckpoint.identity(of: descriptor), file.size == validLength + length else {
            LedgerCheckpoint.remove(beside: path, system: system)
            return
        }
        let createdIds = index.createdIdCount
        var keep = facts.apply(event)
        do throws(LedgerError) {
            try index.admit(event, file: path)
        } catch {
            LedgerCheckpoint.remove(beside: path, system: system)
            return
        }
        if index.createdIdCount != createdIds { keep = true }
        var keptTarget: Int?
        if keep, case .correctionRecorded(let correction) = event.payload {
            keptTarget = index.lineOfId[ByteKey(correction.target)]
        }
        let coverage = LedgerCheckpoint.Coverage(
            size: file.size, lineCount: event.seq, lastLineOffset: validLength, lastHash: event.hash, identity: file.identity)
        let entry = LedgerCheckpoint.Entry(key: LedgerCheckpoint.key(of: event.id), offset: validLength)
        let newLine = LedgerCheckpoint.KeptLine(seq: event.seq, offset: validLength)
        switch source {
        case .wholeLedger(let keys, var kept):
            guard let starts = try? lineStarts(count: keys.count) else {
                LedgerCheckpoint.remove(beside: path, system: system)
                return
            }
            var entries = zip(keys, starts).map { LedgerCheckpoint.Entry(key: $0, offset: $1) }
            entries.append(entry)
            entries.sort(by: LedgerCheckpoint.isOrdered)
            if let keptTarget { kept.append(keptTarget) }
            var keptLines = Set(kept).sorted().map { LedgerCheckpoint.KeptLine(seq: $0, offset: starts[$0 - 1]) }
            if keep { keptLines.append(newLine) }
            let record = LedgerCheckpoint.baseRecord(coverage: coverage, sortedEntries: entries, kept: keptLines)
            LedgerCheckpoint.replace(beside: path, with: record, mode: file.mode, system: system)
        case .checkpoint(let checkpoint, let offsetOfLine):
            var added: [LedgerCheckpoint.KeptLine] = keep ? [newLine] : []
            if let keptTarget {
                guard let offset = offsetOfLine[keptTarget] else {
                    LedgerCheckpoint.remove(beside: path, system: system)
                    return
                }
                added.append(LedgerCheckpoint.KeptLine(seq: keptTarget, offset: offset))
            }
            if checkpoint.isDueForCompaction {
                let kept = (checkpoint.kept + added).sorted { $0.seq < $1.seq }
                let record = LedgerCheckpoint.baseRecord(
                    coverage: coverage, sortedEntries: checkpoint.allEntries(adding: [entry]), kept: kept)
                LedgerCheckpoint.replace(beside: path, with: record, mode: file.mode, system: system)
            } else {
                let record = LedgerCheckpoint.deltaRecord(coverage: coverage, entries: [entry], kept: added)
                LedgerCheckpoint.append(record, beside: path, size: checkpoint.byteCount, system: system)
            }
        }
    }

    /// The offsets of the first `count` lines of the ledger.
    private func lineStarts(count: Int) throws(LedgerError) -> [Int] {
        var starts: [Int] = [0]
        starts.reserveCapacity(count + 1)
        var offset = 0
        while starts.count <= count, offset < validLength {
            let chunk = try read(min(LedgerScanner.chunkSize, validLength - offset), at: offset)
            chunk.withUnsafeBytes { bytes in
                var position = 0
                while position < bytes.count, let found = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position) {
                    position = bytes.baseAddress!.distance(to: UnsafeRawPointer(found)) + 1
                    starts.append(offset + position)
                }
            }
            offset += chunk.count
        }
        guard starts.count == count + 1 else { throw LedgerError.inputOutput(path: path, operation: .read, code: EIO) }
        return Array(starts.dropLast())
    }
}

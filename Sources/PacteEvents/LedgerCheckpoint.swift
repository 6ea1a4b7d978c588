/// A cache beside a ledger (`NAME.jsonl.checkpoint`) that spares an append the reading of
/// every line before it. It is not part of the format (docs/ledger-format.md): no reader
/// uses it, `verify` never does, other tools ignore it, and deleting it is always safe (the
/// next append reads the whole ledger and writes it again).
///
/// It records what it covers — the ledger's size, line count, last line (offset and hash)
/// and the file's identity (device, inode, change and modification times) — and what the
/// write-time checks need from those lines: a table of every event id (a 64-bit digest of
/// its bytes → the offset of its line), sorted for a binary search, and the offsets of the
/// few lines an append replays (``AppendFacts``'s facts, the lines that bring a partner,
/// priority or action, and the targets of those that correct them). An append trusts it
/// only if the ledger is the same file, unchanged since, and its last covered line hashes
/// as recorded; every id found in it is confirmed by reading its line.
///
/// On disk: a base record, then one small delta record per append (appended, not
/// rewritten); after many deltas the whole is rewritten as one base (temporary file,
/// `fsync`, `rename`). A record is an 8-byte tag, its body's length, the body (64-bit
/// little-endian words) and the SHA-256 of all three: a record cut short or changed ends
/// the checkpoint there.
struct LedgerCheckpoint: Sendable {
    /// The file a checkpoint was taken of, as `fstat` reports it. Any write to the ledger
    /// by anything but an append that updates the checkpoint changes it.
    struct FileIdentity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
        var changed: Int64
        var changedNanoseconds: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
    }

    /// What a checkpoint covers: the ledger's first `size` bytes, `lineCount` whole lines.
    struct Coverage: Sendable, Hashable {
        var size: Int
        var lineCount: Int
        var lastLineOffset: Int
        var lastHash: SHA256Digest
        var identity: FileIdentity
    }

    /// An event id's digest and the offset of its line.
    struct Entry: Sendable, Hashable {
        var key: UInt64
        var offset: Int
    }

    /// A line an append replays: its `seq` and offset.
    struct KeptLine: Sendable, Hashable {
        var seq: Int
        var offset: Int
    }

    var coverage: Coverage
    /// The lines to replay, in line order, each once.
    private(set) var kept: [KeptLine]
    /// Entries of the delta records, unsorted.
    private(set) var recent: [Entry]
    /// Delta records after the base, and their bytes.
    private(set) var deltaCount: Int
    private(set) var deltaBytes: Int
    /// The base record's bytes, its sorted table starting at `tableStart`.
    private let base: [UInt8]
    private let tableStart: Int
    private let tableCount: Int
    /// The end of the last good record.
    private let validEnd: Int

    /// After this many delta records, or deltas larger than the base, the next append
    /// rewrites the checkpoint as one base.
    static let deltaLimit = 1024

    /// Whether the next append rewrites it whole rather than appending a delta: after many
    /// deltas, or when bytes follow its last good record (a delta appended after them would
    /// never be read).
    var isDueForCompaction: Bool {
        deltaCount >= Self.deltaLimit || (deltaCount >= 16 && deltaBytes > validEnd - deltaBytes) || validEnd != base.count
    }

    /// The checkpoint file's size: where the next delta goes.
    var byteCount: Int { base.count }

    /// The offsets of the lines whose id may be `id` (same digest), to be confirmed by reading them.
    func offsets(ofId id: String) -> [Int] {
        let key = Self.key(of: id)
        var found = recent.filter { $0.key == key }.map(\.offset)
        base.withUnsafeBytes { bytes in
            func entryKey(_ index: Int) -> UInt64 { Self.word(bytes, tableStart + index * 16) }
            var low = 0
            var high = tableCount
            while low < high {
                let middle = (low + high) / 2
                if entryKey(middle) < key { low = middle + 1 } else { high = middle }
            }
            while low < tableCount, entryKey(low) == key {
                found.append(Int(truncatingIfNeeded: Self.word(bytes, tableStart + low * 16 + 8)))
                low += 1
            }
        }
        return found
    }

    /// Every entry, the base's and the deltas', sorted: the table of a rewritten base.
    func allEntries(adding added: [Entry]) -> [Entry] {
        var merged: [Entry] = []
        merged.reserveCapacity(tableCount + recent.count + added.count)
        let extra = (recent + added).sorted(by: Self.isOrdered)
        var next = extra.startIndex
        base.withUnsafeBytes { bytes in
            for index in 0..<tableCount {
                let entry = Entry(
                    key: Self.word(bytes, tableStart + index * 16),
                    offset: Int(truncatingIfNeeded: Self.word(bytes, tableStart + index * 16 + 8)))
                while next < extra.endIndex, Self.isOrdered(extra[next], entry) {
                    merged.append(extra[next])
                    next += 1
                }
                merged.append(entry)
            }
        }
        merged.append(contentsOf: extra[next...])
        return merged
    }

    static func isOrdered(_ a: Entry, _ b: Entry) -> Bool {
        a.key < b.key || (a.key == b.key && a.offset < b.offset)
    }

    /// The digest of an id's bytes (FNV-1a, 64 bits): the same in every process. Two ids
    /// with one digest are told apart by reading their lines.
    static func key(of id: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    // MARK: - Records

    private static let baseTag = Array("PLCKBAS1".utf8)
    private static let deltaTag = Array("PLCKDEL1".utf8)
    /// Words of a body before its entries: coverage (3 + 4 for the hash + 6 for the identity), entry and kept counts.
    private static let headerWords = 15

    /// A base record: `entries` (sorted by ``isOrdered(_:_:)``) and every kept line.
    static func baseRecord(coverage: Coverage, sortedEntries entries: [Entry], kept: [KeptLine]) -> [UInt8] {
        record(baseTag, coverage: coverage, entries: entries, kept: kept)
    }

    /// A delta record: what one append adds.
    static func deltaRecord(coverage: Coverage, entries: [Entry], kept: [KeptLine]) -> [UInt8] {
        record(deltaTag, coverage: coverage, entries: entries, kept: kept)
    }

    private static func record(_ tag: [UInt8], coverage: Coverage, entries: [Entry], kept: [KeptLine]) -> [UInt8] {
        let bodyLength = (headerWords + 2 * (entries.count + kept.count)) * 8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16 + bodyLength + 32)
        bytes.append(contentsOf: tag)
        func append(_ word: UInt64) {
            withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
        }
        func append(_ number: Int) { append(UInt64(truncatingIfNeeded: number)) }
        func append(_ number: Int64) { append(UInt64(bitPattern: number)) }
        append(bodyLength)
        append(coverage.size)
        append(coverage.lineCount)
        append(coverage.lastLineOffset)
        bytes.append(contentsOf: coverage.lastHash.bytes)
        let identity = coverage.identity
        append(identity.device)
        append(identity.inode)
        append(identity.changed)
        append(identity.changedNanoseconds)
        append(identity.modified)
        append(identity.modifiedNanoseconds)
        append(entries.count)
        append(kept.count)
        for entry in entries {
            append(entry.key)
            append(entry.offset)
        }
        for line in kept {
            append(line.seq)
            append(line.offset)
        }
        bytes.append(contentsOf: SHA256.hash(bytes).bytes)
        return bytes
    }

    /// The checkpoint in `bytes` (a base then deltas), `nil` if its base is missing or
    /// damaged. A damaged delta ends it: the deltas before it count.
    init?(bytes: [UInt8]) {
        guard let first = Self.parseRecord(bytes, at: 0, tag: Self.baseTag) else { return nil }
        var coverage = first.coverage
        var kept = first.kept
        var recent: [Entry] = []
        var deltaCount = 0
        var deltaBytes = 0
        var position = first.end
        while let delta = Self.parseRecord(bytes, at: position, tag: Self.deltaTag), delta.coverage.size > coverage.size {
            coverage = delta.coverage
            bytes.withUnsafeBytes { raw in
                for index in 0..<delta.entryCount {
                    let start = delta.entriesStart + index * 16
                    recent.append(Entry(key: Self.word(raw, start), offset: Int(truncatingIfNeeded: Self.word(raw, start + 8))))
                }
            }
            kept += delta.kept
            deltaCount += 1
            deltaBytes += delta.end - position
            position = delta.end
        }
        kept.sort { $0.seq < $1.seq }
        var unique: [KeptLine] = []
        for line in kept where unique.last?.seq != line.seq { unique.append(line) }
        guard unique.allSatisfy({ $0.seq >= 1 && $0.seq <= coverage.lineCount && $0.offset >= 0 && $0.offset < coverage.size })
        else { return nil }
        self.base = bytes
        self.tableStart = first.entriesStart
        self.tableCount = first.entryCount
        self.validEnd = position
        self.coverage = coverage
        self.kept = unique
        self.recent = recent
        self.deltaCount = deltaCount
        self.deltaBytes = deltaBytes
    }

    private struct ParsedRecord {
        var coverage: Coverage
        var entriesStart: Int
        var entryCount: Int
        var kept: [KeptLine]
        var end: Int
    }

    private static func parseRecord(_ bytes: [UInt8], at start: Int, tag: [UInt8]) -> ParsedRecord? {
        bytes.withUnsafeBytes { raw -> ParsedRecord? in
            let headerEnd = start + 16 + headerWords * 8
            guard headerEnd <= raw.count, raw[start..<(start + 8)].elementsEqual(tag) else { return nil }
            let bodyLength = word(raw, start + 8)
            let body = start + 16
            func number(_ index: Int) -> Int { Int(truncatingIfNeeded: word(raw, body + index * 8)) }
            let entryCount = number(13)
            let keptCount = number(14)
            guard bodyLength <= UInt64(raw.count - body), entryCount >= 0, keptCount >= 0,
                entryCount <= raw.count / 16, keptCount <= raw.count / 16,
                Int(bodyLength) == (headerWords + 2 * (entryCount + keptCount)) * 8, body + Int(bodyLength) + 32 <= raw.count
            else { return nil }
            let end = body + Int(bodyLength) + 32
            let digest = SHA256.hash(UnsafeRawBufferPointer(rebasing: raw[start..<(end - 32)]))
            guard raw[(end - 32)..<end].elementsEqual(digest.bytes) else { return nil }
            let hexadecimal = raw[(body + 24)..<(body + 56)].map { byte in
                String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
            }.joined()
            guard let lastHash = SHA256Digest(hexadecimal: hexadecimal) else { return nil }
            let identity = FileIdentity(
                device: word(raw, body + 56), inode: word(raw, body + 64), changed: Int64(bitPattern: word(raw, body + 72)),
                changedNanoseconds: Int64(bitPattern: word(raw, body + 80)), modified: Int64(bitPattern: word(raw, body + 88)),
                modifiedNanoseconds: Int64(bitPattern: word(raw, body + 96)))
            let coverage = Coverage(
                size: number(0), lineCount: number(1), lastLineOffset: number(2),
                lastHash: lastHash,
                identity: identity)
            guard coverage.lineCount >= 1, coverage.lastLineOffset >= 0, coverage.lastLineOffset < coverage.size else { return nil }
            let entriesStart = body + headerWords * 8
            let keptStart = entriesStart + entryCount * 16
            let kept = (0..<keptCount).map { index in
                KeptLine(
                    seq: Int(truncatingIfNeeded: word(raw, keptStart + index * 16)),
                    offset: Int(truncatingIfNeeded: word(raw, keptStart + index * 16 + 8)))
            }
            return ParsedRecord(coverage: coverage, entriesStart: entriesStart, entryCount: entryCount, kept: kept, end: end)
        }
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}

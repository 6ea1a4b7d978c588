#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The line number of each event id of a ledger, stored compactly: the ids' bytes one
/// after the other in a single buffer, and a hash table of line numbers.
///
/// A ledger of a million events keeps a million ids for its duplicate and reference
/// checks; a dictionary of `String` keys took about 50 MB for them (75 MB while it grew),
/// this about 35 MB, whatever the length of the ids (each is stored once, as its bytes).
/// Ids compare as bytes, as ``ByteKey`` does: NFC and NFD spellings are different ids.
public struct EventIdLines: Sendable {
    /// The ids' bytes, in line order.
    private var bytes: [UInt8] = []
    /// Where the id of line `n` ends in `bytes` (at `ends[n - 1]`); it starts where the id
    /// of line `n - 1` ends.
    private var ends: [Int] = []
    /// Open addressing with linear probing: a line number (below 2^40) with the high 24
    /// bits of its id's hash above it, or 0 for an empty slot. Its count is a power of two,
    /// at most three quarters full. A probe compares ids only when those bits match. An id's
    /// first slot is given by those 24 bits too, so that the table grows from its slots
    /// alone, without hashing the ids again.
    private var slots: [Int] = []
    /// `slots.count == 1 << slotBits`.
    private var slotBits = 0
    /// The bits of a slot that hold the line number; the others hold the hash's.
    static let lineBits = 0xFF_FFFF_FFFF
    /// Ids recorded out of line order: an append resumed from a checkpoint knows only some
    /// lines of the prefix (those it read again) and the lines after them.
    private var scattered: [ByteKey: Int] = [:]

    public init() {}

    /// The number of ids (the lines read).
    public var count: Int { ends.count + scattered.count }

    /// The line of the event with that id, `nil` when no line has it.
    public subscript(id: ByteKey) -> Int? {
        lookUp(id.text).line
    }

    /// The line of the event with id `id` (`nil` when no line has it), and the hash of
    /// `id`, to record it without hashing it again (``record(_:line:hash:)``).
    func lookUp(_ id: String) -> (line: Int?, hash: Int) {
        var id = id
        let (found, hash) = id.withUTF8 { wanted in
            let hash = Self.hash(UnsafeRawBufferPointer(wanted))
            return (self.line(of: UnsafeRawBufferPointer(wanted), hash: hash), hash)
        }
        return (found ?? (scattered.isEmpty ? nil : scattered[ByteKey(id)]), hash)
    }

    /// Records `id` as the id of line `line`: in the compact table when the lines come in
    /// order from line 1, else aside.
    public mutating func record(_ id: String, line: Int) {
        var id = id
        let hash = id.withUTF8 { Self.hash(UnsafeRawBufferPointer($0)) }
        record(id, line: line, hash: hash)
    }

    /// ``record(_:line:)`` with the hash ``lookUp(_:)`` gave for `id`.
    mutating func record(_ id: String, line: Int, hash: Int) {
        if line == ends.count + 1, line <= Self.lineBits, scattered.isEmpty {
            append(id, hash: hash)
        } else {
            scattered[ByteKey(id)] = line
        }
    }

    /// Records the id whose UTF-8 bytes are `id` as the id of the next line in order (a
    /// skim's: no `String` made). The caller makes sure no line has it, or does not rely on
    /// the table for a ledger where one does.
    mutating func recordNext(utf8 id: UnsafeRawBufferPointer) {
        guard scattered.isEmpty, ends.count < Self.lineBits else {
            record(String(decoding: id, as: UTF8.self), line: count + 1)
            return
        }
        if (ends.count + 1) * 4 > slots.count * 3 { grow() }
        bytes.append(contentsOf: id)
        ends.append(bytes.count)
        insert(line: ends.count, hash: Self.hash(id))
    }

    /// The line of the event whose id has the bytes `wanted` (and that hash) among the
    /// lines recorded in order, `nil` when none has it.
    private func line(of wanted: UnsafeRawBufferPointer, hash: Int) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        let tag = hash & ~Self.lineBits
        var slot = firstSlot(of: hash)
        while slots[slot] != 0 {
            let value = slots[slot]
            if value & ~Self.lineBits == tag, hasId(wanted, line: value & Self.lineBits) { return value & Self.lineBits }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Records `id` (of that hash) as the id of the next line in order. The caller checks
    /// first that no line has it.
    private mutating func append(_ id: String, hash: Int) {
        if (ends.count + 1) * 4 > slots.count * 3 { grow() }
        var id = id
        id.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(bytes.count)
        insert(line: ends.count, hash: hash)
    }

    private func hasId(_ wanted: UnsafeRawBufferPointer, line: Int) -> Bool {
        let start = line == 1 ? 0 : ends[line - 2]
        let end = ends[line - 1]
        guard end - start == wanted.count else { return false }
        return bytes.withUnsafeBytes { stored in
            wanted.count == 0 || memcmp(stored.baseAddress! + start, wanted.baseAddress!, wanted.count) == 0
        }
    }

    /// The slot where the probe for an id of that hash starts: the hash's high bits (the 24
    /// a slot keeps, spread evenly over a table of more than 2^24 slots).
    private func firstSlot(of hash: Int) -> Int {
        Self.firstSlot(of: hash, slotBits: slotBits)
    }

    /// ``firstSlot(of:)`` in a table of `1 << slotBits` slots.
    static func firstSlot(of hash: Int, slotBits: Int) -> Int {
        let high = UInt(bitPattern: hash) >> lineBits.nonzeroBitCount
        let highBits = 64 - lineBits.nonzeroBitCount
        return Int(slotBits <= highBits ? high >> (highBits - slotBits) : high << (slotBits - highBits))
    }

    private mutating func insert(line: Int, hash: Int) {
        let mask = slots.count - 1
        var slot = firstSlot(of: hash)
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = line | (hash & ~Self.lineBits)
    }

    private mutating func grow() {
        let old = slots
        slots = [Int](repeating: 0, count: max(16, slots.count * 2))
        slotBits = slots.count.trailingZeroBitCount
        // The high bits of its id's hash a slot keeps give its first slot in the larger table.
        for value in old where value != 0 { insert(line: value & Self.lineBits, hash: value & ~Self.lineBits) }
    }

    private static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }
}

/// SHA-256 as specified by FIPS 180-4 (no C library, no CryptoKit): the compression function
/// runs on the CPU's SHA instructions where it has them (see ``Implementation``), in plain
/// Swift everywhere else.
///
/// `SHA256` is an incremental hasher: feed it bytes with `update(_:)` as many
/// times as needed, then call `finalize()`. For a message that is already in memory,
/// `SHA256.hash(_:)` does both in one call.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update("ab".utf8)
/// hasher.update("c".utf8)
/// let digest = hasher.finalize()   // ba7816bf…f20015ad
/// ```
///
/// The compression function works directly on the caller's memory, whole 64-byte blocks at a
/// time, with the message schedule kept in sixteen local words; hashing allocates nothing.
public struct SHA256: Sendable {
    /// The eight working words H0…H7 of the intermediate hash value.
    private var state: State = .initial
    /// Bytes of a partial block waiting for more input (only the first `pendingCount` matter).
    private var pending: Block = (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `pending` are in use, always below ``blockSize``.
    private var pendingCount = 0
    /// Total number of message bytes seen so far (the message length is taken modulo 2^64 bits).
    private var messageLength: UInt64 = 0
    /// Where the compression function runs.
    public let implementation: Implementation

    /// The size, in bytes, of one block of the compression function.
    static let blockSize = 64

    /// 64 bytes of inline storage.
    typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Creates a hasher for a new, empty message, compressing with `implementation`
    /// (``Implementation/portable`` if the one asked for is not available on this CPU).
    public init(implementation: Implementation = .fastest) {
        self.implementation = implementation.isAvailable ? implementation : .portable
    }

    /// Appends the bytes in `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        messageLength &+= UInt64(truncatingIfNeeded: remaining)

        if pendingCount > 0 {
            let used = pendingCount
            let taken = min(Self.blockSize - used, remaining)
            withUnsafeMutableBytes(of: &pending) { block in
                (block.baseAddress! + used).copyMemory(from: input, byteCount: taken)
            }
            pendingCount += taken
            input += taken
            remaining -= taken
            guard pendingCount == Self.blockSize else { return }
            withUnsafeBytes(of: pending) { block in
                implementation.compress(&state, blocks: block.baseAddress!, count: 1)
            }
            pendingCount = 0
        }

        let wholeBlocks = remaining / Self.blockSize
        if wholeBlocks > 0 {
            implementation.compress(&state, blocks: input, count: wholeBlocks)
            input += wholeBlocks * Self.blockSize
            remaining -= wholeBlocks * Self.blockSize
        }

        if remaining > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress!.copyMemory(from: input, byteCount: remaining)
            }
            pendingCount = remaining
        }
    }

    /// Appends the bytes of `bytes` to the message.
    ///
    /// Contiguous collections (`[UInt8]`, `String.UTF8View` of a native string, `Data`, …) are
    /// hashed in place; other sequences are copied through a small stack buffer.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        guard handled == nil else { return }
        withUnsafeTemporaryAllocation(byteCount: 1024, alignment: 8) { chunk in
            var filled = 0
            for byte in bytes {
                chunk[filled] = byte
                filled += 1
                if filled == chunk.count {
                    update(UnsafeRawBufferPointer(chunk))
                    filled = 0
                }
            }
            update(UnsafeRawBufferPointer(rebasing: chunk[..<filled]))
        }
    }

    /// Returns the digest of all the bytes passed to `update` so far.
    ///
    /// The method is `consuming`: it works on its own copy of the hasher. Because `SHA256` is a
    /// copyable value type, a hasher that is used again after `finalize()` is simply copied, and
    /// is unaffected: it can be finalized again (same digest) or updated further, the digest
    /// then covering the longer message.
    public consuming func finalize() -> SHA256Digest {
        // Padding: one 1 bit, zeros up to 56 bytes modulo 64, then the length in bits (big-endian).
        let bitLength = messageLength &<< 3
        let used = pendingCount
        var block = pending
        var state = state
        let implementation = implementation
        withUnsafeMutableBytes(of: &block) { block in
            let base = block.baseAddress!
            block[used] = 0x80
            if used + 1 > Self.blockSize - 8 {
                let tail = Self.blockSize - used - 1
                (base + used + 1).initializeMemory(as: UInt8.self, repeating: 0, count: tail)
                implementation.compress(&state, blocks: base, count: 1)
                base.initializeMemory(as: UInt8.self, repeating: 0, count: Self.blockSize - 8)
            } else {
                let gap = Self.blockSize - 8 - used - 1
                (base + used + 1).initializeMemory(as: UInt8.self, repeating: 0, count: gap)
            }
            block.storeBytes(of: bitLength.bigEndian, toByteOffset: Self.blockSize - 8, as: UInt64.self)
            implementation.compress(&state, blocks: base, count: 1)
        }
        return SHA256Digest(state)
    }

    /// Returns the SHA-256 digest of the bytes in `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer, implementation: Implementation = .fastest) -> SHA256Digest {
        var hasher = SHA256(implementation: implementation)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Returns the SHA-256 digest of `bytes`, hashed in place when the collection is contiguous.
    public static func hash(_ bytes: some Collection<UInt8>, implementation: Implementation = .fastest) -> SHA256Digest {
        if let digest = bytes.withContiguousStorageIfAvailable({
            hash(UnsafeRawBufferPointer($0), implementation: implementation)
        }) {
            return digest
        }
        var hasher = SHA256(implementation: implementation)
        hasher.update(bytes)
        return hasher.finalize()
    }
}

// MARK: - Compression function

extension SHA256 {
    /// The intermediate hash value H0…H7 (FIPS 180-4 §6.2).
    struct State: Sendable {
        var a, b, c, d, e, f, g, h: UInt32

        /// The initial hash value H(0) (FIPS 180-4 §5.3.3).
        static let initial = State(
            a: 0x6a09_e667, b: 0xbb67_ae85, c: 0x3c6e_f372, d: 0xa54f_f53a,
            e: 0x510e_527f, f: 0x9b05_688c, g: 0x1f83_d9ab, h: 0x5be0_cd19)
    }

    /// Runs the compression function over `count` consecutive 64-byte blocks at `blocks`, in
    /// plain Swift (``Implementation/portable``).
    ///
    /// The 64 rounds are fully unrolled: instead of moving the eight working variables after
    /// each round, each round names them in rotated order, so after 64 rounds (a multiple of
    /// eight) they are back in place. The message schedule lives in sixteen local words that
    /// are overwritten with W[16]…W[63] as the rounds go.
    @inline(never)
    static func compress(_ state: inout State, blocks: UnsafeRawPointer, count: Int) {
        var block = blocks
        var h0 = state.a, h1 = state.b, h2 = state.c, h3 = state.d
        var h4 = state.e, h5 = state.f, h6 = state.g, h7 = state.h
        for _ in 0..<count {
            var w0 = loadBigEndian(block, 0), w1 = loadBigEndian(block, 4)
            var w2 = loadBigEndian(block, 8), w3 = loadBigEndian(block, 12)
            var w4 = loadBigEndian(block, 16), w5 = loadBigEndian(block, 20)
            var w6 = loadBigEndian(block, 24), w7 = loadBigEndian(block, 28)
            var w8 = loadBigEndian(block, 32), w9 = loadBigEndian(block, 36)
            var w10 = loadBigEndian(block, 40), w11 = loadBigEndian(block, 44)
            var w12 = loadBigEndian(block, 48), w13 = loadBigEndian(block, 52)
            var w14 = loadBigEndian(block, 56), w15 = loadBigEndian(block, 60)
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7

            // Round t adds the constant K[t] (FIPS 180-4 §4.2.2), written inline.

            round(a, b, c, &d, e, f, g, &h, 0x428a2f98 &+ w0)
            round(h, a, b, &c, d, e, f, &g, 0x71374491 &+ w1)
            round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf &+ w2)
            round(f, g, h, &a, b, c, d, &e, 0xe9b5dba5 &+ w3)
            round(e, f, g, &h, a, b, c, &d, 0x3956c25b &+ w4)
            round(d, e, f, &g, h, a, b, &c, 0x59f111f1 &+ w5)
            round(c, d, e, &f, g, h, a, &b, 0x923f82a4 &+ w6)
            round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5 &+ w7)
            round(a, b, c, &d, e, f, g, &h, 0xd807aa98 &+ w8)
            round(h, a, b, &c, d, e, f, &g, 0x12835b01 &+ w9)
            round(g, h, a, &b, c, d, e, &f, 0x243185be &+ w10)
            round(f, g, h, &a, b, c, d, &e, 0x550c7dc3 &+ w11)
            round(e, f, g, &h, a, b, c, &d, 0x72be5d74 &+ w12)
            round(d, e, f, &g, h, a, b, &c, 0x80deb1fe &+ w13)
            round(c, d, e, &f, g, h, a, &b, 0x9bdc06a7 &+ w14)
            round(b, c, d, &e, f, g, h, &a, 0xc19bf174 &+ w15)
            // Rounds 16-63 extend the schedule in place: w[i mod 16] becomes W[i].
            expand(&w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0xe49b69c1 &+ w0)
            expand(&w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0xefbe4786 &+ w1)
            expand(&w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x0fc19dc6 &+ w2)
            expand(&w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x240ca1cc &+ w3)
            expand(&w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x2de92c6f &+ w4)
            expand(&w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x4a7484aa &+ w5)
            expand(&w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc &+ w6)
            expand(&w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x76f988da &+ w7)
            expand(&w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0x983e5152 &+ w8)
            expand(&w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0xa831c66d &+ w9)
            expand(&w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0xb00327c8 &+ w10)
            expand(&w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0xbf597fc7 &+ w11)
            expand(&w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0xc6e00bf3 &+ w12)
            expand(&w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xd5a79147 &+ w13)
            expand(&w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0x06ca6351 &+ w14)
            expand(&w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0x14292967 &+ w15)
            expand(&w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0x27b70a85 &+ w0)
            expand(&w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0x2e1b2138 &+ w1)
            expand(&w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc &+ w2)
            expand(&w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x53380d13 &+ w3)
            expand(&w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x650a7354 &+ w4)
            expand(&w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x766a0abb &+ w5)
            expand(&w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x81c2c92e &+ w6)
            expand(&w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x92722c85 &+ w7)
            expand(&w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1 &+ w8)
            expand(&w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0xa81a664b &+ w9)
            expand(&w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0xc24b8b70 &+ w10)
            expand(&w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0xc76c51a3 &+ w11)
            expand(&w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0xd192e819 &+ w12)
            expand(&w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xd6990624 &+ w13)
            expand(&w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0xf40e3585 &+ w14)
            expand(&w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0x106aa070 &+ w15)
            expand(&w0, w1, w9, w14)
            round(a, b, c, &d, e, f, g, &h, 0x19a4c116 &+ w0)
            expand(&w1, w2, w10, w15)
            round(h, a, b, &c, d, e, f, &g, 0x1e376c08 &+ w1)
            expand(&w2, w3, w11, w0)
            round(g, h, a, &b, c, d, e, &f, 0x2748774c &+ w2)
            expand(&w3, w4, w12, w1)
            round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5 &+ w3)
            expand(&w4, w5, w13, w2)
            round(e, f, g, &h, a, b, c, &d, 0x391c0cb3 &+ w4)
            expand(&w5, w6, w14, w3)
            round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a &+ w5)
            expand(&w6, w7, w15, w4)
            round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f &+ w6)
            expand(&w7, w8, w0, w5)
            round(b, c, d, &e, f, g, h, &a, 0x682e6ff3 &+ w7)
            expand(&w8, w9, w1, w6)
            round(a, b, c, &d, e, f, g, &h, 0x748f82ee &+ w8)
            expand(&w9, w10, w2, w7)
            round(h, a, b, &c, d, e, f, &g, 0x78a5636f &+ w9)
            expand(&w10, w11, w3, w8)
            round(g, h, a, &b, c, d, e, &f, 0x84c87814 &+ w10)
            expand(&w11, w12, w4, w9)
            round(f, g, h, &a, b, c, d, &e, 0x8cc70208 &+ w11)
            expand(&w12, w13, w5, w10)
            round(e, f, g, &h, a, b, c, &d, 0x90befffa &+ w12)
            expand(&w13, w14, w6, w11)
            round(d, e, f, &g, h, a, b, &c, 0xa4506ceb &+ w13)
            expand(&w14, w15, w7, w12)
            round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7 &+ w14)
            expand(&w15, w0, w8, w13)
            round(b, c, d, &e, f, g, h, &a, 0xc67178f2 &+ w15)

            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
            h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            block += blockSize
        }
        state = State(a: h0, b: h1, c: h2, d: h3, e: h4, f: h5, g: h6, h: h7)
    }
}

/// Reads the big-endian 32-bit word at `offset` bytes past `pointer` (no alignment needed).
@inline(__always)
private func loadBigEndian(_ pointer: UnsafeRawPointer, _ offset: Int) -> UInt32 {
    UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
}

@inline(__always)
private func rotateRight(_ x: UInt32, _ n: UInt32) -> UInt32 {
    (x &>> n) | (x &<< (32 &- n))
}

/// One round of FIPS 180-4 §6.2.2 step 3, with `kw` = K[t] + W[t]. Only `d` and `h` change:
/// `d` becomes the next `e`, and `h` becomes the next `a`.
@inline(__always)
private func round(
    _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
    _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
) {
    let sigma1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
    let choose = g ^ (e & (f ^ g))
    let t1 = h &+ sigma1 &+ choose &+ kw
    let sigma0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
    let majority = (a & b) | (c & (a | b))
    d &+= t1
    h = t1 &+ sigma0 &+ majority
}

/// Message schedule step (FIPS 180-4 §6.2.2 step 1): turns W[t-16] in `w` into
/// W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16].
@inline(__always)
private func expand(_ w: inout UInt32, _ w15: UInt32, _ w7: UInt32, _ w2: UInt32) {
    let s0 = rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 &>> 3)
    let s1 = rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 &>> 10)
    w = w &+ s0 &+ w7 &+ s1
}

// MARK: - Digest

/// A 32-byte SHA-256 digest.
///
/// It is stored inline as four 64-bit words (no heap allocation); ``bytes`` and
/// ``hexadecimal`` build the usual representations on demand.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    /// The digest bytes 0…7, 8…15, 16…23 and 24…31, each read as a big-endian integer.
    private let word0, word1, word2, word3: UInt64

    /// The digest of all zero bytes; the `prev` of the first line of a ledger.
    public static let zero = SHA256Digest(word0: 0, word1: 0, word2: 0, word3: 0)

    private init(word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64) {
        self.word0 = word0
        self.word1 = word1
        self.word2 = word2
        self.word3 = word3
    }

    init(_ state: SHA256.State) {
        self.init(
            word0: UInt64(state.a) << 32 | UInt64(state.b),
            word1: UInt64(state.c) << 32 | UInt64(state.d),
            word2: UInt64(state.e) << 32 | UInt64(state.f),
            word3: UInt64(state.g) << 32 | UInt64(state.h))
    }

    /// Parses exactly 64 lowercase hexadecimal characters (`0-9`, `a-f`).
    ///
    /// Returns `nil` for any other length, for uppercase letters, and for any other character,
    /// so that a digest has exactly one textual form.
    public init?(hexadecimal: some StringProtocol) {
        var text = String(hexadecimal)
        guard let digest = text.withUTF8({ SHA256Digest(hexadecimalUTF8: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = digest
    }

    /// Parses exactly 64 lowercase hexadecimal ASCII bytes (no allocation).
    public init?(hexadecimalUTF8 bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 64,
            let high0 = Self.hexadecimalWord(bytes, at: 0), let low0 = Self.hexadecimalWord(bytes, at: 8),
            let high1 = Self.hexadecimalWord(bytes, at: 16), let low1 = Self.hexadecimalWord(bytes, at: 24),
            let high2 = Self.hexadecimalWord(bytes, at: 32), let low2 = Self.hexadecimalWord(bytes, at: 40),
            let high3 = Self.hexadecimalWord(bytes, at: 48), let low3 = Self.hexadecimalWord(bytes, at: 56)
        else { return nil }
        self.init(word0: high0 << 32 | low0, word1: high1 << 32 | low1, word2: high2 << 32 | low2, word3: high3 << 32 | low3)
    }

    /// The value of the 8 lowercase hex digits at `offset` (the first one most significant),
    /// or `nil` when one of them is anything else; read as one 64-bit word.
    @inline(__always)
    private static func hexadecimalWord(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // Byte i of the word is the i-th character.
        let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        guard word & high == 0 else { return nil }
        // For bytes below 0x80, adding 0x80 - n sets the high bit exactly when the byte is n or more.
        @inline(__always) func atLeast(_ n: UInt64) -> UInt64 { (word &+ ones &* (0x80 - n)) & high }
        let isDigit = atLeast(0x30) & ~atLeast(0x3A)
        let isLetter = atLeast(0x61) & ~atLeast(0x67)
        guard isDigit | isLetter == high else { return nil }
        // '0'…'9' are 0x30…0x39 and 'a'…'f' 0x61…0x66: the low four bits, plus 9 for a letter.
        var nibbles = (word & (ones &* 0x0F)) &+ (isLetter >> 7) &* 9
        // Pack the eight nibbles, the first character's most significant.
        nibbles = nibbles.byteSwapped
        nibbles = (nibbles | nibbles >> 4) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | nibbles >> 8) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | nibbles >> 16) & 0x0000_0000_FFFF_FFFF
        return nibbles
    }

    /// The 32 digest bytes, in order.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, initializedCount in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            raw.storeBytes(of: word0.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: word1.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: word2.bigEndian, toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: word3.bigEndian, toByteOffset: 24, as: UInt64.self)
            initializedCount = 32
        }
    }

    /// The digest as 64 lowercase hexadecimal characters.
    public var hexadecimal: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            withHexadecimal { hex in
                _ = buffer.initialize(from: hex.assumingMemoryBound(to: UInt8.self))
            }
            return 64
        }
    }

    /// The same as ``hexadecimal``.
    public var description: String { hexadecimal }

    /// Appends the 64 lowercase hexadecimal ASCII bytes of the digest to the end of `buffer`.
    ///
    /// Nothing is allocated when `buffer` already has the capacity for 64 more bytes.
    public func writeHexadecimal(into buffer: inout [UInt8]) {
        withHexadecimal { hex in
            buffer.append(contentsOf: hex.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Returns whether `bytes` holds exactly the 64 lowercase hexadecimal ASCII characters of
    /// this digest. Any other length, uppercase letter or other byte gives `false`.
    public func matchesHexadecimal(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == 64 else { return false }
        return withHexadecimal { hex in
            var difference: UInt64 = 0
            for offset in stride(from: 0, to: 64, by: 8) {
                difference |= hex.load(fromByteOffset: offset, as: UInt64.self)
                    ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            }
            return difference == 0
        }
    }

    /// Calls `body` with the 64 hexadecimal ASCII bytes of the digest, held on the stack.
    private func withHexadecimal<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var text: SHA256.Block = (0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { text in
            Self.spell(word0, into: text, at: 0)
            Self.spell(word1, into: text, at: 16)
            Self.spell(word2, into: text, at: 32)
            Self.spell(word3, into: text, at: 48)
        }
        return withUnsafeBytes(of: text, body)
    }

    /// Writes the 16 hexadecimal digits of `word`, most significant first, at `offset`.
    @inline(__always)
    private static func spell(_ word: UInt64, into text: UnsafeMutableRawBufferPointer, at offset: Int) {
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: word &>> UInt64(60 - 4 * index)) & 0x0f
            // 0-9 map to "0"-"9"; 10-15 map to "a"-"f" (39 = "a" - "0" - 10).
            text[offset + index] = nibble &+ UInt8(ascii: "0") &+ (nibble > 9 ? 39 : 0)
        }
    }
}

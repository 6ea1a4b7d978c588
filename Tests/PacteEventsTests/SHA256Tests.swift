import Foundation
import PacteEvents
import Testing

// MARK: - Fixtures

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so every run hashes the
/// same "random" bytes and a failure can be reproduced.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (the slight modulo bias does not matter here).
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        var result = [UInt8]()
        result.reserveCapacity(count + 7)
        while result.count < count {
            withUnsafeBytes(of: next()) { result.append(contentsOf: $0) }
        }
        result.removeLast(result.count - count)
        return result
    }
}

/// The pseudo-random message of `length` bytes used by the padding tests.
private func message(length: Int) -> [UInt8] {
    var generator = SplitMix64(seed: 0x5348_4132_3536 &+ UInt64(length))
    return generator.bytes(length)
}

/// Every length around the one and two block padding boundaries, and two larger messages.
private let referenceLengths = Array(0...130) + [1 << 20, (1 << 20) + 17]

/// Digests of `message(length:)` for every length in `referenceLengths`, computed by the
/// system's `/usr/bin/sha256sum` in a single subprocess (first use only).
private let referenceDigests: Result<[Int: String], any Error> = Result { try runSha256sum() }

private struct Sha256sumFailure: Error, CustomStringConvertible {
    var description: String
}

private func runSha256sum() throws -> [Int: String] {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("SHA256Tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }

    for length in referenceLengths {
        try Data(message(length: length)).write(to: directory.appendingPathComponent("\(length).bin"))
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.currentDirectoryURL = directory
    process.arguments = referenceLengths.map { "\($0).bin" }
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw Sha256sumFailure(description: "sha256sum exited with status \(process.terminationStatus)")
    }

    // Each line reads "<64 hex digits>  <length>.bin".
    var digests: [Int: String] = [:]
    for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ", omittingEmptySubsequences: true)
        guard fields.count == 2, fields[0].count == 64, fields[1].hasSuffix(".bin"),
            let length = Int(fields[1].dropLast(4))
        else {
            throw Sha256sumFailure(description: "unexpected sha256sum output line: \(line)")
        }
        digests[length] = String(fields[0])
    }
    guard digests.count == referenceLengths.count else {
        throw Sha256sumFailure(description: "sha256sum printed \(digests.count) digests")
    }
    return digests
}

/// A sequence that is not contiguous in memory, to exercise the copying `update` path.
private struct ByteByByte: Sequence {
    var bytes: [UInt8]

    func makeIterator() -> IndexingIterator<[UInt8]> {
        bytes.makeIterator()
    }
}

/// Every implementation this CPU runs: the hardware one where the CPU has the SHA
/// instructions, and always the portable Swift one (forced here, so it stays tested).
private let implementations = SHA256.Implementation.available

/// Hashes `bytes` by feeding the hasher pieces of pseudo-random sizes up to `maximumPiece`,
/// alternating between the raw-buffer and the sequence entry points.
private func hashInPieces(
    _ bytes: [UInt8], seed: UInt64, maximumPiece: Int, implementation: SHA256.Implementation = .fastest
) -> SHA256Digest {
    var generator = SplitMix64(seed: seed)
    var hasher = SHA256(implementation: implementation)
    var start = 0
    var piece = 0
    while start < bytes.count {
        let end = min(bytes.count, start + generator.next(below: maximumPiece + 1))
        let slice = bytes[start..<end]
        switch piece % 3 {
        case 0: slice.withUnsafeBytes { hasher.update($0) }
        case 1: hasher.update(slice)
        default: hasher.update(ByteByByte(bytes: Array(slice)))
        }
        start = end
        piece += 1
    }
    return hasher.finalize()
}

// MARK: - Known answers

struct SHA256KnownAnswerTests {
    /// The examples of FIPS 180-4 (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
    @Test(arguments: implementations, [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        (
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
            "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
        ),
    ])
    func nistExample(implementation: SHA256.Implementation, vector: (message: String, expected: String)) {
        let (message, expected) = vector
        #expect(SHA256.hash(Array(message.utf8), implementation: implementation).hexadecimal == expected)
        #expect(SHA256.hash(message.utf8, implementation: implementation).hexadecimal == expected)
        #expect(SHA256.hash(message.utf8.lazy.map { $0 }, implementation: implementation).hexadecimal == expected)
        var hasher = SHA256(implementation: implementation)
        hasher.update(ByteByByte(bytes: Array(message.utf8)))
        #expect(hasher.finalize().hexadecimal == expected)
    }

    @Test(arguments: implementations)
    func oneMillionLetterA(implementation: SHA256.Implementation) {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        #expect(SHA256.hash(message, implementation: implementation).hexadecimal == expected)
        message.withUnsafeBytes { #expect(SHA256.hash($0, implementation: implementation).hexadecimal == expected) }
    }
}

// MARK: - Padding boundaries, against coreutils

struct SHA256ReferenceTests {
    @Test(arguments: implementations, referenceLengths)
    func matchesSha256sum(implementation: SHA256.Implementation, length: Int) throws {
        let expected = try #require(try referenceDigests.get()[length])
        let bytes = message(length: length)
        #expect(SHA256.hash(bytes, implementation: implementation).hexadecimal == expected)
        bytes.withUnsafeBytes { #expect(SHA256.hash($0, implementation: implementation).hexadecimal == expected) }
    }

    /// Around the 55/56-byte padding edge (the length no longer fits in the last block) and the
    /// 64-byte block edge, split the message at every point and hash it in two updates.
    @Test(arguments: implementations, [55, 56, 63, 64, 65, 119, 120, 127, 128, 129])
    func everyTwoPieceSplit(implementation: SHA256.Implementation, length: Int) throws {
        let expected = try #require(try referenceDigests.get()[length])
        let bytes = message(length: length)
        for split in 0...length {
            var hasher = SHA256(implementation: implementation)
            bytes[..<split].withUnsafeBytes { hasher.update($0) }
            bytes[split...].withUnsafeBytes { hasher.update($0) }
            #expect(hasher.finalize().hexadecimal == expected, "split at \(split)")
        }
    }
}

// MARK: - Incremental hashing

struct SHA256IncrementalTests {
    @Test(arguments: [(1, 3), (2, 17), (3, 64), (4, 65), (5, 200), (6, 5_000)])
    func randomPiecesMatchOneShot(seed: UInt64, maximumPiece: Int) {
        var generator = SplitMix64(seed: seed)
        let bytes = generator.bytes(20_000 + generator.next(below: 64))
        #expect(hashInPieces(bytes, seed: seed, maximumPiece: maximumPiece) == SHA256.hash(bytes))
    }

    @Test(arguments: implementations)
    func largePiecesMatchSha256sum(implementation: SHA256.Implementation) throws {
        let length = (1 << 20) + 17
        let expected = try #require(try referenceDigests.get()[length])
        let digest = hashInPieces(message(length: length), seed: 7, maximumPiece: 100_000, implementation: implementation)
        #expect(digest.hexadecimal == expected)
    }

    @Test func emptyUpdatesChangeNothing() {
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        hasher.update([UInt8]())
        hasher.update("abc".utf8)
        hasher.update(ByteByByte(bytes: []))
        hasher.update(EmptyCollection<UInt8>())
        #expect(hasher.finalize() == SHA256.hash("abc".utf8))
    }

    @Test func finalizeLeavesTheHasherUsable() {
        var hasher = SHA256()
        hasher.update("ab".utf8)
        let first = hasher.finalize()
        #expect(hasher.finalize() == first)
        #expect(first == SHA256.hash("ab".utf8))
        hasher.update("c".utf8)
        #expect(hasher.finalize().hexadecimal
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}

// MARK: - Implementations

struct SHA256ImplementationTests {
    /// On Linux, the hardware implementation is available exactly when the kernel lists the
    /// `sha_ni` flag (and SSE4.1, SSSE3) for the CPU, and is then the default.
    @Test func detectionAgreesWithTheKernel() throws {
        #if os(Linux) && arch(x86_64)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flagsLine = try #require(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") })
        let flags = Set(flagsLine.split(separator: " ").map(String.init))
        let expected = flags.isSuperset(of: ["sha_ni", "sse4_1", "ssse3"])
        #expect(SHA256.Implementation.hardware.isAvailable == expected)
        #expect(SHA256.Implementation.fastest == (expected ? .hardware : .portable))
        #else
        #expect(!SHA256.Implementation.hardware.isAvailable)
        #expect(SHA256.Implementation.fastest == .portable)
        #endif
        #expect(SHA256.Implementation.portable.isAvailable)
        #expect(SHA256.Implementation.available.contains(.portable))
    }

    @Test func hasherReportsItsImplementation() {
        #expect(SHA256(implementation: .portable).implementation == .portable)
        #expect(SHA256().implementation == .fastest)
        // Asking for hardware on a CPU without it falls back to the portable code.
        let hardware = SHA256(implementation: .hardware).implementation
        #expect(hardware == (SHA256.Implementation.hardware.isAvailable ? .hardware : .portable))
    }

    /// Every length up to four blocks, at every alignment within a word, and one long
    /// message, hashed in pieces: all implementations agree.
    @Test func implementationsAgree() {
        var generator = SplitMix64(seed: 0x1A2B)
        let bytes = generator.bytes(4_096 + 64)
        for length in 0...256 {
            for offset in 0..<8 {
                let slice = bytes[offset..<(offset + length)]
                let digests = Set(implementations.map { SHA256.hash(slice, implementation: $0) })
                #expect(digests.count == 1, "length \(length), offset \(offset)")
            }
        }
        let pieces = Set(implementations.map { hashInPieces(bytes, seed: 3, maximumPiece: 300, implementation: $0) })
        #expect(pieces.count == 1)
    }
}

// MARK: - Digest

struct SHA256DigestTests {
    private static let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

    @Test(arguments: 0..<8)
    func hexadecimalRoundTrip(length: Int) throws {
        let digest = SHA256.hash(message(length: length))
        let text = digest.hexadecimal
        #expect(text.utf8.count == 64)
        #expect(text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        #expect(digest.description == text)
        #expect(SHA256Digest(hexadecimal: text) == digest)
        #expect(SHA256Digest(hexadecimal: Substring("<\(text)>").dropFirst().dropLast()) == digest)
        #expect(digest.bytes.count == 32)
        #expect(digest.bytes.map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined() == text)
    }

    @Test func bytesOfAKnownDigest() throws {
        let digest = try #require(SHA256Digest(hexadecimal: Self.abc))
        #expect(digest.bytes.first == 0xBA)
        #expect(digest.bytes[8] == 0x41)
        #expect(digest.bytes.last == 0xAD)
        #expect(digest == SHA256.hash("abc".utf8))
    }

    @Test(arguments: [
        "",
        String(repeating: "0", count: 63),
        String(repeating: "0", count: 65),
        String(repeating: "a", count: 128),
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
        "Ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015aD",
        "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a ",
        " a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a:",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a/",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a`",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015\u{e9}",
        "0x7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    ])
    func rejectsMalformedHexadecimal(text: String) {
        #expect(SHA256Digest(hexadecimal: text) == nil)
    }

    /// Each of the 64 characters replaced by every byte value: read as a digit exactly
    /// when it is `0-9` or `a-f`, and then to the right value (the parse reads 8 at a time).
    @Test func everyByteAtEveryPosition() throws {
        let text = Array(Self.abc.utf8)
        let digest = try #require(SHA256Digest(hexadecimal: Self.abc))
        for position in 0..<64 {
            for value in 0...255 {
                var bytes = text
                bytes[position] = UInt8(value)
                let parsed = bytes.withUnsafeBytes { SHA256Digest(hexadecimalUTF8: $0) }
                let isDigit = (0x30...0x39).contains(value) || (0x61...0x66).contains(value)
                if parsed == nil, isDigit || value == Int(text[position]) {
                    Issue.record("\(value) at \(position) refused")
                }
                if parsed != nil, !isDigit { Issue.record("\(value) at \(position) accepted") }
                if let parsed, parsed.hexadecimal != String(decoding: bytes, as: UTF8.self) {
                    Issue.record("\(value) at \(position) read as \(parsed)")
                }
                if value == Int(text[position]) { #expect(parsed == digest) }
            }
        }
    }

    @Test func zero() throws {
        let zeros = String(repeating: "0", count: 64)
        #expect(SHA256Digest.zero.hexadecimal == zeros)
        #expect(SHA256Digest.zero.bytes == [UInt8](repeating: 0, count: 32))
        #expect(try #require(SHA256Digest(hexadecimal: zeros)) == .zero)
        #expect(SHA256.hash([UInt8]()) != .zero)
    }

    @Test func hashableDistinguishesDigests() {
        let digests = (0..<50).map { SHA256.hash(message(length: $0)) }
        #expect(Set(digests).count == 50)
        #expect(Set(digests + digests).count == 50)
        #expect(digests[3] == SHA256.hash(message(length: 3)))
    }

    @Test func writeHexadecimalAppends() {
        let digest = SHA256.hash("abc".utf8)
        var buffer = Array("prev:".utf8)
        digest.writeHexadecimal(into: &buffer)
        #expect(buffer == Array("prev:\(Self.abc)".utf8))
        digest.writeHexadecimal(into: &buffer)
        #expect(buffer == Array("prev:\(Self.abc)\(Self.abc)".utf8))
        var empty: [UInt8] = []
        SHA256Digest.zero.writeHexadecimal(into: &empty)
        #expect(empty == [UInt8](repeating: UInt8(ascii: "0"), count: 64))
    }

    @Test func matchesHexadecimal() {
        let digest = SHA256.hash("abc".utf8)
        func matches(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { digest.matchesHexadecimal($0) }
        }
        let text = Array(Self.abc.utf8)
        #expect(matches(text))
        // Reads only the 64 bytes it is given, at any alignment.
        let padded = [UInt8](repeating: 0x20, count: 3) + text + [0x20]
        padded.withUnsafeBytes { #expect(digest.matchesHexadecimal(UnsafeRawBufferPointer(rebasing: $0[3..<67]))) }

        #expect(!matches([]))
        #expect(!matches(Array(text.dropLast())))
        #expect(!matches(text + [UInt8(ascii: "0")]))
        #expect(!matches(Array(Self.abc.uppercased().utf8)))
        #expect(!matches(Array(SHA256Digest.zero.hexadecimal.utf8)))
        #expect(!SHA256Digest.zero.matchesHexadecimal(UnsafeRawBufferPointer(start: nil, count: 0)))
        // Any single changed character is noticed.
        for position in text.indices {
            var altered = text
            altered[position] = altered[position] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            #expect(!matches(altered), "position \(position)")
        }
    }
}

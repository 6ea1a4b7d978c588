import Foundation
import PacteEvents

/// A fixture's problem (a bad literal in the test code itself), reported as a test failure.
struct FixtureError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A folder of its own for one test, under the system's temporary folder, removed after.
enum TemporaryDirectory {
    /// Runs `body` with the path of a new, empty folder, and removes the folder after.
    static func with<Result>(_ body: (String) throws -> Result) throws -> Result {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pacte-events-tests-\(UUID().uuidString.lowercased())", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }
}

extension TemporaryDirectory {
    /// ``with(_:)`` for an asynchronous body.
    static func withAsync<Result>(_ body: (String) async throws -> Result) async throws -> Result {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("pacte-events-tests-\(UUID().uuidString.lowercased())", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url.path)
    }
}

/// Reading and writing whole files as bytes, for comparing a ledger before and after.
enum FileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// Whether anything (a file, a folder, a link, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    /// The names in `folder`, sorted.
    static func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// The names in `folder`, sorted, without the checkpoints appends keep beside their
    /// ledger (`NAME.jsonl.checkpoint`, a cache: see `CheckpointTests`).
    static func namesBesideCheckpoints(in folder: String) throws -> [String] {
        try names(in: folder).filter { !$0.hasSuffix(".jsonl.checkpoint") }
    }

    /// The file's lines, each with its `\n`.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == 0x0A {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

extension Sequence where Element == [UInt8] {
    /// The lines one after the other (`joined()` and `flatMap` are slow in debug builds).
    var concatenated: [UInt8] {
        var result: [UInt8] = []
        for line in self {
            result.append(contentsOf: line)
        }
        return result
    }
}

extension Array where Element == UInt8 {
    /// The first index where `needle` starts, if any.
    func byteRange(of needle: String) -> Range<Int>? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= count else { return nil }
        for start in 0...(count - pattern.count) where self[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start..<(start + pattern.count)
        }
        return nil
    }
}

/// Parses one line (without its `\n`) as `LedgerLine.parse` does inside a ledger.
func parseLine(_ bytes: [UInt8], file: String = "test.jsonl", line: Int = 1) throws -> LedgerEvent {
    let location = LedgerLocation(file: file, line: line)
    let result: Result<LedgerEvent, LedgerError> = bytes.withUnsafeBytes { buffer in
        do throws(LedgerError) {
            return .success(try LedgerLine.parse(buffer, at: location))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

/// `prefix` sealed as a ledger line: `prefix,"hash":"H"}` where H is SHA-256 of
/// `prefix` (no `\n`). Lets tests build lines the tool would never write.
func sealedLine(_ prefix: String) -> [UInt8] {
    let bytes = Array(prefix.utf8)
    return bytes + Array(#","hash":""#.utf8) + Array(SHA256.hash(bytes).hexadecimal.utf8) + Array(#""}"#.utf8)
}

import PacteEvents
import Testing

/// Ledgers bigger than the scanner's read buffer (1 MiB): lines that straddle the
/// buffer's ends, a line longer than the buffer, torn tails and problems past it.
struct LedgerScannerTests {
    private static let mebibyte = 1 << 20

    /// A ledger written line by line with ``LedgerLine/write``: line 1 is the fixture's
    /// `pact.drafted`, then one `draft.submitted` per size in `sizes`, each about that
    /// many bytes (padding with accents and guillemets, so multi-byte characters fall on
    /// buffer ends too).
    private struct BigLedger {
        var lines: [[UInt8]] = []
        var hashes: [SHA256Digest] = []

        var bytes: [UInt8] { lines.concatenated }

        /// The line (from 1) holding the byte at `offset`.
        func line(containing offset: Int) -> Int {
            var end = 0
            for (index, line) in lines.enumerated() {
                end += line.count
                if offset < end { return index + 1 }
            }
            return lines.count + 1
        }

        /// The byte offset where line `number` (from 1) starts.
        func start(ofLine number: Int) -> Int {
            lines.prefix(number - 1).reduce(0) { $0 + $1.count }
        }

        init(sizes: [Int]) throws {
            let first = try LedgerFixtures.pactDrafted()
            append(first.type, id: first.id ?? "", effective: first.effective, data: first.data)
            let pattern = "Ligne longue : « élan » à l'été, çà et là ; "
            for (offset, size) in sizes.enumerated() {
                let padding = String(repeating: "x", count: offset % 7)
                    + String(repeating: pattern, count: size / pattern.utf8.count + 1)
                let data = JSONObject([JSONMember("to", .array([.string(String(padding))]))])
                let effective = CivilDate(year: 2025, month: 3, day: 1)!.adding(days: offset)
                append(.draftSubmitted, id: LedgerFixtures.id(100 + offset), effective: effective, data: data)
            }
        }

        private mutating func append(_ type: EventType, id: String, effective: CivilDate, data: JSONObject) {
            let line = LedgerLine.write(
                seq: lines.count + 1, id: id, type: type, version: 1, effective: effective,
                recorded: LedgerFixtures.recorded(line: lines.count + 1), recordedBy: LedgerFixtures.recorder, data: data,
                previousHash: hashes.last ?? .zero)
            lines.append(line.bytes)
            hashes.append(line.hash)
        }
    }

    /// About 2.5 MB: a line across the 1 MiB mark, a few lines, a line of 1.2 MB (longer
    /// than the buffer) across the 2 MiB mark, then short lines. Built once.
    private static let built = Result {
        try BigLedger(sizes: [1_100_000] + Array(repeating: 30_000, count: 6) + [1_200_000, 500, 700, 30_000, 900])
    }

    private static func makeLedger() throws -> BigLedger {
        try built.get()
    }

    @Test func readsALedgerLargerThanTheBuffer() throws {
        let ledger = try Self.makeLedger()
        let bytes = ledger.bytes
        #expect(bytes.count > 2 * Self.mebibyte + 100_000)
        // The fixture does straddle the buffer's ends, with a line longer than the buffer.
        #expect(ledger.line(containing: Self.mebibyte) == 2)
        #expect(ledger.line(containing: 2 * Self.mebibyte) == 9)
        #expect(ledger.lines[8].count > Self.mebibyte)
        try TemporaryDirectory.with { folder in
            let path = folder + "/grand.jsonl"
            try FileBytes.write(bytes, to: path)
            let file = LedgerFile(path: path)
            let contents = try file.read()
            #expect(contents.tornTail == nil)
            #expect(contents.events.count == ledger.lines.count)
            #expect(contents.events.map(\.hash) == ledger.hashes)
            #expect(contents.events.map(\.seq) == Array(1...ledger.lines.count))
            let scan = try file.forEachEvent { _ in }
            #expect(scan.validLength == bytes.count)
            let report = try file.verify(publishedDigest: ledger.hashes[9])
            #expect(report.isValid)
            #expect(report.publishedDigestLine == 10)
        }
    }

    @Test func appendsToALedgerLargerThanTheBuffer() throws {
        let ledger = try Self.makeLedger()
        try TemporaryDirectory.with { folder in
            let path = folder + "/grand.jsonl"
            try FileBytes.write(ledger.bytes, to: path)
            let draft = try LedgerFixtures.draft(.draftValidated, id: LedgerFixtures.id(999), effective: "2025-05-01", #"""
                {"validatedBy":"Commissaire"}
                """#)
            let outcome = try LedgerFile(path: path).append(draft, expectedSeq: ledger.lines.count, now: LedgerFixtures.recorded(line: 40))
            #expect(outcome.event.seq == ledger.lines.count + 1)
            #expect(outcome.event.previousHash == ledger.hashes.last)
            #expect(try LedgerFile(path: path).verify().isValid)
        }
    }

    @Test(arguments: [-1, 0, 1, 4096])
    func findsAChangedByteAroundEachMebibyte(_ delta: Int) throws {
        let ledger = try Self.makeLedger()
        try TemporaryDirectory.with { folder in
            let path = folder + "/grand.jsonl"
            for mark in [1, 2] {
                let offset = mark * Self.mebibyte + delta
                var bytes = ledger.bytes
                bytes[offset] ^= 0x01
                try FileBytes.write(bytes, to: path)
                let report = try LedgerFile(path: path).verify()
                #expect(!report.isValid, "byte \(offset)")
                #expect(report.problem?.line == ledger.line(containing: offset), "byte \(offset)")
                #expect(report.eventCount == ledger.line(containing: offset) - 1)
            }
        }
    }

    @Test(arguments: [1, 100_000, 1_048_576, 1_150_000])
    func aTornLongLineIsFoundAndRepairedExactly(_ kept: Int) throws {
        // The last line is 1.2 MB: cut it after `kept` bytes.
        var ledger = try Self.makeLedger()
        ledger.lines.removeLast(4)
        ledger.hashes.removeLast(4)
        try #require(ledger.lines[ledger.lines.count - 1].count > 1_200_000)
        let good = ledger.lines.dropLast().concatenated
        let torn = Array(ledger.lines[ledger.lines.count - 1].prefix(kept))
        try TemporaryDirectory.with { folder in
            let path = folder + "/grand.jsonl"
            try FileBytes.write(good + torn, to: path)
            let contents = try LedgerFile(path: path).read()
            #expect(contents.events.count == ledger.lines.count - 1)
            let tornTail = try #require(contents.tornTail)
            #expect(tornTail.line == ledger.lines.count)
            #expect(tornTail.offset == good.count)
            #expect(tornTail.byteCount == kept)

            let now = LedgerFixtures.recorded(line: 40)
            let outcome = try LedgerFile(path: path).repair(now: now)
            guard case .repaired(let sideFile, let line, let byteCount, let eventCount) = outcome else {
                Issue.record("not repaired: \(outcome)")
                return
            }
            #expect(line == ledger.lines.count && byteCount == kept && eventCount == ledger.lines.count - 1)
            #expect(try FileBytes.read(sideFile) == torn)
            #expect(try FileBytes.read(path) == good)
            #expect(try LedgerFile(path: path).verify().isValid)
        }
    }

    @Test func aGarbageLinePastTheBufferIsAProblemNamingItsLine() throws {
        let ledger = try Self.makeLedger()
        var lines = ledger.lines
        lines.insert(Array("pas du JSON\n".utf8), at: 9)  // becomes line 10, past 2 MiB
        try TemporaryDirectory.with { folder in
            let path = folder + "/grand.jsonl"
            try FileBytes.write(lines.concatenated, to: path)
            let report = try LedgerFile(path: path).verify()
            #expect(report.tornTail == nil)
            guard case .malformedLine(let location, _)? = report.problem else {
                Issue.record("expected a malformed line, got \(String(describing: report.problem))")
                return
            }
            #expect(location.line == 10)
            #expect(report.eventCount == 9)
            #expect(ledger.start(ofLine: 10) > 2 * Self.mebibyte)
        }
    }
}

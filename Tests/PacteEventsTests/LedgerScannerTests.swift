@testable import PacteEvents
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

    // MARK: - Several workers: the pipeline

    /// About 3 MB of short lines (1,500 lines of about 2 KB): chunks of many lines, each
    /// shared among the parsing threads while the chunk before it is checked.
    private static let builtShort = Result { try BigLedger(sizes: (0..<1_500).map { 1_500 + ($0 * 37) % 900 }) }

    /// What a scan of `bytes` written at `path` finds with `workers` threads: what `verify`
    /// reports, and what a scan in chunks of 256 kB (many chunks, lines longer than a chunk)
    /// visits (seqs and hashes) and ends with.
    private static func scan(_ bytes: [UInt8], at path: String, workers: Int) throws -> ScanOutcome {
        try FileBytes.write(bytes, to: path)
        let file = LedgerFile(path: path)
        var outcome = ScanOutcome(report: try file.verify(publishedDigest: nil, workers: workers))
        let scan = try file.withDescriptor(write: false) { (descriptor) throws(LedgerError) in
            try LedgerScanner.scan(
                descriptor: descriptor, path: path, system: .live, workers: workers, pipelineChunkSize: 256 << 10
            ) { event, index in
                #expect(index.lastSeq == event.seq)
                outcome.seqs.append(event.seq)
                outcome.hashes.append(event.hash)
            }
        }
        outcome.end = [String(scan.validLength), String(describing: scan.tornTail), String(describing: scan.problem)]
        return outcome
    }

    private struct ScanOutcome {
        var report: VerificationReport
        var seqs: [Int] = []
        var hashes: [SHA256Digest] = []
        /// The scan's valid length, torn tail and problem.
        var end: [String] = []
    }

    /// Changes to the short-line ledger: none, a changed byte in the first, second and
    /// last chunk, a line that is not JSON followed by others (a problem) and as the last
    /// line (a torn tail), two lines swapped across a chunk's end, a torn last line.
    private static func damagedCopies(of ledger: BigLedger) -> [(String, [UInt8])] {
        let bytes = ledger.bytes
        var copies: [(String, [UInt8])] = [("intact", bytes)]
        for offset in [700, mebibyte + 5, 2 * mebibyte + 333, bytes.count - 20] {
            var changed = bytes
            changed[offset] ^= 0x04
            copies.append(("byte \(offset) changed", changed))
        }
        for position in [30, 800, ledger.lines.count] {
            var lines = ledger.lines
            lines.insert(Array("pas du JSON\n".utf8), at: position)
            copies.append(("garbage as line \(position + 1)", lines.concatenated))
        }
        let crossing = ledger.line(containing: mebibyte) - 1
        var swapped = ledger.lines
        swapped.swapAt(crossing, crossing + 1)
        copies.append(("lines \(crossing + 1) and \(crossing + 2) swapped", swapped.concatenated))
        copies.append(("torn last line", Array(bytes.dropLast(100))))
        return copies
    }

    @Test func severalWorkersReportAndVisitExactlyWhatOneDoes() throws {
        let ledger = try Self.builtShort.get()
        #expect(ledger.bytes.count > 3 * Self.mebibyte)
        try TemporaryDirectory.with { folder in
            for (change, bytes) in Self.damagedCopies(of: ledger) {
                let path = folder + "/grand.jsonl"
                let one = try Self.scan(bytes, at: path, workers: 1)
                for workers in [2, 3] {
                    let several = try Self.scan(bytes, at: path, workers: workers)
                    #expect(several.report == one.report, "\(change), \(workers) workers")
                    #expect(several.seqs == one.seqs, "\(change), \(workers) workers")
                    #expect(several.hashes == one.hashes, "\(change), \(workers) workers")
                    #expect(several.end == one.end, "\(change), \(workers) workers")
                }
                if change == "intact" {
                    #expect(one.report.isValid && one.seqs == Array(1...ledger.lines.count) && one.hashes == ledger.hashes)
                } else {
                    #expect(!one.report.isValid || one.report.tornTail != nil, "\(change)")
                }
            }
        }
    }

    @Test func severalWorkersReadLinesLongerThanTheBuffer() throws {
        let ledger = try Self.makeLedger()
        try TemporaryDirectory.with { folder in
            let path = folder + "/grand.jsonl"
            for (change, bytes) in [("intact", ledger.bytes), ("torn", Array(ledger.bytes.dropLast(950)))] {
                let one = try Self.scan(bytes, at: path, workers: 1)
                let two = try Self.scan(bytes, at: path, workers: 2)
                #expect(two.report == one.report, "\(change)")
                #expect(two.seqs == one.seqs, "\(change)")
                #expect(two.end == one.end, "\(change)")
            }
            #expect(try Self.scan(ledger.bytes, at: path, workers: 2).hashes == ledger.hashes)
        }
    }

    @Test func foldingOnAllCoresVisitsTheEventsInOrder() throws {
        let ledger = try Self.builtShort.get()
        try TemporaryDirectory.with { folder in
            let path = folder + "/grand.jsonl"
            try FileBytes.write(ledger.bytes, to: path)
            let file = LedgerFile(path: path)
            var events: [LedgerEvent] = []
            let scan = try file.forEachEvent(usingAllCores: true) { events.append($0) }
            #expect(events == (try file.read()).events)
            #expect(scan.validLength == ledger.bytes.count)
        }
    }
}

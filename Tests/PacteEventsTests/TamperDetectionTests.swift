@testable import PacteEvents
import Testing

/// `verify` finds any change to a written ledger and names the first bad line.
struct TamperDetectionTests {
    /// A fixture ledger of 28 lines, its bytes split in lines (each with its `\n`).
    private struct Ledger {
        var path: String
        var lines: [[UInt8]]
        var events: [LedgerEvent]

        var bytes: [UInt8] { lines.concatenated }
        var digest: SHA256Digest { events[events.count - 1].hash }
    }

    private static func withLedger(_ body: (Ledger) throws -> Void) throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            let events = try LedgerFixtures.copyAllDraftsLedger(to: path)
            let lines = FileBytes.lines(try FileBytes.read(path))
            try #require(lines.count == events.count)
            try #require(try LedgerFile(path: path).verify().isValid)
            try body(Ledger(path: path, lines: lines, events: events))
        }
    }

    /// Writes `bytes` over the ledger and returns what `verify` says, checking that it
    /// says exactly the same with lines parsed on several threads (split at other lines).
    private static func verify(_ bytes: [UInt8], at path: String, publishedDigest: SHA256Digest? = nil) throws -> VerificationReport {
        try FileBytes.write(bytes, to: path)
        let file = LedgerFile(path: path)
        let report = try file.verify(publishedDigest: publishedDigest)
        for workers in [2, 3] {
            #expect(try file.verify(publishedDigest: publishedDigest, workers: workers) == report, "\(workers) workers")
        }
        return report
    }

    /// The line `verify` names: the problem's, or the torn tail's (a last line that is no
    /// longer JSON reads as an interrupted write).
    private static func namedLine(_ report: VerificationReport) -> Int? {
        report.problem?.line ?? report.tornTail?.line
    }

    /// Offsets worth changing in a line: inside `data`, inside `prev`, inside `hash`, in
    /// `seq`, `id`, `type`, `recorded`, the braces and the newline.
    private static func offsets(in line: [UInt8]) throws -> [(String, Int)] {
        func after(_ marker: String, _ delta: Int = 0) throws -> Int {
            let range = try #require(line.byteRange(of: marker), "no \(marker)")
            return range.upperBound + delta
        }
        let dataStart = try after(#","data":{"#)
        let prevStart = try after(#","prev":""#)
        let hashStart = line.count - 1 - LedgerLine.hashSuffixLength + 9
        return [
            ("first byte", 0),
            ("seq", try after(#"{"seq":"#)),
            ("id", try after(#","id":""#, 30)),
            ("type", try after(#","type":""#, 2)),
            ("effective", try after(#","effective":""#, 9)),
            ("recorded", try after(#","recorded":""#, 12)),
            ("by", try after(#","by":""#, 3)),
            ("start of data", dataStart + 1),
            ("middle of data", (dataStart + prevStart) / 2),
            ("end of data", prevStart - 12),
            ("first digit of prev", prevStart),
            ("middle of prev", prevStart + 31),
            ("last digit of prev", prevStart + 63),
            ("hash marker", hashStart - 3),
            ("first digit of hash", hashStart),
            ("middle of hash", hashStart + 40),
            ("last digit of hash", hashStart + 63),
            ("closing brace", line.count - 2),
            ("newline", line.count - 1),
        ]
    }

    /// Byte changes: a bit flip, and a change that keeps the line valid JSON (a hex
    /// digit for another, a letter for another).
    private static func changes(of byte: UInt8) -> [UInt8] {
        var result: [UInt8] = [byte ^ 0x01]
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "8"), UInt8(ascii: "a")...UInt8(ascii: "e"): result.append(byte + 1)
        case UInt8(ascii: "9"), UInt8(ascii: "f"): result.append(byte - 1)
        case UInt8(ascii: "A")...UInt8(ascii: "Y"), UInt8(ascii: "g")...UInt8(ascii: "y"): result.append(byte + 1)
        default: break
        }
        return result
    }

    @Test func everyLineChangedAnywhereIsDetectedAtThatLine() throws {
        try Self.withLedger { ledger in
            for lineIndex in ledger.lines.indices {
                let lineNumber = lineIndex + 1
                for (label, offset) in try Self.offsets(in: ledger.lines[lineIndex]) {
                    for replacement in Self.changes(of: ledger.lines[lineIndex][offset]) {
                        var lines = ledger.lines
                        lines[lineIndex][offset] = replacement
                        let report = try Self.verify(lines.concatenated, at: ledger.path)
                        let context: Comment = "line \(lineNumber), \(label), byte \(replacement)"
                        #expect(!report.isValid, context)
                        #expect(Self.namedLine(report) == lineNumber, context)
                        if report.problem == nil {
                            // Only a change reaching the last line may read as a torn tail
                            // (the last line, or the newline that ends the line before it);
                            // anywhere else it is a problem.
                            let reachesLastLine = lineNumber == ledger.lines.count
                                || (label == "newline" && lineNumber == ledger.lines.count - 1)
                            #expect(reachesLastLine, context)
                        }
                        #expect(report.eventCount == lineIndex, context)
                    }
                }
            }
        }
    }

    @Test func everyByteOfOneLineIsCovered() throws {
        try Self.withLedger { ledger in
            let lineIndex = 1  // partner.joined, a short line
            for offset in ledger.lines[lineIndex].indices {
                var lines = ledger.lines
                lines[lineIndex][offset] ^= 0x20
                let report = try Self.verify(lines.concatenated, at: ledger.path)
                #expect(report.problem?.line == 2, "byte \(offset)")
            }
        }
    }

    @Test func aChangedHashIsReportedAsAMismatch() throws {
        try Self.withLedger { ledger in
            var lines = ledger.lines
            let offset = lines[4].count - 1 - LedgerLine.hashSuffixLength + 9
            lines[4][offset] = lines[4][offset] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            let report = try Self.verify(lines.concatenated, at: ledger.path)
            guard case .hashMismatch(let location, let computed, let written)? = report.problem else {
                Issue.record("expected a hash mismatch, got \(String(describing: report.problem))")
                return
            }
            #expect(location == LedgerLocation(file: ledger.path, line: 5))
            #expect(computed == ledger.events[4].hash.hexadecimal)
            #expect(written != computed)
        }
    }

    @Test(arguments: 1...28)
    func deletingALineNamesIt(_ lineNumber: Int) throws {
        try Self.withLedger { ledger in
            var lines = ledger.lines
            lines.remove(at: lineNumber - 1)
            let report = try Self.verify(lines.concatenated, at: ledger.path, publishedDigest: ledger.digest)
            #expect(!report.isValid)
            if lineNumber < ledger.lines.count {
                #expect(report.problem == .sequenceGap(
                    LedgerLocation(file: ledger.path, line: lineNumber), expected: lineNumber, found: lineNumber + 1))
            } else {
                // Dropping the last line leaves a valid chain: only the published digest shows it.
                #expect(report.problem == nil)
                #expect(report.eventCount == lineNumber - 1)
                #expect(report.publishedDigestLine == nil)
            }
        }
    }

    @Test(arguments: 1...27)
    func swappingTwoLinesNamesTheFirst(_ lineNumber: Int) throws {
        try Self.withLedger { ledger in
            var lines = ledger.lines
            lines.swapAt(lineNumber - 1, lineNumber)
            let report = try Self.verify(lines.concatenated, at: ledger.path)
            #expect(!report.isValid)
            #expect(report.problem == .sequenceGap(
                LedgerLocation(file: ledger.path, line: lineNumber), expected: lineNumber, found: lineNumber + 1))
        }
    }

    @Test func swappingDistantLinesNamesTheFirst() throws {
        try Self.withLedger { ledger in
            var lines = ledger.lines
            lines.swapAt(3, 20)
            let report = try Self.verify(lines.concatenated, at: ledger.path)
            #expect(report.problem?.line == 4)
        }
    }

    @Test(arguments: [(1, 1), (5, 5), (5, 12), (28, 28), (1, 28), (27, 3)])
    func insertingACopiedLineNamesTheInsertion(_ copied: Int, _ after: Int) throws {
        try Self.withLedger { ledger in
            var lines = ledger.lines
            lines.insert(ledger.lines[copied - 1], at: after)
            let report = try Self.verify(lines.concatenated, at: ledger.path)
            #expect(!report.isValid)
            #expect(report.problem == .sequenceGap(
                LedgerLocation(file: ledger.path, line: after + 1), expected: after + 1, found: copied))
        }
    }

    @Test func aLineFromAnotherLedgerBreaksTheChain() throws {
        try Self.withLedger { ledger in
            // The same events written with other recording times: same seq, other hashes.
            var other: [[UInt8]] = []
            var previous = SHA256Digest.zero
            for event in ledger.events {
                let line = LedgerLine.write(
                    seq: event.seq, id: event.id, type: event.type, version: 1, effective: event.effective,
                    recorded: Timestamp(secondsSinceEpoch: event.recorded.secondsSinceEpoch + 1),
                    recordedBy: event.recordedBy, data: event.data, previousHash: previous)
                other.append(line.bytes)
                previous = line.hash
            }
            var lines = ledger.lines
            lines[9] = other[9]
            let report = try Self.verify(lines.concatenated, at: ledger.path)
            guard case .chainBroken(let location, let expected, let found)? = report.problem else {
                Issue.record("expected a broken chain, got \(String(describing: report.problem))")
                return
            }
            #expect(location.line == 10)
            #expect(expected == ledger.events[8].hash.hexadecimal)
            #expect(found != expected)
        }
    }

    @Test func aRewrittenHistoryIsCaughtByThePublishedDigest() throws {
        try Self.withLedger { ledger in
            // Someone changes line 15's amount and recomputes every hash after it: the
            // chain holds, but the digest published before no longer appears.
            var bytes: [UInt8] = []
            var previous = SHA256Digest.zero
            for event in ledger.events {
                var data = event.data
                if event.seq == 15 {
                    data["reference"] = .string("AP-2025-99")
                }
                let line = LedgerLine.write(
                    seq: event.seq, id: event.id, type: event.type, version: 1, effective: event.effective,
                    recorded: event.recorded, recordedBy: event.recordedBy, data: data, previousHash: previous)
                bytes += line.bytes
                previous = line.hash
            }
            #expect(bytes != ledger.bytes)
            let report = try Self.verify(bytes, at: ledger.path, publishedDigest: ledger.digest)
            #expect(report.problem == nil)
            #expect(report.publishedDigestLine == nil)
            #expect(!report.isValid)
            // A digest published at line 14 is still found: history up to there is intact.
            let earlier = try Self.verify(bytes, at: ledger.path, publishedDigest: ledger.events[13].hash)
            #expect(earlier.isValid)
            #expect(earlier.publishedDigestLine == 14)
        }
    }

    /// A ledger of about 1.6 MB is read in two chunks; lines parsed on several threads give
    /// the same report as on one, intact or changed near the chunk boundary or far after it.
    @Test func aLedgerLongerThanOneChunkVerifiesTheSameOnSeveralThreads() throws {
        try TemporaryDirectory.with { folder in
            let path = folder + "/long.jsonl"
            let drafted = try LedgerFixtures.pactDrafted()
            let title = String(repeating: "Annexe longue du pacte, ", count: 25)
            var lines: [[UInt8]] = []
            var previous = SHA256Digest.zero
            for seq in 1...2_200 {
                let data = seq == 1 ? drafted.data : try LedgerFixtures.object(
                    #"{"annex":\#(1 + seq % 5),"title":"\#(title)\#(seq)","source":"Porteur"}"#)
                let line = LedgerLine.write(
                    seq: seq, id: LedgerFixtures.id(seq), type: seq == 1 ? .pactDrafted : .annexAttached, version: 1,
                    effective: drafted.effective, recorded: LedgerFixtures.recorded(line: seq),
                    recordedBy: LedgerFixtures.recorder, data: data, previousHash: previous)
                lines.append(line.bytes)
                previous = line.hash
            }
            let bytes = lines.concatenated
            try #require(bytes.count > LedgerScanner.chunkSize + LedgerScanner.chunkSize / 2)
            // The line that holds the first chunk's last byte.
            var offset = 0
            var boundaryLine = 0
            while offset + lines[boundaryLine].count <= LedgerScanner.chunkSize {
                offset += lines[boundaryLine].count
                boundaryLine += 1
            }
            let intact = try Self.verify(bytes, at: path)
            #expect(intact.isValid)
            #expect(intact.eventCount == 2_200)
            for lineIndex in [boundaryLine - 1, boundaryLine, boundaryLine + 1, 2_000] {
                var changed = lines
                changed[lineIndex][40] ^= 0x01
                let report = try Self.verify(changed.concatenated, at: path)
                #expect(report.problem?.line == lineIndex + 1, "line \(lineIndex + 1)")
                #expect(report.eventCount == lineIndex)
            }
        }
    }

    @Test func anIntactLedgerIsValidWithItsDigest() throws {
        try Self.withLedger { ledger in
            let report = try LedgerFile(path: ledger.path).verify(publishedDigest: ledger.digest)
            #expect(report.isValid)
            #expect(report.eventCount == 28)
            #expect(report.digest == ledger.digest)
            #expect(report.publishedDigestLine == 28)
            let unknown = try #require(SHA256Digest(hexadecimal: String(repeating: "ab", count: 32)))
            #expect(!(try LedgerFile(path: ledger.path).verify(publishedDigest: unknown)).isValid)
        }
    }
}

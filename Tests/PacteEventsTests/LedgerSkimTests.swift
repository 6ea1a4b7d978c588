import Foundation
@testable import PacteEvents
import Testing

/// A skim (``LedgerFile/skim(_:)``) reads what a strict read of a valid ledger reads: the
/// same lines, `seq`, type, dates and corrections, whatever way a line is written. It checks
/// nothing: a broken ledger is the strict read's to report, which always follows a skim.
struct LedgerSkimTests {
    /// What the skim of the file at `path` read, or `nil` when it could not vouch for it.
    private static func skim(_ path: String) -> (LedgerSkim, [LedgerSkim.Line])? {
        var lines: [LedgerSkim.Line] = []
        guard let skim = LedgerFile(path: path).skim({ lines.append($0) }) else { return nil }
        return (skim, lines)
    }

    /// The skim of a valid ledger reads what the strict read reads.
    private static func expectSameAsStrictRead(_ path: String, _ label: @autoclosure () -> String) throws {
        let strict = try LedgerFile(path: path).read()
        guard let (skim, lines) = skim(path) else {
            Issue.record("\(label()): the skim did not vouch for a valid ledger")
            return
        }
        #expect(skim.lineCount == strict.events.count, "\(label())")
        #expect(lines.count == strict.events.count, "\(label())")
        for (line, event) in zip(lines, strict.events) {
            #expect(line.seq == event.seq, "\(label()): line \(event.seq)")
            #expect(line.type == event.type, "\(label()): line \(event.seq)")
            #expect(line.effective == event.effective, "\(label()): line \(event.seq)")
            #expect(line.recorded == event.recorded, "\(label()): line \(event.seq)")
            if event.type == .correctionRecorded {
                #expect(line.correction == event, "\(label()): line \(event.seq)")
                #expect(line.correction?.payload == event.payload, "\(label()): line \(event.seq)")
            } else {
                #expect(line.correction == nil, "\(label()): line \(event.seq)")
            }
            #expect(skim.type(ofId: event.id) == event.type, "\(label()): id of line \(event.seq)")
        }
        #expect(skim.type(ofId: "no-such-id") == nil)
    }

    /// The fixture ledgers: the golden example, the repository's example ledger, and a
    /// ledger of every event type (corrections included).
    private static func fixtureLedgers() throws -> [(String, [UInt8])] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let files = ["../Fixtures/golden/golden.jsonl", "../../ledgers/pacte-coteaux-aussonne.jsonl"]
        return try files.map { ($0, try [UInt8](Data(contentsOf: tests.appendingPathComponent($0).standardized))) }
            + [("every event type", try LedgerFixtures.allDraftsLedger.get().bytes)]
    }

    /// `lines` (each with its `\n`) with each line's `prev` set to the hash of the line
    /// before and its hash recomputed, so that the edited lines form a valid chain.
    private static func rechained(_ lines: [[UInt8]]) -> [UInt8] {
        var previous = SHA256Digest.zero.hexadecimal
        var result: [UInt8] = []
        for line in lines {
            var text = String(decoding: line.dropLast(1 + LedgerLine.hashSuffixLength), as: UTF8.self)
            if let range = text.range(of: #""prev":""#, options: .backwards) {
                let start = range.upperBound
                let end = text.index(start, offsetBy: 64)
                text.replaceSubrange(start..<end, with: previous)
            }
            let sealed = sealedLine(text)
            previous = SHA256.hash(Array(text.utf8)).hexadecimal
            result += sealed + [0x0A]
        }
        return result
    }

    @Test func fixtureLedgersSkimAsTheyRead() throws {
        try TemporaryDirectory.with { folder in
            for (name, bytes) in try Self.fixtureLedgers() {
                let path = folder + "/" + name.replacingOccurrences(of: "/", with: "_")
                try FileBytes.write(bytes, to: path)
                try Self.expectSameAsStrictRead(path, name)
            }
        }
    }

    /// Envelopes the tool never writes but a reader accepts (a hand-edited or converted
    /// ledger): the skim reads them strictly and finds the same values.
    static let envelopeEdits: [(name: String, from: String, to: String)] = [
        ("a space after the brace", #"{"seq":"#, #"{ "seq":"#),
        ("id before seq", #"{"seq":SEQ,"id":"ID","#, #"{"id":"ID","seq":SEQ,"#),
        ("an escape in the id", #""id":"ID""#, #""id":"ESCAPED_ID""#),
        ("an escape in the type", #""type":"TYPE""#, #""type":"ESCAPED_TYPE""#),
        ("spaces around a colon", #""effective":"#, #""effective" : "#),
        ("a member the reader keeps after recorded", #""by":"#, #""note":"x","by":"#),
        ("a member the reader keeps before recorded", #""recorded":"#, #""note":{"a":[1]},"recorded":"#),
        ("recorded after by", #","recorded":"RECORDED","by":"BY""#, #","by":"BY","recorded":"RECORDED""#),
    ]

    @Test(arguments: envelopeEdits.indices)
    func envelopesWrittenOtherwiseSkimAsTheyRead(edit: Int) throws {
        let (name, from, to) = Self.envelopeEdits[edit]
        let (bytes, events) = try LedgerFixtures.allDraftsLedger.get()
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            var edited = 0
            // Each line edited in turn (one ledger per line), the ledger kept valid.
            let lines = FileBytes.lines(bytes)
            for (index, event) in events.enumerated() {
                func filled(_ pattern: String) -> String {
                    let id = event.id
                    return pattern.replacingOccurrences(of: "ESCAPED_ID", with: "\\u00" + String(id.utf8.first!, radix: 16) + id.dropFirst())
                        .replacingOccurrences(of: "ESCAPED_TYPE", with: "\\u00" + String(event.type.rawValue.utf8.first!, radix: 16) + event.type.rawValue.dropFirst())
                        .replacingOccurrences(of: "SEQ", with: String(event.seq)).replacingOccurrences(of: "ID", with: id)
                        .replacingOccurrences(of: "TYPE", with: event.type.rawValue)
                        .replacingOccurrences(of: "RECORDED", with: event.recorded.description)
                        .replacingOccurrences(of: "BY", with: event.recordedBy)
                }
                var text = String(decoding: lines[index], as: UTF8.self)
                guard let range = text.range(of: filled(from)) else { continue }
                text.replaceSubrange(range, with: filled(to))
                var copy = lines
                copy[index] = Array(text.utf8)
                try FileBytes.write(Self.rechained(copy), to: path)
                try Self.expectSameAsStrictRead(path, "\(name), line \(index + 1)")
                edited += 1
            }
            #expect(edited > 10, "\(name): the edit applied to \(edited) lines")
        }
    }

    /// Random edits of one line's first bytes (its envelope), the ledger chained again: when
    /// the strict read accepts the result, the skim reads the same. (A rejected one is the
    /// strict read's to report: the skim only has to stay out of the way.)
    @Test func randomEnvelopeEditsSkimAsTheyReadWhenValid() throws {
        let (bytes, _) = try LedgerFixtures.allDraftsLedger.get()
        let lines = FileBytes.lines(bytes)
        var random = SplitMix64(seed: 14)
        let alphabet = Array(#"{}[]":,\ 0123456789-.eE+aZéu"#.utf8)
        var valid = 0
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            for round in 0..<300 {
                let index = 1 + random.next(below: lines.count - 1)
                var line = lines[index]
                let prefixLength = min(150, line.count - 1 - LedgerLine.hashSuffixLength)
                for _ in 0...random.next(below: 3) {
                    let at = random.next(below: prefixLength)
                    let byte = alphabet[random.next(below: alphabet.count)]
                    switch random.next(below: 3) {
                    case 0: line[at] = byte
                    case 1: line.insert(byte, at: at)
                    default: line.remove(at: at)
                    }
                }
                var copy = lines
                copy[index] = line
                try FileBytes.write(Self.rechained(copy), to: path)
                guard (try? LedgerFile(path: path).read()) != nil else { continue }
                valid += 1
                try Self.expectSameAsStrictRead(path, "round \(round), line \(index + 1): \(String(decoding: line.prefix(160), as: UTF8.self))")
            }
        }
        // Enough of the edits keep the ledger valid for the property to be exercised.
        #expect(valid > 10, "\(valid) valid edits")
    }

    @Test func aTornTailIsNotSkimmed() throws {
        let (bytes, events) = try LedgerFixtures.allDraftsLedger.get()
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            // An interrupted write: no `\n` at the end.
            try FileBytes.write(bytes + Array(#"{"seq":99,"id":"#.utf8), to: path)
            #expect(Self.skim(path)?.0.lineCount == events.count)
            // A last line that is not JSON.
            try FileBytes.write(bytes + Array("{\"seq\":\n".utf8), to: path)
            #expect(Self.skim(path)?.0.lineCount == events.count)
            // A last line whose envelope reads well but which is not JSON further on.
            var lines = FileBytes.lines(bytes)
            lines[lines.count - 1] = Array(String(decoding: lines[lines.count - 1], as: UTF8.self)
                .replacingOccurrences(of: #""by":"#, with: #""by:"#).utf8)
            try FileBytes.write(lines.concatenated, to: path)
            #expect(lines[lines.count - 1].withUnsafeBytes { LedgerSkim.Envelope(UnsafeRawBufferPointer(rebasing: $0.dropLast())) } != nil)
            #expect(Self.skim(path)?.0.lineCount == events.count - 1)
            #expect(try LedgerFile(path: path).read().events.count == events.count - 1)
            // A line that is not JSON, followed by another: the skim does not vouch.
            try FileBytes.write(bytes + Array("{\"seq\":\n".utf8) + FileBytes.lines(bytes)[0], to: path)
            #expect(Self.skim(path) == nil)
        }
    }

    /// Lines the skim cannot read from their envelope and the strict read refuses: the skim
    /// does not vouch for the ledger (its caller then reads strictly and reports the line).
    @Test func aLineNeitherSkimmedNorReadIsNotVouchedFor() throws {
        let (bytes, events) = try LedgerFixtures.allDraftsLedger.get()
        let lines = FileBytes.lines(bytes)
        let correction = try #require(events.firstIndex { $0.type == .correctionRecorded })
        let cases: [(String, [[UInt8]])] = [
            ("a correction whose hash does not match", lines.enumerated().map { index, line in
                index == correction ? Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: #""reason":""#, with: #""reason":"x"#).utf8) : line
            }),
            ("a line whose seq is not its number", lines.enumerated().map { index, line in
                index == 3 ? Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: #"{"seq":4,"#, with: #"{"seq":40,"#).utf8) : line
            }),
            ("an unknown type", lines.enumerated().map { index, line in
                index == 3 ? Array(String(decoding: line, as: UTF8.self).replacingOccurrences(of: #""type":""#, with: #""type":"x."#).utf8) : line
            }),
        ]
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            for (name, edited) in cases {
                try FileBytes.write(edited.concatenated, to: path)
                #expect(throws: LedgerError.self, "\(name)") { try LedgerFile(path: path).read() }
                #expect(Self.skim(path) == nil, "\(name)")
            }
            #expect(Self.skim(folder + "/missing.jsonl") == nil)
            #expect(Self.skim(folder) == nil)
        }
    }

    /// A skim reads envelopes only: a line whose `data` or chain is broken is still
    /// skimmed (the strict read that follows reports it).
    @Test func theSkimChecksNothingOfWhatItDoesNotRead() throws {
        let (bytes, events) = try LedgerFixtures.allDraftsLedger.get()
        var lines = FileBytes.lines(bytes)
        let index = try #require(events.firstIndex { $0.type == .governanceHeld })
        lines[index] = Array(String(decoding: lines[index], as: UTF8.self).replacingOccurrences(of: #""data":{"#, with: #""data":{"x":1,"#).utf8)
        try TemporaryDirectory.with { folder in
            let path = folder + "/pacte.jsonl"
            try FileBytes.write(lines.concatenated, to: path)
            #expect(throws: LedgerError.self) { try LedgerFile(path: path).read() }
            #expect(Self.skim(path)?.0.lineCount == events.count)
        }
    }
}

import Foundation
import PacteEvents
import Testing

/// A ledger edited by hand (a text editor, a script): `verify` exits 1 and names the
/// first bad line; what it cannot see without a published digest is shown too.
extension ChildProcessSuites {
@Suite("Hand-edited ledgers", .timeLimit(.minutes(10)))
struct HandEditedLedgerTests {
    /// The lines of a 10-line ledger (each with its `\n`) → the edited lines.
    struct Edit: Sendable, CustomTestStringConvertible {
        var name: String
        /// The first bad line `verify` must name.
        var firstBadLine: Int
        var apply: @Sendable ([[UInt8]]) throws -> [[UInt8]]

        var testDescription: String { name }
    }

    static let edits: [Edit] = [
        Edit(name: "line 7 changed (a date)", firstBadLine: 7) { lines in
            var lines = lines
            lines[6] = try HandEditedLedgerTests.replacing("2025-02-01", with: "2025-02-02", in: lines[6])
            return lines
        },
        Edit(name: "line 7 changed (a word of a decision, same length)", firstBadLine: 7) { lines in
            var lines = lines
            lines[6] = try HandEditedLedgerTests.replacing("réunion 7", with: "réunion 8", in: lines[6])
            return lines
        },
        Edit(name: "line 7's hash changed (one hex digit)", firstBadLine: 7) { lines in
            var lines = lines
            let index = lines[6].count - 4
            lines[6][index] = lines[6][index] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
            return lines
        },
        Edit(name: "line 7 changed and its own hash recomputed", firstBadLine: 8) { lines in
            var lines = lines
            lines[6] = HandEditedLedgerTests.rehashed(try HandEditedLedgerTests.replacing("réunion 7", with: "réunion 8", in: lines[6]))
            return lines
        },
        Edit(name: "line 7 deleted", firstBadLine: 7) { lines in
            var lines = lines
            lines.remove(at: 6)
            return lines
        },
        Edit(name: "lines 6 and 7 swapped", firstBadLine: 6) { lines in
            var lines = lines
            lines.swapAt(5, 6)
            return lines
        },
        Edit(name: "a copy of line 4 inserted as line 7", firstBadLine: 7) { lines in
            var lines = lines
            lines.insert(lines[3], at: 6)
            return lines
        },
        Edit(name: "a forged line 7 (seq 7, prev chained, own hash recomputed) inserted", firstBadLine: 8) { lines in
            var lines = lines
            lines.insert(try HandEditedLedgerTests.forgedLine(after: lines[5]), at: 6)
            return lines
        },
        Edit(name: "a forged line 7 inserted and the following seq renumbered", firstBadLine: 8) { lines in
            var lines = lines
            lines.insert(try HandEditedLedgerTests.forgedLine(after: lines[5]), at: 6)
            for index in 7..<lines.count {
                lines[index] = try HandEditedLedgerTests.replacing(#"{"seq":\#(index)"#, with: #"{"seq":\#(index + 1)"#, in: lines[index])
            }
            return lines
        },
        Edit(name: "line 7's seq changed to 70", firstBadLine: 7) { lines in
            var lines = lines
            lines[6] = try HandEditedLedgerTests.replacing(#"{"seq":7,"#, with: #"{"seq":70,"#, in: lines[6])
            return lines
        },
        Edit(name: "a blank line inserted before line 4", firstBadLine: 4) { lines in
            var lines = lines
            lines.insert([0x0A], at: 3)
            return lines
        },
    ]

    @Test("verify exits 1 and names the first bad line; log refuses the file", arguments: edits)
    func editIsDetected(edit: Edit) throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 9)
        let lines = Guarantee.lines(of: try Guarantee.readBytes(file))
        #expect(lines.count == 10)
        try Guarantee.writeBytes(Guarantee.joined(try edit.apply(lines)), to: file)

        let verified = try Guarantee.ledger(["verify", file])
        #expect(verified.exitCode == 1, "\(verified)")
        #expect(verified.standardError.hasPrefix("\(file):\(edit.firstBadLine) "), "\(verified.standardError)")
        #expect(String(verified.output.map { $0 == "\u{00A0}" ? " " : $0 }).contains("\(edit.firstBadLine - 1) lignes vérifiées"), "\(verified.standardOutput)")
        let english = try Guarantee.ledger(["verify", file, "--json", "--lang", "en"])
        #expect(english.exitCode == 1)
        #expect(english.output.contains(#""firstBadLine":\#(edit.firstBadLine),"#), "\(english)")
        let log = try Guarantee.ledger(["log", file])
        #expect(log.exitCode == 2, "\(log)")
        #expect(log.standardError.hasPrefix("\(file):\(edit.firstBadLine) "), "\(log.standardError)")
    }

    /// What verify alone cannot see, and what a published digest adds.
    enum Rewrite: String, CaseIterable, CustomTestStringConvertible {
        /// The last line removed: a shorter ledger is still a valid ledger.
        case lastLineDeleted
        /// Lines 7 to 10 rewritten with consistent hashes: a valid, different chain.
        case chainRewrittenFromLine7
        /// A forged line appended with a correct chain: indistinguishable from a real append.
        case forgedLineAppended

        var testDescription: String { rawValue }
    }

    @Test("without a digest verify cannot tell; the published digest catches a rewrite or a truncation", arguments: Rewrite.allCases)
    func publishedDigest(rewrite: Rewrite) throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.makeLedger(at: file, meetings: 9)
        let published = try LedgerFile(path: file).read().digest.hexadecimal
        var lines = Guarantee.lines(of: try Guarantee.readBytes(file))
        switch rewrite {
        case .lastLineDeleted:
            lines.removeLast()
        case .chainRewrittenFromLine7:
            lines[6] = Self.rehashed(try Self.replacing("réunion 7", with: "réunion 8", in: lines[6]))
            for index in 7..<lines.count { lines[index] = Self.rehashed(Self.chained(lines[index], after: lines[index - 1])) }
        case .forgedLineAppended:
            lines.append(try Self.forgedLine(seq: 11, after: lines[9], recorded: Guarantee.time(11)))
        }
        try Guarantee.writeBytes(Guarantee.joined(lines), to: file)

        let alone = try Guarantee.ledger(["verify", file])
        #expect(alone.exitCode == 0, "verify alone cannot see this: \(alone)")
        let withDigest = try Guarantee.ledger(["verify", file, "--digest", published])
        switch rewrite {
        case .lastLineDeleted, .chainRewrittenFromLine7:
            #expect(withDigest.exitCode == 1, "\(withDigest)")
            #expect(withDigest.standardError.contains("ne figure dans aucune ligne valide"), "\(withDigest)")
        case .forgedLineAppended:
            // The digest proves lines 1–10 untouched; who appended line 11 is beyond it.
            #expect(withDigest.exitCode == 0, "\(withDigest)")
            #expect(withDigest.output.contains("ligne 10"), "\(withDigest)")
        }
    }

    // MARK: - Forging

    static func replacing(_ old: String, with new: String, in line: [UInt8]) throws -> [UInt8] {
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: old) else { throw Guarantee.Failure("\(old) not in \(text)") }
        return Array(text.replacingCharacters(in: range, with: new).utf8)
    }

    /// The line (with its `\n`) with its `hash` recomputed over its bytes, as a forger would.
    static func rehashed(_ line: [UInt8]) -> [UInt8] {
        let covered = Array(line[..<(line.count - 1 - LedgerLine.hashSuffixLength)])
        var bytes = covered + Array(#","hash":""#.utf8)
        SHA256.hash(covered).writeHexadecimal(into: &bytes)
        return bytes + Array("\"}\n".utf8)
    }

    /// The line with its `prev` set to the hash written at the end of `previous`.
    static func chained(_ line: [UInt8], after previous: [UInt8]) -> [UInt8] {
        let previousHash = previous[(previous.count - 3 - 64)..<(previous.count - 3)]
        var line = line
        let prevStart = line.count - 1 - LedgerLine.hashSuffixLength - 65
        line.replaceSubrange(prevStart..<(prevStart + 64), with: previousHash)
        return line
    }

    /// A well-formed line (a steering meeting that never happened) chained after `previous`.
    static func forgedLine(seq: Int = 7, after previous: [UInt8], recorded: Timestamp = Guarantee.time(6)) throws -> [UInt8] {
        let previousHash = try #require(SHA256Digest(hexadecimal: String(decoding: previous[(previous.count - 3 - 64)..<(previous.count - 3)], as: UTF8.self)))
        let draft = try Guarantee.meeting(seq, decision: "décision jamais prise")
        return LedgerLine.write(
            seq: seq, id: "forged", type: .governanceHeld, version: 1, effective: draft.effective, recorded: recorded,
            recordedBy: draft.recordedBy, data: draft.data, previousHash: previousHash
        ).bytes
    }
}
}  // extension ChildProcessSuites

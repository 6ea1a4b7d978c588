import Foundation
import PacteEvents
import PacteProjections
import PactTesting
import Testing

@testable import pacte_ledger

/// `state` and `check` fold a ledger while reading it, in two passes: a skim, then a
/// strict read that folds (`Projecting.foldedState`). The pact is the one the ledger read
/// into memory gives, and a broken ledger is reported exactly as a strict read reports it:
/// its first bad line, with the same message.
@Suite("State and check folded while reading")
struct FoldedStateTests {
    typealias Edited = ChildProcessSuites.HandEditedLedgerTests

    static let corrected = PactFixture.baseline
        .adding("fix-cd", .correctionRecorded, "2025-11-20", recorded: "2025-11-20T09:00:00Z", """
            {"target":"commit-cd","reason":"Montant erroné","replacement":
             {"partnerId":"cd11","year":2025,"body":"commission permanente","reference":"CP-2025-15","outcome":"adopted",
              "lines":[{"actionId":"A1","amountCents":2500000,"source":"budget départemental","basis":"common-law-contracted"}]}}
            """)
        .adding("retract-etat", .correctionRecorded, "2025-11-21", recorded: "2025-11-21T09:00:00Z",
                #"{"target":"sign-etat","reason":"Signature saisie par erreur","replacement":null}"#)

    /// The ledgers, as file bytes.
    static let ledgers: [(name: String, bytes: @Sendable () throws -> [UInt8])] = [
        ("baseline", { PactFixture.baseline.bytes }),
        ("corrections", { corrected.bytes }),
        ("a correction of a correction", {
            corrected.adding("undo", .correctionRecorded, "2025-11-22", recorded: "2025-11-22T09:00:00Z",
                             #"{"target":"retract-etat","reason":"La signature était valable","replacement":null}"#).bytes
        }),
        // A meeting recorded after later facts: read into memory and sorted.
        ("out of valid-time order", {
            corrected.adding("late-copil", .governanceHeld, "2025-02-15", recorded: "2025-12-01T09:00:00Z", """
                {"body":"comité de pilotage","attendees":["cc-val"],"decisions":["lancement"]}
                """).bytes
        }),
        // Lines a person or another tool wrote: members in another order, spaces, escapes.
        ("envelopes written by hand", {
            var lines = Guarantee.lines(of: corrected.bytes)
            lines[2] = try Edited.replacing(#"{"seq":3,"id":"join-cd","#, with: #"{"id":"join-cd","seq":3,"#, in: lines[2])
            lines[21] = try Edited.replacing(#""id":"commit-cd""#, with: #""id":"commit\u002dcd""#, in: lines[21])
            lines[26] = try Edited.replacing(#"{"seq":27,"#, with: #"{ "seq" : 27 ,"#, in: lines[26])
            return FoldedStateTests.chained(lines, from: 2)
        }),
    ]

    static let moments: [(asOf: String?, knownAt: String?)] = [
        (nil, nil), ("2025-05-04", nil), (nil, "2025-11-20T12:00:00Z"), ("2026-03-01", "2025-11-21T12:00:00Z"),
        (nil, "2025-11-30T00:00:00Z"),
    ]

    /// `lines` with line `from` (0-based) and every later one sealed again and chained
    /// after the one before it, as a forger would.
    static func chained(_ lines: [[UInt8]], from: Int) -> [UInt8] {
        var lines = lines
        for index in from..<lines.count {
            lines[index] = Edited.rehashed(index == from ? lines[index] : Edited.chained(lines[index], after: lines[index - 1]))
        }
        return Guarantee.joined(lines)
    }

    @Test(arguments: ledgers.indices)
    func samePactAsTheLedgerInMemory(ledger: Int) throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let (name, bytes) = Self.ledgers[ledger]
        let file = folder.file("pacte.jsonl")
        try Guarantee.writeBytes(try bytes(), to: file)
        let events = try LedgerFile(path: file).read().events
        for (asOfText, knownAtText) in Self.moments {
            let asOf = asOfText.map(day)
            let knownAt = knownAtText.flatMap { Timestamp($0) }
            var output = CommandOutput()
            let folded = try Projecting.foldedState(
                file, asOf: asOf, knownAt: knownAt, invocation: try Command.parse(["state", file]), output: &output)
            let label = "\(name) as of \(asOfText ?? "-") known at \(knownAtText ?? "-")"
            #expect(folded == PactState(events: events, asOf: asOf, knownAt: knownAt), "\(label)")
            #expect(output.standardError.isEmpty, "\(label): \(output.standardError)")
        }
    }

    // MARK: - Broken ledgers

    /// An edit of the ledger ``corrected`` (28 lines) and the first bad line it makes.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var name: String
        var firstBadLine: Int
        var apply: @Sendable ([[UInt8]]) throws -> [UInt8]

        var testDescription: String { name }
    }

    static let breakages: [Breakage] = [
        // The skim reads only envelopes: it passes line 5, the strict read stops there.
        Breakage(name: "an invalid payload on line 5 and a broken chain on line 10", firstBadLine: 5) { lines in
            var lines = lines
            lines[4] = try Edited.replacing(#""sources":["INSEE 2023"]"#, with: #""sources":"INSEE 2023""#, in: lines[4])
            lines = Guarantee.lines(of: chained(lines, from: 4))
            lines[9] = Edited.rehashed(Edited.chained(lines[9], after: lines[2]))
            return Guarantee.joined(lines)
        },
        Breakage(name: "a broken chain on line 10", firstBadLine: 10) { lines in
            var lines = lines
            lines[9] = Edited.rehashed(Edited.chained(lines[9], after: lines[2]))
            return chained(lines, from: 9)
        },
        Breakage(name: "a changed byte on line 20", firstBadLine: 20, apply: editing(line: 20, "Paul Roux", "Paul Rous", sealed: false)),
        Breakage(name: "an unknown partner on line 26", firstBadLine: 26, apply: editing(line: 26, #""attendees":["cc-val""#, #""attendees":["nobody""#, sealed: true)),
        Breakage(name: "recorded going backwards on line 24", firstBadLine: 24, apply: editing(line: 24, #""recorded":"2025-05-05T12:00:00Z""#, #""recorded":"2025-01-01T12:00:00Z""#, sealed: true)),
        Breakage(name: "line 3's id again on line 9", firstBadLine: 9, apply: editing(line: 9, #""id":"annex2""#, #""id":"join-cd""#, sealed: true)),
        Breakage(name: "a newer version on line 15", firstBadLine: 15, apply: editing(line: 15, #""v":1,"#, #""v":99,"#, sealed: true)),
        Breakage(name: "a correction of an unknown event on line 27", firstBadLine: 27, apply: editing(line: 27, #""target":"commit-cd""#, #""target":"nothing""#, sealed: true)),
        // The skim cannot read these: both passes are strict.
        Breakage(name: "a changed byte in the correction on line 28", firstBadLine: 28, apply: editing(line: 28, "par erreur", "par erreor", sealed: false)),
        Breakage(name: "line 12 not JSON", firstBadLine: 12) { lines in
            var lines = lines
            lines[11] = Array("{pas du JSON\n".utf8)
            return Guarantee.joined(lines)
        },
        Breakage(name: "line 7 deleted", firstBadLine: 7) { lines in
            var lines = lines
            lines.remove(at: 6)
            return Guarantee.joined(lines)
        },
        Breakage(name: "an invalid date on line 8 and a changed byte on line 20", firstBadLine: 8) { lines in
            var lines = lines
            lines[7] = try Edited.replacing(#""effective":"2025-02-01""#, with: #""effective":"2025-02-31""#, in: lines[7])
            lines[19] = try Edited.replacing("Paul Roux", with: "Paul Rous", in: lines[19])
            return chained(Array(lines[0...18]), from: 7) + Guarantee.joined(Array(lines[19...]))
        },
    ]

    /// An edit of line `line` (1-based) replacing `old` with `new`; with `sealed`, the line
    /// and the lines after it are sealed again and chained, as a forger would.
    static func editing(line: Int, _ old: String, _ new: String, sealed: Bool) -> @Sendable ([[UInt8]]) throws -> [UInt8] {
        { lines in
            var lines = lines
            lines[line - 1] = try Edited.replacing(old, with: new, in: lines[line - 1])
            return sealed ? chained(lines, from: line - 1) : Guarantee.joined(lines)
        }
    }

    @Test(arguments: breakages)
    func aBrokenLedgerIsReportedAsTheStrictReadReportsIt(breakage: Breakage) throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        try Guarantee.writeBytes(try breakage.apply(Guarantee.lines(of: Self.corrected.bytes)), to: file)
        let strict = Result { try LedgerFile(path: file).read() }
        guard case .failure(let error as LedgerError) = strict else {
            Issue.record("the strict read accepts the ledger: \(strict)")
            return
        }
        #expect(error.message(in: .french).hasPrefix("\(file):\(breakage.firstBadLine) "), "\(error.message(in: .french))")
        // `log` reads the ledger strictly, once.
        let log = PacteLedger.execute(["log", file], environment: Guarantee.environment())
        let englishLog = PacteLedger.execute(["log", file, "--lang", "en"], environment: Guarantee.environment())
        #expect(log.exitCode == 2)
        #expect(log.standardError.hasPrefix("\(file):\(breakage.firstBadLine) "), "\(log.standardError)")
        for arguments in [
            ["state", file], ["state", file, "--json", "--lang", "en"], ["check", file, "--today", "2025-12-01"],
            ["check", file, "--as-of", "2025-05-04", "--known-at", "2025-11-20T12:00:00Z", "--json"],
        ] {
            let output = PacteLedger.execute(arguments, environment: Guarantee.environment())
            #expect(output.exitCode == 2, "\(arguments)")
            #expect(output.standardOutput.isEmpty, "\(arguments): \(output.standardOutput)")
            let expected = arguments.contains("en") ? englishLog : log
            #expect(output.standardError == expected.standardError, "\(arguments)")
        }
    }

    /// The same, from the built binary, for a breakage only the strict pass sees.
    @Test func theBuiltBinaryReportsTheFirstBadLine() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let file = folder.file("pacte.jsonl")
        let breakage = Self.breakages[0]
        try Guarantee.writeBytes(try breakage.apply(Guarantee.lines(of: Self.corrected.bytes)), to: file)
        for command in ["state", "check"] {
            let run = try BuiltBinary.run([command, file])
            #expect(run.exitCode == 2, "\(run.standardOutput)")
            #expect(run.standardOutput.isEmpty)
            #expect(run.standardError.hasPrefix("\(file):5 "), "\(run.standardError)")
        }
    }

    @Test func aTornTailIsReportedAndTheLinesBeforeItAreFolded() throws {
        let folder = try Guarantee.Folder()
        defer { folder.remove() }
        let whole = folder.file("whole.jsonl")
        let torn = folder.file("torn.jsonl")
        try Guarantee.writeBytes(Self.corrected.bytes, to: whole)
        for tail in [#"{"seq":29,"id":"x","type":"#, "{pas du JSON\n"] {
            try Guarantee.writeBytes(Self.corrected.bytes + Array(tail.utf8), to: torn)
            let log = PacteLedger.execute(["log", torn], environment: Guarantee.environment())
            for arguments in [["state", "--json"], ["check", "--today", "2025-12-01"]] {
                let expected = PacteLedger.execute([arguments[0], whole] + arguments.dropFirst(), environment: Guarantee.environment())
                let output = PacteLedger.execute([arguments[0], torn] + arguments.dropFirst(), environment: Guarantee.environment())
                #expect(output.exitCode == expected.exitCode, "\(arguments)")
                #expect(output.standardOutput == expected.standardOutput, "\(arguments)")
                #expect(!output.standardError.isEmpty, "\(arguments)")
                #expect(output.standardError == log.standardError, "\(arguments)")
            }
        }
    }
}

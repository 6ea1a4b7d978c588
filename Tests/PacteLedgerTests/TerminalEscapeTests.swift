import Foundation
import PactTesting
import Testing
@testable import pacte_ledger

/// Text for people never carries a character a terminal would obey: names, titles,
/// `--by`, paths and option values holding ESC sequences, OSC, CR, backspace, DEL, C1
/// controls or bidirectional overrides are shown escaped (`\u001b`) by every text
/// command of the built binary, on standard output and standard error. Documents for
/// programs (JSON, CSV) are left as they are.
@Suite("Terminal escapes", .timeLimit(.minutes(10)))
struct TerminalEscapeTests {
    /// Erases the line above, clears the screen (C1 CSI), reverses the line (RLO).
    static let erase = "\u{1B}[1A\u{1B}[2K"
    static let hostileBy = "x\u{1B}]0;pwned\u{07}\r\u{08}\u{7F}"
    static let ledger = InjectionLedger(
        territory: "T\u{1B}[31m\u{2066}", stateId: "etat\u{9B}2K", by: hostileBy, text: { erase + $0 + "\u{9B}2J\u{202E}\t" })
    static let fileName = "pacte\u{1B}[2K.jsonl"

    /// A scalar a terminal acts on (by this test's own table, not the code's).
    static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func expectNoControl(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let raw = text.unicodeScalars.filter(isTerminalControl)
        #expect(raw.isEmpty, "\(what) prints raw \(raw.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    static func write(in folder: TemporaryFolder) throws -> String {
        let file = folder.path(fileName)
        try ledger.write(to: file)
        return file
    }

    @Test(arguments: [
        (["state"], #"\u001b[1A\u001b[2KCC\u009b2J\u202e\u0009"#),
        (["log"], #"\u001b[1A\u001b[2K"#),
        (["check", "--today", "2025-06-01"], #"\u001b[1A\u001b[2KAction\u009b2J\u202e\u0009"#),
        (["history"], #"par x\u001b]0;pwned\u0007 \u0008\u007f"#),
        (["timeline", "--today", "2025-06-01"], #"etat\u009b2K"#),
        (["summary", "--today", "2025-06-01"], #"T\u001b[31m\u2066"#),
        (["verify", "FILE"], #"pacte\u001b[2K.jsonl"#),
        (["state", "--lang", "en"], #"\u001b[1A\u001b[2KCC"#),
    ])
    func textCommandsShowControlsEscaped(arguments: [String], expected: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.write(in: folder)
        let output = try BuiltBinary.run([arguments[0], file] + arguments.dropFirst().map { $0 == "FILE" ? file : $0 })
        #expect(output.exitCode == 0 || (arguments[0] == "check" && output.exitCode == 1), "\(output.standardError)")
        Self.expectNoControl(output.standardOutput, "\(arguments) standard output")
        Self.expectNoControl(output.standardError, "\(arguments) standard error")
        #expect(output.standardOutput.contains(expected), "\(arguments): \(output.standardOutput)")
    }

    @Test func recordAcknowledgementAndWarningsShowControlsEscaped() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.write(in: folder)
        // In process, with the clock of the ledger's other lines.
        let recorded = ReportFixtures.run([
            "record", file, "priority.set", "--effective", "2025-03-01", "--by", Self.hostileBy,
            "--data", #"{"priorityId":"P2","title":"\u001b[2K","rationale":"r","sources":["s"],"publics":["children"]}"#,
        ])
        #expect(recorded.exitCode == 0, "\(recorded.standardError)")
        Self.expectNoControl(recorded.standardOutput, "record")
        #expect(recorded.standardOutput.contains(#"pacte\u001b[2K.jsonl"#))
        // A torn tail: the warning names the file.
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"seq":11,"title":"#.utf8))
        try handle.close()
        for command in ["state", "log", "check", "history"] {
            let output = try BuiltBinary.run([command, file])
            Self.expectNoControl(output.standardOutput, "\(command) standard output")
            Self.expectNoControl(output.standardError, "\(command) standard error")
            #expect(output.standardError.contains(#"pacte\u001b[2K.jsonl"#), "\(command): \(output.standardError)")
        }
    }

    @Test(arguments: [
        ["state", "absent\u{1B}[2K\u{9B}.jsonl"],
        ["state", "absent.jsonl", "--as-of", "\u{1B}[1A\u{1B}[2K"],
        ["record", "absent.jsonl", "partner.joined\u{1B}[2K", "--effective", "2025-01-01", "--by", "me"],
        ["log", "absent.jsonl", "--type", "\u{1B}]0;pwned\u{07}"],
    ])
    func errorMessagesShowControlsEscaped(arguments: [String]) throws {
        let output = try BuiltBinary.run(arguments)
        #expect(output.exitCode == 2)
        #expect(!output.standardError.isEmpty)
        Self.expectNoControl(output.standardError, "\(arguments) standard error")
        Self.expectNoControl(output.standardOutput, "\(arguments) standard output")
        #expect(output.standardError.contains(#"\u001b"#), "\(output.standardError)")
    }

    /// JSON escapes as the format does; CSV and the report keep their own rules.
    @Test func documentsForProgramsAreLeftAsTheyAre() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try Self.write(in: folder)
        let log = try BuiltBinary.run(["log", file, "--json"])
        #expect(log.exitCode == 0)
        #expect(log.standardOutput.contains(#""title":"\u001b[1A\u001b[2KAction\#u{9B}2J\#u{202E}\t""#), "\(log.standardOutput)")
        let csv = try BuiltBinary.run(["export", file, "--table", "actions"])
        #expect(csv.exitCode == 0)
        #expect(csv.standardOutput.contains("\r\n"))
        #expect(csv.standardOutput.contains(Self.erase + "Action\u{9B}2J\u{202E}\t"))
        let summary = try BuiltBinary.run(["summary", file, "--csv"])
        #expect(summary.standardOutput.contains("\r\n"))
        #expect(summary.standardOutput.contains("T\u{1B}[31m\u{2066}"))
    }
}

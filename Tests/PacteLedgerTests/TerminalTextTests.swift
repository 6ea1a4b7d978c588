import Testing
import PactTesting
@testable import pacte_ledger

/// The escape table of text for people, and the one place it is applied.
@Suite("Terminal text")
struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}[1A\u{1B}[2K", #"\u001b[1A\u001b[2K"#), ("\u{1B}]0;title\u{07}", #"\u001b]0;title\u0007"#),
        ("a\rb", #"a\u000db"#), ("a\tb", #"a\u0009b"#), ("\u{0}\u{8}\u{1F}", #"\u0000\u0008\u001f"#), ("\u{7F}", #"\u007f"#),
        ("\u{80}\u{85}\u{9B}\u{9F}", #"\u0080\u0085\u009b\u009f"#), ("\u{202A}\u{202E}\u{2066}\u{2069}", #"\u202a\u202e\u2066\u2069"#),
        ("ligne 1\nligne 2", "ligne 1\nligne 2"), ("\u{A0}\u{A0}", "\u{A0}\u{A0}"), ("12\u{202F}%", "12\u{202F}%"),
        ("\u{200E}\u{200F}", "\u{200E}\u{200F}"), ("é e\u{301} 👩‍👩‍👧 —", "é e\u{301} 👩‍👩‍👧 —"), (#"C:\u001b"#, #"C:\u001b"#),
        ("\r\n", "\\u000d\n"), ("e\u{1B}\u{301}", "e\\u001b\u{301}"),
    ])
    func controlsAreShownEscaped(text: String, shown: String) {
        #expect(Array(TerminalText.escaped(text).unicodeScalars) == Array(shown.unicodeScalars))
    }

    @Test func everyControlIsEscapedAndNothingElse() {
        for value in UInt32(0)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let control = (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
            #expect(TerminalText.isControl(scalar) == control, "U+\(String(value, radix: 16))")
        }
    }

    @Test func commandOutputEscapesTextAndKeepsDocuments() {
        var text = CommandOutput(standardOutput: "nom\u{1B}[2K\n", standardError: "fichier\u{9B}\n")
        text.makeTerminalSafe()
        #expect(text.standardOutput == #"nom\u001b[2K"# + "\n")
        #expect(text.standardError == #"fichier\u009b"# + "\n")
        var document = CommandOutput(standardOutput: "a,\u{1B}\r\n", standardError: "\u{1B}", standardOutputIsDocument: true)
        document.makeTerminalSafe()
        #expect(document.standardOutput == "a,\u{1B}\r\n")
        #expect(document.standardError == #"\u001b"#)
    }

    @Test func inProcessCommandsGoThroughIt() {
        let output = ReportFixtures.run(["state", "absent\u{1B}[2K.jsonl"])
        #expect(output.exitCode == 2)
        #expect(output.standardError.contains(#"absent\u001b[2K.jsonl"#))
    }
}

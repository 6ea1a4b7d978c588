/// Text for a terminal. A name, a `--by`, a path or any other text typed by someone can
/// hold characters a terminal obeys instead of showing: ESC starts a sequence that moves
/// the cursor, erases a line or sets the window title; CR or backspace overwrite what
/// was printed; a bidirectional override reorders a line. Every text for people goes
/// through ``escaped(_:)`` before it is written (``CommandOutput/makeTerminalSafe()``),
/// so no printer can forget it.
///
/// Shown as `\u` and four lowercase hexadecimal digits, the notation of the ledger
/// format and of JSON (ESC is `\u001b`): the C0 controls except the line feed (tab and
/// CR included), DEL, the C1 controls U+0080–U+009F, and the bidirectional embeddings,
/// overrides and isolates U+202A–U+202E and U+2066–U+2069. Everything else is shown as
/// it is (see `docs/guarantees.md`).
enum TerminalText {
    /// Whether a terminal would act on `scalar` rather than show it.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every control character shown as `\u001b`; `text` itself when it
    /// holds none.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        let digits = Array("0123456789abcdef".unicodeScalars)
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                shown.append(scalar)
                continue
            }
            shown.append(contentsOf: #"\u"#.unicodeScalars)
            for shift in stride(from: 12, through: 0, by: -4) {
                shown.append(digits[Int(scalar.value >> UInt32(shift)) & 0xF])
            }
        }
        return String(shown)
    }
}

/// Finds where a JSON string ends over a line's bytes, eight bytes at a time: the common
/// string (printable ASCII, no escape) is skipped a word at a time, and the bytes of a
/// string holding other characters are checked as UTF-8 once its end is found.
///
/// It accepts exactly what a byte-by-byte scan followed by ``UTF8Validation`` accepts: a
/// word is skipped only when none of its bytes is a quote, a backslash, a control
/// character or a byte of 0x80 or more, and every such byte is then looked at alone.
enum JSONStringScanner {
    /// What follows the opening quote of a string.
    enum Outcome: Equatable {
        /// The closing quote is at `end`; no escape, no control character, valid UTF-8.
        case closed(end: Int)
        /// A backslash at `at` comes before any closing quote (the string has an escape,
        /// read by ``JSONParser``); the bytes before it are not checked.
        case escape(at: Int)
        /// A control character before the closing quote, no closing quote, or invalid UTF-8.
        case invalid
    }

    /// Scans the string whose first byte (after its opening quote) is at `start`.
    static func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Outcome {
        let count = bytes.count
        var index = start
        var hasNonASCII = false
        while true {
            while index &+ 8 <= count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let flags = specialBytes(word)
                if flags == 0 {
                    index &+= 8
                    continue
                }
                // The lowest flagged byte is a special one (see `specialBytes`).
                index &+= flags.trailingZeroBitCount >> 3
                break
            }
            guard index < count else { return .invalid }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if hasNonASCII, !UTF8Validation.isValid(UnsafeRawBufferPointer(rebasing: bytes[start..<index])) {
                    return .invalid
                }
                return .closed(end: index)
            }
            if byte == UInt8(ascii: "\\") { return .escape(at: index) }
            if byte < 0x20 { return .invalid }
            if byte >= 0x80 { hasNonASCII = true }
            index &+= 1
        }
    }

    /// The high bit of each byte of `word` (little-endian: its first byte lowest) set when
    /// the byte may be a quote, a backslash, a control character or 0x80 or more; 0 when
    /// none is. A flag may be set above a special byte (a borrow), never below the first
    /// one and never in a word without one: the lowest flag marks the first special byte.
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        // A byte below 0x20 borrows (its high bit comes out set); a byte equal to `"` or
        // `\` becomes 0 after the xor, then borrows; a byte of 0x80 or more has it already.
        let control = word &- ones &* 0x20
        let quote = (word ^ (ones &* 0x22)) &- ones
        let backslash = (word ^ (ones &* 0x5C)) &- ones
        return (control | quote | backslash | word) & high
    }
}

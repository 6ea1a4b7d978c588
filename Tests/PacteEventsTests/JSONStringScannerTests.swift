@testable import PacteEvents
import Testing

/// The word-at-a-time string scan of the direct path against the byte-by-byte scan it
/// replaced (a quote, a backslash or a control character ends it; the bytes before a
/// quote are then checked as UTF-8), at every offset of an 8-byte word.
struct JSONStringScannerTests {
    /// The scan as written before, one byte at a time.
    private static func reference(_ bytes: [UInt8], from start: Int) -> JSONStringScanner.Outcome {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let valid = bytes.withUnsafeBytes { UTF8Validation.isValid(UnsafeRawBufferPointer(rebasing: $0[start..<index])) }
                return valid ? .closed(end: index) : .invalid
            }
            if byte == UInt8(ascii: "\\") { return .escape(at: index) }
            if byte < 0x20 { return .invalid }
            index += 1
        }
        return .invalid
    }

    private static func scan(_ bytes: [UInt8], from start: Int) -> JSONStringScanner.Outcome {
        bytes.withUnsafeBytes { JSONStringScanner.scan($0, from: start) }
    }

    /// Every byte value the scan tells apart, and its neighbours.
    private static let probes: [UInt8] = [
        0x00, 0x01, 0x0A, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F,
        0x80, 0x9F, 0xA0, 0xA1, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xED, 0xF0, 0xF4, 0xF5, 0xFF,
    ]

    @Test func oneByteAtEveryOffsetOfAWord() {
        var cases = 0
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                for probe in Self.probes {
                    for start in [0, 1, 3] {
                        var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: start + length)
                        if position < length { bytes[start + position] = probe }
                        bytes.append(UInt8(ascii: "\""))
                        bytes += [UInt8](repeating: UInt8(ascii: "z"), count: position % 9)
                        let expected = Self.reference(bytes, from: start)
                        let found = Self.scan(bytes, from: start)
                        if found != expected {
                            Issue.record("length \(length), byte \(probe) at \(position), start \(start): \(found), expected \(expected)")
                        }
                        cases += 1
                    }
                }
            }
        }
        #expect(cases > 10_000)
    }

    @Test func twoBytesAtEveryPairOfOffsetsOfTwoWords() {
        // A flagged byte may make the bytes above it look flagged (a borrow): the first
        // special byte is the one that counts.
        let probes: [UInt8] = [0x00, 0x1F, 0x20, 0x22, 0x5C, 0x7F, 0x80, 0xC3, 0xA9, 0xE2, 0xFF]
        for first in 0..<16 {
            for second in first..<16 {
                for a in probes {
                    for b in probes {
                        var bytes = [UInt8](repeating: UInt8(ascii: "m"), count: 16)
                        bytes[first] = a
                        bytes[second] = b
                        bytes.append(UInt8(ascii: "\""))
                        let expected = Self.reference(bytes, from: 0)
                        let found = Self.scan(bytes, from: 0)
                        if found != expected {
                            Issue.record("\(a) at \(first), \(b) at \(second): \(found), expected \(expected)")
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: ["", "e-0-100", "Comité de pilotage du pacte", "Jusqu’à 12 000 €", "𝄞 clef", "日本語のテキスト、長い文字列"])
    func validTextEndsAtItsQuote(text: String) {
        for start in 0..<9 {
            let bytes = [UInt8](repeating: 0x20, count: start) + Array(text.utf8) + Array(#"","next":1"#.utf8)
            #expect(Self.scan(bytes, from: start) == .closed(end: start + text.utf8.count))
        }
    }

    @Test func invalidUTF8AfterTheFirstWordIsRefused() {
        for position in 0..<20 {
            for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]] {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 24)
                bytes.replaceSubrange(position..<(position + bad.count), with: bad)
                bytes.append(UInt8(ascii: "\""))
                #expect(Self.scan(bytes, from: 0) == .invalid)
                #expect(Self.reference(bytes, from: 0) == .invalid)
            }
        }
    }

    @Test func noClosingQuoteIsRefused() {
        for length in 0..<20 {
            #expect(Self.scan([UInt8](repeating: UInt8(ascii: "q"), count: length), from: 0) == .invalid)
            #expect(Self.scan([UInt8](repeating: 0xC3, count: length), from: 0) == .invalid)
        }
    }

    @Test func randomStringsAgreeWithTheByteScan() {
        var generator = SplitMix64(seed: 0x5EED_14)
        let alphabet: [UInt8] = Array("abcXYZ09 -_.,'".utf8) + [0x22, 0x5C, 0x09, 0x7F, 0xC3, 0xA9, 0xE2, 0x80, 0xAF, 0xF0, 0x9F, 0xBF]
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 40)
            let bytes = (0..<length).map { _ in
                generator.next() % 4 == 0 ? alphabet[Int(generator.next() % UInt64(alphabet.count))] : UInt8(ascii: "k")
            }
            let start = length == 0 ? 0 : Int(generator.next() % UInt64(length))
            #expect(Self.scan(bytes, from: start) == Self.reference(bytes, from: start))
        }
    }

}

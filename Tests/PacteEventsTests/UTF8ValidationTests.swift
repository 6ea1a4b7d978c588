import PacteEvents
import Testing

/// The parser's UTF-8 check inside strings, compared with the standard library's strict
/// validation (`String(validating:as:)`) on byte sequences built around every boundary
/// of RFC 3629: overlong forms, surrogates, U+10FFFF, truncated sequences.
struct UTF8ValidationTests {
    /// Whether the parser accepts `content` between quotes; when it does, the string's
    /// bytes must be `content` unchanged.
    private static func parserAccepts(_ content: [UInt8]) -> Bool {
        let line = [0x22] + content + [0x22]
        let result: Result<JSONValue, JSONSyntaxError> = line.withUnsafeBytes { buffer in
            do throws(JSONSyntaxError) {
                return .success(try JSONParser.parse(buffer))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(.string(let string)):
            if !string.utf8.elementsEqual(content) {
                Issue.record("bytes changed: \(hex(content))")
            }
            return true
        case .success(let other):
            Issue.record("not a string: \(other)")
            return true
        case .failure(let error):
            if error.reason != .invalidUTF8 {
                Issue.record("\(hex(content)): refused for \(error.reason), not invalid UTF-8")
            }
            return false
        }
    }

    private static func standardLibraryAccepts(_ content: [UInt8]) -> Bool {
        String(validating: content, as: UTF8.self) != nil
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
    }

    /// Compares both on every sequence, recording one issue per disagreement.
    private static func compare(_ sequences: some Sequence<[UInt8]>) -> Int {
        var count = 0
        for content in sequences {
            count += 1
            let parser = parserAccepts(content)
            if parser != standardLibraryAccepts(content) {
                Issue.record("\(hex(content)): parser \(parser ? "accepts" : "refuses"), standard library disagrees")
            }
        }
        return count
    }

    /// Bytes on each side of every boundary a UTF-8 validator must get right (no `"`,
    /// `\` or control character, which the parser refuses for other reasons).
    private static let edges: [UInt8] = [
        0x20, 0x41, 0x7E, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
        0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF,
    ]

    @Test func everyTwoByteSequence() {
        let all = (0x20...0xFF).flatMap { first in (0x20...0xFF).map { [UInt8(first), UInt8($0)] } }
            .filter { !$0.contains(0x22) && !$0.contains(0x5C) }
        #expect(Self.compare(all) == 222 * 222)
    }

    @Test func everyThreeAndFourByteSequenceAroundTheBoundaries() {
        var sequences: [[UInt8]] = []
        for lead in Self.edges where lead >= 0xE0 {
            for second in Self.edges {
                for third in [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC2] as [UInt8] {
                    sequences.append([lead, second, third])
                    for fourth in [0x41, 0x7F, 0x80, 0xBF, 0xC0] as [UInt8] {
                        sequences.append([lead, second, third, fourth])
                    }
                }
            }
        }
        #expect(Self.compare(sequences) == 14 * 28 * 6 * 6)
    }

    @Test func sequencesAfterASCIIRunsOfEveryLength() {
        // The validator checks ASCII eight bytes at a time: put each case at every
        // alignment, and before and after long ASCII runs.
        let cases: [[UInt8]] = [
            [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFF],
            [0xF0, 0x9F, 0x98],
        ]
        var sequences: [[UInt8]] = []
        for run in 0...17 {
            let ascii = [UInt8](repeating: 0x61, count: run)
            for bytes in cases {
                sequences.append(ascii + bytes)
                sequences.append(bytes + ascii)
                sequences.append(ascii + bytes + ascii)
            }
        }
        #expect(Self.compare(sequences) == 18 * cases.count * 3)
    }

    @Test func seededRandomSequences() {
        var state: UInt64 = 0x5EED_1234_ABCD_0001
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var sequences: [[UInt8]] = []
        for _ in 0..<5_000 {
            let length = Int(next() % 14)
            sequences.append((0..<length).map { _ in
                // Mostly boundary bytes, some valid characters' bytes.
                let pick = next()
                return pick % 4 == 0 ? Array("aé€😀".utf8)[Int(pick / 4 % 10)] : Self.edges[Int(pick / 4 % UInt64(Self.edges.count))]
            })
        }
        #expect(Self.compare(sequences) == 5_000)
    }

    @Test func validTextOfEveryPlaneIsAccepted() {
        let text = "A é ß « » € ‏ 中文 😀 𝄞 \u{10FFFF} \u{FFFD} \u{D7FF} \u{E000}"
        #expect(Self.parserAccepts(Array(text.utf8)))
    }
}

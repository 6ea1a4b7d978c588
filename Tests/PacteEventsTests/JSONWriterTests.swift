import PacteEvents
import Testing

struct JSONWriterTests {
    struct Escape: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: [UInt8]
        var testDescription: String { input.unicodeScalars.map { "U+" + String($0.value, radix: 16) }.joined(separator: " ") }

        init(_ input: String, _ expected: String) {
            self.input = input
            self.expected = Array(expected.utf8)
        }
    }

    static let escapes: [Escape] = [
        Escape("", #""""#),
        Escape("plain", #""plain""#),
        Escape("\"", #""\"""#),
        Escape("\\", #""\\""#),
        Escape("\n", #""\n""#),
        Escape("\r", #""\r""#),
        Escape("\t", #""\t""#),
        Escape("\u{08}", #""\b""#),
        Escape("\u{0C}", #""\f""#),
        Escape("\u{00}", #""\u0000""#),
        Escape("\u{01}", #""\u0001""#),
        Escape("\u{0B}", #""\u000b""#),
        Escape("\u{1B}", #""\u001b""#),
        Escape("\u{1F}", #""\u001f""#),
        // Everything else is written as it is, in UTF-8.
        Escape("/", #""/""#),
        Escape("https://exemple.invalid/a/b", #""https://exemple.invalid/a/b""#),
        Escape("'", #""'""#),
        Escape(" ", #"" ""#),
        Escape("é", "\"é\""),
        Escape("«\u{A0}citation\u{A0}»", "\"«\u{A0}citation\u{A0}»\""),
        Escape("😀", "\"😀\""),
        Escape("\u{200F}", "\"\u{200F}\""),
        Escape("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
        Escape("e\u{301}", "\"e\u{301}\""),
        Escape("\u{10FFFF}", "\"\u{10FFFF}\""),
        Escape("a\"b\\c\nd/é«😀\u{200F}\u{1F}", "\"a\\\"b\\\\c\\nd/é«😀\u{200F}\\u001f\""),
    ]

    @Test(arguments: escapes)
    func escapesOnlyQuotesBackslashesAndControlCharacters(_ escape: Escape) {
        #expect(JSONWriter.bytes(of: .string(escape.input)) == escape.expected)
    }

    @Test func writesNonASCIIAsRawUTF8NotEscapes() {
        let bytes = JSONWriter.bytes(of: .string("é«😀\u{200F}"))
        #expect(bytes == [0x22, 0xC3, 0xA9, 0xC2, 0xAB, 0xF0, 0x9F, 0x98, 0x80, 0xE2, 0x80, 0x8F, 0x22])
        #expect(!bytes.contains(UInt8(ascii: "\\")))
    }

    @Test func everyControlCharacterIsEscapedAndParsesBack() throws {
        for value in UInt8(0)..<0x20 {
            let text = String(decoding: [value], as: UTF8.self)
            let bytes = JSONWriter.bytes(of: .string(text))
            #expect(!bytes.dropFirst().dropLast().contains { $0 < 0x20 }, "U+\(String(value, radix: 16)) written raw")
            #expect(try JSONParser.parse(String(decoding: bytes, as: UTF8.self)) == .string(text))
        }
    }

    @Test func writesCompactlyInTheGivenOrder() {
        let value = JSONValue.object(JSONObject([
            JSONMember("z", .number(JSONNumber(1))),
            JSONMember("a", .array([.null, .bool(true), .bool(false), .string("x"), .array([]), .object(JSONObject())])),
            JSONMember("m", .object(JSONObject([JSONMember("k\"ey", .number(JSONNumber(literal: "-0.50e+3")))]))),
        ]))
        #expect(JSONWriter.string(of: value) == #"{"z":1,"a":[null,true,false,"x",[],{}],"m":{"k\"ey":-0.50e+3}}"#)
    }

    @Test(arguments: [
        #"{}"#,
        #"[]"#,
        #"null"#,
        #"-0"#,
        #"[1.50,1E3,-0,1e-7,123456789012345678901234567890]"#,
        #"{"b":1,"a":2,"c":{"z":[],"y":{}}}"#,
        "{\"texte\":\"«\u{A0}guillemets\u{A0}» é \\\"cité\\\" \\\\ / 😀 \u{200F}\",\"n\":null,\"t\":true,\"f\":false}",
        #"{"control":"\u0000\u0001\b\f\n\r\t\u001f"}"#,
        #"{"seq":1,"data":{"s":",\"hash\":\"0000\"}"},"prev":"00"}"#,
    ])
    func parseThenWriteIsByteIdentical(_ compact: String) throws {
        #expect(JSONWriter.bytes(of: try JSONParser.parse(compact)) == Array(compact.utf8))
    }

    @Test func parseThenWriteKeepsRawUTF8InputByteForByte() throws {
        let input = "{\"t\":\"« é » 😀 \u{200F} / \\\"\\\\\\n\",\"k\":[1.0,-0,2e5]}"
        #expect(JSONWriter.bytes(of: try JSONParser.parse(input)) == Array(input.utf8))
    }

    @Test(arguments: [
        (#""\/""#, #""/""#),
        (#""\u00e9""#, "\"é\""),
        (#""\u00C9""#, "\"É\""),
        (#""\uD83D\uDE00""#, "\"😀\""),
        (#""\u001F""#, #""\u001f""#),
        (#""\u0009""#, #""\t""#),
        (#""\u200f""#, "\"\u{200F}\""),
        ("{ \"a\" : [ 1 , 2 ] }", #"{"a":[1,2]}"#),
    ])
    func nonCanonicalInputIsWrittenCanonically(_ input: String, _ expected: String) throws {
        #expect(JSONWriter.string(of: try JSONParser.parse(input)) == expected)
    }
}

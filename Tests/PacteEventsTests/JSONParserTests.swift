import PacteEvents
import Testing

/// Parses raw bytes (which may be invalid UTF-8) as one JSON value.
private func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    let result: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeBytes { buffer in
        do throws(JSONSyntaxError) {
            return .success(try JSONParser.parse(buffer))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

/// The name of a refusal's reason, without its associated values.
private func kind(of reason: JSONSyntaxError.Reason) -> String {
    switch reason {
    case .unexpectedEnd: "unexpectedEnd"
    case .unexpectedByte: "unexpectedByte"
    case .unterminatedString: "unterminatedString"
    case .invalidUTF8: "invalidUTF8"
    case .controlCharacterInString: "controlCharacterInString"
    case .invalidEscape: "invalidEscape"
    case .invalidNumber: "invalidNumber"
    case .tooDeep: "tooDeep"
    case .duplicateMember: "duplicateMember"
    case .trailingBytes: "trailingBytes"
    }
}

private func string(_ text: String) -> JSONValue { .string(text) }
private func number(_ literal: String) -> JSONValue { .number(JSONNumber(literal: literal)) }

struct JSONParserValidTests {
    struct Valid: Sendable, CustomTestStringConvertible {
        var input: [UInt8]
        var expected: JSONValue
        var testDescription: String { String(decoding: input, as: UTF8.self) }

        init(_ input: String, _ expected: JSONValue) {
            self.input = Array(input.utf8)
            self.expected = expected
        }
    }

    static let valid: [Valid] = [
        Valid("null", .null),
        Valid("true", .bool(true)),
        Valid("false", .bool(false)),
        Valid("0", number("0")),
        Valid("-0", number("-0")),
        Valid("12", number("12")),
        Valid("-12.50", number("-12.50")),
        Valid("1.5e-3", number("1.5e-3")),
        Valid("1E+2", number("1E+2")),
        Valid("0.0", number("0.0")),
        Valid(#""""#, string("")),
        Valid(#""abc""#, string("abc")),
        Valid(#""\"\\\/\b\f\n\r\t""#, string("\"\\/\u{08}\u{0C}\n\r\t")),
        Valid(#""\u00e9\u00E9""#, string("éé")),
        Valid(#""\u0000""#, string("\u{0}")),
        Valid(#""\u001f""#, string("\u{1F}")),
        Valid(#""\uD83D\uDE00""#, string("😀")),
        Valid(#""\ud83d\ude00""#, string("😀")),
        Valid(#""a\uDBFF\uDFFFb""#, string("a\u{10FFFF}b")),
        Valid(#""\u200F""#, string("\u{200F}")),
        Valid("\"é « » 😀 \u{200F}\"", string("é « » 😀 \u{200F}")),
        Valid(#""e\u0301""#, string("e\u{301}")),
        Valid("[]", .array([])),
        Valid("{}", .object(JSONObject())),
        Valid("[1,\"a\",null,[true]]", .array([number("1"), string("a"), .null, .array([.bool(true)])])),
        Valid(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n ", .object(JSONObject([JSONMember("a", .array([number("1"), number("2")]))]))),
        Valid(#"{"b":1,"a":{"d":null,"c":[]}}"#, .object(JSONObject([
            JSONMember("b", number("1")),
            JSONMember("a", .object(JSONObject([JSONMember("d", .null), JSONMember("c", .array([]))]))),
        ]))),
    ]

    @Test(arguments: valid)
    func parsesValidValue(_ valid: Valid) throws {
        #expect(try parse(valid.input) == valid.expected)
    }

    @Test func keepsMemberOrder() throws {
        let value = try JSONParser.parse(#"{"zeta":1,"alpha":2,"mu":3,"beta":{"y":1,"x":2}}"#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["zeta", "alpha", "mu", "beta"])
        #expect(object["beta"]?.objectValue?.keys == ["y", "x"])
    }

    @Test func keepsNumberLiteralsAsWritten() throws {
        let value = try JSONParser.parse("[1.50,1E3,-0,123456789012345678901234567890]")
        guard case .array(let numbers) = value else {
            Issue.record("not an array: \(value)")
            return
        }
        let literals = numbers.compactMap { element -> String? in
            if case .number(let number) = element { return number.literal }
            return nil
        }
        #expect(literals == ["1.50", "1E3", "-0", "123456789012345678901234567890"])
    }

    @Test func acceptsNestingUpToTheLimit() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSONParser.parse(text)
        var levels = 0
        while case .array(let elements) = value {
            levels += 1
            guard let first = elements.first else { break }
            value = first
        }
        #expect(levels == depth)
    }

    @Test func parsesTheStringAndByteEntryPointsAlike() throws {
        let text = #"{"a":"é\n","b":[1,2]}"#
        #expect(try JSONParser.parse(text) == parse(Array(text.utf8)))
    }
}

struct JSONParserRefusalTests {
    struct Refusal: Sendable, CustomTestStringConvertible {
        var label: String
        var input: [UInt8]
        var reason: String
        var offset: Int?
        var testDescription: String { label }

        init(_ label: String, _ input: [UInt8], _ reason: String, at offset: Int? = nil) {
            self.label = label
            self.input = input
            self.reason = reason
            self.offset = offset
        }

        init(_ label: String, _ input: String, _ reason: String, at offset: Int? = nil) {
            self.init(label, Array(input.utf8), reason, at: offset)
        }
    }

    static let refusals: [Refusal] = [
        // Truncated input.
        Refusal("empty input", "", "unexpectedEnd", at: 0),
        Refusal("white space only", "  \n", "unexpectedEnd"),
        Refusal("object cut after a value", #"{"a":1"#, "unexpectedEnd"),
        Refusal("object cut after a colon", #"{"a":"#, "unexpectedEnd"),
        Refusal("array cut after a comma", "[1,", "unexpectedEnd"),
        Refusal("string without its closing quote", #""abc"#, "unterminatedString", at: 0),
        Refusal("string cut inside an escape", #""abc\"#, "unterminatedString"),
        Refusal("literal cut short", "tru", "unexpectedEnd"),
        Refusal("\\u escape cut short", #""\u12"#, "invalidEscape"),
        // Trailing bytes.
        Refusal("a second value", "{}{}", "trailingBytes", at: 2),
        Refusal("a word after the value", "{} x", "trailingBytes", at: 3),
        Refusal("a comma after the value", "[1],", "trailingBytes", at: 3),
        // Invalid UTF-8.
        Refusal("byte 0xFF in a string", [0x22, 0x61, 0xFF, 0x22], "invalidUTF8"),
        Refusal("byte 0xFF outside strings", [0x5B, 0xFF, 0x5D], "unexpectedByte", at: 1),
        Refusal("overlong encoding of '/'", [0x22, 0xC0, 0xAF, 0x22], "invalidUTF8"),
        Refusal("overlong encoding of NUL", [0x22, 0xC0, 0x80, 0x22], "invalidUTF8"),
        Refusal("overlong three-byte encoding", [0x22, 0xE0, 0x80, 0xAF, 0x22], "invalidUTF8"),
        Refusal("lone continuation byte", [0x22, 0x80, 0x22], "invalidUTF8"),
        Refusal("continuation byte after ASCII", [0x22, 0x61, 0xBF, 0x62, 0x22], "invalidUTF8"),
        Refusal("truncated sequence", [0x22, 0xE2, 0x82, 0x22], "invalidUTF8"),
        Refusal("UTF-8 encoded surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], "invalidUTF8"),
        Refusal("code point above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalidUTF8"),
        Refusal("invalid UTF-8 after an escape", [0x22, 0x5C, 0x6E, 0xFF, 0x22], "invalidUTF8"),
        Refusal("lead byte before an escape", [0x22, 0xC3, 0x5C, 0x6E, 0x22], "invalidUTF8"),
        // Unescaped control characters.
        Refusal("raw tab in a string", "\"a\tb\"", "controlCharacterInString", at: 2),
        Refusal("raw newline in a string", "\"a\nb\"", "controlCharacterInString", at: 2),
        Refusal("raw 0x1F in a string", [0x22, 0x1F, 0x22], "controlCharacterInString", at: 1),
        Refusal("raw control character after an escape", [0x22, 0x5C, 0x6E, 0x01, 0x22], "controlCharacterInString", at: 3),
        // Bad escapes.
        Refusal("escape \\x", #""\x41""#, "invalidEscape", at: 1),
        Refusal("escape \\'", #""\'""#, "invalidEscape", at: 1),
        Refusal("escape \\U", #""\U0041""#, "invalidEscape", at: 1),
        Refusal("escape \\u with a non-hex digit", #""\u12G4""#, "invalidEscape", at: 1),
        Refusal("escape \\ followed by a raw newline", "\"\\\n\"", "invalidEscape"),
        // Lone surrogates.
        Refusal("lone high surrogate", #""\uD800""#, "invalidEscape"),
        Refusal("lone high surrogate then a letter", #""\uD83Dx""#, "invalidEscape"),
        Refusal("lone low surrogate", #""\uDC00""#, "invalidEscape"),
        Refusal("high surrogate then a non-surrogate", #""\uD83D\u0041""#, "invalidEscape"),
        Refusal("two high surrogates", #""\uD83D\uD83D""#, "invalidEscape"),
        Refusal("low then high surrogate", #""\uDE00\uD83D""#, "invalidEscape"),
        // Numbers.
        Refusal("leading zero", "01", "trailingBytes", at: 1),
        Refusal("negative leading zero", "-01", "trailingBytes", at: 2),
        Refusal("leading zero in an array", "[01]", "unexpectedByte", at: 2),
        Refusal("leading zero in an object", #"{"a":00}"#, "unexpectedByte", at: 6),
        Refusal("fraction without digits", "1.", "invalidNumber", at: 2),
        Refusal("fraction without integer part", ".5", "unexpectedByte", at: 0),
        Refusal("plus sign", "+1", "unexpectedByte", at: 0),
        Refusal("minus alone", "-", "invalidNumber", at: 1),
        Refusal("double minus", "--1", "invalidNumber", at: 1),
        Refusal("exponent without digits", "1e", "invalidNumber", at: 2),
        Refusal("exponent sign without digits", "1e+", "invalidNumber", at: 3),
        Refusal("hexadecimal", "0x10", "trailingBytes", at: 1),
        Refusal("NaN", "NaN", "unexpectedByte", at: 0),
        Refusal("Infinity", "-Infinity", "invalidNumber", at: 1),
        // Structure.
        Refusal("duplicate member", #"{"a":1,"a":2}"#, "duplicateMember", at: 7),
        Refusal("duplicate member in a nested object", #"{"a":{"b":1,"c":2,"b":3}}"#, "duplicateMember", at: 18),
        Refusal("trailing comma in an array", "[1,]", "unexpectedByte", at: 3),
        Refusal("trailing comma in an object", #"{"a":1,}"#, "unexpectedByte", at: 7),
        Refusal("single quotes", "{'a':1}", "unexpectedByte", at: 1),
        Refusal("unquoted member name", "{a:1}", "unexpectedByte", at: 1),
        Refusal("missing colon", #"{"a" 1}"#, "unexpectedByte", at: 5),
        Refusal("comment", "[1]//x", "trailingBytes", at: 3),
        Refusal("misspelt literal", "nul", "unexpectedEnd"),
        Refusal("wrong literal", "truE", "unexpectedByte", at: 3),
        Refusal("form feed is not white space", "\u{0C}{}", "unexpectedByte", at: 0),
        Refusal("non-breaking space is not white space", "\u{A0}{}", "unexpectedByte", at: 0),
        // NUL and byte-order mark.
        Refusal("NUL byte alone", [0x00], "unexpectedByte", at: 0),
        Refusal("NUL byte after the value", [0x7B, 0x7D, 0x00], "trailingBytes", at: 2),
        Refusal("NUL byte in a string", [0x22, 0x61, 0x00, 0x22], "controlCharacterInString", at: 2),
        Refusal("NUL byte between tokens", [0x5B, 0x31, 0x00, 0x5D], "unexpectedByte", at: 2),
        Refusal("byte-order mark", [0xEF, 0xBB, 0xBF, 0x7B, 0x7D], "unexpectedByte", at: 0),
    ]

    @Test(arguments: refusals)
    func refuses(_ refusal: Refusal) {
        let error = #expect(throws: JSONSyntaxError.self) { try parse(refusal.input) }
        guard let error else { return }
        #expect(kind(of: error.reason) == refusal.reason)
        if let offset = refusal.offset {
            #expect(error.offset == offset)
        }
    }

    @Test func namesTheDuplicateMember() {
        #expect(throws: JSONSyntaxError(offset: 15, reason: .duplicateMember("seq"))) {
            try JSONParser.parse(#"{"seq":1,"x":2,"seq":1}"#)
        }
    }

    @Test func namesTheControlCharacter() {
        #expect(throws: JSONSyntaxError(offset: 3, reason: .controlCharacterInString(0x0D))) {
            try JSONParser.parse("[\"a\rb\"]")
        }
    }

    @Test(arguments: [
        String(repeating: "[", count: 10_000),
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        String(repeating: #"{"a":"#, count: 10_000) + "1" + String(repeating: "}", count: 10_000),
        String(repeating: #"[{"a":"#, count: 5_000),
    ])
    func refusesDeepNestingWithoutCrashing(_ text: String) {
        let error = #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        #expect(error?.reason == .tooDeep(JSONParser.maximumDepth))
    }

    @Test func refusesOneLevelPastTheLimit() {
        let depth = JSONParser.maximumDepth + 1
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(throws: JSONSyntaxError(offset: depth - 1, reason: .tooDeep(JSONParser.maximumDepth))) {
            try JSONParser.parse(text)
        }
    }
}

struct JSONNumberTests {
    @Test(arguments: [
        ("0", 0), ("-0", 0), ("7", 7), ("-7", -7), ("1500000", 1_500_000),
        ("999999999999999999", 999_999_999_999_999_999), ("-999999999999999999", -999_999_999_999_999_999),
    ])
    func integerValueOfWholeNumbers(_ literal: String, _ expected: Int) {
        #expect(JSONNumber(literal: literal).integerValue == expected)
    }

    @Test(arguments: [
        String(repeating: "9", count: 400),
        "-" + String(repeating: "9", count: 400),
        "1" + String(repeating: "0", count: 399),
        "99999999999999999999",  // 20 digits: beyond Int
        "1e999", "-1e999", "1e3", "1E3", "1.0", "1.5", "-0.0", "0e0",
    ])
    func integerValueIsNilWhenNotAWholeNumberThatFits(_ literal: String) throws {
        // Each literal is valid JSON: the parser keeps it, integerValue declines it.
        let value = try JSONParser.parse(literal)
        #expect(value == .number(JSONNumber(literal: literal)))
        #expect(value.integerValue == nil)
        #expect(JSONNumber(literal: literal).integerValue == nil)
    }

    @Test func negativeZeroIsNegative() {
        #expect(JSONNumber(literal: "-0").isNegative)
        #expect(!JSONNumber(literal: "0").isNegative)
        #expect(JSONNumber(-3).literal == "-3")
        #expect(JSONNumber(42).integerValue == 42)
    }
}

struct ObjectReaderAmountTests {
    private func reader(_ json: String) throws -> ObjectReader {
        try ObjectReader(try JSONParser.parse(json), path: "data")
    }

    @Test(arguments: [("0", 0), ("1", 1), ("1500000", 1_500_000), ("1000000000000", 1_000_000_000_000)])
    func acceptsWholeNonNegativeCents(_ literal: String, _ expected: Int) throws {
        #expect(try reader(#"{"amountCents":\#(literal)}"#).cents("amountCents") == expected)
    }

    @Test(arguments: [
        "-0", "-1", "-1500", "1.5", "100.0", "1e3", "1E2", "0e0", "-0.0", "1e999",
        "1000000000001", "999999999999999999",
        String(repeating: "9", count: 400), #""100""#, "null", "true", "[100]", "{}",
    ])
    func refusesEverythingElseAsAnAmount(_ literal: String) throws {
        let reader = try reader(#"{"amountCents":\#(literal)}"#)
        let found = ObjectReader.excerpt(try JSONParser.parse(literal))
        #expect(throws: FieldError(path: "data.amountCents", expected: .cents, found: found)) {
            try reader.cents("amountCents")
        }
    }

    @Test func aMissingAmountNamesItsPath() throws {
        let reader = try ObjectReader(try JSONParser.parse(#"{"x":1}"#), path: "data.lines[2]")
        #expect(throws: FieldError(path: "data.lines[2].amountCents", expected: .cents, found: nil)) {
            try reader.cents("amountCents")
        }
    }

    @Test func negativeZeroIsNotAnInteger() throws {
        let reader = try reader(#"{"year":-0,"n":-0}"#)
        #expect(throws: FieldError(path: "data.year", expected: .integerInRange(1900...2999), found: "-0")) {
            try reader.integer("year", in: 1900...2999)
        }
        #expect(throws: FieldError(path: "data.n", expected: .integer, found: "-0")) {
            try reader.integer("n")
        }
    }
}

/// A strict, byte-level JSON parser (RFC 8259) for one ledger line.
///
/// It refuses what a ledger line must never hold: invalid UTF-8, unescaped control
/// characters, duplicate member names, nesting deeper than ``maximumDepth``, and
/// anything after the value. It allocates only the values it returns.
public struct JSONParser {
    /// The deepest nesting of arrays and objects accepted. Ledger lines nest about
    /// five levels; the bound keeps hostile input from exhausting the stack.
    public static let maximumDepth = 64

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    private var depth = 0

    private init(bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Parses `bytes` as exactly one JSON value, with optional white space around it.
    public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes, envelope: false)
    }

    /// Parses a ledger line. Its envelope object is not counted as a level: the `data`
    /// member may nest ``maximumDepth`` levels, as a payload given to `record` may and as
    /// the direct path of ``LedgerLine/parse(_:at:)`` reads it, whatever path the line takes.
    static func parseLine(_ bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes, envelope: true)
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, envelope: Bool) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        if envelope { parser.depth = -1 }
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw JSONSyntaxError(offset: parser.position, reason: .trailingBytes)
        }
        return value
    }

    /// Parses the UTF-8 bytes of `text` as exactly one JSON value.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var text = text
        let result: Result<JSONValue, JSONSyntaxError> = text.withUTF8 { buffer in
            do throws(JSONSyntaxError) {
                return .success(try parse(UnsafeRawBufferPointer(buffer)))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard position < bytes.count else { throw error(.unexpectedEnd) }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object(try parseObject())
        case UInt8(ascii: "["): return .array(try parseArray())
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error(.unexpectedByte(bytes[position], expected: "a value"))
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
        try enterContainer()
        position += 1
        var members: [JSONMember] = []
        // Names seen, by bytes; filled only for objects larger than a line's usual few
        // members, so that the duplicate check stays linear (a 100,000-member object).
        var names: Set<ByteKey> = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return JSONObject(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw unexpected(expected: "a member name in double quotes")
            }
            let keyOffset = position
            let key = try parseString()
            if isDuplicate(key, among: members, names: &names) {
                throw JSONSyntaxError(offset: keyOffset, reason: .duplicateMember(key))
            }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw unexpected(expected: "':'") }
            position += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key, value))
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return JSONObject(members)
            default:
                throw unexpected(expected: "',' or '}'")
            }
        }
    }

    /// Whether `key` has the bytes of a member already read. Small objects are scanned;
    /// from ``namesIndexedFrom`` members on, the names are kept in `names`.
    private func isDuplicate(_ key: String, among members: [JSONMember], names: inout Set<ByteKey>) -> Bool {
        if members.count < Self.namesIndexedFrom {
            return members.contains { $0.key.hasSameBytes(as: key) }
        }
        if names.isEmpty {
            names.reserveCapacity(members.count * 2)
            for member in members { names.insert(ByteKey(member.key)) }
        }
        return !names.insert(ByteKey(key)).inserted
    }

    /// The member count from which an object's names are indexed for the duplicate check.
    static let namesIndexedFrom = 16

    private mutating func parseArray() throws(JSONSyntaxError) -> [JSONValue] {
        try enterContainer()
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return elements
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return elements
            default:
                throw unexpected(expected: "',' or ']'")
            }
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maximumDepth { throw error(.tooDeep(Self.maximumDepth)) }
    }

    // MARK: - Strings

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        position += 1  // opening quote
        let start = position
        // Fast path: no escape before the closing quote.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                guard UTF8Validation.isValid(slice) else {
                    throw JSONSyntaxError(offset: start, reason: .invalidUTF8)
                }
                position += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error(.controlCharacterInString(byte)) }
            position += 1
        }
        guard position < bytes.count else {
            throw JSONSyntaxError(offset: start - 1, reason: .unterminatedString)
        }
        // Slow path: decode escapes into a byte buffer.
        var decoded = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let valid = decoded.withUnsafeBytes { UTF8Validation.isValid($0) }
                guard valid else {
                    throw JSONSyntaxError(offset: start, reason: .invalidUTF8)
                }
                position += 1
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                position += 1
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""): decoded.append(0x22)
                case UInt8(ascii: "\\"): decoded.append(0x5C)
                case UInt8(ascii: "/"): decoded.append(0x2F)
                case UInt8(ascii: "b"): decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    decoded.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    throw JSONSyntaxError(offset: position - 2, reason: .invalidEscape)
                }
            default:
                if byte < 0x20 { throw error(.controlCharacterInString(byte)) }
                decoded.append(byte)
                position += 1
            }
        }
        throw JSONSyntaxError(offset: start - 1, reason: .unterminatedString)
    }

    /// The string whose opening quote is at `position` in `bytes`, its escapes decoded, and
    /// the position after its closing quote; `nil` when the parser would refuse it.
    static func decodedString(_ bytes: UnsafeRawBufferPointer, at position: Int) -> (value: String, end: Int)? {
        var parser = JSONParser(bytes: bytes)
        parser.position = position
        guard let value = try? parser.parseString() else { return nil }
        return (value, parser.position)
    }

    /// Reads the four hex digits after `\u` (and a following low surrogate escape
    /// when the first is a high surrogate).
    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let escapeStart = position - 2
        let first = try parseHexQuad(escapeStart: escapeStart)
        if (0xD800...0xDBFF).contains(first) {
            guard position + 1 < bytes.count,
                bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
            else {
                throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
            }
            position += 2
            let second = try parseHexQuad(escapeStart: escapeStart)
            guard (0xDC00...0xDFFF).contains(second) else {
                throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
            }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else {
                throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
            }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
        }
        return scalar
    }

    private mutating func parseHexQuad(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else {
            throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
        }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(offset: escapeStart, reason: .invalidEscape)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    // MARK: - Numbers and literals

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard let first = peek(), isDigit(first) else { throw error(.invalidNumber) }
        position += 1
        if first != UInt8(ascii: "0") {
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard let byte = peek(), isDigit(byte) else { throw error(.invalidNumber) }
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard let byte = peek(), isDigit(byte) else { throw error(.invalidNumber) }
            while let byte = peek(), isDigit(byte) { position += 1 }
        }
        let literal = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        return JSONNumber(literal: literal)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw error(.unexpectedEnd) }
        let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
        for index in 0..<count where bytes[position + index] != expected[index] {
            throw JSONSyntaxError(offset: position + index, reason: .unexpectedByte(bytes[position + index], expected: "\(literal)"))
        }
        position += count
    }

    // MARK: - Helpers

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    private func error(_ reason: JSONSyntaxError.Reason) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, reason: reason)
    }

    private func unexpected(expected: String) -> JSONSyntaxError {
        guard position < bytes.count else { return error(.unexpectedEnd) }
        return error(.unexpectedByte(bytes[position], expected: expected))
    }
}

/// Why a line is not valid JSON, and where (a byte offset from the start of the line).
public struct JSONSyntaxError: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        case unexpectedEnd
        case unexpectedByte(UInt8, expected: String)
        case unterminatedString
        case invalidUTF8
        case controlCharacterInString(UInt8)
        case invalidEscape
        case invalidNumber
        case tooDeep(Int)
        case duplicateMember(String)
        case trailingBytes
    }

    public var offset: Int
    public var reason: Reason

    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }
}

// MARK: - The ledger envelope, read without building its members

/// The members of a ledger line's envelope, read straight from the bytes.
struct EnvelopeFields {
    var seq: Int
    var id: String
    var type: EventType
    var version: Int
    var effective: CivilDate
    var recorded: Timestamp
    var recordedBy: String
    /// `data`'s bytes in the line (braces included), and their tape.
    var data: Range<Int>
    var dataTape: JSONTape
    var previousHash: SHA256Digest
    var hash: SHA256Digest
}

extension JSONParser {
    /// Reads a line whose envelope is exactly what format v1 writers produce — the ten
    /// members, no other, each once, strings without escapes, valid types and dates — without
    /// allocating its strings, and indexes `data` (``JSONTape``) without building it. Returns `nil` for anything else: the caller then parses the
    /// line the general way, which gives the precise error or accepts the unusual line.
    /// `scratch` lends the tape its memory and remembers the last `by`.
    static func parseEnvelope(_ bytes: UnsafeRawBufferPointer, scratch: inout LineScratch) -> EnvelopeFields? {
        var parser = JSONParser(bytes: bytes)
        return parser.envelope(scratch: &scratch)
    }

    private mutating func envelope(scratch: inout LineScratch) -> EnvelopeFields? {
        guard peek() == UInt8(ascii: "{") else { return nil }
        position += 1
        var seen: UInt16 = 0
        var seq = 0, version = 0
        var id = "", recordedBy = ""
        var type: EventType?
        var effective: CivilDate?
        var recorded: Timestamp?
        var data: Range<Int>?
        var dataTape: JSONTape?
        var previousHash: SHA256Digest?
        var hash: SHA256Digest?
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\""), let key = rawString() else { return nil }
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { return nil }
            position += 1
            skipWhitespace()
            guard let member = Self.envelopeMember(key), seen & (1 << UInt16(member)) == 0 else { return nil }
            seen |= 1 << UInt16(member)
            switch member {
            case 0: guard let value = smallInteger() else { return nil }; seq = value
            case 1: guard let value = rawString(), value.count > 0 else { return nil }; id = String(decoding: value, as: UTF8.self)
            case 2: guard let value = rawString(), let known = Self.eventType(value) else { return nil }; type = known
            case 3: guard let value = smallInteger() else { return nil }; version = value
            case 4: guard let value = rawString(), let date = CivilDate(utf8: value) else { return nil }; effective = date
            case 5: guard let value = rawString(), let time = Timestamp(utf8: value) else { return nil }; recorded = time
            case 6: guard let value = rawString() else { return nil }; recordedBy = scratch.recordedBy(value)
            case 7:
                guard peek() == UInt8(ascii: "{"),
                    let (tape, end) = JSONTape.index(bytes, at: position, depth: 1, reusing: &scratch.nodes)
                else { return nil }
                data = position..<end
                dataTape = tape
                position = end
            case 8: guard let value = rawString(), let digest = SHA256Digest(hexadecimalUTF8: value) else { return nil }; previousHash = digest
            default: guard let value = rawString(), let digest = SHA256Digest(hexadecimalUTF8: value) else { return nil }; hash = digest
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                skipWhitespace()
                guard position == bytes.count, seen == 0x3FF, member == 9, let type, let effective, let recorded, let data,
                    let dataTape, let previousHash, let hash, seq >= 1
                else { return nil }
                return EnvelopeFields(
                    seq: seq, id: id, type: type, version: version, effective: effective, recorded: recorded,
                    recordedBy: recordedBy, data: data, dataTape: dataTape, previousHash: previousHash, hash: hash)
            default: return nil
            }
        }
    }

    /// The bytes of a string with no escape and no control character, validated as UTF-8;
    /// `nil` otherwise (the general path handles it).
    private mutating func rawString() -> UnsafeRawBufferPointer? {
        guard peek() == UInt8(ascii: "\""), case .closed(let end) = JSONStringScanner.scan(bytes, from: position + 1) else {
            return nil
        }
        let value = UnsafeRawBufferPointer(rebasing: bytes[(position + 1)..<end])
        position = end + 1
        return value
    }

    /// A whole number of at most 18 digits, no sign, no leading zero.
    private mutating func smallInteger() -> Int? {
        var value = 0
        var digits = 0
        while let byte = peek(), isDigit(byte) {
            if digits == 1 && value == 0 { return nil }
            // Checked before multiplying: a 19th digit would overflow `Int` (a trap).
            if digits == 18 { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        guard digits > 0, let next = peek(), next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E")
        else { return nil }
        return value
    }

    /// The event types by the bytes of their names.
    private static let eventTypeNames: [(name: [UInt8], type: EventType)] = EventType.allCases.map { (Array($0.rawValue.utf8), $0) }

    private static func envelopeMember(_ key: UnsafeRawBufferPointer) -> Int? {
        // Told apart by length and first byte, then checked whole.
        switch (key.count, key.first ?? 0) {
        case (3, UInt8(ascii: "s")): return key.hasBytes(of: "seq") ? 0 : nil
        case (2, UInt8(ascii: "i")): return key.hasBytes(of: "id") ? 1 : nil
        case (4, UInt8(ascii: "t")): return key.hasBytes(of: "type") ? 2 : nil
        case (1, UInt8(ascii: "v")): return 3
        case (9, UInt8(ascii: "e")): return key.hasBytes(of: "effective") ? 4 : nil
        case (8, UInt8(ascii: "r")): return key.hasBytes(of: "recorded") ? 5 : nil
        case (2, UInt8(ascii: "b")): return key.hasBytes(of: "by") ? 6 : nil
        case (4, UInt8(ascii: "d")): return key.hasBytes(of: "data") ? 7 : nil
        case (4, UInt8(ascii: "p")): return key.hasBytes(of: "prev") ? 8 : nil
        case (4, UInt8(ascii: "h")): return key.hasBytes(of: "hash") ? 9 : nil
        default: return nil
        }
    }

    /// The event type named by `name`'s bytes (length first, then `memcmp`), if any.
    static func eventType(_ name: UnsafeRawBufferPointer) -> EventType? {
        let names = eventTypeNames
        for entry in names where entry.name.count == name.count {
            if entry.name.withUnsafeBytes({ name.hasSameBytes(as: $0) }) { return entry.type }
        }
        return nil
    }
}

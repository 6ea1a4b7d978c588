/// One JSON value of a line, checked and indexed over its bytes without building it: the
/// direct path of ``LedgerLine/parse(_:at:)`` decodes typed payloads from it through
/// ``ObjectReader`` and keeps `data` as bytes.
///
/// It accepts a subset of what ``JSONParser`` accepts, and what it accepts reads the same:
/// the same grammar, UTF-8 check, depth limit and duplicate-name refusal. Anything unusual
/// (a member name with an escape, an object of more than ``maximumMembers`` members, any
/// error) gives `nil`, and the caller falls back to ``JSONParser``, which names the problem.
struct JSONTape {
    enum Kind: UInt8 {
        case null, `false`, `true`, number, string, array, object
    }

    /// One value. A container's members or elements follow it; `next` is the index of the
    /// node after the value and everything inside it.
    struct Node {
        var kind: Kind
        /// A string holding an escape (decoded when read).
        var hasEscape: Bool
        /// The value's bytes: a string's without its quotes, a container's with its brackets.
        var start: Int32
        var end: Int32
        var next: Int32
        /// For an object's member: its name's bytes (no quotes, no escape).
        var keyStart: Int32
        var keyEnd: Int32
    }

    /// The members of one object checked for duplicates; larger objects take the general
    /// path (which indexes names, a 100,000-member object).
    static let maximumMembers = 64

    var nodes: [Node]

    /// Indexes the value starting at `position` in `bytes` (a ledger line, `data` at
    /// `depth` 1); returns the tape and the position after the value, or `nil`. The nodes
    /// are stored in `storage`'s memory (emptied first), taken: give it back when done.
    static func index(
        _ bytes: UnsafeRawBufferPointer, at position: Int, depth: Int, reusing storage: inout [Node]
    ) -> (tape: JSONTape, end: Int)? {
        guard bytes.count < Int(Int32.max) else { return nil }
        var nodes: [Node] = []
        swap(&nodes, &storage)
        nodes.removeAll(keepingCapacity: true)
        nodes.reserveCapacity(48)
        var builder = Builder(bytes: bytes, position: position, nodes: nodes)
        guard builder.value(depth: depth) else {
            storage = builder.nodes
            return nil
        }
        return (JSONTape(nodes: builder.nodes), builder.position)
    }

    private struct Builder {
        let bytes: UnsafeRawBufferPointer
        var position: Int
        var nodes: [Node]

        /// Reads one value whose container, if it is one, sits at `depth` (1 for `data`).
        /// A scalar's node is appended whole once read; a container's is appended first
        /// (its members follow it) and completed at its end.
        mutating func value(depth: Int, keyStart: Int32 = 0, keyEnd: Int32 = 0) -> Bool {
            guard position < bytes.count else { return false }
            let start = position
            let kind: Kind
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth <= JSONParser.maximumDepth else { return false }
                let index = nodes.count
                nodes.append(Node(kind: .null, hasEscape: false, start: Int32(start), end: 0, next: 0, keyStart: keyStart, keyEnd: keyEnd))
                let isObject = bytes[position] == UInt8(ascii: "{")
                guard isObject ? object(depth: depth) : array(depth: depth) else { return false }
                nodes[index] = Node(
                    kind: isObject ? .object : .array, hasEscape: false, start: Int32(start), end: Int32(position),
                    next: Int32(nodes.count), keyStart: keyStart, keyEnd: keyEnd)
                return true
            case UInt8(ascii: "\""):
                guard let escaped = string() else { return false }
                nodes.append(
                    Node(
                        kind: .string, hasEscape: escaped, start: Int32(start + 1), end: Int32(position - 1),
                        next: Int32(nodes.count + 1), keyStart: keyStart, keyEnd: keyEnd))
                return true
            case UInt8(ascii: "t"):
                guard literal("true") else { return false }
                kind = .true
            case UInt8(ascii: "f"):
                guard literal("false") else { return false }
                kind = .false
            case UInt8(ascii: "n"):
                guard literal("null") else { return false }
                kind = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard number() else { return false }
                kind = .number
            default:
                return false
            }
            nodes.append(
                Node(
                    kind: kind, hasEscape: false, start: Int32(start), end: Int32(position), next: Int32(nodes.count + 1),
                    keyStart: keyStart, keyEnd: keyEnd))
            return true
        }

        mutating func object(depth: Int) -> Bool {
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                position += 1
                return true
            }
            let first = nodes.count
            var members = 0
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\""), let key = rawKey() else { return false }
                // Names without escapes: the same bytes are the same name, as the parser compares them.
                var member = first
                while member < nodes.count {
                    let other = nodes[member]
                    if sameBytes(other.keyStart, other.keyEnd, key.start, key.end) { return false }
                    member = Int(other.next)
                }
                members += 1
                guard members <= JSONTape.maximumMembers else { return false }
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { return false }
                position += 1
                skipWhitespace()
                guard value(depth: depth + 1, keyStart: key.start, keyEnd: key.end) else { return false }
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "}"): position += 1; return true
                default: return false
                }
            }
        }

        mutating func array(depth: Int) -> Bool {
            position += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return true
            }
            while true {
                skipWhitespace()
                guard value(depth: depth + 1) else { return false }
                skipWhitespace()
                switch peek() {
                case UInt8(ascii: ","): position += 1
                case UInt8(ascii: "]"): position += 1; return true
                default: return false
                }
            }
        }

        /// A member name without escape or control character, valid UTF-8.
        mutating func rawKey() -> (start: Int32, end: Int32)? {
            let start = position + 1
            guard string() == false else { return nil }
            return (Int32(start), Int32(position - 1))
        }

        /// A string value; whether it holds an escape (then checked by decoding it as the
        /// parser does), or `nil` when it is not valid.
        mutating func string() -> Bool? {
            switch JSONStringScanner.scan(bytes, from: position + 1) {
            case .closed(let end):
                position = end + 1
                return false
            case .escape:
                guard let end = JSONParser.decodedString(bytes, at: position)?.end else { return nil }
                position = end
                return true
            case .invalid:
                return nil
            }
        }

        /// A number as the JSON grammar has it (`-`, no leading zero, fraction, exponent).
        mutating func number() -> Bool {
            if peek() == UInt8(ascii: "-") { position += 1 }
            guard let first = peek(), isDigit(first) else { return false }
            position += 1
            if first != UInt8(ascii: "0") {
                while let byte = peek(), isDigit(byte) { position += 1 }
            }
            if peek() == UInt8(ascii: ".") {
                position += 1
                guard let byte = peek(), isDigit(byte) else { return false }
                while let byte = peek(), isDigit(byte) { position += 1 }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                position += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
                guard let byte = peek(), isDigit(byte) else { return false }
                while let byte = peek(), isDigit(byte) { position += 1 }
            }
            return true
        }

        mutating func literal(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            let expected = UnsafeRawBufferPointer(start: literal.utf8Start, count: count)
            for offset in 0..<count where bytes[position + offset] != expected[offset] { return false }
            position += count
            return true
        }

        func sameBytes(_ start: Int32, _ end: Int32, _ otherStart: Int32, _ otherEnd: Int32) -> Bool {
            UnsafeRawBufferPointer(rebasing: bytes[Int(start)..<Int(end)])
                .hasSameBytes(as: UnsafeRawBufferPointer(rebasing: bytes[Int(otherStart)..<Int(otherEnd)]))
        }

        func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        func peek() -> UInt8? {
            position < bytes.count ? bytes[position] : nil
        }

        mutating func skipWhitespace() {
            while position < bytes.count {
                switch bytes[position] {
                case 0x20, 0x0A, 0x0D, 0x09: position += 1
                default: return
                }
            }
        }
    }
}

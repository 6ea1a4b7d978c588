/// A JSON value as it stands in a ledger line.
///
/// Objects keep their members in the order they were written, so that a line read and
/// written again gives the same bytes, and numbers keep their literal text, so that
/// nothing is rounded on the way through. Members this version does not know are kept.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short English name of the value's kind, used in error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The object, if this value is one.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The string, if this value is one.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The whole number, if this value is an integer literal that fits in `Int`.
    public var integerValue: Int? {
        if case .number(let number) = self { return number.integerValue }
        return nil
    }
}

/// A JSON number, kept as its literal text (`12`, `-0`, `1.5e3`).
public struct JSONNumber: Sendable, Hashable {
    /// The number exactly as written.
    public let literal: String

    /// Creates a number from a literal already checked against the JSON grammar.
    public init(literal: String) {
        self.literal = literal
    }

    /// Creates the literal of a whole number.
    public init(_ integer: Int) {
        self.literal = String(integer)
    }

    /// The value when the literal is a whole number without fraction or exponent that
    /// fits in `Int`; `nil` otherwise (`1.0`, `1e3`, 400 digits).
    public var integerValue: Int? {
        var utf8 = literal.utf8[...]
        var negative = false
        if utf8.first == UInt8(ascii: "-") {
            negative = true
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty, utf8.count <= 18 else { return nil }
        var value = 0
        for byte in utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return negative ? -value : value
    }

    /// Whether the literal starts with a minus sign (`-0` included).
    public var isNegative: Bool {
        literal.utf8.first == UInt8(ascii: "-")
    }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON object whose members keep their written order.
public struct JSONObject: Sendable, Hashable {
    public var members: [JSONMember]

    public init(_ members: [JSONMember] = []) {
        self.members = members
    }

    /// The value of the member named `key` (the same bytes: `"in\u{212A}ind"` is not
    /// `inKind`), or `nil` when there is none.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key.hasSameBytes(as: key) {
                return member.value
            }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key.hasSameBytes(as: key) }) {
                if let newValue {
                    members[index].value = newValue
                } else {
                    members.remove(at: index)
                }
            } else if let newValue {
                members.append(JSONMember(key, newValue))
            }
        }
    }

    /// The member names, in order.
    public var keys: [String] { members.map(\.key) }

    /// Equality that ignores member order, used to decide whether two events carry the
    /// same content.
    public func hasSameContent(as other: JSONObject) -> Bool {
        guard members.count == other.members.count else { return false }
        // Names are unique by bytes (the parser refuses duplicates): large objects are
        // matched through an index, so that the comparison stays linear.
        var otherValues: [ByteKey: JSONValue] = [:]
        if members.count > 16 {
            otherValues.reserveCapacity(other.members.count)
            for member in other.members { otherValues[ByteKey(member.key)] = member.value }
        }
        for member in members {
            let otherValue = otherValues.isEmpty
                ? other.members.first(where: { $0.key.hasSameBytes(as: member.key) })?.value
                : otherValues[ByteKey(member.key)]
            guard let otherValue, otherValue.hasSameContent(as: member.value) else { return false }
        }
        return true
    }
}

extension JSONValue {
    /// Equality that ignores the order of object members. Strings are compared byte
    /// for byte (`é` precomposed and decomposed differ, as they do in the file).
    public func hasSameContent(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.string(let left), .string(let right)):
            return left.utf8.elementsEqual(right.utf8)
        case (.object(let left), .object(let right)):
            return left.hasSameContent(as: right)
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.hasSameContent(as: $1) }
        default:
            return self == other
        }
    }
}

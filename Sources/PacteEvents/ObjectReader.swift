/// Reads the members of one JSON object with strict types, naming the member's full
/// path in every error. Payload types use it to decode themselves.
public struct ObjectReader: Sendable {
    public let object: JSONObject
    /// The object's own path, e.g. `data` or `data.sheet.funding[0]`.
    public let path: String

    public init(_ value: JSONValue, path: String) throws(FieldError) {
        guard case .object(let object) = value else {
            throw FieldError(path: path, expected: .object, found: Self.excerpt(value))
        }
        self.object = object
        self.path = path
    }

    public func memberPath(_ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    /// Whether the member is present and not `null`.
    public func contains(_ key: String) -> Bool {
        if let value = object[key], value != .null { return true }
        return false
    }

    public func required(_ key: String, _ expected: ExpectedValue) throws(FieldError) -> JSONValue {
        guard let value = object[key] else {
            throw FieldError(path: memberPath(key), expected: expected, found: nil)
        }
        return value
    }

    // MARK: - Scalars

    public func string(_ key: String) throws(FieldError) -> String {
        let value = try required(key, .string)
        guard case .string(let string) = value else {
            throw FieldError(path: memberPath(key), expected: .string, found: Self.excerpt(value))
        }
        return string
    }

    public func optionalString(_ key: String) throws(FieldError) -> String? {
        guard contains(key) else { return nil }
        return try string(key)
    }

    public func integer(_ key: String, in range: ClosedRange<Int>? = nil) throws(FieldError) -> Int {
        let expected: ExpectedValue = range.map { .integerInRange($0) } ?? .integer
        let value = try required(key, expected)
        guard case .number(let number) = value, let integer = number.integerValue,
            !(integer == 0 && number.isNegative), range?.contains(integer) ?? true
        else {
            throw FieldError(path: memberPath(key), expected: expected, found: Self.excerpt(value))
        }
        return integer
    }

    public func optionalInteger(_ key: String, in range: ClosedRange<Int>? = nil) throws(FieldError) -> Int? {
        guard contains(key) else { return nil }
        return try integer(key, in: range)
    }

    /// The largest amount accepted: 10 billion euros. No pact comes near it, and sums of a
    /// million such amounts still fit in `Int`.
    public static let maximumCents = 1_000_000_000_000

    /// An amount in euro cents: a whole, non-negative number up to ``maximumCents``
    /// (`-0`, `1.5`, `1e3` refused).
    public func cents(_ key: String) throws(FieldError) -> Int {
        let value = try required(key, .cents)
        guard case .number(let number) = value, !number.isNegative, let cents = number.integerValue,
            cents <= Self.maximumCents
        else {
            throw FieldError(path: memberPath(key), expected: .cents, found: Self.excerpt(value))
        }
        return cents
    }

    public func date(_ key: String) throws(FieldError) -> CivilDate {
        let value = try required(key, .date)
        guard case .string(let text) = value, let date = CivilDate(text) else {
            throw FieldError(path: memberPath(key), expected: .date, found: Self.excerpt(value))
        }
        return date
    }

    public func optionalDate(_ key: String) throws(FieldError) -> CivilDate? {
        guard contains(key) else { return nil }
        return try date(key)
    }

    public func bool(_ key: String) throws(FieldError) -> Bool {
        let value = try required(key, .boolean)
        guard case .bool(let flag) = value else {
            throw FieldError(path: memberPath(key), expected: .boolean, found: Self.excerpt(value))
        }
        return flag
    }

    public func optionalBool(_ key: String) throws(FieldError) -> Bool? {
        guard contains(key) else { return nil }
        return try bool(key)
    }

    /// A string, number or boolean, kept as written (indicator targets and values).
    public func scalar(_ key: String) throws(FieldError) -> JSONValue {
        let value = try required(key, .scalar)
        switch value {
        case .string, .number, .bool: return value
        default: throw FieldError(path: memberPath(key), expected: .scalar, found: Self.excerpt(value))
        }
    }

    public func optionalScalar(_ key: String) throws(FieldError) -> JSONValue? {
        guard contains(key) else { return nil }
        return try scalar(key)
    }

    /// A string among `Choice`'s raw values.
    public func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type)
        throws(FieldError) -> Choice where Choice.RawValue == String
    {
        guard let value = object[key], case .string(let text) = value, let choice = Choice(rawValue: text) else {
            let expected = ExpectedValue.oneOf(Choice.allCases.map(\.rawValue))
            throw FieldError(path: memberPath(key), expected: expected, found: object[key].map(Self.excerpt))
        }
        return choice
    }

    public func optionalChoice<Choice: RawRepresentable & CaseIterable>(_ key: String, as type: Choice.Type)
        throws(FieldError) -> Choice? where Choice.RawValue == String
    {
        guard contains(key) else { return nil }
        return try choice(key, as: type)
    }

    public func document(_ key: String) throws(FieldError) -> DocumentReference {
        let value = try required(key, .document)
        guard case .string(let text) = value, let document = DocumentReference(text) else {
            throw FieldError(path: memberPath(key), expected: .document, found: Self.excerpt(value))
        }
        return document
    }

    // MARK: - Containers

    public func object(_ key: String) throws(FieldError) -> ObjectReader {
        try ObjectReader(try required(key, .object), path: memberPath(key))
    }

    public func optionalObject(_ key: String) throws(FieldError) -> ObjectReader? {
        guard contains(key) else { return nil }
        return try object(key)
    }

    public func array<Element>(
        _ key: String,
        _ element: (JSONValue, String) throws(FieldError) -> Element
    ) throws(FieldError) -> [Element] {
        let value = try required(key, .array)
        guard case .array(let values) = value else {
            throw FieldError(path: memberPath(key), expected: .array, found: Self.excerpt(value))
        }
        var elements: [Element] = []
        elements.reserveCapacity(values.count)
        let base = memberPath(key)
        for (index, item) in values.enumerated() {
            elements.append(try element(item, "\(base)[\(index)]"))
        }
        return elements
    }

    public func optionalArray<Element>(
        _ key: String,
        _ element: (JSONValue, String) throws(FieldError) -> Element
    ) throws(FieldError) -> [Element]? {
        guard contains(key) else { return nil }
        return try array(key, element)
    }

    public func strings(_ key: String) throws(FieldError) -> [String] {
        try array(key, Self.stringElement)
    }

    public func optionalStrings(_ key: String) throws(FieldError) -> [String]? {
        try optionalArray(key, Self.stringElement)
    }

    // MARK: - Element decoders

    public static func stringElement(_ value: JSONValue, _ path: String) throws(FieldError) -> String {
        guard case .string(let string) = value else {
            throw FieldError(path: path, expected: .string, found: excerpt(value))
        }
        return string
    }

    public static func integerElement(_ value: JSONValue, _ path: String) throws(FieldError) -> Int {
        guard case .number(let number) = value, let integer = number.integerValue else {
            throw FieldError(path: path, expected: .integer, found: excerpt(value))
        }
        return integer
    }

    /// At most 60 characters of the value's JSON, for messages.
    public static func excerpt(_ value: JSONValue) -> String {
        let text = JSONWriter.string(of: value)
        return text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}

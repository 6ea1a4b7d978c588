/// Reads the members of one JSON object with strict types, naming the member's full
/// path in every error. Payload types use it to decode themselves.
///
/// It reads either a built object or, on the direct path of ``LedgerLine/parse(_:at:)``,
/// an object of a ``JSONTape`` over the line's bytes. The second kind keeps no path (its
/// errors are only a signal: the line is then read the general way, which names the
/// member), and lives only while the line is decoded.
public struct ObjectReader: Sendable {
    private let storage: Storage
    /// The object's own path, e.g. `data` or `data.sheet.funding[0]`.
    public let path: String

    private enum Storage: Sendable {
        case built(JSONObject)
        case tape(JSONTapeCursor)
    }

    public init(_ value: JSONValue, path: String) throws(FieldError) {
        guard case .object(let object) = value else {
            throw FieldError(path: path, expected: .object, found: Self.excerpt(value))
        }
        self.storage = .built(object)
        self.path = path
    }

    /// Reads the object at `cursor` (a tape's object).
    init(tape cursor: JSONTapeCursor) {
        self.storage = .tape(cursor)
        self.path = ""
    }

    /// The object, built (members in order).
    public var object: JSONObject {
        switch storage {
        case .built(let object): object
        case .tape(let cursor): cursor.objectValue
        }
    }

    public func memberPath(_ key: String) -> String {
        if case .tape = storage { return "" }
        return path.isEmpty ? key : path + "." + key
    }

    /// Whether the member is present and not `null`.
    public func contains(_ key: String) -> Bool {
        switch storage {
        case .built(let object):
            if let value = object[key], value != .null { return true }
            return false
        case .tape(let cursor):
            if let member = cursor.member(key), member.kind != .null { return true }
            return false
        }
    }

    public func required(_ key: String, _ expected: ExpectedValue) throws(FieldError) -> JSONValue {
        guard let value = value(key) else {
            throw FieldError(path: memberPath(key), expected: expected, found: nil)
        }
        return value
    }

    /// The member's value, built; `nil` when there is none.
    private func value(_ key: String) -> JSONValue? {
        switch storage {
        case .built(let object): object[key]
        case .tape(let cursor): cursor.member(key)?.value
        }
    }

    /// On a tape, the member named `key`, or the error that says what was expected (the
    /// caller reads it when the member holds what it expects, and throws otherwise).
    private func tapeMember(_ key: String) -> JSONTapeCursor? {
        if case .tape(let cursor) = storage { return cursor.member(key) }
        return nil
    }

    private var isTape: Bool {
        if case .tape = storage { return true }
        return false
    }

    /// The error for a member that does not hold `expected`, naming what it holds.
    private func mismatch(_ key: String, _ expected: ExpectedValue) -> FieldError {
        FieldError(path: memberPath(key), expected: expected, found: value(key).map(Self.excerpt))
    }

    // MARK: - Scalars

    public func string(_ key: String) throws(FieldError) -> String {
        if isTape {
            guard let text = tapeMember(key)?.string else { throw mismatch(key, .string) }
            return text
        }
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
        if isTape {
            guard let number = tapeMember(key)?.number, let integer = number.integer,
                !(integer == 0 && number.isNegative), range?.contains(integer) ?? true
            else { throw mismatch(key, expected) }
            return integer
        }
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
        if isTape {
            guard let number = tapeMember(key)?.number, !number.isNegative, let cents = number.integer,
                cents <= Self.maximumCents
            else { throw mismatch(key, .cents) }
            return cents
        }
        let value = try required(key, .cents)
        guard case .number(let number) = value, !number.isNegative, let cents = number.integerValue,
            cents <= Self.maximumCents
        else {
            throw FieldError(path: memberPath(key), expected: .cents, found: Self.excerpt(value))
        }
        return cents
    }

    public func date(_ key: String) throws(FieldError) -> CivilDate {
        if isTape {
            guard let member = tapeMember(key) else { throw mismatch(key, .date) }
            if let utf8 = member.unescapedUTF8, let date = CivilDate(utf8: utf8) { return date }
            guard member.nodeHasEscape, let text = member.string, let date = CivilDate(text) else { throw mismatch(key, .date) }
            return date
        }
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
        if isTape {
            switch tapeMember(key)?.kind {
            case .true: return true
            case .false: return false
            default: throw mismatch(key, .boolean)
            }
        }
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
        let text = isTape ? tapeMember(key)?.string : value(key)?.stringValue
        guard let text, let choice = Choice(rawValue: text) else {
            throw mismatch(key, .oneOf(Choice.allCases.map(\.rawValue)))
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
        if isTape {
            guard let text = tapeMember(key)?.string, let document = DocumentReference(text) else {
                throw mismatch(key, .document)
            }
            return document
        }
        let value = try required(key, .document)
        guard case .string(let text) = value, let document = DocumentReference(text) else {
            throw FieldError(path: memberPath(key), expected: .document, found: Self.excerpt(value))
        }
        return document
    }

    // MARK: - Containers

    public func object(_ key: String) throws(FieldError) -> ObjectReader {
        if isTape {
            guard let member = tapeMember(key), member.kind == .object else { throw mismatch(key, .object) }
            return ObjectReader(tape: member)
        }
        return try ObjectReader(try required(key, .object), path: memberPath(key))
    }

    public func optionalObject(_ key: String) throws(FieldError) -> ObjectReader? {
        guard contains(key) else { return nil }
        return try object(key)
    }

    public func array<Element>(
        _ key: String,
        _ element: (JSONValue, String) throws(FieldError) -> Element
    ) throws(FieldError) -> [Element] {
        if isTape {
            guard let items = tapeMember(key)?.elements else { throw mismatch(key, .array) }
            var elements: [Element] = []
            elements.reserveCapacity(items.count)
            for item in items { elements.append(try element(item.value, "")) }
            return elements
        }
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

    /// An array of objects, each read by `element` (an element that is not an object is
    /// refused as `element(json:path:)` decoders refuse it).
    public func objects<Element>(
        _ key: String,
        _ element: (ObjectReader) throws(FieldError) -> Element
    ) throws(FieldError) -> [Element] {
        if isTape {
            guard let items = tapeMember(key)?.elements else { throw mismatch(key, .array) }
            var elements: [Element] = []
            elements.reserveCapacity(items.count)
            for item in items {
                guard item.kind == .object else { throw FieldError(path: "", expected: .object, found: Self.excerpt(item.value)) }
                elements.append(try element(ObjectReader(tape: item)))
            }
            return elements
        }
        return try array(key) { (value, path) throws(FieldError) in try element(try ObjectReader(value, path: path)) }
    }

    public func optionalObjects<Element>(
        _ key: String,
        _ element: (ObjectReader) throws(FieldError) -> Element
    ) throws(FieldError) -> [Element]? {
        guard contains(key) else { return nil }
        return try objects(key, element)
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

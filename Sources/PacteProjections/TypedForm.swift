import PacteEvents

/// What a person typed in a form, field by field (a command's options): the values of
/// each field (a repeatable field has several, the last one wins otherwise) and the
/// yes-or-no fields given. Read as people write: 15/03/2025, euros with a comma, French
/// or English words; a value that cannot be used is a ``FormError`` naming the field.
public struct TypedForm: Sendable {
    public var values: [String: [String]]
    public var flags: Set<String>

    public init(values: [String: [String]] = [:], flags: Set<String> = []) {
        self.values = values
        self.flags = flags
    }

    /// The last value given for `name`.
    public func value(_ name: String) -> String? {
        values[name]?.last
    }

    public func allValues(_ name: String) -> [String] {
        values[name] ?? []
    }

    public func has(_ flag: String) -> Bool {
        flags.contains(flag)
    }

    public func required(_ name: String) throws(FormError) -> String {
        guard let value = value(name) else { throw .missing(field: name) }
        return value
    }

    /// `text`, read by `read`; a failure names the field and the value typed.
    public func typed<Value>(_ name: String, _ text: String, _ read: (String) throws(TypedInputError) -> Value) throws(FormError) -> Value {
        do {
            return try read(text)
        } catch {
            throw .unusable(field: name, value: text, error)
        }
    }

    // MARK: - Dates and numbers

    /// A date as people write it: `15/03/2025` or `2025-03-15` (see ``TypedDate``).
    public func date(_ name: String) throws(FormError) -> CivilDate? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, TypedDate.parse)
    }

    public func requiredDate(_ name: String) throws(FormError) -> CivilDate {
        guard let date = try date(name) else { throw .missing(field: name) }
        return date
    }

    /// A timestamp `YYYY-MM-DDTHH:MM:SSZ`, or a date meaning the end of that day (UTC).
    public func timestamp(_ name: String) throws(FormError) -> Timestamp? {
        guard let text = value(name) else { return nil }
        if let timestamp = Timestamp(text) { return timestamp }
        if let date = try? TypedDate.parse(text) { return Timestamp(date: date, hour: 23, minute: 59, second: 59) }
        throw .invalid(field: name, value: text, expected: "YYYY-MM-DDTHH:MM:SSZ, JJ/MM/AAAA / DD/MM/YYYY")
    }

    public func integer(_ name: String, in range: ClosedRange<Int> = 0...Int.max) throws(FormError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw .invalid(field: name, value: text, expected: "\(range.lowerBound)…")
        }
        return number
    }

    /// A four-digit year (`--year 2026`); `--year 26` says four digits are expected.
    public func year(_ name: String) throws(FormError) -> Int? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, TypedDate.year)
    }

    /// Every value of a repeated year field.
    public func years(_ name: String) throws(FormError) -> [Int] {
        var years: [Int] = []
        for text in allValues(name) { years.append(try typed(name, text, TypedDate.year)) }
        return years
    }

    /// `oui`/`non` (or `yes`/`no`, `true`/`false`).
    public func yesNo(_ name: String) throws(FormError) -> Bool? {
        guard let text = value(name) else { return nil }
        switch text.lowercased() {
        case "oui", "yes", "true", "o", "y", "1": return true
        case "non", "no", "false", "n", "0": return false
        default: throw .invalid(field: name, value: text, expected: "oui | non")
        }
    }

    // MARK: - Words

    /// A value of one of the format's enumerations, typed in French or English
    /// (`--outcome adoptée`), as its table's value.
    public func word<Value>(_ name: String, in table: WordTable<Value>) throws(FormError) -> Value? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, table.parse)
    }

    /// The document a vote or signature is about: `convention`, `avenant-1`, `amendment-1`.
    public func document(_ name: String) throws(FormError) -> DocumentReference? {
        guard let text = value(name) else { return nil }
        return try typed(name, text, DocumentWords.parse)
    }

    /// Every `--public`, in the format's spelling.
    public func publics() throws(FormError) -> [JSONValue] {
        var values: [JSONValue] = []
        for text in allValues("public") { values.append(.string(try typed("public", text, PublicWords.parse).description)) }
        return values
    }

    /// `text` cut at `:` into `count` parts (the last keeps its colons).
    public func parts(_ name: String, _ text: String, count: Int, expected: String) throws(FormError) -> [String] {
        let parts = text.split(separator: ":", maxSplits: count - 1, omittingEmptySubsequences: false)
            .map { Self.trimmed(String($0)) }
        guard parts.count == count else { throw .invalid(field: name, value: text, expected: expected) }
        return parts
    }

    /// A partner (`init`'s porteur, `join`'s partner) from the fields named: id, name,
    /// kind (a French or English word), statutory body, and `signatory` with `role`.
    public func partner(id: String, name: String, kind: String, body: String) throws(FormError) -> JSONObject {
        var partner = JSONObject()
        partner["id"] = .string(try required(id))
        partner["name"] = .string(try required(name))
        _ = try required(kind)
        partner["kind"] = .string(try word(kind, in: Vocabulary.partnerKind)!.rawValue)
        if let statutoryBody = value(body) { partner["statutoryBody"] = .string(statutoryBody) }
        if let signatory = value("signatory") {
            partner["signatory"] = Signatory(name: signatory, role: try required("role")).json
        }
        return partner
    }

    /// `text` without leading and trailing spaces.
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

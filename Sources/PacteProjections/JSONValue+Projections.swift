import PacteEvents

// Small builders for the projections' hand-written JSON encodings.
extension JSONValue {
    /// An object with `members` in the order written.
    static func object(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(JSONObject(members.map { JSONMember($0.key, $0.value) }))
    }

    static func integer(_ value: Int) -> JSONValue {
        .number(JSONNumber(value))
    }

    /// `YYYY-MM-DD`, or `null`.
    static func date(_ date: CivilDate?) -> JSONValue {
        date.map { .string($0.description) } ?? .null
    }

    /// The text, or `null`.
    static func text(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    static func texts(_ texts: [String]) -> JSONValue {
        .array(texts.map { .string($0) })
    }

    static func integers(_ values: [Int]) -> JSONValue {
        .array(values.map { .integer($0) })
    }

    /// The integer, or `null`.
    static func integer(_ value: Int?) -> JSONValue {
        value.map { .integer($0) } ?? .null
    }
}

extension EventReference {
    /// `{"seq","id","type","effective","recorded","by"}`.
    public var jsonValue: JSONValue {
        .object([
            "seq": .integer(seq), "id": .string(id), "type": .string(type.rawValue),
            "effective": .date(effective), "recorded": .string(recorded.description), "by": .string(recordedBy),
        ])
    }
}

extension FieldChange {
    /// `{"member","before","after"}`; an absent value is `null`.
    public var jsonValue: JSONValue {
        .object(["member": .string(member), "before": before ?? .null, "after": after ?? .null])
    }
}

import PacteEvents

/// One member of a record that changed: `member: before → after`. `nil` means absent.
public struct FieldChange: Sendable, Hashable {
    public var member: String
    public var before: JSONValue?
    public var after: JSONValue?

    public init(member: String, before: JSONValue?, after: JSONValue?) {
        self.member = member
        self.before = before
        self.after = after
    }

    /// The members of `after` that differ from `before` (in `after`'s order, then the
    /// members `after` dropped).
    public static func changes(from before: JSONObject?, to after: JSONObject) -> [FieldChange] {
        var changes: [FieldChange] = []
        for member in after.members {
            let old = before?[member.key]
            if old.map({ !$0.hasSameContent(as: member.value) }) ?? true {
                changes.append(FieldChange(member: member.key, before: old, after: member.value))
            }
        }
        for member in before?.members ?? [] where after[member.key] == nil {
            changes.append(FieldChange(member: member.key, before: member.value, after: nil))
        }
        return changes
    }
}

extension FieldChange {
    /// The value before, as compact JSON text (`—` when absent), for tables.
    public var beforeText: String { before.map { JSONWriter.string(of: $0) } ?? "—" }
    /// The value after, as compact JSON text (`—` when absent), for tables.
    public var afterText: String { after.map { JSONWriter.string(of: $0) } ?? "—" }
}

import PacteEvents

extension AmendmentHistory {
    /// `{"entries": [...], "corrections": [...]}` (see `docs/json-output.md`).
    public var jsonValue: JSONValue {
        .object(["entries": .array(entries.map(\.jsonValue)), "corrections": .array(corrections.map(\.jsonValue))])
    }
}

extension AmendmentHistory.Entry {
    public var jsonValue: JSONValue {
        .object([
            "kind": .string(kind.rawValue),
            "subject": .string(subject.kind),
            "subjectId": .text(subject.id),
            "seq": .integer(source.seq),
            "effective": .date(source.effective),
            "recorded": .string(source.recorded.description),
            "by": .string(source.recordedBy),
            "appliesFrom": .date(appliesFrom),
            "pending": .bool(isPending),
            "reason": .text(reason),
            "amendment": .integer(amendment),
            "governanceMeeting": governanceMeeting.map { .object(["date": .date($0.effective), "seq": .integer($0.seq)]) } ?? .null,
            "note": .text(note),
            "changes": .array(changes.map(\.jsonValue)),
        ])
    }
}

extension CorrectionRecord {
    /// `{"seq","effective","recorded","by","reason","status","retraction","target":{...},"original","replacement","changes"}`.
    public var jsonValue: JSONValue {
        let changes = replacement.map { FieldChange.changes(from: original.data, to: $0) } ?? []
        return .object([
            "seq": .integer(correction.seq),
            "effective": .date(correction.effective),
            "recorded": .string(correction.recorded.description),
            "by": .string(correction.recordedBy),
            "reason": .string(reason),
            "status": .string(status.rawValue),
            "retraction": .bool(isRetraction),
            "target": EventReference(original).jsonValue,
            "original": .object(original.data),
            "replacement": replacement.map { .object($0) } ?? .null,
            "changes": .array(changes.map(\.jsonValue)),
        ])
    }
}

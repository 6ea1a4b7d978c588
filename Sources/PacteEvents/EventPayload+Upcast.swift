// The old versions of event types, and one upcast per step (version k to k + 1). A
// stored line is never rewritten: it is read as its version, then upcast.

/// `action.added` version 1: the sheet only. A member `amendment` in a v1 line is one
/// this version did not know: kept in `data`, never read as an amendment.
public struct ActionAddedV1: Sendable, Hashable {
    public var sheet: ActionSheet

    public init(sheet: ActionSheet) {
        self.sheet = sheet
    }

    init(reader: ObjectReader) throws(FieldError) {
        sheet = try ActionSheet(json: try reader.required("sheet", .object), path: reader.memberPath("sheet"))
    }
}

extension ActionAdded {
    /// v1 to v2: the action takes effect on its own date, carried by no amendment.
    public static func upcast(_ v1: ActionAddedV1) -> ActionAdded {
        ActionAdded(sheet: v1.sheet, amendment: nil)
    }
}

/// `correction.recorded` version 1: the same members as version 2; its replacement is
/// read as version 1 of the target's type (see ``EventType/replacementVersion(of:inCorrectionVersion:)``).
public struct CorrectionRecordedV1: Sendable, Hashable {
    public var target: String
    public var reason: String
    public var replacement: JSONObject?

    public init(target: String, reason: String, replacement: JSONObject?) {
        self.target = target
        self.reason = reason
        self.replacement = replacement
    }

    init(reader: ObjectReader) throws(FieldError) {
        let v2 = try CorrectionRecorded(reader: reader)
        self.init(target: v2.target, reason: v2.reason, replacement: v2.replacement)
    }
}

extension CorrectionRecorded {
    /// v1 to v2: the same members.
    public static func upcast(_ v1: CorrectionRecordedV1) -> CorrectionRecorded {
        CorrectionRecorded(target: v1.target, reason: v1.reason, replacement: v1.replacement)
    }
}

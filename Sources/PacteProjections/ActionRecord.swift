import PacteEvents

/// An action sheet (fiche-action) as currently in force, with its revisions, closure and
/// indicator reports.
public struct ActionRecord: Sendable, Hashable {
    /// The sheet in force: `action.added`, then every change in force applied.
    public var sheet: ActionSheet
    public var addedOn: CivilDate
    public var source: EventReference
    /// The changes applied to the sheet, in the order they took effect.
    public var revisions: [ActionRevision]
    public var closure: Closure?
    public var reports: [IndicatorReport]
    /// The amendment (avenant) that carried the action (`action.added` v2), if any.
    public var amendment: Int? = nil

    public var id: String { sheet.actionId }

    public struct Closure: Sendable, Hashable {
        public var outcome: ActionClosed.Outcome
        public var summary: String
        public var impactResult: ActionClosed.ImpactResult?
        public var date: CivilDate
        public var source: EventReference
    }

    public struct IndicatorReport: Sendable, Hashable {
        public var indicator: String
        public var period: String
        public var value: JSONValue
        public var note: String?
        public var source: EventReference
    }
}

/// A change applied to an action sheet (`action.amended`).
public struct ActionRevision: Sendable, Hashable {
    /// The `action.amended` event.
    public var source: EventReference
    public var reason: String
    /// The amendment (avenant) that carried the change, if any.
    public var amendment: Int?
    /// The date the change took effect: the event's date, or the amendment's entry into
    /// force when that is later.
    public var appliedOn: CivilDate
    /// The members replaced, with their values before and after.
    public var changes: [FieldChange]
}

/// An `action.amended` tied to an amendment not in force (yet): its changes wait.
public struct PendingActionChange: Sendable, Hashable {
    public var actionId: String
    public var changes: JSONObject
    public var reason: String
    public var amendment: Int?
    public var source: EventReference
}

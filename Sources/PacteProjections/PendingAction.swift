import PacteEvents

/// An `action.added` (v2) carried by an amendment not in force (yet): the action waits
/// for it. It is shown as pending and judged by no rule until then; from the day the
/// amendment enters into force it is an action like any other.
public struct PendingAction: Sendable, Hashable {
    public var sheet: ActionSheet
    /// The amendment (avenant) that carries the action.
    public var amendment: Int
    /// The `action.added` event.
    public var source: EventReference

    public var id: String { sheet.actionId }
    /// The cash its sheet plans, all partners and years (saturating).
    public var plannedCashCents: Int { (sheet.funding ?? []).saturatingSum(of: \.amountCents) }
}

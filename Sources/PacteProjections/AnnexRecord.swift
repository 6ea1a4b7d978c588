import PacteEvents

/// An annex attached to the pact (`annex.attached`, annexes 1 to 5).
public struct AnnexRecord: Sendable, Hashable {
    public var annex: AnnexAttached
    public var attachedOn: CivilDate
    public var source: EventReference

    public var number: Int { annex.annex }
}

import PacteEvents

/// A meeting of the pact's steering body (`governance.held`).
public struct GovernanceMeeting: Sendable, Hashable {
    public var meeting: GovernanceHeld
    public var date: CivilDate
    public var source: EventReference
}

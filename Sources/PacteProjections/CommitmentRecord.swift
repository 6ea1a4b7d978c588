import PacteEvents

/// A partner's yearly commitment as voted (`commitment.voted`). Only an `adopted`
/// outcome commits the partner; rejected and deferred votes are kept visible.
public struct CommitmentRecord: Sendable, Hashable {
    public var partnerId: String
    public var year: Int
    public var body: String
    public var reference: String
    public var outcome: VoteOutcome
    public var lines: [CommitmentVoted.Line]
    public var inKind: [CommitmentVoted.InKindLine]
    /// The date of the vote (`effective`).
    public var decidedOn: CivilDate
    public var source: EventReference

    /// Whether this vote commits the partner (outcome `adopted`).
    public var isAdopted: Bool { outcome == .adopted }
    public var cashCents: Int { lines.saturatingSum(of: \.amountCents) }
    public var inKindCents: Int { inKind.saturatingSum(of: \.valuationCents) }
}

extension CommitmentVoted {
    /// The cash of every line.
    public var cashCents: Int { lines.reduce(0) { $0 + $1.amountCents } }
}

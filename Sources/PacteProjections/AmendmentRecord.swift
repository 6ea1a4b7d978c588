import PacteEvents

/// An amendment (avenant) proposed by `amendment.proposed`. Its signature path is in
/// the state's ``DocumentSigning`` for `amendment-N`.
public struct AmendmentRecord: Sendable, Hashable {
    public var number: Int
    public var purpose: String
    public var proposedOn: CivilDate
    public var source: EventReference

    public var document: DocumentReference { .amendment(number) }
}

/// Where an amendment stands on its signature path.
public enum AmendmentStage: Sendable, Hashable {
    case proposed
    case inSignature
    case inForce(since: CivilDate)

    /// `proposed`, `in-signature` or `in-force`.
    public var code: String {
        switch self {
        case .proposed: "proposed"
        case .inSignature: "in-signature"
        case .inForce: "in-force"
        }
    }
}

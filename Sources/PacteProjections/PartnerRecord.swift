import PacteEvents

/// A partner of the pact as the state knows it: who, how it joined, whether it withdrew.
public struct PartnerRecord: Sendable, Hashable {
    /// How the partner came into the pact.
    public enum Entry: String, Sendable, Hashable {
        /// The porteur named by `pact.drafted`.
        case porteur
        /// A partner from the start (`partner.joined`, `via: initial`).
        case initial
        /// A later adhesion (`partner.joined`, `via: adhesion`).
        case adhesion
    }

    public struct Withdrawal: Sendable, Hashable {
        public var date: CivilDate
        public var reason: String
        public var source: EventReference
    }

    public var partner: Partner
    public var entry: Entry
    /// The amendment that carries the adhesion, if any.
    public var amendment: Int?
    public var joinedOn: CivilDate
    public var source: EventReference
    public var withdrawal: Withdrawal?

    public var id: String { partner.id }
    public var isWithdrawn: Bool { withdrawal != nil }
    /// Whether the partner is the State (kind `state`): rules STATE-* apply to its money.
    public var isState: Bool { partner.kind == .state }
    /// Whether the partner must have its statutory body vote before it signs.
    public var needsApprovalVote: Bool { !(partner.statutoryBody ?? "").isEmpty }
}

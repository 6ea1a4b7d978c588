import PacteEvents

/// The money of the pact, summed: voted (adopted `commitment.voted` only) and planned
/// (the action sheets in force), by partner, by year and by action. Cash and in-kind
/// valuations are kept apart; cash is also split by basis.
public struct PactTotals: Sendable, Hashable {
    /// Cash by basis and in-kind valuation, in cents.
    public struct Amounts: Sendable, Hashable {
        public var dedicatedCents = 0
        public var commonLawContractedCents = 0
        public var commonLawCents = 0
        public var inKindCents = 0

        public init() {}

        /// All cash, every basis.
        public var cashCents: Int { dedicatedCents.addingSaturating(commonLawContractedCents).addingSaturating(commonLawCents) }

        mutating func addCash(_ cents: Int, basis: FundingLine.Basis) {
            switch basis {
            case .dedicated: dedicatedCents.addSaturating(cents)
            case .commonLawContracted: commonLawContractedCents.addSaturating(cents)
            case .commonLaw: commonLawCents.addSaturating(cents)
            }
        }
    }

    /// One partner's adopted money for one action and year, with the sources named.
    public struct Detail: Sendable, Hashable {
        public var partnerId: String
        public var year: Int
        public var actionId: String
        public var amounts: Amounts
        /// The distinct `source` texts of the cash lines, in order.
        public var sources: [String]
    }

    public var voted = Amounts()
    /// Adopted money by partner, year and action, sorted by partner, year, action.
    public var votedDetails: [Detail] = []
    public var votedByPartner: [ByteKey: Amounts] = [:]
    public var votedByYear: [Int: Amounts] = [:]
    public var votedByAction: [ByteKey: Amounts] = [:]
    public var planned = Amounts()
    public var plannedByPartner: [ByteKey: Amounts] = [:]
    /// Planned cash by year (in-kind contributions of a sheet have no year).
    public var plannedByYear: [Int: Amounts] = [:]
    public var plannedByAction: [ByteKey: Amounts] = [:]
    /// The State partners' share of ``voted`` and ``planned`` (partners of kind `state`).
    public var votedByState = Amounts()
    public var votedByStateByYear: [Int: Amounts] = [:]
    public var plannedByState = Amounts()

    public init(state: PactState) {
        let stateIds = state.statePartnerKeys
        struct DetailKey: Hashable {
            var partner: ByteKey
            var year: Int
            var action: ByteKey
        }
        var details: [DetailKey: Detail] = [:]
        func detail(_ partnerId: String, _ year: Int, _ actionId: String, _ change: (inout Detail) -> Void) {
            let key = DetailKey(partner: ByteKey(partnerId), year: year, action: ByteKey(actionId))
            if details[key] == nil {
                details[key] = Detail(partnerId: partnerId, year: year, actionId: actionId, amounts: Amounts(), sources: [])
            }
            change(&details[key]!)
        }
        for commitment in state.commitments where commitment.isAdopted {
            for line in commitment.lines {
                detail(commitment.partnerId, commitment.year, line.actionId) { row in
                    row.amounts.addCash(line.amountCents, basis: line.basis)
                    if !row.sources.contains(line.source) { row.sources.append(line.source) }
                }
                voted.addCash(line.amountCents, basis: line.basis)
                votedByPartner[ByteKey(commitment.partnerId), default: Amounts()].addCash(line.amountCents, basis: line.basis)
                votedByYear[commitment.year, default: Amounts()].addCash(line.amountCents, basis: line.basis)
                votedByAction[ByteKey(line.actionId), default: Amounts()].addCash(line.amountCents, basis: line.basis)
                if stateIds.contains(ByteKey(commitment.partnerId)) {
                    votedByState.addCash(line.amountCents, basis: line.basis)
                    votedByStateByYear[commitment.year, default: Amounts()].addCash(line.amountCents, basis: line.basis)
                }
            }
            for line in commitment.inKind {
                detail(commitment.partnerId, commitment.year, line.actionId) { $0.amounts.inKindCents.addSaturating(line.valuationCents) }
                voted.inKindCents.addSaturating(line.valuationCents)
                votedByPartner[ByteKey(commitment.partnerId), default: Amounts()].inKindCents.addSaturating(line.valuationCents)
                votedByYear[commitment.year, default: Amounts()].inKindCents.addSaturating(line.valuationCents)
                votedByAction[ByteKey(line.actionId), default: Amounts()].inKindCents.addSaturating(line.valuationCents)
            }
        }
        votedDetails = details.values.sorted { ($0.partnerId, $0.year, $0.actionId) < ($1.partnerId, $1.year, $1.actionId) }
        for action in state.actions {
            for line in action.sheet.funding ?? [] {
                planned.addCash(line.amountCents, basis: line.basis)
                plannedByPartner[ByteKey(line.partnerId), default: Amounts()].addCash(line.amountCents, basis: line.basis)
                plannedByYear[line.year, default: Amounts()].addCash(line.amountCents, basis: line.basis)
                plannedByAction[ByteKey(action.id), default: Amounts()].addCash(line.amountCents, basis: line.basis)
                if stateIds.contains(ByteKey(line.partnerId)) { plannedByState.addCash(line.amountCents, basis: line.basis) }
            }
            for contribution in action.sheet.inKind ?? [] {
                planned.inKindCents.addSaturating(contribution.valuationCents)
                plannedByPartner[ByteKey(contribution.partnerId), default: Amounts()].inKindCents.addSaturating(contribution.valuationCents)
                plannedByAction[ByteKey(action.id), default: Amounts()].inKindCents.addSaturating(contribution.valuationCents)
            }
        }
    }
}

extension PactState {
    /// The pact's money, summed.
    public var totals: PactTotals { PactTotals(state: self) }
}

import PacteEvents

/// The cash and in-kind money of one action for one year, planned (the action sheet in
/// force) or voted (adopted `commitment.voted`), with the State's cash apart, and the
/// co-financing judgment (rule COFINANCING) made once: every rule, document and output
/// reads this value.
public struct ActionFunding: Sendable, Hashable {
    public enum Money: String, Sendable, Hashable, CaseIterable {
        case planned, voted
    }

    /// The co-financing judgment of one action and year.
    public enum Status: String, Sendable, Hashable {
        /// No State cash: the rule does not apply.
        case notStateFunded = "not-state-funded"
        /// The other partners bring at least half of the cash.
        case cofinanced
        /// Voted money falls short while partners that planned money for the action and
        /// year have not voted on that year, and the year is not over (an `info`).
        case awaitingVotes = "awaiting-votes"
        /// The other partners bring less than half of the cash (an `error`).
        case shortfall

        /// Several years of one action taken together, as `check` judges them: a shortfall
        /// in any year, else votes awaited in any year, else co-financed (not State-funded
        /// when no year has State cash, or there is no year).
        public static func combining(_ statuses: [Status]) -> Status {
            if statuses.contains(.shortfall) { return .shortfall }
            if statuses.contains(.awaitingVotes) { return .awaitingVotes }
            return statuses.contains(.cofinanced) ? .cofinanced : .notStateFunded
        }
    }

    public var actionId: String
    public var year: Int
    public var money: Money
    public var stateCashCents: Int
    public var otherCashCents: Int
    /// In-kind valuations (outside the cash budget). Planned in-kind is the sheet's, not
    /// split by year.
    public var inKindCents: Int
    /// Voted money only: the partners that planned cash for this action and year on the
    /// sheet in force and have not voted on that year (adopted or rejected; a deferred
    /// vote is no decision yet).
    public var awaitedPartnerIds: [String]
    public var status: Status
    /// The events the figures come from.
    public var seq: [Int]

    public var cashCents: Int { stateCashCents.addingSaturating(otherCashCents) }
    /// The other partners' share of the cash, exact.
    public var othersShare: Share { Share(otherCashCents, of: cashCents) }
    /// The State's share of the cash, exact.
    public var stateShare: Share { Share(stateCashCents, of: cashCents) }
    /// Whether the other partners bring at least half of the cash (true without State cash).
    public var isCofinanced: Bool { stateCashCents == 0 || othersShare.isAtLeastHalf }
    /// The co-financing missing to reach half: the State's cash less the others'.
    public var shortfallCents: Int { isCofinanced ? 0 : stateCashCents - otherCashCents }

    /// Every action and year with money, actions in the state's order; for each action the
    /// planned years, then the voted ones. Judged at `date` (is the year over?).
    public static func all(in state: PactState, judgedAt date: CivilDate) -> [ActionFunding] {
        all(in: state, judgedAt: date, votedMoney: CommitmentsByAction(state.commitments))
    }

    /// ``all(in:judgedAt:)``, the adopted money by action already read.
    static func all(in state: PactState, judgedAt date: CivilDate, votedMoney: CommitmentsByAction) -> [ActionFunding] {
        let stateIds = state.statePartnerKeys
        let decisions = Decisions(state.commitments)
        var result: [ActionFunding] = []
        for action in state.actions {
            let sheetSeq = [action.source.seq] + action.revisions.map(\.source.seq)
            var planned: [Int: ActionFunding] = [:]
            let plannedInKind = (action.sheet.inKind ?? []).saturatingSum(of: \.valuationCents)
            for line in action.sheet.funding ?? [] {
                var funding = planned[line.year] ?? ActionFunding(
                    actionId: action.id, year: line.year, money: .planned, inKindCents: plannedInKind, seq: sheetSeq)
                if stateIds.contains(ByteKey(line.partnerId)) {
                    funding.stateCashCents.addSaturating(line.amountCents)
                } else {
                    funding.otherCashCents.addSaturating(line.amountCents)
                }
                planned[line.year] = funding
            }
            for year in planned.keys.sorted() {
                var funding = planned[year]!
                funding.status = funding.stateCashCents == 0 ? .notStateFunded : funding.isCofinanced ? .cofinanced : .shortfall
                result.append(funding)
            }
            var voted: [Int: ActionFunding] = [:]
            for money in votedMoney[action.id] {
                let year = state.commitments[money.commitment].year
                var funding = voted[year] ?? ActionFunding(actionId: action.id, year: year, money: .voted, inKindCents: 0, seq: [])
                if stateIds.contains(ByteKey(state.commitments[money.commitment].partnerId)) {
                    funding.stateCashCents.addSaturating(money.cashCents)
                } else {
                    funding.otherCashCents.addSaturating(money.cashCents)
                }
                funding.inKindCents.addSaturating(money.inKindCents)
                funding.seq.append(state.commitments[money.commitment].source.seq)
                voted[year] = funding
            }
            for year in voted.keys.sorted() {
                var funding = voted[year]!
                if funding.stateCashCents == 0 {
                    funding.status = .notStateFunded
                } else if funding.isCofinanced {
                    funding.status = .cofinanced
                } else {
                    var awaited: [String] = []
                    var listed: Set<ByteKey> = []
                    for line in action.sheet.funding ?? [] where line.year == year && line.amountCents > 0 {
                        let partner = ByteKey(line.partnerId)
                        if !decisions.contain(partner, year), listed.insert(partner).inserted {
                            awaited.append(line.partnerId)
                        }
                    }
                    funding.awaitedPartnerIds = awaited
                    funding.status = !awaited.isEmpty && date.year <= year ? .awaitingVotes : .shortfall
                }
                result.append(funding)
            }
        }
        return result
    }

    init(actionId: String, year: Int, money: Money, inKindCents: Int, seq: [Int]) {
        self.actionId = actionId
        self.year = year
        self.money = money
        stateCashCents = 0
        otherCashCents = 0
        self.inKindCents = inKindCents
        awaitedPartnerIds = []
        status = .notStateFunded
        self.seq = seq
    }
}

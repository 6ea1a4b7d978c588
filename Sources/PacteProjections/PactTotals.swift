import PacteEvents

/// The money of the pact, summed: voted (adopted `commitment.voted` only) and planned
/// (the action sheets in force), by partner, by year and by action. Cash and in-kind
/// valuations are kept apart; cash is also split by basis. The sums of the partners'
/// accounts (``PartnerMoney``): the pact's money is read once.
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
    /// The other partners' cash of ``voted`` and ``planned`` (every partner not of kind `state`).
    public var votedByOthers = Amounts()
    public var plannedByOthers = Amounts()

    /// Cash by action, the State partners' and the other partners' apart.
    public var plannedByStateByAction: [ByteKey: Amounts] = [:]
    public var plannedByOthersByAction: [ByteKey: Amounts] = [:]
    public var votedByStateByAction: [ByteKey: Amounts] = [:]
    public var votedByOthersByAction: [ByteKey: Amounts] = [:]

    public init(state: PactState) {
        self.init(money: PartnerMoney(state: state))
    }

    /// The partners' accounts, summed: the money is read from the pact once, by
    /// ``PartnerMoney``, and these totals are its sums.
    public init(money: PartnerMoney) {
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
        for account in money.accounts {
            let partner = ByteKey(account.partnerId)
            for line in account.lines {
                if line.isPlanned { addCash(line.plannedCents, line, of: account, to: .planned) }
                if line.isVoted { addCash(line.votedCents, line, of: account, to: .voted) }
            }
            // A vote's sources in the order of its lines.
            for line in account.votedLines {
                detail(account.partnerId, line.year, line.actionId) { row in
                    row.amounts.addCash(line.votedCents, basis: line.basis)
                    if !row.sources.contains(line.source) { row.sources.append(line.source) }
                }
            }
            for inKind in account.votedInKind {
                detail(account.partnerId, inKind.year, inKind.actionId) { $0.amounts.inKindCents.addSaturating(inKind.cents) }
                voted.inKindCents.addSaturating(inKind.cents)
                votedByPartner[partner, default: Amounts()].inKindCents.addSaturating(inKind.cents)
                votedByYear[inKind.year, default: Amounts()].inKindCents.addSaturating(inKind.cents)
                votedByAction[ByteKey(inKind.actionId), default: Amounts()].inKindCents.addSaturating(inKind.cents)
            }
            for action in account.plannedByAction {
                planned.inKindCents.addSaturating(action.inKindCents)
                plannedByPartner[partner, default: Amounts()].inKindCents.addSaturating(action.inKindCents)
                plannedByAction[ByteKey(action.actionId), default: Amounts()].inKindCents.addSaturating(action.inKindCents)
            }
        }
        votedDetails = details.values.sorted { ($0.partnerId, $0.year, $0.actionId) < ($1.partnerId, $1.year, $1.actionId) }
    }

    /// Where the sums of one side go, planned or voted.
    private struct Side {
        var total: WritableKeyPath<PactTotals, Amounts>
        var byPartner: WritableKeyPath<PactTotals, [ByteKey: Amounts]>
        var byYear: WritableKeyPath<PactTotals, [Int: Amounts]>
        var byAction: WritableKeyPath<PactTotals, [ByteKey: Amounts]>
        var byState: WritableKeyPath<PactTotals, Amounts>
        var byOthers: WritableKeyPath<PactTotals, Amounts>
        var byStateByYear: WritableKeyPath<PactTotals, [Int: Amounts]>?
        var byStateByAction: WritableKeyPath<PactTotals, [ByteKey: Amounts]>
        var byOthersByAction: WritableKeyPath<PactTotals, [ByteKey: Amounts]>

        static var planned: Side {
            Side(total: \.planned, byPartner: \.plannedByPartner, byYear: \.plannedByYear, byAction: \.plannedByAction,
                 byState: \.plannedByState, byOthers: \.plannedByOthers, byStateByYear: nil, byStateByAction: \.plannedByStateByAction,
                 byOthersByAction: \.plannedByOthersByAction)
        }

        static var voted: Side {
            Side(total: \.voted, byPartner: \.votedByPartner, byYear: \.votedByYear, byAction: \.votedByAction,
                 byState: \.votedByState, byOthers: \.votedByOthers, byStateByYear: \.votedByStateByYear,
                 byStateByAction: \.votedByStateByAction, byOthersByAction: \.votedByOthersByAction)
        }
    }

    /// Adds a line's cash to one side's sums.
    private mutating func addCash(_ cents: Int, _ line: PartnerMoney.Line, of account: PartnerMoney.Account, to side: Side) {
        let partner = ByteKey(account.partnerId)
        let action = ByteKey(line.actionId)
        self[keyPath: side.total].addCash(cents, basis: line.basis)
        self[keyPath: side.byPartner][partner, default: Amounts()].addCash(cents, basis: line.basis)
        self[keyPath: side.byYear][line.year, default: Amounts()].addCash(cents, basis: line.basis)
        self[keyPath: side.byAction][action, default: Amounts()].addCash(cents, basis: line.basis)
        if account.isState {
            self[keyPath: side.byState].addCash(cents, basis: line.basis)
            if let byStateByYear = side.byStateByYear {
                self[keyPath: byStateByYear][line.year, default: Amounts()].addCash(cents, basis: line.basis)
            }
            self[keyPath: side.byStateByAction][action, default: Amounts()].addCash(cents, basis: line.basis)
        } else {
            self[keyPath: side.byOthers].addCash(cents, basis: line.basis)
            self[keyPath: side.byOthersByAction][action, default: Amounts()].addCash(cents, basis: line.basis)
        }
    }
}

extension PactState {
    /// The pact's money, summed.
    public var totals: PactTotals { PactTotals(money: partnerMoney) }
}

import PacteEvents

/// Each partner's money, read once from the pact: the cash it planned (the funding lines
/// of the action sheets in force) and the cash its bodies voted (the lines of its adopted
/// `commitment.voted`), by action, year, basis and source, by year and basis, and in
/// total; its in-kind valuations, planned by action (a sheet's in-kind has no year) and
/// voted by action and year.
///
/// The one computation of the pact's money: ``PactTotals`` sums these accounts, and every
/// document prints them. Every line counts, whatever became of the partner (a withdrawn
/// partner's sheet lines and votes stay in the accounts, as in the totals). Partners are
/// told apart by the bytes of their ids (``ByteKey``), as the format does; sources are
/// texts, grouped as typed.
public struct PartnerMoney: Sendable, Hashable {
    /// One partner's cash for one action, year, basis and source.
    public struct Line: Sendable, Hashable {
        public var actionId: String
        public var year: Int
        public var basis: FundingLine.Basis
        public var source: String
        public var plannedCents = 0
        public var votedCents = 0
        /// Whether a funding line of a sheet in force has this key (its amount may be 0).
        public var isPlanned = false
        /// Whether a line of an adopted commitment has this key (its amount may be 0).
        public var isVoted = false
    }

    /// One partner's cash for one year and basis.
    public struct YearAndBasis: Sendable, Hashable {
        public var year: Int
        public var basis: FundingLine.Basis
        public var plannedCents = 0
        public var votedCents = 0
    }

    /// One partner's planned money on one action (the sheet in force): cash, every year and
    /// basis, and in-kind valuation.
    public struct ActionAmounts: Sendable, Hashable {
        public var actionId: String
        public var cashCents = 0
        public var inKindCents = 0
    }

    /// One partner's in-kind valuation voted for one action and year.
    public struct VotedInKind: Sendable, Hashable {
        public var actionId: String
        public var year: Int
        public var cents = 0
    }

    /// One in-kind contribution of a partner: from a sheet in force, or from an adopted vote.
    public struct InKindItem: Sendable, Hashable {
        public var actionId: String
        public var description: String
        /// The year of the adopted vote; `nil` for a sheet's contribution.
        public var votedYear: Int?
        public var cents: Int
    }

    /// One partner's money.
    public struct Account: Sendable, Hashable {
        public internal(set) var partnerId: String
        /// Whether the partner is a State partner (kind `state`).
        public internal(set) var isState: Bool
        /// Cash by action, year, basis and source: the keys of the sheets' lines first (in the
        /// order of the actions and of their lines), then those only voted (in the order of
        /// the commitments and of their lines).
        public internal(set) var lines: [Line] = []
        /// Cash by year and basis, by year then basis (``FundingLine/Basis/allCases`` order).
        public internal(set) var byYearAndBasis: [YearAndBasis] = []
        /// Planned money by action, in the order of the actions.
        public internal(set) var plannedByAction: [ActionAmounts] = []
        /// Voted in-kind valuations by action and year, in the order of the commitments.
        public internal(set) var votedInKind: [VotedInKind] = []
        /// Every in-kind contribution: the sheets' (in the order of the actions and of their
        /// lines), then the adopted votes' (in the order of the commitments and of their lines).
        public internal(set) var inKindItems: [InKindItem] = []
        public internal(set) var plannedCashCents = 0
        public internal(set) var votedCashCents = 0
        public internal(set) var plannedInKindCents = 0
        public internal(set) var votedInKindCents = 0
        /// The positions in ``lines`` of the voted keys, in the order of the commitments and
        /// of their lines (``PactTotals`` names the sources of a vote in that order).
        private(set) var votedOrder: [Int] = []

        private var linePositions: [LineKey: Int] = [:]
        private var actionPositions: [ByteKey: Int] = [:]
        private var votedInKindPositions: [ActionYear: Int] = [:]

        private struct LineKey: Hashable {
            var action: ByteKey
            var year: Int
            var basis: FundingLine.Basis
            var source: String
        }

        private struct ActionYear: Hashable {
            var action: ByteKey
            var year: Int
        }

        init(partnerId: String, isState: Bool) {
            self.partnerId = partnerId
            self.isState = isState
        }

        /// The partner's planned money on `actionId` (none: zero).
        public func planned(onAction actionId: String) -> ActionAmounts {
            actionPositions[ByteKey(actionId)].map { plannedByAction[$0] } ?? ActionAmounts(actionId: actionId)
        }

        /// The voted keys' lines, in the order of the commitments and of their lines.
        var votedLines: [Line] { votedOrder.map { lines[$0] } }

        private mutating func linePosition(_ actionId: String, _ year: Int, _ basis: FundingLine.Basis, _ source: String) -> Int {
            let key = LineKey(action: ByteKey(actionId), year: year, basis: basis, source: source)
            if let position = linePositions[key] { return position }
            lines.append(Line(actionId: actionId, year: year, basis: basis, source: source))
            linePositions[key] = lines.count - 1
            return lines.count - 1
        }

        private mutating func actionPosition(_ actionId: String) -> Int {
            let key = ByteKey(actionId)
            if let position = actionPositions[key] { return position }
            plannedByAction.append(ActionAmounts(actionId: actionId))
            actionPositions[key] = plannedByAction.count - 1
            return plannedByAction.count - 1
        }

        mutating func addPlanned(_ line: FundingLine, onAction actionId: String) {
            let position = linePosition(actionId, line.year, line.basis, line.source)
            lines[position].plannedCents.addSaturating(line.amountCents)
            lines[position].isPlanned = true
            plannedByAction[actionPosition(actionId)].cashCents.addSaturating(line.amountCents)
            plannedCashCents.addSaturating(line.amountCents)
        }

        mutating func addPlannedInKind(_ contribution: InKindContribution, onAction actionId: String) {
            plannedByAction[actionPosition(actionId)].inKindCents.addSaturating(contribution.valuationCents)
            plannedInKindCents.addSaturating(contribution.valuationCents)
            inKindItems.append(InKindItem(
                actionId: actionId, description: contribution.description, votedYear: nil, cents: contribution.valuationCents))
        }

        mutating func addVoted(_ line: CommitmentVoted.Line, year: Int) {
            let position = linePosition(line.actionId, year, line.basis, line.source)
            if !lines[position].isVoted {
                lines[position].isVoted = true
                votedOrder.append(position)
            }
            lines[position].votedCents.addSaturating(line.amountCents)
            votedCashCents.addSaturating(line.amountCents)
        }

        mutating func addVotedInKind(_ line: CommitmentVoted.InKindLine, year: Int) {
            let key = ActionYear(action: ByteKey(line.actionId), year: year)
            let position = votedInKindPositions[key] ?? votedInKind.count
            if position == votedInKind.count {
                votedInKind.append(VotedInKind(actionId: line.actionId, year: year))
                votedInKindPositions[key] = position
            }
            votedInKind[position].cents.addSaturating(line.valuationCents)
            votedInKindCents.addSaturating(line.valuationCents)
            inKindItems.append(InKindItem(actionId: line.actionId, description: line.description, votedYear: year, cents: line.valuationCents))
        }

        /// Sums ``lines`` by year and basis.
        mutating func closeYears() {
            let order = FundingLine.Basis.allCases
            var positions: [YearAndBasisKey: Int] = [:]
            var rows: [YearAndBasis] = []
            for line in lines {
                let key = YearAndBasisKey(year: line.year, basis: line.basis)
                let position = positions[key] ?? rows.count
                if position == rows.count {
                    rows.append(YearAndBasis(year: line.year, basis: line.basis))
                    positions[key] = position
                }
                rows[position].plannedCents.addSaturating(line.plannedCents)
                rows[position].votedCents.addSaturating(line.votedCents)
            }
            byYearAndBasis = rows.sorted {
                ($0.year, order.firstIndex(of: $0.basis)!) < ($1.year, order.firstIndex(of: $1.basis)!)
            }
        }

        private struct YearAndBasisKey: Hashable {
            var year: Int
            var basis: FundingLine.Basis
        }
    }

    /// Every partner named by a sheet's money or an adopted commitment, in the order first
    /// named: the sheets (actions in order), then the commitments. A partner without money
    /// has no account.
    public private(set) var accounts: [Account] = []
    private var positions: [ByteKey: Int] = [:]

    public init(state: PactState) {
        let stateIds = state.statePartnerKeys
        func position(_ partnerId: String) -> Int {
            let key = ByteKey(partnerId)
            if let position = positions[key] { return position }
            accounts.append(Account(partnerId: partnerId, isState: stateIds.contains(key)))
            positions[key] = accounts.count - 1
            return accounts.count - 1
        }
        for action in state.actions {
            for line in action.sheet.funding ?? [] {
                accounts[position(line.partnerId)].addPlanned(line, onAction: action.id)
            }
            for contribution in action.sheet.inKind ?? [] {
                accounts[position(contribution.partnerId)].addPlannedInKind(contribution, onAction: action.id)
            }
        }
        for commitment in state.commitments where commitment.isAdopted {
            // An adopted vote without any line opens no account (nothing to count).
            for line in commitment.lines {
                accounts[position(commitment.partnerId)].addVoted(line, year: commitment.year)
            }
            for line in commitment.inKind {
                accounts[position(commitment.partnerId)].addVotedInKind(line, year: commitment.year)
            }
        }
        for index in accounts.indices { accounts[index].closeYears() }
    }

    /// The partner's money, or `nil` when no sheet line or adopted commitment names it.
    public func account(of partnerId: String) -> Account? {
        positions[ByteKey(partnerId)].map { accounts[$0] }
    }
}

extension PactState {
    /// Each partner's money.
    public var partnerMoney: PartnerMoney { PartnerMoney(state: self) }
}

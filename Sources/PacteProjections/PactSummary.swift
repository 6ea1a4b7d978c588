import PacteEvents

/// One pact in a row, for the State service that reviews every pact of a region:
/// territory, status, entry into force, signatures, State cash per year, co-financing,
/// and the number of rule findings by severity.
public struct PactSummary: Sendable, Hashable {
    public var pactId: String?
    public var title: String?
    public var territory: String?
    public var status: PactStatus?
    public var statusSince: CivilDate?
    /// The convention's entry into force.
    public var inForceSince: CivilDate?
    /// Partners the convention was sent to (less those who withdrew), and how many signed.
    public var partnersRequested: Int
    public var partnersSigned: Int
    /// State cash voted (adopted commitments of `state` partners), by year.
    public var stateCashByYear: [Int: Int]
    /// All cash voted, every partner.
    public var cashCents: Int
    /// Other partners' share of the cash voted for State-funded actions, in whole
    /// percent rounded down (`nil` when no State cash is voted).
    public var cofinancingPercent: Int? { cofinancingShare?.percentRoundedDown }
    /// The same share, exact (`nil` when no State cash is voted).
    public var cofinancingShare: Share?
    public var errorCount: Int
    public var warningCount: Int
    public var infoCount: Int
    public var eventCount: Int

    /// The summary of the pact in `events` as of `asOf`, as the ledger knew it at
    /// `knownAt`, judged at the earlier of `asOf` and `today`.
    public init(events: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil, today: CivilDate) {
        let check = RuleCheck(view: LedgerView(events: events, asOf: asOf, knownAt: knownAt), today: today)
        let state = check.state
        let findings = check.findings()
        pactId = state.pact?.pactId
        title = state.pact?.title
        territory = state.pact?.territory.name
        status = state.status
        statusSince = state.statusSince
        inForceSince = state.inForceSince
        let convention = state.signing(of: .convention)
        let withdrawn = Set(state.partners.filter(\.isWithdrawn).map(\.id))
        let requested = Set((convention?.requests ?? []).flatMap(\.partners)).subtracting(withdrawn)
        partnersRequested = requested.count
        partnersSigned = Set((convention?.signatures ?? []).map(\.partnerId)).intersection(requested).count
        let statePartners = state.statePartnerKeys
        let totals = state.totals
        var stateByYear: [Int: Int] = [:]
        struct ActionYear: Hashable {
            var action: ByteKey
            var year: Int
        }
        var fundedActionYears: Set<ActionYear> = []
        for detail in totals.votedDetails where statePartners.contains(ByteKey(detail.partnerId)) && detail.amounts.cashCents > 0 {
            stateByYear[detail.year, default: 0].addSaturating(detail.amounts.cashCents)
            fundedActionYears.insert(ActionYear(action: ByteKey(detail.actionId), year: detail.year))
        }
        stateCashByYear = stateByYear
        cashCents = totals.voted.cashCents
        var fundedTotal = 0
        var fundedState = 0
        for detail in totals.votedDetails where fundedActionYears.contains(ActionYear(action: ByteKey(detail.actionId), year: detail.year)) {
            fundedTotal.addSaturating(detail.amounts.cashCents)
            if statePartners.contains(ByteKey(detail.partnerId)) { fundedState.addSaturating(detail.amounts.cashCents) }
        }
        cofinancingShare = fundedTotal > 0 ? Share(fundedTotal - fundedState, of: fundedTotal) : nil
        errorCount = findings.filter { $0.severity == .error }.count
        warningCount = findings.filter { $0.severity == .warning }.count
        infoCount = findings.filter { $0.severity == .info }.count
        eventCount = check.view.knownEvents.count
    }

    /// State cash over every year.
    public var stateCashCents: Int { stateCashByYear.values.saturatingSum { $0 } }
}

extension PactSummary {
    /// The sums over several pacts (`summary` of a folder).
    public struct Totals: Sendable, Hashable {
        public var eventCount = 0
        /// State cash voted, by year, every pact.
        public var stateCashByYear: [Int: Int] = [:]
        public var cashCents = 0
        public var errorCount = 0
        public var warningCount = 0

        public init(_ summaries: [PactSummary]) {
            for summary in summaries {
                eventCount += summary.eventCount
                for (year, cents) in summary.stateCashByYear { stateCashByYear[year, default: 0].addSaturating(cents) }
                cashCents.addSaturating(summary.cashCents)
                errorCount += summary.errorCount
                warningCount += summary.warningCount
            }
        }
    }
}

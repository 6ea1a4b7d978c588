import PacteEvents

/// Judges a pact against every rule of `rules.md` (see `docs/rules.md` for what each
/// rule checks and how the guidance was read).
///
/// Rules are judged on the pact as of `asOf` (valid time) as the ledger knew it at
/// `knownAt` (transaction time). Deadlines are judged at the earlier of `asOf` and
/// `today`: the *judgement date*.
///
/// ```swift
/// let findings = RuleCheck.findings(events: events, asOf: nil, today: CivilDate("2025-09-30")!)
/// for finding in findings { print(finding.ruleId, finding.severity, finding.message(in: .french)) }
/// ```
public struct RuleCheck: Sendable {
    public let view: LedgerView
    public let state: PactState
    /// The date deadlines are judged at: the earlier of `asOf` and `today`.
    public let date: CivilDate
    /// The ids of the State's partners (kind `state`), computed once.
    let stateIds: Set<ByteKey>
    /// The adopted commitments' money by action, read once for COFINANCING and STATE-WINDOW.
    let votedMoney: CommitmentsByAction

    public init(view: LedgerView, today: CivilDate) {
        self.view = view
        self.state = PactState(replaying: view)
        self.date = view.judgementDate(today: today)
        self.stateIds = state.statePartnerKeys
        self.votedMoney = CommitmentsByAction(state.commitments)
    }

    /// Judges a pact already folded as of `asOf` (from a ``StreamedView``); ``view`` is
    /// then empty but for `asOf`.
    public init(state: PactState, asOf: CivilDate?, today: CivilDate) {
        self.view = LedgerView(events: [], asOf: asOf)
        self.state = state
        self.date = view.judgementDate(today: today)
        self.stateIds = state.statePartnerKeys
        self.votedMoney = CommitmentsByAction(state.commitments)
    }

    /// Every finding about the pact in `events`, in the order of the rules' table.
    public static func findings(
        events: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil, today: CivilDate
    ) -> [Finding] {
        RuleCheck(view: LedgerView(events: events, asOf: asOf, knownAt: knownAt), today: today).findings()
    }

    /// Every finding, rule after rule in the order of the table.
    public func findings() -> [Finding] {
        Rule.allCases.flatMap { findings(for: $0) }
    }

    /// The findings of one rule.
    public func findings(for rule: Rule) -> [Finding] {
        guard state.pact != nil else { return [] }
        switch rule {
        case .priorityCount: return priorityCountFindings()
        case .priorityEvidence: return priorityEvidenceFindings()
        case .domainMeasure: return domainMeasureFindings()
        case .publics: return publicsFindings()
        case .sheetComplete: return sheetCompleteFindings()
        case .impact: return impactFindings()
        case .participationSheet: return participationSheetFindings()
        case .participationGroup: return participationGroupFindings()
        case .stateAnnual: return stateAnnualFindings()
        case .stateSource: return stateSourceFindings()
        case .cofinancing: return cofinancingFindings()
        case .stateWindow: return stateWindowFindings()
        case .extensionAmendment: return extensionAmendmentFindings()
        case .draftOrder: return draftOrderFindings()
        case .signAfterVote: return signAfterVoteFindings()
        case .signingDelay: return signingDelayFindings()
        case .governanceYearly: return governanceYearlyFindings()
        case .annexes: return annexesFindings()
        case .articles: return articlesFindings()
        case .signatories: return signatoriesFindings()
        case .priorityLink: return priorityLinkFindings()
        case .period: return periodFindings()
        case .impactResult: return impactResultFindings()
        case .chronology: return chronologyFindings()
        }
    }

    // MARK: - Shared wording

    func finding(_ rule: Rule, _ severity: Severity? = nil, french: String, english: String, seq: [Int]) -> Finding {
        Finding(rule: rule, severity: severity ?? rule.severity, french: french, english: english, seq: seq)
    }

    func partnerName(_ id: String) -> String {
        Formatted.partner(id, in: state)
    }

    func euros(_ cents: Int, _ language: Language) -> String {
        Formatted.euros(cents, in: language)
    }

    func day(_ date: CivilDate, _ language: Language) -> String {
        Formatted.date(date, in: language)
    }

    /// Whether `text` is absent or only white space.
    static func isBlank(_ text: String?) -> Bool {
        (text ?? "").allSatisfy(\.isWhitespace)
    }

    /// `A, B et C` / `A, B and C`.
    static func list(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let conjunction = language == .french ? " et " : " and "
        return items.dropLast().joined(separator: ", ") + conjunction + items.last!
    }

    /// The actions that still count (an abandoned action no longer does).
    var liveActions: [ActionRecord] {
        state.actions.filter { $0.closure?.outcome != .abandoned }
    }

    /// The `seq` of the events that made the action's sheet what it is.
    func sheetSeq(_ action: ActionRecord) -> [Int] {
        [action.source.seq] + action.revisions.map(\.source.seq)
    }
}

import PacteEvents
import PacteProjections

/// Everything the report is built from: the ledger as read, the pact as of the date
/// asked, and the projections judged at the judgement date.
struct ReportContext {
    let contents: LedgerContents
    let view: LedgerView
    let state: PactState
    /// The date deadlines are judged at: the earlier of `asOf` and today.
    let judgementDate: CivilDate
    /// Today's date (Paris), as given.
    let today: CivilDate
    let timeline: SigningTimeline
    let findings: [Finding]
    let history: AmendmentHistory
    /// Each partner's money, planned and voted; ``totals`` are its sums.
    let money: PartnerMoney
    let totals: PactTotals
    /// Each action's money per year, planned and voted, with its co-financing judgment.
    let fundings: [ActionFunding]

    init(contents: LedgerContents, asOf: CivilDate?, knownAt: Timestamp?, today: CivilDate) {
        self.contents = contents
        let view = LedgerView(events: contents.events, asOf: asOf, knownAt: knownAt)
        self.view = view
        let check = RuleCheck(view: view, today: today)
        state = check.state
        judgementDate = check.date
        self.today = today
        findings = check.findings()
        timeline = SigningTimeline(state: check.state, today: check.date)
        history = AmendmentHistory(view: view)
        money = check.state.partnerMoney
        totals = PactTotals(money: money)
        fundings = ActionFunding.all(in: check.state, judgedAt: check.date)
    }

    /// How charts name the judgement date: `aujourd'hui`, or `situation au` when the
    /// report shows the pact at an earlier date.
    var todayLabel: String {
        judgementDate == today ? "aujourd'hui" : "situation au"
    }

    // MARK: - Names

    /// The partner's name (kept as typed: ``Typography/verbatim(_:)``), or its id when
    /// the pact does not know it.
    func name(of partnerId: String) -> String {
        state.partner(partnerId).map { Typography.verbatim($0.partner.name) } ?? partnerId
    }

    /// `A1 – Accueil parents-enfants itinérant`, or the id alone.
    func actionLabel(_ actionId: String) -> String {
        guard let title = state.action(actionId)?.sheet.title, !title.isEmpty else { return actionId }
        return actionId + " – " + Typography.verbatim(title)
    }

    func priorityLabel(_ priorityId: String?) -> String {
        guard let priorityId else { return "—" }
        guard let title = state.priority(priorityId)?.priority.title else { return priorityId }
        return priorityId + " – " + Typography.verbatim(title)
    }

    /// Whether the partner is a State partner (kind `state`).
    func isState(_ partnerId: String) -> Bool {
        state.partner(partnerId)?.isState ?? false
    }

    // MARK: - Formatting

    func euros(_ cents: Int) -> String {
        Formatted.euros(cents, in: .french)
    }

    func date(_ date: CivilDate?) -> String {
        LongDate.french(date)
    }

    /// `12, 13` — the ledger lines (`seq`) a fact comes from.
    static func lines(_ seq: [Int]) -> String {
        seq.isEmpty ? "—" : seq.map(String.init).joined(separator: ", ")
    }

    /// `J+14` (days since day 0).
    static func dayCount(_ days: Int?) -> String {
        guard let days else { return "" }
        return days < 0 ? "J\(days)" : "J+\(days)"
    }

    /// Text, or a mark saying it is missing.
    static func textOrMissing(_ text: String?) -> [ReportInline] {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return [.flag("non renseigné", .warning)] }
        return [.text(Typography.verbatim(text))]
    }
}

import PacteEvents
import PacteProjections

/// The tables of `export`, as CSV (see `docs/report.md` for every column).
///
/// Dates are `YYYY-MM-DD`; codes (partner kind, basis, outcome, state) are the format's
/// own, in English, so that filters do not depend on a translation; amounts are given
/// twice: in euros with two decimals (a decimal comma when the separator is `;`, a
/// point otherwise) and in whole cents. `seq` lists the ledger lines a row comes from.
public enum PactExport {
    /// The tables `export` writes.
    public enum Table: String, Sendable, Hashable, CaseIterable {
        case commitments, actions, signatures
    }

    /// One table of the pact as of `state`, deadlines judged at `judgementDate`; amounts
    /// written with a decimal comma when `separator` is `;`.
    public static func table(_ table: Table, state: PactState, judgementDate: CivilDate, separator: Character) -> CSVTable {
        switch table {
        case .commitments: commitments(state: state, separator: separator)
        case .actions: actions(state: state, judgementDate: judgementDate, separator: separator)
        case .signatures: signatures(state: state, judgementDate: judgementDate)
        }
    }

    // MARK: - Commitments

    public static let commitmentColumns = [
        "seq", "vote_date", "partner_id", "partner_name", "partner_kind", "year", "body", "reference", "outcome", "action_id",
        "action_title", "line_kind", "basis", "source", "amount_eur", "amount_cents",
    ]

    /// One row per line of every `commitment.voted` (every outcome): cash lines, then
    /// in-kind lines (`line_kind` `in-kind`, no basis, the description as source).
    static func commitments(state: PactState, separator: Character) -> CSVTable {
        var table = CSVTable(header: commitmentColumns)
        for commitment in state.commitments {
            let partner = state.partner(commitment.partnerId)?.partner
            func row(actionId: String, kind: String, basis: String, source: String, cents: Int) -> [String] {
                [
                    String(commitment.source.seq), commitment.decidedOn.description, commitment.partnerId,
                    partner?.name ?? "", partner?.kind.rawValue ?? "", String(commitment.year),
                    commitment.body, commitment.reference, commitment.outcome.rawValue, actionId,
                    state.action(actionId)?.sheet.title ?? "", kind, basis, source,
                    CSVTable.euros(cents, separator: separator), String(cents),
                ]
            }
            for line in commitment.lines {
                table.append(row(actionId: line.actionId, kind: "cash", basis: line.basis.rawValue, source: line.source, cents: line.amountCents))
            }
            for line in commitment.inKind {
                table.append(row(actionId: line.actionId, kind: "in-kind", basis: "", source: line.description, cents: line.valuationCents))
            }
        }
        return table
    }

    // MARK: - Actions

    public static let actionColumns = [
        "action_id", "action_title", "priority_id", "measure", "publics", "partner_ids", "start", "end", "extended_end",
        "state_year", "twelve_month_limit", "year_limit", "outcome", "closed_date",
        "state_cash_planned_eur", "state_cash_planned_cents", "other_cash_planned_eur", "other_cash_planned_cents",
        "in_kind_planned_eur", "in_kind_planned_cents", "state_cash_voted_eur", "state_cash_voted_cents",
        "other_cash_voted_eur", "other_cash_voted_cents", "in_kind_voted_eur", "in_kind_voted_cents", "seq",
    ]

    /// One row per action sheet in force (closed ones included).
    static func actions(state: PactState, judgementDate: CivilDate, separator: Character) -> CSVTable {
        var table = CSVTable(header: actionColumns)
        let windows = StateFundingWindow.windows(in: state, judgedAt: judgementDate)
        let fundings = ActionFunding.all(in: state, judgedAt: judgementDate)
        let totals = state.totals
        for action in state.actions {
            let sheet = action.sheet
            let own = fundings.filter { $0.actionId == action.id }
            let voted = own.filter { $0.money == .voted }
            var seq = [action.source.seq] + action.revisions.map(\.source.seq) + voted.flatMap(\.seq)
            if let closure = action.closure { seq.append(closure.source.seq) }
            let ownWindows = windows.filter { $0.actionId == action.id }
            var partnerIds: [String] = []
            for id in sheet.referencedPartnerIds where !partnerIds.contains(id) { partnerIds.append(id) }
            func money(_ cents: Int) -> [String] { [CSVTable.euros(cents, separator: separator), String(cents)] }
            let schedule = sheet.schedule
            let publics = (sheet.publics ?? []).map(\.description).joined(separator: " ")
            let years: String = ownWindows.map { String($0.year) }.joined(separator: " ")
            let twelveMonthLimits: String = ownWindows.compactMap { $0.twelveMonthLimit?.description }.joined(separator: " ")
            let yearLimits: String = ownWindows.map(\.yearLimit.description).joined(separator: " ")
            var row: [String] = [action.id, sheet.title ?? "", sheet.priorityId ?? "", sheet.measure.map(String.init) ?? ""]
            row += [publics, partnerIds.joined(separator: " ")]
            row += [schedule?.start.description ?? "", schedule?.end.description ?? ""]
            row += [state.extendedEnd(ofAction: action.id)?.description ?? "", years, twelveMonthLimits, yearLimits]
            row += [action.closure?.outcome.rawValue ?? "open", action.closure?.date.description ?? ""]
            let key = ByteKey(action.id)
            row += money(totals.plannedByStateByAction[key]?.cashCents ?? 0) + money(totals.plannedByOthersByAction[key]?.cashCents ?? 0)
                + money(totals.plannedByAction[key]?.inKindCents ?? 0)
            row += money(totals.votedByStateByAction[key]?.cashCents ?? 0) + money(totals.votedByOthersByAction[key]?.cashCents ?? 0)
                + money(totals.votedByAction[key]?.inKindCents ?? 0)
            row.append(Array(Set(seq)).sorted().map(String.init).joined(separator: " "))
            table.append(row)
        }
        return table
    }

    // MARK: - Signatures

    public static let signatureColumns = [
        "document", "partner_id", "partner_name", "partner_kind", "statutory_body", "requested_date", "target_date",
        "vote_date", "vote_reference", "vote_outcome", "signed_date", "signatory_name", "signatory_role", "days_to_sign",
        "state", "in_force_date", "seq",
    ]

    /// One row per document and partner it was sent to, signed or not; then the
    /// signatures of partners it was not sent to (`requested_date` empty).
    static func signatures(state: PactState, judgementDate: CivilDate) -> CSVTable {
        var table = CSVTable(header: signatureColumns)
        let timeline = SigningTimeline(state: state, today: judgementDate)
        for signing in state.documents {
            let progressById = Dictionary(
                (timeline.documents.first { $0.document == signing.document }?.partners ?? []).map { (ByteKey($0.partnerId), $0) },
                uniquingKeysWith: { first, _ in first })
            var ids = signing.requestedPartnerIds
            var listed = Set(ids.map { ByteKey($0) })
            for signature in signing.signatures where listed.insert(ByteKey(signature.partnerId)).inserted { ids.append(signature.partnerId) }
            for id in ids {
                let partner = state.partner(id)?.partner
                let requested = signing.isRequested(id)
                let votes = signing.votes(of: id)
                let vote = signing.adoptedVote(of: id) ?? votes.last
                let signature = signing.signature(of: id)
                let stateCode = progressById[ByteKey(id)]?.state.rawValue ?? (signature != nil ? "signed" : "")
                var seq = votes.map(\.source.seq)
                if let signature { seq.append(signature.source.seq) }
                table.append([
                    signing.document.description, id, partner?.name ?? "", partner?.kind.rawValue ?? "",
                    partner?.statutoryBody ?? "",
                    requested ? signing.requestedOn?.description ?? "" : "", requested ? signing.targetDate?.description ?? "" : "",
                    vote?.date.description ?? "", vote?.reference ?? "", vote?.outcome.rawValue ?? "",
                    signature?.date.description ?? "", signature?.signatory.name ?? "",
                    signature?.signatory.role ?? "",
                    signature.flatMap { signature in signing.requestedOn.map { String($0.days(until: signature.date)) } } ?? "",
                    stateCode, signing.inForceSince?.description ?? "", seq.sorted().map(String.init).joined(separator: " "),
                ])
            }
        }
        return table
    }
}

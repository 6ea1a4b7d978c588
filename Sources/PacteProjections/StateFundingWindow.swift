import PacteEvents

/// The time frame a State-funded action must keep (rule STATE-WINDOW): it starts in
/// year N — the calendar year of the State's commitment decision — on or after the
/// convention's entry into force, and ends within 12 months of its start (end
/// inclusive: a start on 2025-03-01 allows an end on 2026-02-28) and no later than
/// 31 December N+1, unless a granted extension carried by an amendment in force
/// covers the new end.
public struct StateFundingWindow: Sendable, Hashable {
    /// Where year N comes from.
    public enum Basis: String, Sendable, Hashable {
        /// An adopted `commitment.voted` of the State: N is the year of its date.
        case voted
        /// No State vote yet: N is the year of the sheet's State funding line.
        case planned
    }

    public var actionId: String
    /// Year N.
    public var year: Int
    public var basis: Basis
    /// The State cash for the action in that window, in cents.
    public var stateCashCents: Int
    /// The events that set N (State votes, or the sheet's events for planned money).
    public var sources: [EventReference]
    /// The action's schedule as in force.
    public var start: CivilDate?
    public var end: CivilDate?
    /// The start plus 12 months less one day.
    public var twelveMonthLimit: CivilDate?
    /// 31 December N+1.
    public var yearLimit: CivilDate
    /// The latest end allowed without an extension: the earlier of both limits.
    public var endLimit: CivilDate? { twelveMonthLimit.map { min($0, yearLimit) } }
    /// The end granted by an extension whose amendment is in force, if any.
    public var extendedEnd: CivilDate?
    /// Every extension requested for the action, decided or not.
    public var extensions: [ExtensionRecord]

    /// The date the convention entered into force, if it has.
    public var conventionInForceSince: CivilDate?
    /// The date the window is judged at (a start before it while the convention is not
    /// in force breaks the window).
    public var judgementDate: CivilDate

    /// A way the window is broken.
    public enum Breach: String, Sendable, Hashable, CaseIterable {
        /// The action starts before the convention is in force (or while it is not yet).
        case startBeforeEntryIntoForce = "start-before-entry-into-force"
        /// The action does not start in year N.
        case startOutsideYear = "start-outside-year"
        /// The action ends after 12 months or after 31 December N+1, and no extension
        /// carried by an amendment in force covers the end.
        case endBeyondLimit = "end-beyond-limit"

        /// `avant vigueur` / `starts before in force`: short, for tables and charts.
        public func label(in language: Language) -> String {
            switch (self, language) {
            case (.startBeforeEntryIntoForce, .french): "début avant vigueur"
            case (.startBeforeEntryIntoForce, .english): "starts before entry into force"
            case (.startOutsideYear, .french): "début hors N"
            case (.startOutsideYear, .english): "starts outside year N"
            case (.endBeyondLimit, .french): "fin hors délai"
            case (.endBeyondLimit, .english): "ends too late"
            }
        }
    }

    /// The judgment on the whole window (start and end).
    public enum Status: String, Sendable, Hashable {
        /// The action has no schedule: nothing to judge.
        case unscheduled
        /// Start and end keep the window.
        case within
        /// The end keeps the window thanks to an extension carried by an amendment in force.
        case extended
        /// At least one ``Breach``.
        case breached
    }

    /// Every breach of the window, in the order of the rule (start, year N, end).
    public var breaches: [Breach] {
        guard let start, end != nil else { return [] }
        var breaches: [Breach] = []
        if let since = conventionInForceSince {
            if start < since { breaches.append(.startBeforeEntryIntoForce) }
        } else if start < judgementDate {
            breaches.append(.startBeforeEntryIntoForce)
        }
        if start.year != year { breaches.append(.startOutsideYear) }
        if !endIsWithinLimits { breaches.append(.endBeyondLimit) }
        return breaches
    }

    public var status: Status {
        guard let end, start != nil else { return .unscheduled }
        if !breaches.isEmpty { return .breached }
        if let endLimit, end > endLimit { return .extended }
        return .within
    }

    /// Whether the start keeps the window (entry into force, year N).
    public var startIsWithinLimits: Bool {
        !breaches.contains(.startBeforeEntryIntoForce) && !breaches.contains(.startOutsideYear)
    }

    /// The latest end the action may have: the later of ``endLimit`` and the end an
    /// extension in force grants (`nil` without a schedule).
    public var latestAllowedEnd: CivilDate? {
        guard let endLimit else { return nil }
        return extendedEnd.map { max($0, endLimit) } ?? endLimit
    }

    /// Whether the action's end keeps the window, extension included (the end only; see
    /// ``status`` for the whole window).
    public var endIsWithinLimits: Bool {
        guard let end, let endLimit else { return true }
        if end <= endLimit { return true }
        if let extendedEnd, end <= extendedEnd { return true }
        return false
    }

    /// One window per State-funded action and year N, actions in the state's order,
    /// judged at `date`.
    public static func windows(in state: PactState, judgedAt date: CivilDate) -> [StateFundingWindow] {
        windows(in: state, judgedAt: date, votedMoney: CommitmentsByAction(state.commitments))
    }

    /// ``windows(in:judgedAt:)``, the adopted money by action already read.
    static func windows(in state: PactState, judgedAt date: CivilDate, votedMoney: CommitmentsByAction) -> [StateFundingWindow] {
        let inForceSince = state.signing(of: .convention)?.inForceSince
        let stateIds = state.statePartnerKeys
        // The extensions of each action, in order, read once (not scanned per window).
        var extensionsOfAction: [ByteKey: [ExtensionRecord]] = [:]
        for record in state.extensions { extensionsOfAction[ByteKey(record.actionId), default: []].append(record) }
        var windows: [StateFundingWindow] = []
        for action in state.actions {
            var byYear: [Int: (cents: Int, sources: [EventReference])] = [:]
            var basis = Basis.voted
            for money in votedMoney[action.id] where money.cashCents > 0 {
                let commitment = state.commitments[money.commitment]
                guard stateIds.contains(ByteKey(commitment.partnerId)) else { continue }
                byYear[commitment.decidedOn.year, default: (0, [])].cents.addSaturating(money.cashCents)
                byYear[commitment.decidedOn.year, default: (0, [])].sources.append(commitment.source)
            }
            if byYear.isEmpty {
                basis = .planned
                for line in action.sheet.funding ?? [] where stateIds.contains(ByteKey(line.partnerId)) && line.amountCents > 0 {
                    byYear[line.year, default: (0, [action.source] + action.revisions.map(\.source))].cents.addSaturating(line.amountCents)
                }
            }
            guard !byYear.isEmpty else { continue }
            let schedule = action.sheet.schedule
            let extensions = extensionsOfAction[ByteKey(action.id)] ?? []
            let extendedEnd = state.extendedEnd(among: extensions)
            for year in byYear.keys.sorted() {
                windows.append(StateFundingWindow(
                    actionId: action.id, year: year, basis: basis, stateCashCents: byYear[year]!.cents,
                    sources: byYear[year]!.sources, start: schedule?.start, end: schedule?.end,
                    twelveMonthLimit: schedule.map { $0.start.adding(months: 12).adding(days: -1) },
                    yearLimit: CivilDate.endOfYear(year + 1),
                    extendedEnd: extendedEnd, extensions: extensions,
                    conventionInForceSince: inForceSince, judgementDate: date))
            }
        }
        return windows
    }
}

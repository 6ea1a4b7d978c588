import PacteEvents

/// What is due and when, for the secretariat's calendar: the partners yet to vote or sign
/// with the signing target date, the State-funded actions that must end (12 months after
/// their start and 31 December N+1, extension included), the extension requests awaiting
/// a decision, the governance meeting still to hold this year, and the commitments
/// planned on the sheets for this year or next that their partner has not voted yet.
///
/// Every date comes from an existing projection (``SigningTimeline``,
/// ``StateFundingWindow``, ``PactState``); the agenda only gathers and sorts them.
/// Nothing is due once the pact is closed.
public struct Agenda: Sendable, Hashable {
    /// The date the days left are counted from: the earlier of `asOf` and `today`.
    public var date: CivilDate
    public var pactId: String?
    public var title: String?
    /// The number of events the agenda was computed from (it grows with the ledger: a
    /// calendar export uses it as the events' revision).
    public var eventCount: Int
    /// By due date, then kind, then subject.
    public var items: [Item]

    public struct Item: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A partner's statutory body must adopt the document, then the partner signs.
            case approvalVote = "approval-vote"
            /// A partner must sign the document.
            case signature
            /// A State-funded action must end by its limit.
            case stateFundingEnd = "state-funding-end"
            /// An extension request awaits its decision, before the action's current end.
            case extensionDecision = "extension-decision"
            /// The governance body has not met this year yet (or a meeting is planned).
            case governanceMeeting = "governance-meeting"
            /// A partner has money planned for a year on the sheets and has not voted it.
            case commitmentVote = "commitment-vote"
        }

        public var kind: Kind
        public var due: CivilDate
        /// Days from the agenda's date to `due`; negative when overdue.
        public var daysLeft: Int
        /// What the deadline is about, stable while the ledger grows: `convention/cd-31`,
        /// `A2/2025`, the request's id, `2026`, `caf-31/2027`.
        public var subject: String
        public var partnerId: String?
        public var partnerName: String?
        public var actionId: String?
        public var document: DocumentReference?
        public var year: Int?
        /// Signatures: day 0 (the request) and the vote already held, if any.
        public var requestedOn: CivilDate?
        public var votedOn: CivilDate?
        /// State funding: the action's scheduled end and the limits; extension: the current
        /// end and the end requested.
        public var scheduledEnd: CivilDate?
        public var twelveMonthLimit: CivilDate?
        public var yearLimit: CivilDate?
        public var extendedEnd: CivilDate?
        public var requestedEnd: CivilDate?
        /// Commitments: the cash planned on the sheets for that partner and year, and the actions.
        public var plannedCents: Int?
        public var actionIds: [String] = []
        /// Governance: a meeting planned by the last meeting (`nextMeeting`).
        public var isPlannedMeeting = false
        /// The events the deadline comes from.
        public var seq: [Int]

        public var isOverdue: Bool { daysLeft < 0 }

        init(kind: Kind, due: CivilDate, from date: CivilDate, subject: String, seq: [Int]) {
            self.kind = kind
            self.due = due
            self.daysLeft = date.days(until: due)
            self.subject = subject
            self.seq = seq
        }
    }

    /// The agenda of the pact in `events` as of `asOf`, known at `knownAt`, at `today`.
    /// Like the timeline, it is the world as of the earlier of `asOf` and `today`: facts
    /// dated later have not happened yet.
    public init(events: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil, today: CivilDate) {
        let view = LedgerView(events: events, asOf: min(asOf ?? today, today), knownAt: knownAt)
        self.init(state: PactState(replaying: view), eventCount: view.knownEvents.count,
                  date: view.judgementDate(today: today))
    }

    /// The agenda of `state` at `date`.
    public init(state: PactState, eventCount: Int, date: CivilDate) {
        self.date = date
        pactId = state.pact?.pactId
        title = state.pact?.title
        self.eventCount = eventCount
        guard state.pact != nil, state.closure == nil else {
            items = []
            return
        }
        let timeline = SigningTimeline(state: state, today: date)
        var items = Self.signatureItems(timeline, date: date)
        items += Self.stateFundingItems(timeline, state: state, date: date)
        items += Self.extensionItems(state, date: date)
        items += Self.governanceItems(timeline, state: state, date: date)
        items += Self.commitmentItems(state, date: date)
        let order = Dictionary(uniqueKeysWithValues: Item.Kind.allCases.enumerated().map { ($1, $0) })
        self.items = items.sorted { ($0.due, order[$0.kind]!, $0.subject) < ($1.due, order[$1.kind]!, $1.subject) }
    }

    static func signatureItems(_ timeline: SigningTimeline, date: CivilDate) -> [Item] {
        var items: [Item] = []
        for document in timeline.documents {
            guard let target = document.targetDate else { continue }
            for partner in document.partners where partner.state != .signed && partner.state != .withdrawn {
                let voteAwaited = partner.needsVote && partner.voteDate == nil
                var item = Item(
                    kind: voteAwaited ? .approvalVote : .signature, due: target, from: date,
                    subject: document.document.description + "/" + partner.partnerId,
                    seq: Set(document.requestSeq + partner.seq).sorted())
                item.partnerId = partner.partnerId
                item.partnerName = partner.name
                item.document = document.document
                item.requestedOn = document.requestedOn
                item.votedOn = partner.voteDate
                items.append(item)
            }
        }
        return items
    }

    static func stateFundingItems(_ timeline: SigningTimeline, state: PactState, date: CivilDate) -> [Item] {
        var items: [Item] = []
        for window in timeline.stateFundedActions {
            guard let action = state.action(window.actionId), action.closure == nil, let limit = window.latestAllowedEnd
            else { continue }
            var item = Item(
                kind: .stateFundingEnd, due: limit, from: date, subject: window.actionId + "/" + String(window.year),
                seq: Set([action.source.seq] + action.revisions.map(\.source.seq) + window.sources.map(\.seq)).sorted())
            item.actionId = window.actionId
            item.year = window.year
            item.scheduledEnd = window.end
            item.twelveMonthLimit = window.twelveMonthLimit
            item.yearLimit = window.yearLimit
            item.extendedEnd = window.extendedEnd
            items.append(item)
        }
        return items
    }

    static func extensionItems(_ state: PactState, date: CivilDate) -> [Item] {
        state.extensions.filter { $0.decision == nil }.map { record in
            var item = Item(
                kind: .extensionDecision, due: record.request.currentEnd, from: date, subject: record.requestSource.id,
                seq: [record.requestSource.seq])
            item.actionId = record.actionId
            item.partnerId = record.request.requestedBy
            item.partnerName = state.partner(record.request.requestedBy)?.partner.name
            item.scheduledEnd = record.request.currentEnd
            item.requestedEnd = record.request.requestedEnd
            return item
        }
    }

    static func governanceItems(_ timeline: SigningTimeline, state: PactState, date: CivilDate) -> [Item] {
        var planned = state.governanceMeetings.last?.meeting.nextMeeting
        if let day = planned, day < date { planned = nil }
        let seq = state.governanceMeetings.last.map { [$0.source.seq] } ?? []
        if let year = timeline.governanceYears.last, year.year == date.year, year.status == .due {
            let due = planned.map { min($0, CivilDate.endOfYear(date.year)) } ?? CivilDate.endOfYear(date.year)
            var item = Item(kind: .governanceMeeting, due: due, from: date, subject: String(date.year), seq: seq)
            item.year = date.year
            item.isPlannedMeeting = planned == due
            return [item]
        }
        guard let planned, state.inForceSince != nil else { return [] }
        var item = Item(kind: .governanceMeeting, due: planned, from: date, subject: String(planned.year), seq: seq)
        item.year = planned.year
        item.isPlannedMeeting = true
        return [item]
    }

    static func commitmentItems(_ state: PactState, date: CivilDate) -> [Item] {
        var items: [Item] = []
        for year in [date.year, date.year + 1] {
            var planned: [String: (cents: Int, actions: [String], seq: [Int])] = [:]
            var order: [String] = []
            for action in state.actions where action.closure == nil {
                for line in action.sheet.funding ?? [] where line.year == year && line.amountCents > 0 {
                    guard let partner = state.partner(line.partnerId), !partner.isWithdrawn else { continue }
                    if planned[line.partnerId] == nil { order.append(line.partnerId) }
                    var entry = planned[line.partnerId] ?? (0, [], [])
                    entry.cents += line.amountCents
                    if !entry.actions.contains(action.id) { entry.actions.append(action.id) }
                    entry.seq += [action.source.seq] + action.revisions.map(\.source.seq)
                    planned[line.partnerId] = entry
                }
            }
            for partnerId in order {
                guard !state.commitments.contains(where: { $0.partnerId == partnerId && $0.year == year }) else { continue }
                let entry = planned[partnerId]!
                var item = Item(
                    kind: .commitmentVote, due: CivilDate.endOfYear(year), from: date, subject: partnerId + "/" + String(year),
                    seq: Array(Set(entry.seq)).sorted())
                item.partnerId = partnerId
                item.partnerName = state.partner(partnerId)?.partner.name
                item.year = year
                item.plannedCents = entry.cents
                item.actionIds = entry.actions
                items.append(item)
            }
        }
        return items
    }
}

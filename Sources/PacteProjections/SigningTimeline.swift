import PacteEvents

/// The signature path of the convention and of each amendment, from the request (day 0)
/// to the entry into force, and the calendar that follows: the windows of State-funded
/// actions and the yearly governance meetings.
///
/// Each requested partner's approval vote and signature are dated, with the days
/// elapsed since day 0. A partner is *late* when the judgement date is past the target
/// (day 0 + `targetMonths`, 6 by default) and it has not signed.
public struct SigningTimeline: Sendable, Hashable {
    /// The date the states (late, awaiting…) are judged at.
    public var today: CivilDate
    /// One entry per document requested for signature (or proposed), convention first.
    public var documents: [Document]
    /// The State-funded actions and their limits.
    public var stateFundedActions: [StateFundingWindow]
    /// The calendar years from the convention's entry into force to `today`.
    public var governanceYears: [GovernanceYear]

    public struct Document: Sendable, Hashable {
        public var document: DocumentReference
        /// Day 0: the first `signature.requested`; `nil` while the document is not sent.
        public var requestedOn: CivilDate?
        public var targetMonths: Int
        /// Day 0 plus the target months.
        public var targetDate: CivilDate?
        public var partners: [PartnerProgress]
        /// The actual entry into force.
        public var inForceSince: CivilDate?
        /// `inForceSince`, else the target date (projected).
        public var entryIntoForce: CivilDate? { inForceSince ?? targetDate }
        /// Whether ``entryIntoForce`` is a projection (the target) rather than a fact.
        public var isProjected: Bool { inForceSince == nil }
        /// The `seq` of the requests.
        public var requestSeq: [Int]
    }

    /// Where a partner stands on one document.
    public enum PartnerState: String, Sendable, Hashable, CaseIterable {
        case signed
        /// The statutory body adopted the document; the signature is awaited.
        case votedAwaitingSignature = "voted-awaiting-signature"
        /// The statutory body has not adopted the document yet.
        case awaitingVote = "awaiting-vote"
        /// No vote needed (no statutory body); the signature is awaited.
        case awaitingSignature = "awaiting-signature"
        /// Past the target date and not signed.
        case late
        /// Withdrew from the pact without signing.
        case withdrawn

        public func label(in language: Language) -> String {
            switch (self, language) {
            case (.signed, .french): "signé"
            case (.votedAwaitingSignature, .french): "délibéré, signature attendue"
            case (.awaitingVote, .french): "délibération attendue"
            case (.awaitingSignature, .french): "signature attendue"
            case (.late, .french): "en retard"
            case (.withdrawn, .french): "retiré"
            case (.signed, .english): "signed"
            case (.votedAwaitingSignature, .english): "voted, awaiting signature"
            case (.awaitingVote, .english): "awaiting vote"
            case (.awaitingSignature, .english): "awaiting signature"
            case (.late, .english): "late"
            case (.withdrawn, .english): "withdrawn"
            }
        }
    }

    public struct PartnerProgress: Sendable, Hashable {
        public var partnerId: String
        public var name: String
        /// Whether the partner has a statutory body that must vote first.
        public var needsVote: Bool
        /// The first adopted approval vote.
        public var voteDate: CivilDate?
        /// Days from day 0 to the vote (negative when voted before the request).
        public var voteDays: Int?
        public var signatureDate: CivilDate?
        public var signatureDays: Int?
        public var state: PartnerState
        /// Days past the target date: of a signature given after it, or of an unsigned
        /// partner at the judgement date (`nil` when on time or without a target).
        public var daysPastTarget: Int?
        /// Whether the partner signed after the target date.
        public var signedLate: Bool { signatureDate != nil && daysPastTarget != nil }
        /// The `seq` of the vote and signature events.
        public var seq: [Int]
    }

    public struct GovernanceYear: Sendable, Hashable {
        public enum Status: String, Sendable, Hashable {
            /// At least one meeting that year.
            case held
            /// A past year without a meeting.
            case missing
            /// The current year, no meeting yet.
            case due
            /// The year of an early termination (`pact.closed` reason `terminated`),
            /// without a meeting: not required.
            case exempt
        }

        public var year: Int
        public var meetings: [CivilDate]
        public var status: Status
        public var seq: [Int]
    }

    /// The timeline of `state`, judged at `today`.
    public init(state: PactState, today: CivilDate) {
        self.today = today
        var documents: [Document] = []
        for signing in state.documents {
            documents.append(Self.document(signing, state: state, today: today))
        }
        for amendment in state.amendments where state.signing(of: amendment.document) == nil {
            documents.append(Document(
                document: amendment.document, requestedOn: nil, targetMonths: 6, targetDate: nil, partners: [],
                inForceSince: nil, requestSeq: []))
        }
        self.documents = documents.sorted { $0.document < $1.document }
        stateFundedActions = StateFundingWindow.windows(in: state, judgedAt: today)
        governanceYears = Self.governanceYears(state: state, today: today)
    }

    /// The timeline of the pact in `events` as of `asOf` and known at `knownAt`, judged
    /// at the earlier of `asOf` and `today`.
    public init(events: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil, today: CivilDate) {
        let view = LedgerView(events: events, asOf: asOf, knownAt: knownAt)
        self.init(state: PactState(replaying: view), today: view.judgementDate(today: today))
    }

    static func document(_ signing: DocumentSigning, state: PactState, today: CivilDate) -> Document {
        let dayZero = signing.requestedOn
        var partners: [PartnerProgress] = []
        for partnerId in signing.requestedPartnerIds {
            let record = state.partner(partnerId)
            let needsVote = record?.needsApprovalVote ?? false
            let vote = signing.adoptedVote(of: partnerId)
            let signature = signing.signature(of: partnerId)
            let progressState: PartnerState
            if signature != nil {
                progressState = .signed
            } else if record?.isWithdrawn == true {
                progressState = .withdrawn
            } else if let target = signing.targetDate, today > target {
                progressState = .late
            } else if !needsVote {
                progressState = .awaitingSignature
            } else if vote != nil {
                progressState = .votedAwaitingSignature
            } else {
                progressState = .awaitingVote
            }
            partners.append(PartnerProgress(
                partnerId: partnerId, name: record?.partner.name ?? partnerId, needsVote: needsVote,
                voteDate: vote?.date, voteDays: vote.flatMap { vote in dayZero.map { $0.days(until: vote.date) } },
                signatureDate: signature?.date,
                signatureDays: signature.flatMap { signature in dayZero.map { $0.days(until: signature.date) } },
                state: progressState, daysPastTarget: Self.daysPastTarget(signing.targetDate, signature?.date, state: progressState, today: today),
                seq: [vote?.source.seq, signature?.source.seq].compactMap { $0 }))
        }
        return Document(
            document: signing.document, requestedOn: dayZero, targetMonths: signing.targetMonths,
            targetDate: signing.targetDate, partners: partners, inForceSince: signing.inForceSince,
            requestSeq: signing.requests.map(\.source.seq))
    }

    /// Days from the target to the signature given after it, or to `today` for a late
    /// partner; `nil` otherwise.
    static func daysPastTarget(_ target: CivilDate?, _ signed: CivilDate?, state: PartnerState, today: CivilDate) -> Int? {
        guard let target else { return nil }
        if let signed { return signed > target ? target.days(until: signed) : nil }
        return state == .late ? target.days(until: today) : nil
    }

    /// Each calendar year from the entry into force to `today` (or to the closure) and
    /// whether the governance body met (rule GOVERNANCE-YEARLY). The year a pact closes is
    /// judged like any other when it closes at term; an early termination exempts it.
    static func governanceYears(state: PactState, today: CivilDate) -> [GovernanceYear] {
        guard let since = state.inForceSince, since <= today else { return [] }
        let lastYear = min(today.year, state.closure?.date.year ?? today.year)
        guard since.year <= lastYear else { return [] }
        return (since.year...lastYear).map { year in
            let meetings = state.governanceMeetings.filter { $0.date.year == year }
            let status: GovernanceYear.Status
            if !meetings.isEmpty {
                status = .held
            } else if let closure = state.closure, closure.date.year == year {
                status = closure.reason == .terminated ? .exempt : .missing
            } else if year == today.year {
                status = .due
            } else {
                status = .missing
            }
            return GovernanceYear(year: year, meetings: meetings.map(\.date), status: status, seq: meetings.map(\.source.seq))
        }
    }
}

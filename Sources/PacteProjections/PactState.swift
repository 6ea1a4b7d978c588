import PacteEvents

/// The pact as of a date: a pure fold (reducer) of the ledger's events.
///
/// Replay the events of a ``LedgerView`` (corrected, filtered on both time axes and in
/// valid-time order) with ``init(replaying:)``, or use ``init(events:asOf:knownAt:)``.
/// `correction.recorded` events are ignored by ``apply(_:)``: the view applies them.
public struct PactState: Sendable, Hashable {
    /// The `pact.drafted` payload (title, territory, articles); `nil` before it.
    public internal(set) var pact: PactDrafted?
    public internal(set) var pactSource: EventReference?
    /// The current status; `nil` before `pact.drafted`.
    public var status: PactStatus? { statusHistory.last?.status }
    /// The date the current status was reached.
    public var statusSince: CivilDate? { statusHistory.last?.since }
    /// Every step reached, in order.
    public internal(set) var statusHistory: [PactStatusChange] = []
    /// Partners in the order they joined (the porteur first), withdrawn ones included.
    public internal(set) var partners: [PartnerRecord] = []
    /// Active priorities, in the order first set.
    public internal(set) var priorities: [PriorityRecord] = []
    /// Withdrawn priorities, in the order withdrawn.
    public internal(set) var withdrawnPriorities: [PriorityRecord] = []
    /// Action sheets as in force, in the order added (closed ones included).
    public internal(set) var actions: [ActionRecord] = []
    /// Changes waiting for their amendment to enter into force.
    public internal(set) var pendingChanges: [PendingActionChange] = []
    /// Actions added by an amendment not in force yet, in the order added.
    public internal(set) var pendingActions: [PendingAction] = []
    /// Commitment votes, every outcome, in valid-time order.
    public internal(set) var commitments: [CommitmentRecord] = []
    /// The signature path of each document requested, voted or signed (convention first).
    public internal(set) var documents: [DocumentSigning] = []
    public internal(set) var amendments: [AmendmentRecord] = []
    public internal(set) var extensions: [ExtensionRecord] = []
    /// Extension decisions folded before the request they name (dated before it, or
    /// naming no request yet): kept for rule CHRONOLOGY, which judges the folded state
    /// whether `check` folds the whole ledger or streams it.
    var decisionsBeforeRequest: [EarlyDecision] = []
    public internal(set) var governanceMeetings: [GovernanceMeeting] = []
    /// Annexes in the order attached (an annex attached again is listed again).
    public internal(set) var annexes: [AnnexRecord] = []
    public internal(set) var draft = DraftProgress()
    public internal(set) var closure: Closure?

    // Positions by id (the bytes of the id: NFC and NFD spellings are different ids), so
    // that each event is folded in constant time whatever the size of the pact.
    var partnerPositions: [ByteKey: Int] = [:]
    var actionPositions: [ByteKey: Int] = [:]
    var priorityPositions: [ByteKey: Int] = [:]
    var extensionPositions: [ByteKey: Int] = [:]
    var amendmentPositions: [Int: Int] = [:]
    /// What the last events changed, for folds built on this one (``AmendmentHistory``).
    var journal = FoldJournal()
    /// The texts kept, each once (the same `by`, indicator or body on many lines).
    var texts = SharedTexts()

    /// An `extension.decided` folded before the request it names.
    struct EarlyDecision: Sendable, Hashable {
        var request: String
        var source: EventReference
    }

    public struct Closure: Sendable, Hashable {
        public var reason: PactClosed.Reason
        public var summary: String
        public var date: CivilDate
        public var source: EventReference
    }

    /// The empty state, before any event.
    public init() {}

    /// Replays `events` in the order given (a ``LedgerView``'s `events`).
    public init(replaying events: some Sequence<LedgerEvent>) {
        for event in events { apply(event) }
    }

    /// Replays the events of `view` (corrected, filtered, in valid-time order).
    public init(replaying view: LedgerView) {
        view.forEachEvent { apply($0) }
    }

    /// The pact as of `asOf` (valid time), as the ledger knew it at `knownAt`
    /// (transaction time), corrections applied.
    public init(events: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil) {
        self.init(replaying: LedgerView(events: events, asOf: asOf, knownAt: knownAt))
    }

    /// Folds one event into the state.
    public mutating func apply(_ event: LedgerEvent) {
        var source = EventReference(event)
        source.recordedBy = texts.shared(source.recordedBy)
        journal.clear()
        switch event.payload {
        case .pactDrafted(let drafted):
            pact = drafted
            pactSource = source
            join(drafted.porteur, entry: .porteur, amendment: nil, source: source)
            advance(to: .drafted, since: event.effective, source: source)
        case .partnerJoined(let joined):
            join(joined.partner, entry: joined.via == .initial ? .initial : .adhesion, amendment: joined.amendment, source: source)
        case .partnerWithdrew(let withdrew):
            if let index = partnerPositions[ByteKey(withdrew.partnerId)], partners[index].withdrawal == nil {
                partners[index].withdrawal = PartnerRecord.Withdrawal(date: event.effective, reason: withdrew.reason, source: source)
                partnerWithdrawalChanged(ByteKey(withdrew.partnerId), withdrawn: true, source: source)
            }
        case .prioritySet(let priority):
            setPriority(priority, source: source)
        case .priorityWithdrawn(let withdrawn):
            if let index = priorityPositions[ByteKey(withdrawn.priorityId)] {
                var record = priorities.remove(at: index)
                record.withdrawal = PriorityRecord.Withdrawal(date: event.effective, reason: withdrawn.reason, source: source)
                withdrawnPriorities.append(record)
                priorityPositions[ByteKey(withdrawn.priorityId)] = nil
                for position in index..<priorities.count { priorityPositions[ByteKey(priorities[position].id)] = position }
            }
        case .actionAdded(let added):
            if let number = added.amendment, inForceSince(.amendment(number)) == nil {
                pendingActions.append(PendingAction(sheet: added.sheet, amendment: number, source: source))
            } else {
                addAction(added.sheet, source: source, amendment: added.amendment)
            }
        case .actionAmended(let amended):
            amendAction(amended, source: source)
        case .actionClosed(let closed):
            if let index = actionIndex(closed.actionId) {
                actions[index].closure = ActionRecord.Closure(
                    outcome: closed.outcome, summary: closed.summary, impactResult: closed.impactResult,
                    date: event.effective, source: source)
            }
        case .indicatorReported(let report):
            if let index = actionIndex(report.actionId) {
                let kept = ActionRecord.IndicatorReport(
                    indicator: texts.shared(report.indicator), period: texts.shared(report.period), value: report.value,
                    note: texts.shared(report.note), source: source)
                actions[index].reports.append(kept)
            }
        case .annexAttached(let annex):
            annexes.append(AnnexRecord(annex: annex, attachedOn: event.effective, source: source))
        case .draftPresented(let presented):
            draft.presentations.append(DraftProgress.Presentation(presented: presented, source: source))
            advance(to: .presented, since: event.effective, source: source)
        case .draftSubmitted(let submitted):
            draft.submissions.append(DraftProgress.Submission(submitted: submitted, source: source))
            advance(to: .submitted, since: event.effective, source: source)
        case .draftValidated(let validated):
            draft.validations.append(DraftProgress.Validation(validated: validated, source: source))
            advance(to: .validated, since: event.effective, source: source)
        case .signatureRequested(let request):
            let index = documentIndex(request.document)
            let partnerPositions = partnerPositions
            let partners = partners
            documents[index].add(
                DocumentSigning.Request(partners: request.partners, targetMonths: request.targetMonths, source: source),
                isWithdrawn: { id in partnerPositions[ByteKey(id)].map { partners[$0].isWithdrawn } ?? false })
            if request.document == .convention {
                advance(to: .inSignature, since: event.effective, source: source)
            }
            settleEntryIntoForce(ofDocumentAt: index, source: source)
        case .approvalVoted(let vote):
            let index = documentIndex(vote.document)
            documents[index].add(DocumentSigning.Vote(
                partnerId: vote.partnerId, body: vote.body, reference: vote.reference, outcome: vote.outcome, source: source))
        case .commitmentVoted(let vote):
            var lines = vote.lines
            for index in lines.indices { lines[index].source = texts.shared(lines[index].source) }
            var inKind = vote.inKind
            for index in inKind.indices { inKind[index].description = texts.shared(inKind[index].description) }
            let record = CommitmentRecord(
                partnerId: texts.shared(vote.partnerId), year: vote.year, body: texts.shared(vote.body),
                reference: texts.shared(vote.reference), outcome: vote.outcome, lines: lines, inKind: inKind,
                decidedOn: event.effective, source: source)
            commitments.append(record)
        case .signatureReceived(let signature):
            let index = documentIndex(signature.document)
            documents[index].add(DocumentSigning.Signature(
                partnerId: signature.partnerId, signatory: signature.signatory, source: source))
            settleEntryIntoForce(ofDocumentAt: index, source: source)
        case .amendmentProposed(let proposed):
            let record = AmendmentRecord(number: proposed.number, purpose: proposed.purpose, proposedOn: event.effective, source: source)
            if let index = amendmentPositions[proposed.number] {
                amendments[index] = record
            } else {
                amendmentPositions[proposed.number] = amendments.count
                amendments.append(record)
            }
        case .extensionRequested(var request):
            request.reason = texts.shared(request.reason)
            request.requestedBy = texts.shared(request.requestedBy)
            extensionPositions[ByteKey(source.id)] = extensions.count
            extensions.append(ExtensionRecord(request: request, requestSource: source))
        case .extensionDecided(var decision):
            if let index = extensionPositions[ByteKey(decision.request)] {
                decision.reason = texts.shared(decision.reason)
                extensions[index].decision = decision
                extensions[index].decisionSource = source
            } else {
                decisionsBeforeRequest.append(EarlyDecision(request: decision.request, source: source))
            }
        case .governanceHeld(var meeting):
            meeting.body = texts.shared(meeting.body)
            meeting.attendees = texts.shared(meeting.attendees)
            meeting.decisions = texts.shared(meeting.decisions)
            meeting.actionsReviewed = texts.shared(meeting.actionsReviewed)
            governanceMeetings.append(GovernanceMeeting(meeting: meeting, date: event.effective, source: source))
        case .correctionRecorded:
            break
        case .pactClosed(let closed):
            closure = Closure(reason: closed.reason, summary: closed.summary, date: event.effective, source: source)
            advance(to: .closed, since: event.effective, source: source)
        }
    }

    // MARK: - Lookups

    /// The partner with that id (withdrawn or not).
    public func partner(_ id: String) -> PartnerRecord? {
        partnerPositions[ByteKey(id)].map { partners[$0] }
    }

    /// The action with that id.
    public func action(_ id: String) -> ActionRecord? {
        actionIndex(id).map { actions[$0] }
    }

    /// The active priority with that id.
    public func priority(_ id: String) -> PriorityRecord? {
        priorityPositions[ByteKey(id)].map { priorities[$0] }
    }

    /// The extension request recorded by the event with id `requestId`.
    public func extensionRequest(_ requestId: String) -> ExtensionRecord? {
        extensionPositions[ByteKey(requestId)].map { extensions[$0] }
    }

    /// The signature path of `document`, if anything happened to it.
    public func signing(of document: DocumentReference) -> DocumentSigning? {
        documentPosition(document).found.map { documents[$0] }
    }

    /// The date the convention entered into force.
    public var inForceSince: CivilDate? { signing(of: .convention)?.inForceSince }

    /// The date `document` entered into force, if it has.
    public func inForceSince(_ document: DocumentReference) -> CivilDate? {
        signing(of: document)?.inForceSince
    }

    /// The partners that have not withdrawn.
    public var activePartners: [PartnerRecord] { partners.filter { !$0.isWithdrawn } }

    /// The ids of the partners of kind `state`.
    public var statePartnerIds: Set<String> { Set(partners.filter(\.isState).map(\.id)) }

    /// The ids of the partners of kind `state`, as bytes (ids canonically equivalent but
    /// spelled differently are different partners).
    public var statePartnerKeys: Set<ByteKey> { Set(partners.filter(\.isState).map { ByteKey($0.id) }) }

    /// The latest annex attached with that number.
    public func annex(_ number: Int) -> AnnexRecord? {
        annexes.last { $0.number == number }
    }

    // MARK: - Steps

    mutating func advance(to newStatus: PactStatus, since date: CivilDate, source: EventReference) {
        if let status, status >= newStatus { return }
        statusHistory.append(PactStatusChange(status: newStatus, since: date, source: source))
    }

    mutating func join(_ partner: Partner, entry: PartnerRecord.Entry, amendment: Int?, source: EventReference) {
        let record = PartnerRecord(partner: partner, entry: entry, amendment: amendment, joinedOn: source.effective, source: source)
        let key = ByteKey(partner.id)
        if let index = partnerPositions[key] {
            // Joining again: the new definition replaces the old; the porteur stays the porteur.
            let keepsEntry = partners[index].entry == .porteur
            let wasWithdrawn = partners[index].isWithdrawn
            partners[index] = record
            if keepsEntry { partners[index].entry = .porteur }
            if wasWithdrawn { partnerWithdrawalChanged(key, withdrawn: false, source: source) }
        } else {
            partnerPositions[key] = partners.count
            partners.append(record)
        }
    }

    mutating func setPriority(_ priority: PrioritySet, source: EventReference) {
        let key = ByteKey(priority.priorityId)
        if let index = priorityPositions[key] {
            priorities[index].priority = priority
            priorities[index].source = source
        } else {
            var firstSetOn = source.effective
            if let index = withdrawnPriorities.lastIndex(where: { $0.id.hasSameBytes(as: priority.priorityId) }) {
                firstSetOn = withdrawnPriorities[index].firstSetOn
            }
            priorityPositions[key] = priorities.count
            priorities.append(PriorityRecord(priority: priority, firstSetOn: firstSetOn, source: source))
        }
    }

    func actionIndex(_ id: String) -> Int? {
        actionPositions[ByteKey(id)]
    }

    /// The position of `document` in `documents` (kept sorted), or where it would go.
    func documentPosition(_ document: DocumentReference) -> (found: Int?, insertion: Int) {
        var low = 0
        var high = documents.count
        while low < high {
            let middle = (low + high) / 2
            if documents[middle].document < document { low = middle + 1 } else { high = middle }
        }
        return (low < documents.count && documents[low].document == document ? low : nil, low)
    }

    mutating func documentIndex(_ document: DocumentReference) -> Int {
        let position = documentPosition(document)
        if let found = position.found { return found }
        documents.insert(DocumentSigning(document: document), at: position.insertion)
        return position.insertion
    }
}

import PacteEvents

/// The audit of every change to the convention and its action sheets, field by field
/// (`member: before → after`), with its dates, recorder, reason and what carried it (an
/// amendment, or a governance meeting), plus extension requests and their outcome, and
/// the corrections (original, replacement or retraction, who, why).
///
/// It is the pact's fold (``PactState``) keeping, at each event, what changed between
/// the state before and after it.
public struct AmendmentHistory: Sendable, Hashable {
    /// One change.
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case pactDrafted = "pact-drafted"
            case partnerJoined = "partner-joined"
            case partnerWithdrew = "partner-withdrew"
            case prioritySet = "priority-set"
            case priorityWithdrawn = "priority-withdrawn"
            case actionAdded = "action-added"
            case actionAmended = "action-amended"
            case actionClosed = "action-closed"
            case extensionRequested = "extension-requested"
            case extensionDecided = "extension-decided"
            case amendmentProposed = "amendment-proposed"
            case amendmentInForce = "amendment-in-force"
            case conventionInForce = "convention-in-force"
        }

        /// What the change is about.
        public enum Subject: Sendable, Hashable {
            case convention
            case partner(String)
            case priority(String)
            case action(String)

            /// `convention`, `partner`, `priority` or `action`.
            public var kind: String {
                switch self {
                case .convention: "convention"
                case .partner: "partner"
                case .priority: "priority"
                case .action: "action"
                }
            }

            /// The id of the partner, priority or action.
            public var id: String? {
                switch self {
                case .convention: nil
                case .partner(let id), .priority(let id), .action(let id): id
                }
            }
        }

        public var kind: Kind
        public var subject: Subject
        /// The members changed, before → after.
        public var changes: [FieldChange]
        /// The event that states the change (effective date, recorded time, recorder).
        public var source: EventReference
        /// The date the change took effect; `nil` while it waits for its amendment.
        public var appliesFrom: CivilDate?
        public var reason: String?
        /// The amendment (avenant) that carries the change.
        public var amendment: Int?
        /// The governance meeting held the same day that reviewed the change, when no
        /// amendment carries it.
        public var governanceMeeting: EventReference?
        /// The short fact an entry carries (a decision, an outcome), typed.
        public enum Fact: Sendable, Hashable {
            /// The pact's title (`pact.drafted`).
            case title(String)
            /// How a partner joined.
            case joined(PartnerJoined.Via)
            /// A new priority, or one replaced.
            case priority(isNew: Bool)
            case actionOutcome(ActionClosed.Outcome)
            /// Who asked for an extension.
            case requestedBy(String)
            case decision(ExtensionDecided.Decision)

            /// The fact as the format's code (`docs/json-output.md`, `note`).
            public var code: String {
                switch self {
                case .title(let title): title
                case .joined(let via): via.rawValue
                case .priority(let isNew): isNew ? "new" : "replaced"
                case .actionOutcome(let outcome): outcome.rawValue
                case .requestedBy(let partner): "requested by \(partner)"
                case .decision(let decision): decision.rawValue
                }
            }
        }

        public var fact: Fact?
        /// ``fact`` as short text (the JSON `note`).
        public var note: String? { fact?.code }
        /// Whether the change waits: an amended sheet waiting for its amendment, a granted
        /// extension whose amendment is not in force, a request not decided yet.
        public var isPending = false

        /// The action the entry is about, if any.
        public var actionId: String? {
            if case .action(let id) = subject { return id }
            return nil
        }
    }

    public private(set) var entries: [Entry] = []
    /// The corrections known, in `seq` order.
    public private(set) var corrections: [CorrectionRecord] = []
    /// The pact after the events replayed.
    public private(set) var state = PactState()

    // Positions in `entries`, so that each event is recorded in constant time: the
    // waiting `action.amended` entries by seq, the extension requests by event id (bytes),
    // the granted extensions and the actions added waiting for it by amendment number, the entries a governance meeting of
    // their day may carry by date; and the meetings by date.
    private var pendingAmendedEntries: [Int: Int] = [:]
    private var extensionRequestEntries: [ByteKey: Int] = [:]
    private var grantedExtensionEntries: [Int: [Int]] = [:]
    private var pendingAddedActionEntries: [Int: [Int]] = [:]
    private var meetingCandidateEntries: [CivilDate: [Int]] = [:]
    private var meetingsByDate: [CivilDate: [GovernanceMeeting]] = [:]

    /// The empty history.
    public init() {}

    /// Replays `events` in the order given (no corrections).
    public init(replaying events: some Sequence<LedgerEvent>) {
        for event in events { apply(event) }
    }

    /// The history of a view: its corrected events replayed, its corrections listed.
    public init(view: LedgerView) {
        self.init()
        view.forEachEvent { apply($0) }
        corrections = view.corrections
    }

    /// The history of the pact in `events`, as of `asOf`, known at `knownAt`.
    public init(events: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil) {
        self.init(view: LedgerView(events: events, asOf: asOf, knownAt: knownAt))
    }

    /// Folds one event: applies it to the state and records what changed.
    public mutating func apply(_ event: LedgerEvent) {
        // What the comparison needs of the state before the event (not a copy of the
        // state, which would copy its arrays at every event).
        var oldPriority: JSONObject?
        if case .prioritySet(let priority) = event.payload {
            oldPriority = state.priority(priority.priorityId).map { Self.json(of: $0.priority) }
        }
        state.apply(event)
        let source = EventReference(event)
        switch event.payload {
        case .pactDrafted(let drafted):
            add(Entry(
                kind: .pactDrafted, subject: .convention, changes: FieldChange.changes(from: nil, to: event.data),
                source: source, appliesFrom: event.effective, fact: .title(drafted.title)))
        case .partnerJoined(let joined):
            add(Entry(
                kind: .partnerJoined, subject: .partner(joined.partner.id),
                changes: FieldChange.changes(from: nil, to: event.data), source: source, appliesFrom: event.effective,
                amendment: joined.amendment, fact: .joined(joined.via)))
        case .partnerWithdrew(let withdrew):
            add(Entry(
                kind: .partnerWithdrew, subject: .partner(withdrew.partnerId), changes: [], source: source,
                appliesFrom: event.effective, reason: withdrew.reason))
        case .prioritySet(let priority):
            let old = oldPriority
            add(Entry(
                kind: .prioritySet, subject: .priority(priority.priorityId),
                changes: FieldChange.changes(from: old, to: Self.json(of: priority)), source: source,
                appliesFrom: event.effective, fact: .priority(isNew: old == nil)))
        case .priorityWithdrawn(let withdrawn):
            add(Entry(
                kind: .priorityWithdrawn, subject: .priority(withdrawn.priorityId), changes: [], source: source,
                appliesFrom: event.effective, reason: withdrawn.reason))
        case .actionAdded(let added):
            let pending = state.pendingActions.contains { $0.source.seq == event.seq }
            if pending, let number = added.amendment {
                pendingAddedActionEntries[number, default: []].append(entries.count)
            }
            add(Entry(
                kind: .actionAdded, subject: .action(added.sheet.actionId),
                changes: FieldChange.changes(from: nil, to: added.sheet.json), source: source,
                appliesFrom: pending ? nil : state.action(added.sheet.actionId)?.addedOn ?? event.effective,
                amendment: added.amendment, isPending: pending))
        case .actionAmended(let amended):
            if state.journal.revisions.contains(where: { state.actions[$0.action].revisions[$0.revision].source.seq == event.seq }) {
                break  // Applied now: recorded below with the other revisions.
            }
            pendingAmendedEntries[event.seq] = entries.count
            let sheet = state.action(amended.actionId)?.sheet.json
            add(Entry(
                kind: .actionAmended, subject: .action(amended.actionId),
                changes: amended.changes.members.filter { $0.key != "actionId" }.map {
                    FieldChange(member: $0.key, before: sheet?[$0.key], after: $0.value)
                },
                source: source, appliesFrom: nil, reason: amended.reason, amendment: amended.amendment, isPending: true))
        case .actionClosed(let closed):
            add(Entry(
                kind: .actionClosed, subject: .action(closed.actionId), changes: [], source: source,
                appliesFrom: event.effective, reason: closed.summary, fact: .actionOutcome(closed.outcome)))
        case .extensionRequested(let request):
            extensionRequestEntries[ByteKey(event.id)] = entries.count
            add(Entry(
                kind: .extensionRequested, subject: .action(request.actionId),
                changes: [FieldChange(member: "schedule.end", before: .date(request.currentEnd), after: .date(request.requestedEnd))],
                source: source, appliesFrom: nil, reason: request.reason, fact: .requestedBy(request.requestedBy),
                isPending: true))
        case .extensionDecided(let decision):
            guard let record = state.extensionRequest(decision.request) else { break }
            var changes: [FieldChange] = []
            if let granted = record.grantedEnd {
                changes.append(FieldChange(member: "schedule.end", before: .date(record.request.currentEnd), after: .date(granted)))
            }
            let granted = decision.decision == .granted
            let appliesFrom = granted ? decision.amendment.flatMap { state.inForceSince(.amendment($0)) } : event.effective
            if let index = extensionRequestEntries[ByteKey(decision.request)] {
                entries[index].isPending = false
            }
            if let number = decision.amendment, decision.decision == .granted {
                grantedExtensionEntries[number, default: []].append(entries.count)
            }
            add(Entry(
                kind: .extensionDecided, subject: .action(record.actionId), changes: changes, source: source,
                appliesFrom: appliesFrom, reason: decision.reason, amendment: decision.amendment,
                fact: .decision(decision.decision), isPending: appliesFrom == nil))
        case .amendmentProposed(let proposed):
            add(Entry(
                kind: .amendmentProposed, subject: .convention, changes: [], source: source, appliesFrom: nil,
                reason: proposed.purpose, amendment: proposed.number))
        case .governanceHeld(let meeting):
            attach(meeting, source: source)
        default:
            break
        }
        recordRevisions(source: source)
        recordEntriesIntoForce(source: source)
    }

    // MARK: - Filtering

    /// The entries about action `actionId` (its sheet, closure and extensions) and the
    /// corrections of events about it, and only those effective (or taking effect, or
    /// corrected) on or after `since`. `nil` filters nothing.
    public func filtered(actionId: String? = nil, since: CivilDate? = nil) -> AmendmentHistory {
        var copy = self
        copy.entries = entries.filter { entry in
            if let actionId, entry.actionId.map({ $0.hasSameBytes(as: actionId) }) != true { return false }
            if let since {
                return entry.source.effective >= since || (entry.appliesFrom.map { $0 >= since } ?? false)
            }
            return true
        }
        copy.corrections = corrections.filter { record in
            if let actionId, !actionIds(of: record).contains(ByteKey(actionId)) { return false }
            if let since {
                return record.correction.effective >= since || record.correction.recorded.date >= since
                    || record.original.effective >= since
            }
            return true
        }
        return copy
    }

    /// The actions a corrected event is about (its original and its replacement).
    func actionIds(of record: CorrectionRecord) -> Set<ByteKey> {
        var payloads = [record.original.payload]
        if let replacement = record.replacement,
            let payload = try? EventPayload(type: record.original.type, data: .object(replacement))
        {
            payloads.append(payload)
        }
        var ids: Set<ByteKey> = []
        for payload in payloads {
            switch payload {
            case .actionAdded(let added): ids.insert(ByteKey(added.sheet.actionId))
            case .actionAmended(let amended): ids.insert(ByteKey(amended.actionId))
            case .actionClosed(let closed): ids.insert(ByteKey(closed.actionId))
            case .indicatorReported(let report): ids.insert(ByteKey(report.actionId))
            case .extensionRequested(let request): ids.insert(ByteKey(request.actionId))
            case .extensionDecided(let decision):
                if let record = state.extensionRequest(decision.request) {
                    ids.insert(ByteKey(record.actionId))
                }
            case .commitmentVoted(let vote):
                ids.formUnion(vote.lines.map { ByteKey($0.actionId) })
                ids.formUnion(vote.inKind.map { ByteKey($0.actionId) })
            default: break
            }
        }
        return ids
    }

    // MARK: - Steps

    private mutating func add(_ entry: Entry) {
        var entry = entry
        if entry.amendment == nil, entry.kind == .actionAmended || entry.kind == .prioritySet || entry.kind == .priorityWithdrawn {
            entry.governanceMeeting = meetingsByDate[entry.source.effective]?.first { reviews($0, entry) }?.source
            if entry.governanceMeeting == nil {
                meetingCandidateEntries[entry.source.effective, default: []].append(entries.count)
            }
        }
        entries.append(entry)
    }

    /// Links the changes of the meeting's day that no amendment carries to the meeting.
    private mutating func attach(_ meeting: GovernanceHeld, source: EventReference) {
        let record = GovernanceMeeting(meeting: meeting, date: source.effective, source: source)
        meetingsByDate[source.effective, default: []].append(record)
        guard let candidates = meetingCandidateEntries[source.effective] else { return }
        var waiting: [Int] = []
        for index in candidates where entries[index].governanceMeeting == nil {
            if reviews(record, entries[index]) {
                entries[index].governanceMeeting = source
            } else {
                waiting.append(index)
            }
        }
        meetingCandidateEntries[source.effective] = waiting.isEmpty ? nil : waiting
    }

    /// Whether `meeting` may have carried `entry`: it reviewed the entry's action (or
    /// listed no action reviewed).
    private func reviews(_ meeting: GovernanceMeeting, _ entry: Entry) -> Bool {
        guard let actionId = entry.actionId, !meeting.meeting.actionsReviewed.isEmpty else { return true }
        return meeting.meeting.actionsReviewed.contains { $0.hasSameBytes(as: actionId) }
    }

    /// Records the revisions applied by the last event: the event's own change, or the
    /// waiting changes an amendment's entry into force released.
    private mutating func recordRevisions(source: EventReference) {
        // In the order of the actions, then of their revisions.
        let applied = state.journal.revisions.sorted { ($0.action, $0.revision) < ($1.action, $1.revision) }
        for pointer in applied {
            let action = state.actions[pointer.action]
            let revision = action.revisions[pointer.revision]
            if let index = pendingAmendedEntries.removeValue(forKey: revision.source.seq) {
                entries[index].changes = revision.changes
                entries[index].appliesFrom = revision.appliedOn
                entries[index].isPending = false
            } else {
                add(Entry(
                    kind: .actionAmended, subject: .action(action.id), changes: revision.changes, source: revision.source,
                    appliesFrom: revision.appliedOn, reason: revision.reason, amendment: revision.amendment))
            }
        }
    }

    /// Records the documents that entered into force with the last event, and dates the
    /// granted extensions their amendment carries.
    private mutating func recordEntriesIntoForce(source: EventReference) {
        // In the order of the documents (the convention, then amendments by number).
        for document in state.journal.documentsInForce.sorted() {
            guard let signing = state.signing(of: document), let date = signing.inForceSince else { continue }
            switch signing.document {
            case .convention:
                add(Entry(kind: .conventionInForce, subject: .convention, changes: [], source: source, appliesFrom: date))
            case .amendment(let number):
                add(Entry(
                    kind: .amendmentInForce, subject: .convention, changes: [], source: source, appliesFrom: date,
                    amendment: number))
                // The actions the amendment added take effect with it.
                for index in pendingAddedActionEntries.removeValue(forKey: number) ?? [] {
                    entries[index].appliesFrom = entries[index].actionId.flatMap { state.action($0)?.addedOn } ?? date
                    entries[index].isPending = false
                }
                for index in grantedExtensionEntries.removeValue(forKey: number) ?? [] {
                    entries[index].appliesFrom = date
                    entries[index].isPending = false
                }
            }
        }
    }

    /// The members of a priority, for field-by-field comparison.
    static func json(of priority: PrioritySet) -> JSONObject {
        var object = JSONObject()
        object["title"] = .string(priority.title)
        object["rationale"] = priority.rationale.map { .string($0) }
        object["sources"] = .texts(priority.sources)
        object["publics"] = .texts(priority.publics.map(\.description))
        return object
    }
}

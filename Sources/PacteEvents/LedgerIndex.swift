/// What the lines read so far establish, to check the next line's structure: its
/// `seq`, `prev`, `recorded`, `id`, and that every reference it makes resolves against
/// the lines before it. Business rules are not checked here (see `check`).
public struct LedgerIndex: Sendable {
    public private(set) var lastSeq = 0
    public private(set) var lastHash = SHA256Digest.zero
    public private(set) var lastRecorded: Timestamp?
    /// Line number of each event id (ids are bytes: NFC and NFD spellings differ).
    public private(set) var lineOfId = EventIdLines()
    /// Type of each line, by seq - 1.
    public private(set) var types: [EventType] = []
    public private(set) var partnerIds: Set<ByteKey> = []
    public private(set) var actionIds: Set<ByteKey> = []
    public private(set) var priorityIds: Set<ByteKey> = []

    public init() {}

    /// Checks `event` as the next line of the ledger `file`, then records it.
    public mutating func admit(_ event: LedgerEvent, file: String) throws(LedgerError) {
        let location = LedgerLocation(file: file, line: lastSeq + 1)
        guard event.seq == lastSeq + 1 else {
            throw LedgerError.sequenceGap(location, expected: lastSeq + 1, found: event.seq)
        }
        guard event.previousHash == lastHash else {
            throw LedgerError.chainBroken(location, expected: lastHash.hexadecimal, found: event.previousHash.hexadecimal)
        }
        var idHash = 0
        let replacement = try check(event, at: location, idHash: &idHash)
        record(event, correctedTo: replacement, idHash: idHash)
    }

    /// Checks everything but the chain (`seq`, `prev`): used before an append, whose
    /// chain members the ledger assigns. Returns the replacement a correction carries,
    /// decoded as its target's type.
    @discardableResult
    public func check(_ event: LedgerEvent, at location: LedgerLocation) throws(LedgerError) -> EventPayload? {
        var idHash = 0
        return try check(event, at: location, idHash: &idHash)
    }

    /// ``check(_:at:)``, giving the hash of the event's id in `idHash` (to record it).
    private func check(_ event: LedgerEvent, at location: LedgerLocation, idHash: inout Int) throws(LedgerError)
        -> EventPayload?
    {
        if let lastRecorded, event.recorded < lastRecorded {
            throw LedgerError.recordedWentBackwards(location, previous: lastRecorded, found: event.recorded)
        }
        let found = lineOfId.lookUp(event.id)
        idHash = found.hash
        if let firstLine = found.line {
            throw LedgerError.duplicateId(location, id: event.id, firstLine: firstLine)
        }
        if location.line == 1, event.type != .pactDrafted {
            throw LedgerError.firstLineNotDrafted(location, found: event.type.rawValue)
        }
        if location.line > 1, event.type == .pactDrafted {
            throw LedgerError.secondPactDrafted(location)
        }
        try checkReferences(of: event.payload, path: "data", at: location)
        if case .correctionRecorded(let correction) = event.payload {
            guard let targetLine = lineOfId[ByteKey(correction.target)] else {
                throw LedgerError.unresolvedReference(location, path: "data.target", kind: .event, id: correction.target)
            }
            if let replacement = correction.replacement {
                let targetType = types[targetLine - 1]
                let payload: EventPayload
                do {
                    payload = try EventPayload(
                        type: targetType, version: EventType.replacementVersion(of: targetType, inCorrectionVersion: event.version),
                        data: .object(replacement), path: "data.replacement")
                } catch {
                    throw LedgerError.invalidMember(location, error)
                }
                try checkReferences(of: payload, path: "data.replacement", at: location)
                return payload
            }
        }
        return nil
    }

    private mutating func record(_ event: LedgerEvent, correctedTo replacement: EventPayload?, idHash: Int) {
        lastSeq = event.seq
        lastHash = event.hash
        lastRecorded = event.recorded
        lineOfId.record(event.id, line: event.seq, hash: idHash)
        types.append(event.type)
        registerIds(of: event.payload)
        // A corrected partner, priority or action sheet may bring a new id.
        if let replacement { registerIds(of: replacement) }
    }

    /// The partner, priority or action a payload creates, known from now on.
    private mutating func registerIds(of payload: EventPayload) {
        switch payload {
        case .pactDrafted(let drafted): partnerIds.insert(ByteKey(drafted.porteur.id))
        case .partnerJoined(let joined): partnerIds.insert(ByteKey(joined.partner.id))
        case .prioritySet(let priority): priorityIds.insert(ByteKey(priority.priorityId))
        case .actionAdded(let added): actionIds.insert(ByteKey(added.sheet.actionId))
        default: break
        }
    }

    private func checkReferences(of payload: EventPayload, path: String, at location: LedgerLocation) throws(LedgerError) {
        // `member` is worded only for an error: most lines refer to ids that resolve.
        func require(_ id: String, _ kind: LedgerError.ReferenceKind, _ member: @autoclosure () -> String) throws(LedgerError) {
            let known: Bool
            let id = ByteKey(id)
            switch kind {
            case .partner: known = partnerIds.contains(id)
            case .action: known = actionIds.contains(id)
            case .priority: known = priorityIds.contains(id)
            case .event: known = lineOfId[id] != nil
            case .extensionRequest: known = lineOfId[id].map { types[$0 - 1] == .extensionRequested } ?? false
            }
            if !known {
                throw LedgerError.unresolvedReference(location, path: path + "." + member(), kind: kind, id: id.text)
            }
        }
        func requireSheet(_ sheet: ActionSheet, _ prefix: String) throws(LedgerError) {
            if let priorityId = sheet.priorityId { try require(priorityId, .priority, prefix + "priorityId") }
            for (index, partner) in (sheet.partners ?? []).enumerated() {
                try require(partner.partnerId, .partner, prefix + "partners[\(index)].partnerId")
            }
            for (index, line) in (sheet.funding ?? []).enumerated() {
                try require(line.partnerId, .partner, prefix + "funding[\(index)].partnerId")
            }
            for (index, line) in (sheet.inKind ?? []).enumerated() {
                try require(line.partnerId, .partner, prefix + "inKind[\(index)].partnerId")
            }
        }

        switch payload {
        case .pactDrafted, .partnerJoined, .prioritySet, .annexAttached, .draftSubmitted, .draftValidated,
            .amendmentProposed, .pactClosed, .correctionRecorded:
            break
        case .partnerWithdrew(let withdrawal):
            try require(withdrawal.partnerId, .partner, "partnerId")
        case .priorityWithdrawn(let withdrawal):
            try require(withdrawal.priorityId, .priority, "priorityId")
        case .actionAdded(let added):
            try requireSheet(added.sheet, "sheet.")
        case .actionAmended(let amended):
            try require(amended.actionId, .action, "actionId")
            try requireSheet(amended.changedMembers, "changes.")
        case .actionClosed(let closed):
            try require(closed.actionId, .action, "actionId")
        case .indicatorReported(let report):
            try require(report.actionId, .action, "actionId")
        case .draftPresented(let presentation):
            for (index, attendee) in presentation.attendees.enumerated() {
                try require(attendee, .partner, "attendees[\(index)]")
            }
        case .signatureRequested(let request):
            for (index, partner) in request.partners.enumerated() {
                try require(partner, .partner, "partners[\(index)]")
            }
        case .approvalVoted(let vote):
            try require(vote.partnerId, .partner, "partnerId")
        case .commitmentVoted(let commitment):
            try require(commitment.partnerId, .partner, "partnerId")
            for (index, line) in commitment.lines.enumerated() {
                try require(line.actionId, .action, "lines[\(index)].actionId")
            }
            for (index, line) in commitment.inKind.enumerated() {
                try require(line.actionId, .action, "inKind[\(index)].actionId")
            }
        case .signatureReceived(let signature):
            try require(signature.partnerId, .partner, "partnerId")
        case .extensionRequested(let request):
            try require(request.actionId, .action, "actionId")
            try require(request.requestedBy, .partner, "requestedBy")
        case .extensionDecided(let decision):
            try require(decision.request, .extensionRequest, "request")
        case .governanceHeld(let meeting):
            for (index, attendee) in meeting.attendees.enumerated() {
                try require(attendee, .partner, "attendees[\(index)]")
            }
            for (index, action) in meeting.actionsReviewed.enumerated() {
                try require(action, .action, "actionsReviewed[\(index)]")
            }
        }
    }
}

// MARK: - Resuming from a checkpoint

extension LedgerIndex {
    /// The index of a ledger's first `last.seq` lines when only some of them are read again
    /// (an append resumed from a ``LedgerCheckpoint``): it knows the last line (`seq`, hash,
    /// `recorded`) and, of the lines before it, only those given to ``recall(_:)``. Checking
    /// an event against it gives what the whole index gives as long as every id the event
    /// refers to was recalled (the append looks each one up before trusting an answer).
    init(resumingAfter last: LedgerEvent) {
        self.init()
        lastSeq = last.seq
        lastHash = last.hash
        lastRecorded = last.recorded
        // Only recalled lines are looked up (through `lineOfId`): the others' types are never read.
        types = Array(repeating: .pactDrafted, count: last.seq)
        recall(last)
    }

    /// Makes line `event.seq` of the prefix known again: its id, its type, and the partner,
    /// priority or action it brings (a correction's replacement included, when its target
    /// was recalled before it), as ``admit(_:file:)`` recorded them when it was read.
    mutating func recall(_ event: LedgerEvent) {
        guard event.seq >= 1, event.seq <= lastSeq else { return }
        lineOfId.record(event.id, line: event.seq)
        types[event.seq - 1] = event.type
        registerIds(of: event.payload)
        if case .correctionRecorded(let correction) = event.payload, let replacement = correction.replacement,
            let targetLine = lineOfId[ByteKey(correction.target)]
        {
            let targetType = types[targetLine - 1]
            let version = EventType.replacementVersion(of: targetType, inCorrectionVersion: event.version)
            if let payload = try? EventPayload(type: targetType, version: version, data: .object(replacement)) {
                registerIds(of: payload)
            }
        }
    }

    /// How many partners, priorities and actions are known: it grows on the lines that bring one.
    var createdIdCount: Int { partnerIds.count + actionIds.count + priorityIds.count }
}

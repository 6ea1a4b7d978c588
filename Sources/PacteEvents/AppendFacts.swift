/// What the lines before an append establish about facts, to refuse a new line that
/// cannot be true (ledger-format-v1.md, "More refusals at append"): a date after today or
/// before the pact, a document never proposed or never sent for signature, a partner
/// joining twice, a signature given twice, an extension ending earlier, a meeting with
/// nobody, a beneficiary's personal data. Structure and references are ``LedgerIndex``'s.
///
/// A fold of the events read: ``apply(_:)`` each line in order, then ``refusal(of:replacement:policy:)``.
/// A correction replaces (or retracts) what its target established.
public struct AppendFacts: Sendable {
    /// One line that matters here, as corrected since.
    struct Fact: Sendable {
        var line: Int
        var type: EventType
        var effective: CivilDate
        /// `nil` once retracted by a correction.
        var payload: EventPayload?
    }

    /// The facts, in line order, and where each event id is among them.
    private var facts: [Fact] = []
    private var indexOfId: [String: Int] = [:]
    /// Line 1's `effective`: nothing happens to the pact before it.
    public private(set) var pactDrafted: CivilDate?

    public init() {}

    /// Folds one line (already checked by ``LedgerIndex``) into the facts. Returns whether
    /// the line is one the facts keep or change (the others can be left out of a replay).
    @discardableResult
    public mutating func apply(_ event: LedgerEvent) -> Bool {
        switch event.payload {
        case .pactDrafted, .partnerJoined, .partnerWithdrew, .signatureRequested, .approvalVoted, .signatureReceived,
            .amendmentProposed:
            if case .pactDrafted = event.payload, pactDrafted == nil { pactDrafted = event.effective }
            indexOfId[event.id] = facts.count
            facts.append(Fact(line: event.seq, type: event.type, effective: event.effective, payload: event.payload))
            return true
        case .correctionRecorded(let correction):
            guard let index = indexOfId[correction.target], facts[index].payload != nil else { return false }
            guard let replacement = correction.replacement else {
                facts[index].payload = nil
                return true
            }
            let type = facts[index].type
            let version = EventType.replacementVersion(of: type, inCorrectionVersion: event.version)
            facts[index].payload = try? EventPayload(type: type, version: version, data: .object(replacement))
            return true
        default:
            return false
        }
    }

    /// Why `event`, as the next line, cannot be recorded, if it cannot. `replacement` is
    /// the decoded replacement a correction carries (checked like an event's data).
    public func refusal(of event: LedgerEvent, replacement: EventPayload? = nil, policy: WritePolicy) -> AppendRefusal? {
        if let found = PersonalData.firstFinding(in: .object(event.data), path: "data", allowContact: policy.allowContact) {
            return found
        }
        let today = CivilDate.paris(at: event.recorded)
        if event.effective > today {
            return .effectiveInTheFuture(member: "effective", effective: event.effective, today: today)
        }
        if let pactDrafted, event.seq > 1, event.effective < pactDrafted {
            return .effectiveBeforePact(member: "effective", effective: event.effective, pactDrafted: pactDrafted)
        }
        if let found = contentRefusal(of: event.payload, path: "data") { return found }
        if let replacement, let found = contentRefusal(of: replacement, path: "data.replacement") { return found }
        switch event.payload {
        case .partnerJoined(let joined):
            if let line = currentPartnerLine(joined.partner.id) {
                return .partnerAlreadyJoined(member: "data.partner.id", partnerId: joined.partner.id, line: line)
            }
        case .signatureReceived(let signature):
            if let line = standingSignatureLine(signature.partnerId, signature.document) {
                return .alreadySigned(member: "data.partnerId", partnerId: signature.partnerId, document: signature.document, line: line)
            }
        default:
            break
        }
        return nil
    }

    /// What a payload cannot say whatever the partners: a document never proposed or
    /// never sent, an extension ending earlier, a meeting with nobody.
    private func contentRefusal(of payload: EventPayload, path: String) -> AppendRefusal? {
        let document: DocumentReference?
        switch payload {
        case .signatureRequested(let request): document = request.document
        case .approvalVoted(let vote): document = vote.document
        case .signatureReceived(let signature): document = signature.document
        case .extensionRequested(let request):
            if request.requestedEnd <= request.currentEnd {
                return .requestedEndNotAfterCurrentEnd(
                    member: path + ".requestedEnd", requestedEnd: request.requestedEnd, currentEnd: request.currentEnd)
            }
            return nil
        case .governanceHeld(let meeting):
            return meeting.attendees.isEmpty ? .noAttendee(member: path + ".attendees") : nil
        default:
            return nil
        }
        if case .amendment(let number)? = document, !isProposed(number) {
            return .amendmentNotProposed(member: path + ".document", number: number)
        }
        if case .signatureReceived(let signature) = payload, !isRequested(signature.document) {
            return .signatureNotRequested(member: path + ".document", document: signature.document)
        }
        return nil
    }

    // MARK: - Queries

    private var standing: some Sequence<(line: Int, effective: CivilDate, payload: EventPayload)> {
        facts.lazy.compactMap { fact in fact.payload.map { (fact.line, fact.effective, $0) } }
    }

    func isProposed(_ number: Int) -> Bool {
        standing.contains { if case .amendmentProposed(let proposed) = $0.payload { proposed.number == number } else { false } }
    }

    func isRequested(_ document: DocumentReference) -> Bool {
        standing.contains { if case .signatureRequested(let request) = $0.payload { request.document == document } else { false } }
    }

    /// The line where `partnerId` became the partner it still is (not withdrawn since), if it is one.
    func currentPartnerLine(_ partnerId: String) -> Int? {
        var line: Int?
        for fact in standing {
            switch fact.payload {
            case .pactDrafted(let drafted) where drafted.porteur.id == partnerId: line = fact.line
            case .partnerJoined(let joined) where joined.partner.id == partnerId: line = fact.line
            case .partnerWithdrew(let withdrew) where withdrew.partnerId == partnerId: line = nil
            default: break
            }
        }
        return line
    }

    /// The line of a signature of `partnerId` on `document` that still stands: not
    /// retracted, and not given before the partner's statutory body adopted the document
    /// (signing again after the vote puts such a signature right).
    func standingSignatureLine(_ partnerId: String, _ document: DocumentReference) -> Int? {
        var adoptions: [CivilDate] = []
        var signatures: [(line: Int, effective: CivilDate)] = []
        for fact in standing {
            switch fact.payload {
            case .approvalVoted(let vote) where vote.partnerId == partnerId && vote.document == document && vote.outcome == .adopted:
                adoptions.append(fact.effective)
            case .signatureReceived(let signature) where signature.partnerId == partnerId && signature.document == document:
                signatures.append((fact.line, fact.effective))
            default: break
            }
        }
        return signatures.first { signature in !adoptions.contains { signature.effective < $0 } }?.line
    }
}

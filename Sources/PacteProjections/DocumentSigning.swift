import PacteEvents

/// The signature path of one document (the convention, or amendment N): the requests
/// (day 0), the approval votes of statutory bodies, the signatures, and the entry into
/// force.
public struct DocumentSigning: Sendable, Hashable {
    public struct Request: Sendable, Hashable {
        public var partners: [String]
        public var targetMonths: Int
        public var source: EventReference
        public var date: CivilDate { source.effective }
    }

    public struct Vote: Sendable, Hashable {
        public var partnerId: String
        public var body: String
        public var reference: String
        public var outcome: VoteOutcome
        public var source: EventReference
        public var date: CivilDate { source.effective }
    }

    public struct Signature: Sendable, Hashable {
        public var partnerId: String
        public var signatory: Signatory
        public var source: EventReference
        public var date: CivilDate { source.effective }
    }

    public var document: DocumentReference
    public var requests: [Request] = []
    public var votes: [Vote] = []
    public var signatures: [Signature] = []
    /// The date of entry into force: the last signature among the partners the document
    /// was sent to, less those who withdrew before signing.
    public var inForceSince: CivilDate?
    /// The event that completed the signatures (a signature, or a withdrawal).
    public var inForceSource: EventReference?

    public init(document: DocumentReference) {
        self.document = document
    }

    /// Day 0: the first `signature.requested` for the document.
    public var requestedOn: CivilDate? { requests.first?.date }
    /// The months the signatures are expected in (the first request's; 6 by default).
    public var targetMonths: Int { requests.first?.targetMonths ?? 6 }
    /// Day 0 plus the target months.
    public var targetDate: CivilDate? { requestedOn?.adding(months: targetMonths) }
    public var isInForce: Bool { inForceSince != nil }

    /// The partners the document was sent to, every request together, in order.
    public var requestedPartnerIds: [String] {
        var seen: Set<String> = []
        var ids: [String] = []
        for request in requests {
            for id in request.partners where seen.insert(id).inserted { ids.append(id) }
        }
        return ids
    }

    /// The partner's first signature of the document.
    public func signature(of partnerId: String) -> Signature? {
        signatures.first { $0.partnerId == partnerId }
    }

    /// The partner's first `adopted` approval vote of the document.
    public func adoptedVote(of partnerId: String) -> Vote? {
        votes.first { $0.partnerId == partnerId && $0.outcome == .adopted }
    }

    /// The partner's approval votes of the document, every outcome.
    public func votes(of partnerId: String) -> [Vote] {
        votes.filter { $0.partnerId == partnerId }
    }
}

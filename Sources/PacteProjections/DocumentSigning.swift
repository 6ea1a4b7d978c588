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
    public private(set) var requests: [Request] = []
    public private(set) var votes: [Vote] = []
    public private(set) var signatures: [Signature] = []
    /// The partners the document was sent to, every request together, in order (each
    /// once, by the bytes of its id).
    public private(set) var requestedPartnerIds: [String] = []
    /// The date of entry into force: the last signature among the partners the document
    /// was sent to, less those who withdrew before signing.
    public var inForceSince: CivilDate?
    /// The event that completed the signatures (a signature, or a withdrawal).
    public var inForceSource: EventReference?

    // Indexes by partner id (bytes), so that every lookup and the entry into force are
    // settled in constant time whatever the number of partners.
    private var requested: Set<ByteKey> = []
    private var firstSignatureOf: [ByteKey: Int] = [:]
    private var votesOf: [ByteKey: [Int]] = [:]
    /// Requested partners who have not signed and have not withdrawn.
    var awaited: Set<ByteKey> = []
    /// Requested partners who have not signed but withdrew (they no longer hold it up).
    var excused: Set<ByteKey> = []
    /// Requested partners who have signed, and the last of their first signatures.
    private(set) var signerCount = 0
    private(set) var lastSignature: CivilDate?

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
    /// Whether every requested partner has signed or withdrawn, with one signature at least.
    var isComplete: Bool { awaited.isEmpty && signerCount > 0 }

    /// Whether the document was sent to the partner.
    public func isRequested(_ partnerId: String) -> Bool {
        requested.contains(ByteKey(partnerId))
    }

    /// The partner's first signature of the document.
    public func signature(of partnerId: String) -> Signature? {
        firstSignatureOf[ByteKey(partnerId)].map { signatures[$0] }
    }

    /// The partner's first `adopted` approval vote of the document.
    public func adoptedVote(of partnerId: String) -> Vote? {
        votes(of: partnerId).first { $0.outcome == .adopted }
    }

    /// The partner's approval votes of the document, every outcome.
    public func votes(of partnerId: String) -> [Vote] {
        (votesOf[ByteKey(partnerId)] ?? []).map { votes[$0] }
    }

    // MARK: - Steps (called by the fold)

    /// Adds a request; `isWithdrawn` tells whether a partner has withdrawn.
    mutating func add(_ request: Request, isWithdrawn: (String) -> Bool) {
        requests.append(request)
        for id in request.partners {
            let key = ByteKey(id)
            guard requested.insert(key).inserted else { continue }
            requestedPartnerIds.append(id)
            if let signature = signature(of: id) {
                countSigner(on: signature.date)
            } else if isWithdrawn(id) {
                excused.insert(key)
            } else {
                awaited.insert(key)
            }
        }
    }

    mutating func add(_ vote: Vote) {
        votesOf[ByteKey(vote.partnerId), default: []].append(votes.count)
        votes.append(vote)
    }

    mutating func add(_ signature: Signature) {
        let key = ByteKey(signature.partnerId)
        signatures.append(signature)
        guard firstSignatureOf[key] == nil else { return }
        firstSignatureOf[key] = signatures.count - 1
        if awaited.remove(key) != nil || excused.remove(key) != nil {
            countSigner(on: signature.date)
        }
    }

    /// The partner withdrew (`true`) or joined again (`false`).
    mutating func partner(_ id: ByteKey, withdrawn: Bool) {
        if withdrawn {
            if awaited.remove(id) != nil { excused.insert(id) }
        } else if excused.remove(id) != nil {
            awaited.insert(id)
        }
    }

    private mutating func countSigner(on date: CivilDate) {
        signerCount += 1
        lastSignature = max(lastSignature ?? date, date)
    }
}

/// One line of a ledger: the envelope of format v1 and its typed payload.
public struct LedgerEvent: Sendable, Hashable {
    /// 1 for the first line, then +1 per line.
    public var seq: Int
    /// Unique in the file; later events refer to it.
    public var id: String
    public var type: EventType
    /// Schema version of `data` (`v`); 1 in format v1.
    public var version: Int
    /// When the fact happened in the world (valid time).
    public var effective: CivilDate
    /// When the line was appended (transaction time).
    public var recorded: Timestamp
    /// Who recorded it (`by`).
    public var recordedBy: String
    /// `prev`: the hash of the line before (zero on line 1).
    public var previousHash: SHA256Digest
    /// `hash`: SHA-256 of the line's bytes before its last member.
    public var hash: SHA256Digest
    /// The heavy parts (payload, data), shared between copies: projections copy events
    /// a lot, and a copy then costs one reference count.
    private var body: Body

    /// `data` as written, members in order, unknown members kept.
    public var data: JSONObject {
        get { body.data.object }
        set { body = Body(data: .built(newValue), payload: body.payload, otherMembers: body.otherMembers) }
    }

    /// `data`, typed.
    public var payload: EventPayload {
        get { body.payload }
        set { body = Body(data: body.data, payload: newValue, otherMembers: body.otherMembers) }
    }

    /// Envelope members this version does not know, kept in order.
    public var otherMembers: [JSONMember] {
        get { body.otherMembers }
        set { body = Body(data: body.data, payload: body.payload, otherMembers: newValue) }
    }

    /// Whether `data` is kept as the bytes of its line (the line took the direct path).
    var keepsDataAsBytes: Bool {
        if case .bytes = body.data { return true }
        return false
    }

    /// Replaces `data` and its typed payload at once (a correction's replacement).
    public mutating func replaceData(_ data: JSONObject, payload: EventPayload) {
        body = Body(data: .built(data), payload: payload, otherMembers: body.otherMembers)
    }

    private final class Body: Sendable {
        let data: StoredData
        let payload: EventPayload
        let otherMembers: [JSONMember]

        init(data: StoredData, payload: EventPayload, otherMembers: [JSONMember]) {
            self.data = data
            self.payload = payload
            self.otherMembers = otherMembers
        }
    }

    /// `data` built, or as the bytes of the line it was read from (built when asked for:
    /// most readers need only the payload).
    private enum StoredData: Sendable {
        case built(JSONObject)
        case bytes([UInt8])

        var object: JSONObject {
            switch self {
            case .built(let object):
                return object
            case .bytes(let bytes):
                // The bytes were checked when the line was read: the parse does not fail.
                return bytes.withUnsafeBytes { (try? JSONParser.parse($0))?.objectValue } ?? JSONObject()
            }
        }

        static func == (lhs: StoredData, rhs: StoredData) -> Bool {
            if case .bytes(let left) = lhs, case .bytes(let right) = rhs, left == right { return true }
            return lhs.object == rhs.object
        }
    }

    public init(
        seq: Int, id: String, type: EventType, version: Int = 1, effective: CivilDate, recorded: Timestamp,
        recordedBy: String, data: JSONObject, payload: EventPayload, previousHash: SHA256Digest,
        hash: SHA256Digest, otherMembers: [JSONMember] = []
    ) {
        self.init(
            seq: seq, id: id, type: type, version: version, effective: effective, recorded: recorded, recordedBy: recordedBy,
            body: Body(data: .built(data), payload: payload, otherMembers: otherMembers), previousHash: previousHash, hash: hash)
    }

    /// An event read from a line, `data` kept as its bytes.
    init(
        seq: Int, id: String, type: EventType, version: Int, effective: CivilDate, recorded: Timestamp,
        recordedBy: String, dataBytes: [UInt8], payload: EventPayload, previousHash: SHA256Digest, hash: SHA256Digest
    ) {
        self.init(
            seq: seq, id: id, type: type, version: version, effective: effective, recorded: recorded, recordedBy: recordedBy,
            body: Body(data: .bytes(dataBytes), payload: payload, otherMembers: []), previousHash: previousHash, hash: hash)
    }

    private init(
        seq: Int, id: String, type: EventType, version: Int, effective: CivilDate, recorded: Timestamp,
        recordedBy: String, body: Body, previousHash: SHA256Digest, hash: SHA256Digest
    ) {
        self.seq = seq
        self.id = id
        self.type = type
        self.version = version
        self.effective = effective
        self.recorded = recorded
        self.recordedBy = recordedBy
        self.previousHash = previousHash
        self.hash = hash
        self.body = body
    }

    public static func == (lhs: LedgerEvent, rhs: LedgerEvent) -> Bool {
        lhs.seq == rhs.seq && lhs.id == rhs.id && lhs.type == rhs.type && lhs.version == rhs.version
            && lhs.effective == rhs.effective && lhs.recorded == rhs.recorded && lhs.recordedBy == rhs.recordedBy
            && lhs.previousHash == rhs.previousHash && lhs.hash == rhs.hash
            && (lhs.body === rhs.body
                || (lhs.body.data == rhs.body.data && lhs.payload == rhs.payload && lhs.otherMembers == rhs.otherMembers))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(seq)
        hasher.combine(id)
        hasher.combine(hash)
    }
}

/// An event to append: what the person recording states. The ledger assigns `seq`,
/// `recorded`, `prev`, `hash`, and `id` when none is given.
public struct EventDraft: Sendable, Hashable {
    public var type: EventType
    public var id: String?
    public var version: Int
    public var effective: CivilDate
    public var recordedBy: String
    public var data: JSONObject

    public init(type: EventType, id: String? = nil, version: Int = 1, effective: CivilDate, recordedBy: String, data: JSONObject) {
        self.type = type
        self.id = id
        self.version = version
        self.effective = effective
        self.recordedBy = recordedBy
        self.data = data
    }

    /// Whether `event` states the same fact (type, version, effective date, recorder
    /// and data; member order aside): appending it again is then a no-op.
    public func hasSameContent(as event: LedgerEvent) -> Bool {
        type == event.type && version == event.version && effective == event.effective
            && recordedBy.hasSameBytes(as: event.recordedBy) && data.hasSameContent(as: event.data)
    }
}

// Payloads of the events of the pact's life.

/// `extension.requested`: a demande de prorogation.
public struct ExtensionRequested: Sendable, Hashable {
    public var actionId: String
    public var currentEnd: CivilDate
    public var requestedEnd: CivilDate
    public var reason: String
    public var requestedBy: String

    init(reader: ObjectReader) throws(FieldError) {
        actionId = try reader.string("actionId")
        currentEnd = try reader.date("currentEnd")
        requestedEnd = try reader.date("requestedEnd")
        reason = try reader.string("reason")
        requestedBy = try reader.string("requestedBy")
    }
}

/// `extension.decided`.
public struct ExtensionDecided: Sendable, Hashable {
    public enum Decision: String, Sendable, Hashable, CaseIterable {
        case granted, refused
    }

    /// The id of the `extension.requested` event decided.
    public var request: String
    public var decision: Decision
    public var newEnd: CivilDate?
    public var amendment: Int?
    public var reason: String?

    init(reader: ObjectReader) throws(FieldError) {
        request = try reader.string("request")
        decision = try reader.choice("decision", as: Decision.self)
        newEnd = try reader.optionalDate("newEnd")
        amendment = try reader.optionalInteger("amendment", in: 1...9999)
        reason = try reader.optionalString("reason")
    }
}

/// `governance.held`: a meeting of the steering body.
public struct GovernanceHeld: Sendable, Hashable {
    public var body: String
    public var attendees: [String]
    public var decisions: [String]
    public var commitmentsPresented: [Int]
    public var actionsReviewed: [String]
    public var nextMeeting: CivilDate?

    init(reader: ObjectReader) throws(FieldError) {
        body = try reader.string("body")
        attendees = try reader.strings("attendees")
        decisions = try reader.optionalStrings("decisions") ?? []
        commitmentsPresented = try reader.optionalArray("commitmentsPresented", ObjectReader.integerElement) ?? []
        actionsReviewed = try reader.optionalStrings("actionsReviewed") ?? []
        nextMeeting = try reader.optionalDate("nextMeeting")
    }
}

/// `correction.recorded`: replaces (or, with a `null` replacement, retracts) an earlier event.
public struct CorrectionRecorded: Sendable, Hashable {
    /// The id of the corrected event.
    public var target: String
    public var reason: String
    /// The replacement `data`, of the target's type; `nil` retracts the target. It is
    /// decoded against the target's type when the ledger is validated.
    public var replacement: JSONObject?

    public init(target: String, reason: String, replacement: JSONObject?) {
        self.target = target
        self.reason = reason
        self.replacement = replacement
    }

    init(reader: ObjectReader) throws(FieldError) {
        target = try reader.string("target")
        reason = try reader.string("reason")
        let value = try reader.required("replacement", .objectOrNull)
        switch value {
        case .null: replacement = nil
        case .object(let object): replacement = object
        default:
            throw FieldError(path: reader.memberPath("replacement"), expected: .objectOrNull, found: ObjectReader.excerpt(value))
        }
    }
}

/// `pact.closed`.
public struct PactClosed: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        case term, terminated
    }

    public var reason: Reason
    public var summary: String

    init(reader: ObjectReader) throws(FieldError) {
        reason = try reader.choice("reason", as: Reason.self)
        summary = try reader.string("summary")
    }
}

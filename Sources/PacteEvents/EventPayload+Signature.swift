// Payloads of the validation and signature events.

/// `draft.presented`: the porteur presents the draft to the partners.
public struct DraftPresented: Sendable, Hashable {
    public var attendees: [String]
    public var stateServiceInvited: Bool
    public var commissionerInvited: Bool

    init(reader: ObjectReader) throws(FieldError) {
        attendees = try reader.strings("attendees")
        stateServiceInvited = try reader.bool("stateServiceInvited")
        commissionerInvited = try reader.bool("commissionerInvited")
    }
}

/// `draft.submitted`: the draft and its annexes go to the State service and the Commissioner.
public struct DraftSubmitted: Sendable, Hashable {
    public var recipients: [String]

    init(reader: ObjectReader) throws(FieldError) {
        recipients = try reader.strings("to")
    }
}

/// `draft.validated`.
public struct DraftValidated: Sendable, Hashable {
    public var validatedBy: String
    public var remarks: String?

    init(reader: ObjectReader) throws(FieldError) {
        validatedBy = try reader.string("validatedBy")
        remarks = try reader.optionalString("remarks")
    }
}

/// `signature.requested`: day 0 of a document's signing.
public struct SignatureRequested: Sendable, Hashable {
    public var document: DocumentReference
    public var partners: [String]
    /// Months the signatures are expected in (6 by the guidance; 6 when absent).
    public var targetMonths: Int

    init(reader: ObjectReader) throws(FieldError) {
        document = try reader.document("document")
        partners = try reader.strings("partners")
        targetMonths = try reader.optionalInteger("targetMonths", in: 1...120) ?? 6
    }
}

/// `approval.voted`: a statutory body approves a document and authorises signature.
public struct ApprovalVoted: Sendable, Hashable {
    public var partnerId: String
    public var document: DocumentReference
    public var body: String
    public var reference: String
    public var outcome: VoteOutcome

    init(reader: ObjectReader) throws(FieldError) {
        partnerId = try reader.string("partnerId")
        document = try reader.document("document")
        body = try reader.string("body")
        reference = try reader.string("reference")
        outcome = try reader.choice("outcome", as: VoteOutcome.self)
    }
}

/// `commitment.voted`: a partner's yearly commitment.
public struct CommitmentVoted: Sendable, Hashable {
    public struct Line: Sendable, Hashable {
        public var actionId: String
        public var amountCents: Int
        public var source: String
        public var basis: FundingLine.Basis

        init(reader: ObjectReader) throws(FieldError) {
            actionId = try reader.string("actionId")
            amountCents = try reader.cents("amountCents")
            source = try reader.string("source")
            basis = try reader.choice("basis", as: FundingLine.Basis.self)
        }
    }

    public struct InKindLine: Sendable, Hashable {
        public var actionId: String
        public var description: String
        public var valuationCents: Int

        init(reader: ObjectReader) throws(FieldError) {
            actionId = try reader.string("actionId")
            description = try reader.string("description")
            valuationCents = try reader.cents("valuationCents")
        }
    }

    public var partnerId: String
    public var year: Int
    public var body: String
    public var reference: String
    public var outcome: VoteOutcome
    public var lines: [Line]
    public var inKind: [InKindLine]

    init(reader: ObjectReader) throws(FieldError) {
        partnerId = try reader.string("partnerId")
        year = try reader.integer("year", in: 1900...2999)
        body = try reader.string("body")
        reference = try reader.string("reference")
        outcome = try reader.choice("outcome", as: VoteOutcome.self)
        lines = try reader.objects("lines", Line.init(reader:))
        inKind = try reader.optionalObjects("inKind", InKindLine.init(reader:)) ?? []
    }
}

/// `signature.received`.
public struct SignatureReceived: Sendable, Hashable {
    public var partnerId: String
    public var document: DocumentReference
    public var signatory: Signatory

    init(reader: ObjectReader) throws(FieldError) {
        partnerId = try reader.string("partnerId")
        document = try reader.document("document")
        signatory = try Signatory(reader: try reader.object("signatory"))
    }
}

/// `amendment.proposed`: avenant N, which then follows the convention's signature path.
public struct AmendmentProposed: Sendable, Hashable {
    public var number: Int
    public var purpose: String

    init(reader: ObjectReader) throws(FieldError) {
        number = try reader.integer("number", in: 1...9999)
        purpose = try reader.string("purpose")
    }
}

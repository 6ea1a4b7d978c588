/// The typed `data` of an event, one case per type of the catalogue.
public enum EventPayload: Sendable, Hashable {
    case pactDrafted(PactDrafted)
    case partnerJoined(PartnerJoined)
    case partnerWithdrew(PartnerWithdrew)
    case prioritySet(PrioritySet)
    case priorityWithdrawn(PriorityWithdrawn)
    case actionAdded(ActionAdded)
    case actionAmended(ActionAmended)
    case actionClosed(ActionClosed)
    case indicatorReported(IndicatorReported)
    case annexAttached(AnnexAttached)
    case draftPresented(DraftPresented)
    case draftSubmitted(DraftSubmitted)
    case draftValidated(DraftValidated)
    case signatureRequested(SignatureRequested)
    case approvalVoted(ApprovalVoted)
    case commitmentVoted(CommitmentVoted)
    case signatureReceived(SignatureReceived)
    case amendmentProposed(AmendmentProposed)
    case extensionRequested(ExtensionRequested)
    case extensionDecided(ExtensionDecided)
    case governanceHeld(GovernanceHeld)
    case correctionRecorded(CorrectionRecorded)
    case pactClosed(PactClosed)

    /// Decodes `data` of an event of `type` written as `version`, with strict types, and
    /// reads it as the newest version (see `EventPayload+Upcast.swift`). `path` is the
    /// path of `data` itself (`data`, or `data.replacement` inside a correction). The
    /// version must be one the reader knows (from 1 to `type.newestVersion`).
    public init(type: EventType, version: Int = 1, data: JSONValue, path: String = "data") throws(FieldError) {
        try self.init(type: type, version: version, reader: try ObjectReader(data, path: path))
    }

    /// Decodes `data` read by `reader` (a built object or a line's tape).
    init(type: EventType, version: Int, reader: ObjectReader) throws(FieldError) {
        switch type {
        case .actionAdded where version == 1: self = .actionAdded(ActionAdded.upcast(try ActionAddedV1(reader: reader)))
        case .correctionRecorded where version == 1:
            self = .correctionRecorded(CorrectionRecorded.upcast(try CorrectionRecordedV1(reader: reader)))
        case .pactDrafted: self = .pactDrafted(try PactDrafted(reader: reader))
        case .partnerJoined: self = .partnerJoined(try PartnerJoined(reader: reader))
        case .partnerWithdrew: self = .partnerWithdrew(try PartnerWithdrew(reader: reader))
        case .prioritySet: self = .prioritySet(try PrioritySet(reader: reader))
        case .priorityWithdrawn: self = .priorityWithdrawn(try PriorityWithdrawn(reader: reader))
        case .actionAdded: self = .actionAdded(try ActionAdded(reader: reader))
        case .actionAmended: self = .actionAmended(try ActionAmended(reader: reader))
        case .actionClosed: self = .actionClosed(try ActionClosed(reader: reader))
        case .indicatorReported: self = .indicatorReported(try IndicatorReported(reader: reader))
        case .annexAttached: self = .annexAttached(try AnnexAttached(reader: reader))
        case .draftPresented: self = .draftPresented(try DraftPresented(reader: reader))
        case .draftSubmitted: self = .draftSubmitted(try DraftSubmitted(reader: reader))
        case .draftValidated: self = .draftValidated(try DraftValidated(reader: reader))
        case .signatureRequested: self = .signatureRequested(try SignatureRequested(reader: reader))
        case .approvalVoted: self = .approvalVoted(try ApprovalVoted(reader: reader))
        case .commitmentVoted: self = .commitmentVoted(try CommitmentVoted(reader: reader))
        case .signatureReceived: self = .signatureReceived(try SignatureReceived(reader: reader))
        case .amendmentProposed: self = .amendmentProposed(try AmendmentProposed(reader: reader))
        case .extensionRequested: self = .extensionRequested(try ExtensionRequested(reader: reader))
        case .extensionDecided: self = .extensionDecided(try ExtensionDecided(reader: reader))
        case .governanceHeld: self = .governanceHeld(try GovernanceHeld(reader: reader))
        case .correctionRecorded: self = .correctionRecorded(try CorrectionRecorded(reader: reader))
        case .pactClosed: self = .pactClosed(try PactClosed(reader: reader))
        }
    }
}

/// An outcome of a statutory body's vote.
public enum VoteOutcome: String, Sendable, Hashable, CaseIterable {
    case adopted, rejected, deferred
}

/// The event types of format v1's catalogue, by the name written in `type`.
public enum EventType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    // Drafting
    case pactDrafted = "pact.drafted"
    case partnerJoined = "partner.joined"
    case partnerWithdrew = "partner.withdrew"
    case prioritySet = "priority.set"
    case priorityWithdrawn = "priority.withdrawn"
    case actionAdded = "action.added"
    case actionAmended = "action.amended"
    case actionClosed = "action.closed"
    case indicatorReported = "indicator.reported"
    case annexAttached = "annex.attached"
    // Validation and signature
    case draftPresented = "draft.presented"
    case draftSubmitted = "draft.submitted"
    case draftValidated = "draft.validated"
    case signatureRequested = "signature.requested"
    case approvalVoted = "approval.voted"
    case commitmentVoted = "commitment.voted"
    case signatureReceived = "signature.received"
    case amendmentProposed = "amendment.proposed"
    // Life of the pact
    case extensionRequested = "extension.requested"
    case extensionDecided = "extension.decided"
    case governanceHeld = "governance.held"
    case correctionRecorded = "correction.recorded"
    case pactClosed = "pact.closed"

    public var description: String { rawValue }
}

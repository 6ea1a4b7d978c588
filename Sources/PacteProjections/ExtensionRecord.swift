import PacteEvents

/// A request to extend an action (demande de prorogation) and its decision.
public struct ExtensionRecord: Sendable, Hashable {
    public var request: ExtensionRequested
    public var requestSource: EventReference
    public var decision: ExtensionDecided?
    public var decisionSource: EventReference?

    public var actionId: String { request.actionId }
    public var isGranted: Bool { decision?.decision == .granted }
    /// The end the decision grants (`newEnd`, else the requested end); `nil` unless granted.
    public var grantedEnd: CivilDate? {
        guard isGranted else { return nil }
        return decision?.newEnd ?? request.requestedEnd
    }
}

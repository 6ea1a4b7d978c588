import PacteEvents

/// A `correction.recorded` event as an audit sees it: the original event, the
/// correction, who made it and why, and what the projections read instead.
public struct CorrectionRecord: Sendable, Hashable {
    /// What became of the correction in the projections.
    public enum Status: String, Sendable, Hashable {
        /// The projections read the replacement (or nothing, for a retraction).
        case applied
        /// A later correction of the same target overrides this one.
        case superseded
        /// A later correction retracted this correction itself.
        case retracted
        /// The replacement does not decode as `data` of the target's type (the ledger
        /// refuses such a line; kept for ledgers written by other tools).
        case invalid
    }

    /// The corrected event, as it was recorded.
    public var original: LedgerEvent
    /// The `correction.recorded` event.
    public var correction: EventReference
    public var reason: String
    /// The replacement `data`; `nil` when the correction retracts the original.
    public var replacement: JSONObject?
    public var status: Status

    public init(original: LedgerEvent, correction: EventReference, reason: String, replacement: JSONObject?, status: Status) {
        self.original = original
        self.correction = correction
        self.reason = reason
        self.replacement = replacement
        self.status = status
    }

    /// Whether the correction retracts the original rather than replacing it.
    public var isRetraction: Bool { replacement == nil }
}

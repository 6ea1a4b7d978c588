import PacteEvents

/// The event a fact of a projection comes from: enough to cite it in a report or an
/// audit (`seq`), and to say who recorded it and when.
public struct EventReference: Sendable, Hashable {
    public var seq: Int
    public var id: String
    public var type: EventType
    /// When the fact happened (valid time).
    public var effective: CivilDate
    /// When it was appended (transaction time).
    public var recorded: Timestamp
    /// Who recorded it (`by`).
    public var recordedBy: String

    public init(seq: Int, id: String, type: EventType, effective: CivilDate, recorded: Timestamp, recordedBy: String) {
        self.seq = seq
        self.id = id
        self.type = type
        self.effective = effective
        self.recorded = recorded
        self.recordedBy = recordedBy
    }

    public init(_ event: LedgerEvent) {
        self.init(
            seq: event.seq, id: event.id, type: event.type, effective: event.effective, recorded: event.recorded,
            recordedBy: event.recordedBy)
    }
}

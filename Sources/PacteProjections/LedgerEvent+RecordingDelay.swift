import PacteEvents

extension LedgerEvent {
    /// Days from the fact (`effective`) to its recording (`recorded`, UTC date).
    public var recordingDelayDays: Int { effective.days(until: recorded.date) }

    /// Whether the fact was recorded more than 7 days after it happened (`log` shows the
    /// recording date beside such a line).
    public var isRecordedLate: Bool { recordingDelayDays > 7 }
}

import PacteEvents

/// The events of a ledger as the projections read them (see ``LedgerView``), decided one
/// event at a time, so that a pact can be folded while its file is read: memory is then
/// the state's, not the file's.
///
/// It takes two passes over the events, in `seq` order. The first (``Survey``) keeps only
/// the corrections and checks that the events that count come in valid-time order (it
/// may skim the file: ``LedgerFile/skim(_:)``); the second hands each event to
/// ``event(_:)`` and folds what it returns. When the events
/// are not in valid-time order (a fact recorded after a later one), the caller reads them
/// into a ``LedgerView`` instead, which sorts them.
public struct StreamedView: Sendable {
    /// What the first pass keeps.
    public struct Survey: Sendable {
        public let asOf: CivilDate?
        public let knownAt: Timestamp?
        /// What the overrides need of the `correction.recorded` events known at `knownAt`,
        /// in `seq` order (not the events: a ledger may hold as many corrections as facts).
        public private(set) var corrections: [CorrectionOverrides.Line] = []
        /// Whether the events that count (known, effective by `asOf`) come by `effective`.
        public private(set) var isInValidTimeOrder = true
        /// The last `seq` seen: the second pass stops there (lines appended meanwhile wait).
        public private(set) var lastSeq = 0
        private var lastEffective: CivilDate?

        public init(asOf: CivilDate? = nil, knownAt: Timestamp? = nil) {
            self.asOf = asOf
            self.knownAt = knownAt
        }

        /// Notes the next event of the first pass.
        public mutating func note(_ event: LedgerEvent) {
            note(seq: event.seq, type: event.type, effective: event.effective, recorded: event.recorded, correction: event)
        }

        /// Notes the next line of a first pass that skims the file (``LedgerFile/skim(_:)``):
        /// what ``note(_:)`` notes of its event.
        public mutating func note(_ line: LedgerSkim.Line) {
            note(seq: line.seq, type: line.type, effective: line.effective, recorded: line.recorded, correction: line.correction)
        }

        /// `correction` is the event when it is a correction.
        private mutating func note(
            seq: Int, type: EventType, effective: CivilDate, recorded: Timestamp, correction: LedgerEvent?
        ) {
            lastSeq = seq
            if let knownAt, recorded > knownAt { return }
            if type == .correctionRecorded {
                if let correction, let line = CorrectionOverrides.Line(correction, keepingEvent: false) { corrections.append(line) }
                return
            }
            if let asOf, effective > asOf { return }
            if let lastEffective, effective < lastEffective { isInValidTimeOrder = false }
            lastEffective = effective
        }
    }

    public let asOf: CivilDate?
    public let knownAt: Timestamp?
    private let lastSeq: Int
    private let overrides: CorrectionOverrides

    /// The view of a surveyed ledger; `targetType` gives the type of the event with an id
    /// (from the reader's index), `nil` when there is none.
    public init(survey: Survey, targetType: (String) -> EventType?) {
        asOf = survey.asOf
        knownAt = survey.knownAt
        lastSeq = survey.lastSeq
        overrides = CorrectionOverrides(lines: survey.corrections, targetType: targetType)
    }

    /// The event as the projections read it (corrected), or `nil` when it does not count:
    /// a correction, retracted, not known at `knownAt`, effective after `asOf`, or
    /// appended after the survey.
    public func event(_ event: LedgerEvent) -> LedgerEvent? {
        guard event.seq <= lastSeq, event.type != .correctionRecorded else { return nil }
        if let knownAt, event.recorded > knownAt { return nil }
        guard let corrected = overrides.corrected(event) else { return nil }
        if let asOf, corrected.effective > asOf { return nil }
        return corrected
    }
}

import PacteEvents

/// The events of a ledger as the projections read them, on both time axes.
///
/// - `knownAt` (transaction time) keeps only the events recorded at or before that
///   moment: "what the ledger knew then". It applies to corrections too: a correction
///   counts as soon as its own `recorded` is known.
/// - `asOf` (valid time) keeps only the events effective on or before that date:
///   "the pact as of that date". A vote held on 10 March and recorded on 2 April counts
///   for 15 March (unless `knownAt` is before 2 April).
///
/// Corrections are applied before the `asOf` filter: a replaced event is read with the
/// replacement `data` but keeps its own `effective` date and `seq`; a retracted event
/// disappears. Correction events themselves are not in ``events``; they are listed in
/// ``corrections`` for audits. ``events`` is in valid-time order: by `effective`, then `seq`.
public struct LedgerView: Sendable {
    public let asOf: CivilDate?
    public let knownAt: Timestamp?
    /// The events that count, corrected, ordered by `effective` then `seq`, without
    /// `correction.recorded` events. Replay them into a projection.
    public let events: [LedgerEvent]
    /// Every event known at `knownAt`, as recorded (uncorrected), in `seq` order.
    public let knownEvents: [LedgerEvent]
    /// The corrections known at `knownAt`, in `seq` order (whatever their `effective`).
    public let corrections: [CorrectionRecord]

    /// Selects and corrects `events` (any order; each `seq` once).
    public init(events allEvents: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil) {
        self.asOf = asOf
        self.knownAt = knownAt
        var known = knownAt.map { limit in allEvents.filter { $0.recorded <= limit } } ?? allEvents
        if !known.isSorted(by: { $0.seq < $1.seq }) { known.sort { $0.seq < $1.seq } }
        knownEvents = known

        // Only a ledger with corrections needs its events by id (as positions in `known`).
        var positionOfId: [ByteKey: Int] = [:]
        let correctionEvents = known.filter { $0.type == .correctionRecorded }
        if !correctionEvents.isEmpty {
            positionOfId.reserveCapacity(known.count)
            for (position, event) in known.enumerated() { positionOfId[ByteKey(event.id)] = position }
        }
        let overrides = CorrectionOverrides(corrections: correctionEvents) { id in
            positionOfId[ByteKey(id)].map { known[$0].type }
        }
        corrections = overrides.outcomes.compactMap { outcome in
            positionOfId[ByteKey(outcome.targetId)].map { position in
                CorrectionRecord(
                    original: known[position], correction: EventReference(outcome.correction), reason: outcome.reason,
                    replacement: outcome.replacement, status: outcome.status)
            }
        }.sorted { $0.correction.seq < $1.correction.seq }

        var selected: [LedgerEvent] = []
        if correctionEvents.isEmpty, asOf == nil {
            // No correction and no valid-time filter: the view is the ledger itself.
            selected = known
        } else {
            selected.reserveCapacity(known.count)
            for event in known where event.type != .correctionRecorded {
                guard let event = overrides.corrected(event) else { continue }
                if let asOf, event.effective > asOf { continue }
                selected.append(event)
            }
        }
        let inValidTimeOrder: (LedgerEvent, LedgerEvent) -> Bool = { ($0.effective, $0.seq) < ($1.effective, $1.seq) }
        if !selected.isSorted(by: inValidTimeOrder) { selected.sort(by: inValidTimeOrder) }
        events = selected
    }

    /// The known event with that `seq`, as recorded.
    public func knownEvent(seq: Int) -> LedgerEvent? {
        guard seq >= 1 else { return nil }
        if seq <= knownEvents.count, knownEvents[seq - 1].seq == seq { return knownEvents[seq - 1] }
        return knownEvents.first { $0.seq == seq }
    }

    /// The date deadlines are judged at: `asOf` when it is before `today`, else `today`.
    public func judgementDate(today: CivilDate) -> CivilDate {
        asOf.map { min($0, today) } ?? today
    }
}

extension Array {
    /// Whether the elements are already in the order `areInIncreasingOrder` describes.
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        guard count > 1 else { return true }
        for index in 1..<count where areInIncreasingOrder(self[index], self[index - 1]) {
            return false
        }
        return true
    }
}

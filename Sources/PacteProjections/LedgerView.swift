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
        var positionOfId: [String: Int] = [:]
        if known.contains(where: { $0.type == .correctionRecorded }) {
            positionOfId.reserveCapacity(known.count)
            for (position, event) in known.enumerated() { positionOfId[event.id] = position }
        }
        func eventById(_ id: String) -> LedgerEvent? {
            positionOfId[id].map { known[$0] }
        }

        // Later corrections win: walk them from the last, so that a correction that is
        // itself corrected (or retracted) is read as corrected before it is applied.
        var overrides: [String: Override] = [:]
        var records: [CorrectionRecord] = []
        for event in known.reversed() where event.type == .correctionRecorded {
            let payload: EventPayload
            switch overrides[event.id] {
            case .retracted:
                if case .correctionRecorded(let original) = event.payload, let target = eventById(original.target) {
                    records.append(CorrectionRecord(
                        original: target, correction: EventReference(event), reason: original.reason,
                        replacement: original.replacement, status: .retracted))
                }
                continue
            case .replaced(let replacement, _): payload = replacement
            case nil: payload = event.payload
            }
            guard case .correctionRecorded(let correction) = payload, let target = eventById(correction.target) else { continue }
            var status = CorrectionRecord.Status.applied
            if overrides[target.id] != nil {
                status = .superseded
            } else if let replacement = correction.replacement {
                let version = EventType.replacementVersion(of: target.type, inCorrectionVersion: event.version)
                if let decoded = try? EventPayload(
                    type: target.type, version: version, data: .object(replacement), path: "data.replacement")
                {
                    overrides[target.id] = .replaced(decoded, replacement)
                } else {
                    status = .invalid
                }
            } else {
                overrides[target.id] = .retracted
            }
            records.append(CorrectionRecord(
                original: target, correction: EventReference(event), reason: correction.reason,
                replacement: correction.replacement, status: status))
        }
        corrections = records.sorted { $0.correction.seq < $1.correction.seq }

        var selected: [LedgerEvent] = []
        if positionOfId.isEmpty, asOf == nil {
            // No correction and no valid-time filter: the view is the ledger itself.
            selected = known
        } else {
            selected.reserveCapacity(known.count)
            for var event in known where event.type != .correctionRecorded {
                switch overrides.isEmpty ? nil : overrides[event.id] {
                case .retracted: continue
                case .replaced(let payload, let data):
                    event.payload = payload
                    event.data = data
                case nil: break
                }
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

    private enum Override {
        case replaced(EventPayload, JSONObject)
        case retracted
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

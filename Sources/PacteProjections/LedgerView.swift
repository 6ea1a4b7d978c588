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
    /// `correction.recorded` events. Built on each call: to replay them into a projection,
    /// use ``forEachEvent(_:)`` (or `PactState(replaying: view)`), which builds no array.
    public var events: [LedgerEvent] {
        var events: [LedgerEvent] = []
        events.reserveCapacity(order?.count ?? knownEvents.count)
        forEachEvent { events.append($0) }
        return events
    }
    /// Every event known at `knownAt`, as recorded (uncorrected), in `seq` order.
    public let knownEvents: [LedgerEvent]
    /// The corrections known at `knownAt`, in `seq` order (whatever their `effective`).
    public let corrections: [CorrectionRecord]

    /// The events that count, in valid-time order, as slots: a slot `p >= 0` is
    /// `knownEvents[p]` as recorded, a slot `p < 0` is `replacedEvents[~p]` (a known event
    /// read with its correction's replacement). `nil` when the events that count are
    /// `knownEvents` themselves, already in valid-time order (no correction, no `asOf`).
    /// The events are not copied into a corrected array: a ledger with corrections would
    /// copy (and later free) every event for each view.
    private let order: [Int]?
    private let replacedEvents: [LedgerEvent]

    /// Selects and corrects `events` (any order; each `seq` once).
    public init(events allEvents: [LedgerEvent], asOf: CivilDate? = nil, knownAt: Timestamp? = nil) {
        self.asOf = asOf
        self.knownAt = knownAt
        // The events are read in place by position: `filter` or a comparison of two
        // `LedgerEvent`s would copy each event they look at.
        var selected = allEvents
        if let knownAt {
            selected = []
            for position in allEvents.indices where allEvents[position].recorded <= knownAt {
                selected.append(allEvents[position])
            }
        }
        let candidates = selected
        let known = candidates.indices.isSorted(by: { candidates[$0].seq < candidates[$1].seq })
            ? candidates : candidates.sorted { $0.seq < $1.seq }
        knownEvents = known

        // Only a ledger with corrections needs its events by id (as positions in `known`).
        var positionOfId: [ByteKey: Int] = [:]
        var correctionEvents: [LedgerEvent] = []
        for position in known.indices where known[position].type == .correctionRecorded {
            correctionEvents.append(known[position])
        }
        if !correctionEvents.isEmpty {
            positionOfId.reserveCapacity(known.count)
            for position in known.indices { positionOfId[ByteKey(known[position].id)] = position }
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

        // Valid-time order: by `effective`, then `seq`.
        func validTime(_ position: Int) -> (CivilDate, Int) { (known[position].effective, known[position].seq) }
        guard !correctionEvents.isEmpty || asOf != nil else {
            // No correction and no valid-time filter: the view is the ledger itself.
            order = known.indices.isSorted(by: { validTime($0) < validTime($1) }) ? nil : known.indices.sorted { validTime($0) < validTime($1) }
            replacedEvents = []
            return
        }
        // A correction keeps its target's `effective` and `seq`: the order and the `asOf`
        // filter read the event as recorded; only its `data` is replaced.
        var positions: [Int] = []
        positions.reserveCapacity(known.count)
        var replacements: [Int: LedgerEvent] = [:]
        for position in known.indices where known[position].type != .correctionRecorded {
            if let asOf, known[position].effective > asOf { continue }
            switch overrides.override(ofId: known[position].id) {
            case nil:
                positions.append(position)
            case .retracted?:
                continue
            case .replaced(let payload, let data)?:
                var event = known[position]
                event.replaceData(data, payload: payload)
                replacements[position] = event
                positions.append(position)
            }
        }
        if !positions.isSorted(by: { validTime($0) < validTime($1) }) { positions.sort { validTime($0) < validTime($1) } }
        var replaced: [LedgerEvent] = []
        if !replacements.isEmpty {
            replaced.reserveCapacity(replacements.count)
            for index in positions.indices {
                guard let event = replacements[positions[index]] else { continue }
                positions[index] = ~replaced.count
                replaced.append(event)
            }
        }
        order = positions
        replacedEvents = replaced
    }

    /// Calls `body` with each of ``events`` in turn, without building the array.
    public func forEachEvent(_ body: (LedgerEvent) throws -> Void) rethrows {
        guard let order else {
            for position in knownEvents.indices { try body(knownEvents[position]) }
            return
        }
        for slot in order {
            if slot >= 0 { try body(knownEvents[slot]) } else { try body(replacedEvents[~slot]) }
        }
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

extension Collection {
    /// Whether the elements are already in the order `areInIncreasingOrder` describes.
    func isSorted(by areInIncreasingOrder: (Element, Element) -> Bool) -> Bool {
        var previous: Element?
        for element in self {
            if let previous, areInIncreasingOrder(element, previous) { return false }
            previous = element
        }
        return true
    }
}

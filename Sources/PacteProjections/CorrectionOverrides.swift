import PacteEvents

/// What the corrections of a ledger do to the events they target: each target is read
/// with a replacement, or retracted. Later corrections win: they are walked from the
/// last, so that a correction that is itself corrected (or retracted) is read as
/// corrected before it is applied.
///
/// It needs only the corrections and the type of each target, so that a ledger can be
/// folded while it is read (``StreamedView``) as well as from memory (``LedgerView``).
public struct CorrectionOverrides: Sendable {
    // Indirect: a payload is large (the largest event type's), and a ledger may hold as
    // many overrides as events.
    indirect enum Override: Sendable {
        case replaced(EventPayload, JSONObject)
        case retracted
    }

    /// What the overrides need of a `correction.recorded` event: a ledger folded while it
    /// is read keeps only this of each correction, not the event.
    public struct Line: Sendable {
        let id: String
        let version: Int
        let correction: CorrectionRecorded
        /// The event itself, kept only for the audit (``outcomes``).
        let event: LedgerEvent?

        /// The correction `event` (of type `correction.recorded`); `keepingEvent` for an audit.
        init?(_ event: LedgerEvent, keepingEvent: Bool) {
            guard case .correctionRecorded(let correction) = event.payload else { return nil }
            id = event.id
            version = event.version
            // The reason is for the audit only.
            self.correction = keepingEvent ? correction : CorrectionRecorded(target: correction.target, reason: "", replacement: correction.replacement)
            self.event = keepingEvent ? event : nil
        }
    }

    /// What a correction did, for the audit (``CorrectionRecord``).
    struct Outcome {
        var correction: LedgerEvent
        var targetId: String
        var reason: String
        var replacement: JSONObject?
        var status: CorrectionRecord.Status
    }

    /// The override of each target, by the bytes of its id.
    private(set) var byId: [ByteKey: Override] = [:]
    /// What each correction did, from the last correction to the first (only for the lines
    /// that kept their event).
    private(set) var outcomes: [Outcome] = []

    /// Resolves `corrections` (the `correction.recorded` events, in `seq` order);
    /// `targetType` gives the type of the event with an id, `nil` when there is none.
    init(corrections: [LedgerEvent], targetType: (String) -> EventType?) {
        self.init(lines: corrections.compactMap { Line($0, keepingEvent: true) }, targetType: targetType)
    }

    /// Resolves the corrections `lines`, in `seq` order.
    init(lines: [Line], targetType: (String) -> EventType?) {
        func record(_ line: Line, _ correction: CorrectionRecorded, _ status: CorrectionRecord.Status) {
            guard let event = line.event else { return }
            outcomes.append(Outcome(
                correction: event, targetId: correction.target, reason: correction.reason,
                replacement: correction.replacement, status: status))
        }
        for line in lines.reversed() {
            let correction: CorrectionRecorded
            switch byId[ByteKey(line.id)] {
            case .retracted:
                if targetType(line.correction.target) != nil { record(line, line.correction, .retracted) }
                continue
            case .replaced(let replacement, _):
                guard case .correctionRecorded(let replaced) = replacement else { continue }
                correction = replaced
            case nil: correction = line.correction
            }
            guard let type = targetType(correction.target) else { continue }
            let target = ByteKey(correction.target)
            var status = CorrectionRecord.Status.applied
            if byId[target] != nil {
                status = .superseded
            } else if let replacement = correction.replacement {
                let version = EventType.replacementVersion(of: type, inCorrectionVersion: line.version)
                if let decoded = try? EventPayload(
                    type: type, version: version, data: .object(replacement), path: "data.replacement")
                {
                    byId[target] = .replaced(decoded, replacement)
                } else {
                    status = .invalid
                }
            } else {
                byId[target] = .retracted
            }
            record(line, correction, status)
        }
    }

    var isEmpty: Bool { byId.isEmpty }

    /// The override of the event with id `id`, `nil` when it is read as recorded.
    func override(ofId id: String) -> Override? {
        guard !byId.isEmpty else { return nil }
        return byId[ByteKey(id)]
    }

    /// `event` as the projections read it: corrected, or `nil` when retracted.
    func corrected(_ event: LedgerEvent) -> LedgerEvent? {
        guard let override = override(ofId: event.id) else { return event }
        switch override {
        case .retracted:
            return nil
        case .replaced(let payload, let data):
            var event = event
            event.replaceData(data, payload: payload)
            return event
        }
    }
}

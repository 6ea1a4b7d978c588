import PacteEvents

/// What the corrections of a ledger do to the events they target: each target is read
/// with a replacement, or retracted. Later corrections win: they are walked from the
/// last, so that a correction that is itself corrected (or retracted) is read as
/// corrected before it is applied.
///
/// It needs only the corrections and the type of each target, so that a ledger can be
/// folded while it is read (``StreamedView``) as well as from memory (``LedgerView``).
public struct CorrectionOverrides: Sendable {
    enum Override {
        case replaced(EventPayload, JSONObject)
        case retracted
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
    /// What each correction did, from the last correction to the first.
    private(set) var outcomes: [Outcome] = []

    /// Resolves `corrections` (the `correction.recorded` events, in `seq` order);
    /// `targetType` gives the type of the event with an id, `nil` when there is none.
    init(corrections: [LedgerEvent], targetType: (String) -> EventType?) {
        for event in corrections.reversed() {
            let payload: EventPayload
            switch byId[ByteKey(event.id)] {
            case .retracted:
                if case .correctionRecorded(let original) = event.payload, targetType(original.target) != nil {
                    outcomes.append(Outcome(
                        correction: event, targetId: original.target, reason: original.reason,
                        replacement: original.replacement, status: .retracted))
                }
                continue
            case .replaced(let replacement, _): payload = replacement
            case nil: payload = event.payload
            }
            guard case .correctionRecorded(let correction) = payload, let type = targetType(correction.target) else { continue }
            let target = ByteKey(correction.target)
            var status = CorrectionRecord.Status.applied
            if byId[target] != nil {
                status = .superseded
            } else if let replacement = correction.replacement {
                let version = EventType.replacementVersion(of: type, inCorrectionVersion: event.version)
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
            outcomes.append(Outcome(
                correction: event, targetId: correction.target, reason: correction.reason,
                replacement: correction.replacement, status: status))
        }
    }

    var isEmpty: Bool { byId.isEmpty }

    /// `event` as the projections read it: corrected, or `nil` when retracted.
    func corrected(_ event: LedgerEvent) -> LedgerEvent? {
        guard !byId.isEmpty, let override = byId[ByteKey(event.id)] else { return event }
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
